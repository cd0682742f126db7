import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { creerDonneesDemo } from '../../demo/demo.service';
import fs from 'node:fs';
import path from 'node:path';
import { RACINE } from '../../config';
import { preparerDonneesDeReference } from '../../donnees-de-reference';
import { assurerAdministrateur } from '../comptes/utilisateurs.service';
import { TYPOLOGIE_CVL } from './typologies.referentiel';

let serveur: ServeurDeTest;
let ars: ClientHttp;
let admin: ClientHttp;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  ars = serveur.client();
  await ars.connecter(DEMO.ars);
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
});
afterAll(() => serveur.fermer());

async function importer(csv: string) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([csv]), 'valeurs.csv');
  formulaire.append('options', '{}');
  const r = await fetch(`${serveur.url}/api/indicateurs/valeurs/import`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: ars.cookie!, 'x-csrf-token': ars.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}

const REDON = '243500741';
const BREST = '242900314';
const LORIENT = '200042174';
const RENNES = '243500139';
const QUIMPER = '200068120';

describe('vulnérabilité : couverture des critères et période de chaque valeur', () => {
  beforeAll(async () => {
    // Poverty rates of 2019 for three Breton EPCIs (Redon's is published for 2018 only), unemployment of 2021 for them
    // (Redon's too, from the fixtures), and Quimper with unemployment only.
    const lignes = [
      ...[
        [BREST, '14'],
        [LORIENT, '13'],
        [RENNES, '10,5'],
      ].map(([c, v]) => `taux_pauvrete;epci;${c};2019;${v};Insee 2019`),
      ...[
        [BREST, '9'],
        [LORIENT, '10'],
        [RENNES, '8'],
        [QUIMPER, '30'],
      ].map(([c, v]) => `taux_chomage;epci;${c};2021;${v};Insee 2021`),
    ];
    const r = await importer(`indicateur;territoire_type;territoire_code;periode;valeur;source\n${lignes.join('\n')}\n`);
    expect(r.body).toMatchObject({ applique: true, rejetees: 0 });
  });

  it('prend la valeur la plus récente de chaque EPCI (Redon : 12,7 % en 2018), le dit, et ne classe que les EPCI complets', async () => {
    const r = await ars.get('/api/vulnerabilite?region=53&indicateurs=taux_pauvrete,taux_chomage');
    expect(r.status).toBe(200);
    const redon = r.body.epci.find((e: any) => e.territoire === REDON);
    expect(redon.valeurs.taux_pauvrete).toBe(12.7);
    expect(redon.periodes).toEqual({ taux_pauvrete: '2018', taux_chomage: '2021' });
    expect(redon).toMatchObject({ complet: true, couverture: { renseignes: 2, retenus: 2, texte: '2 critères sur 2' } });
    expect(r.body.criteres.find((c: any) => c.indicateur === 'taux_pauvrete')).toMatchObject({
      choixPeriode: 'derniere_par_epci',
      periodesUtilisees: ['2018', '2019'],
      periode: '2019',
    });

    const classes = r.body.epci.filter((e: any) => e.rang !== null);
    expect(classes.map((e: any) => e.territoire).sort()).toEqual([BREST, LORIENT, RENNES, REDON].sort());
    expect(classes.every((e: any) => e.couverture.texte === '2 critères sur 2')).toBe(true);
    // Quimper, with the worst unemployment but no poverty rate, is not ranked: it comes after every ranked EPCI.
    const quimper = r.body.epci.find((e: any) => e.territoire === QUIMPER);
    expect(quimper).toMatchObject({ rang: null, score: null, complet: false, couverture: { texte: '1 critère sur 2' } });
    expect(quimper.scorePartiel).toBeGreaterThan(0);
    expect(r.body.epci.findIndex((e: any) => e.territoire === QUIMPER)).toBe(classes.length);
  });

  it('avec une période choisie, ne retient que les valeurs de cette période : Redon, sans taux de pauvreté 2019, n’est pas classé', async () => {
    const r = await ars.get('/api/vulnerabilite?region=53&indicateurs=taux_pauvrete,taux_chomage&periodes=2019,');
    expect(r.status).toBe(200);
    const redon = r.body.epci.find((e: any) => e.territoire === REDON);
    expect(redon).toMatchObject({
      rang: null,
      complet: false,
      valeurs: { taux_pauvrete: null, taux_chomage: 11.8 },
      periodes: { taux_pauvrete: null, taux_chomage: '2021' },
    });
    expect(r.body.criteres.find((c: any) => c.indicateur === 'taux_pauvrete')).toMatchObject({ choixPeriode: 'choisie', periode: '2019' });
    expect(r.body.epci.filter((e: any) => e.rang !== null)).toHaveLength(3);
    const illisible = await ars.get('/api/vulnerabilite?region=53&indicateurs=taux_pauvrete&periodes=l’an dernier');
    expect(illisible.status).toBe(400);
    expect(illisible.body.detail).toMatch(/Période illisible/);
  });
});

describe('typologie des EPCI du Centre-Val de Loire', () => {
  it('est chargée au démarrage, telle que publiée, une seule fois', async () => {
    const lire = async () => (await ars.get('/api/typologies?region=24')).body;
    const typologies = await lire();
    expect(typologies).toHaveLength(1);
    expect(typologies[0]).toMatchObject({ code: TYPOLOGIE_CVL, regionCode: '24' });
    expect(typologies[0].classes.map((c: any) => [c.code, c.nombreEpciPublie, c.habitantsPublies, c.partPopulationPubliee])).toEqual([
      ['A', 18, 1350577, 52.8],
      ['B', 42, 495120, 19.4],
      ['C', 38, 479118, 18.7],
      ['D', 29, 226536, 8.9],
    ]);
    expect(typologies[0].classes[3].description).toMatch(/rural, vieillissant, défavorisé/);
    // The classes as the fixture of the source gives them (production does not ship ../shared/fixtures).
    const [, ...lignes] = fs
      .readFileSync(path.resolve(RACINE, '../shared/fixtures/centre-val-de-loire-typologie-epci.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(
      typologies[0].classes.map((c: any) =>
        [c.code, c.description, c.nombreEpciPublie, c.habitantsPublies, c.partPopulationPubliee].join(';'),
      ),
    ).toEqual(lignes.map((l) => l.replace(/,(\d)$/, '.$1')));
    const journal: string[] = [];
    await preparerDonneesDeReference(serveur.ctx.db, (m) => journal.push(m));
    await creerDonneesDemo(serveur.ctx, () => {});
    expect(await lire()).toEqual(typologies);
    expect(journal).toEqual([]);
  });

  it('est là sur une base neuve sans données de démonstration : un administrateur y saisit la classe des EPCI', async () => {
    const neuve = await demarrerServeurDeTest({ demo: false });
    try {
      await assurerAdministrateur(neuve.ctx, 'admin@exemple.fr', 'Une phrase de passe assez longue 2024');
      const administrateur = neuve.client();
      await administrateur.connecter('admin@exemple.fr', 'Une phrase de passe assez longue 2024');
      const liste = await administrateur.get('/api/typologies?region=24');
      expect(liste.status).toBe(200);
      expect(liste.body.map((t: any) => [t.code, t.classes.length])).toEqual([[TYPOLOGIE_CVL, 4]]);
      const { rows } = await neuve.ctx.db.query(
        `select code from territoires where type = 'epci' and region_code = '24' order by code limit 1`,
      );
      const r = await administrateur.put(`/api/typologies/${TYPOLOGIE_CVL}/epci`, { affectations: [{ epci: rows[0].code, classe: 'C' }] });
      expect(r.status).toBe(200);
      expect(r.body.classes.map((k: any) => k.epciAffectes)).toEqual([0, 0, 1, 0]);
      const { rows: audit } = await neuve.ctx.db.query(
        `select acteur_libelle, contexte from audit_evenements where entite_type = 'typologie' and action = 'creation'`,
      );
      expect(audit).toEqual([{ acteur_libelle: 'Système', contexte: { referentiel: true } }]);
    } finally {
      await neuve.fermer();
    }
  });

  it('reçoit la classe de chaque EPCI, puis la vue de vulnérabilité filtre et porte la classe', async () => {
    const { rows } = await serveur.ctx.db.query(
      `select code from territoires where type = 'epci' and region_code = '24' order by code limit 3`,
    );
    const [a, b, c] = rows.map((r) => r.code);
    const chemin = `/api/typologies/${TYPOLOGIE_CVL}/epci`;
    expect((await ars.put(chemin, { affectations: [{ epci: a, classe: 'D' }] })).status).toBe(403);
    const mauvaise = await admin.put(chemin, {
      affectations: [
        { epci: a, classe: 'E' },
        { epci: REDON, classe: 'A' },
      ],
    });
    expect(mauvaise.status).toBe(400);
    expect(mauvaise.body.detail).toMatch(/Classe « E » inconnue/);
    expect(mauvaise.body.erreurs.map((e: any) => e.champ)).toEqual(['affectations.0.classe', 'affectations.1.epci']);
    const ok = await admin.put(chemin, {
      affectations: [
        { epci: a, classe: 'D' },
        { epci: b, classe: 'D' },
        { epci: c, classe: 'A' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.classes.map((k: any) => k.epciAffectes)).toEqual([1, 0, 0, 2]);
    const { rows: audit } = await serveur.ctx.db.query(
      `select action from audit_evenements where entite_type = 'typologie' and entite_id = $1 order by id desc limit 1`,
      [TYPOLOGIE_CVL],
    );
    expect(audit[0].action).toBe('affectations');

    const tout = await ars.get(`/api/vulnerabilite?region=24&indicateurs=densite_mg&typologie=${TYPOLOGIE_CVL}`);
    expect(tout.status).toBe(200);
    expect(tout.body.typologie.code).toBe(TYPOLOGIE_CVL);
    expect(tout.body.epci.find((e: any) => e.territoire === a).classe).toMatchObject({ code: 'D' });
    expect(tout.body.epci.filter((e: any) => e.classe === null).length).toBe(tout.body.epci.length - 3);
    const d = await ars.get(`/api/vulnerabilite?region=24&indicateurs=densite_mg&typologie=${TYPOLOGIE_CVL}&classe=D`);
    expect(d.body.epci.map((e: any) => e.territoire).sort()).toEqual([a, b].sort());
    expect(d.body.classe).toBe('D');
    const autreRegion = await ars.get(`/api/vulnerabilite?region=53&indicateurs=densite_mg&typologie=${TYPOLOGIE_CVL}`);
    expect(autreRegion.status).toBe(400);
    // Loading again at start keeps what was entered.
    await preparerDonneesDeReference(serveur.ctx.db, () => {});
    await creerDonneesDemo(serveur.ctx, () => {});
    expect((await ars.get('/api/typologies?region=24')).body[0].classes.map((k: any) => k.epciAffectes)).toEqual([1, 0, 0, 2]);
  });
});
