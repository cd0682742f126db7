import { readFileSync } from 'node:fs';
import { COLONNES_CONTRAT_OUVERT } from '@maillage/domain';
import { ficheOuverteSchema, JEUX_OUVERTS, ressourceOuverteSchema, valeurSuiviOuverteSchema } from '@maillage/domain/api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erreursDescripteur, validerCsv, type DescripteurTableSchema } from '../../../test/donnees-ouvertes/valider-table';
import { demarrerServeurDeTest, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let anonyme: ClientHttp;
let cls1: string;
const schemas: Record<string, DescripteurTableSchema> = {};
const csv: Record<string, string> = {};

const sql = (texte: string, valeurs: unknown[] = []) => serveur.ctx.db.query(texte, valeurs);
const lireCsv = (texte: string): Record<string, string>[] => parse(texte, { columns: true });
const telecharger = async (chemin: string) => {
  const r = await fetch(serveur.url + chemin);
  return { status: r.status, type: r.headers.get('content-type'), texte: await r.text() };
};

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  anonyme = serveur.client();
  cls1 = (await sql(`select id from contrats where generation = 1 and intitule like '%Redon%'`)).rows[0].id;
  // Demo-like data for every dataset: a fiche of the published Redon CLS gets follow-up indicators as a pilote enters
  // them: values validated, and one only submitted (a value not yet validated is never public).
  const fiche = (await sql('select id from fiches where contrat_id = $1 order by numero limit 1', [cls1])).rows[0].id;
  const indicateur = async (libelle: string, pourcentage: boolean) =>
    (
      await sql(
        `insert into indicateurs_suivi (fiche_id, contrat_id, libelle, type, unite, source, pourcentage)
         values ($1, $2, $3, 'activite', $4, 'Bilans des actions', $5) returning id`,
        [fiche, cls1, libelle, pourcentage ? '%' : 'personnes', pourcentage],
      )
    ).rows[0].id;
  const sensibilises = await indicateur('Personnes sensibilisées', false);
  const part = await indicateur('Part des communes couvertes', true);
  await sql(
    `insert into valeurs_suivi (indicateur_id, periode, valeur, numerateur, denominateur, recit, etat) values
       ($1, '2024', 120, null, null, 'Récit interne', 'valide'), ($1, '2025-S1', 64, null, null, null, 'valide'),
       ($1, '2025-S2', 987654, null, null, null, 'soumis'), ($2, '2025', 40, 20, 50, null, 'valide')`,
    [sensibilises, part],
  );
  for (const jeu of JEUX_OUVERTS) {
    schemas[jeu] = (await anonyme.get(`/api/public/schemas/${jeu}.json`)).body;
    csv[jeu] = (await telecharger(`/api/public/${jeu}.csv`)).texte;
  }
});
afterAll(() => serveur.fermer());

describe('schémas Table Schema des jeux ouverts', () => {
  it.each(JEUX_OUVERTS)('%s : servi tel qu’il est dans le dépôt, valide selon le profil officiel, versionné', async (jeu) => {
    const r = await anonyme.get(`/api/public/schemas/${jeu}.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toContain('application/json');
    const fichier = JSON.parse(readFileSync(new URL(`./schemas/${jeu}.json`, import.meta.url), 'utf8'));
    expect(r.body).toEqual(fichier);
    expect(erreursDescripteur(r.body)).toEqual([]);
    expect(r.body.version).toMatch(/^\d+\.\d+\.\d+$/);
    for (const cle of ['name', 'title', 'description']) expect(r.body[cle], cle).toBeTruthy();
    expect(r.body.missingValues).toEqual(['']);
    expect(r.body.primaryKey.length).toBeGreaterThan(0);
    for (const champ of r.body.fields) expect(champ.description, `${jeu}.${champ.name}`).toBeTruthy();
  });

  it('ont les champs des réponses JSON, dans l’ordre', () => {
    const noms = (jeu: string) => schemas[jeu].fields.map((f) => f.name);
    expect(noms('contrats')).toEqual(COLONNES_CONTRAT_OUVERT);
    expect(noms('fiches')).toEqual(Object.keys(ficheOuverteSchema.shape));
    expect(noms('indicateurs')).toEqual(Object.keys(valeurSuiviOuverteSchema.shape));
    expect(noms('ressources')).toEqual(Object.keys(ressourceOuverteSchema.shape));
  });

  it('un descripteur faux est refusé par le profil (le contrôle peut échouer)', () => {
    expect(erreursDescripteur({ fields: [{ name: 'x', type: 'texte' }] }).length).toBeGreaterThan(0);
    expect(erreursDescripteur({ fields: [] }).length).toBeGreaterThan(0);
    expect(erreursDescripteur({ ...schemas.fiches, primaryKey: 3 }).length).toBeGreaterThan(0);
  });

  it('un jeu inconnu : 404 en français', async () => {
    const r = await anonyme.get('/api/public/schemas/financements.json');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body.detail).toBe('Jeu de données inconnu : « financements ». Jeux publiés : contrats, fiches, indicateurs, ressources.');
  });
});

describe('CSV des jeux ouverts, validés contre leur schéma', () => {
  it.each(JEUX_OUVERTS)(
    '%s : CSV UTF-8 à virgule, en-tête, chaque ligne conforme au schéma, mêmes enregistrements que le JSON',
    async (jeu) => {
      const r = await telecharger(`/api/public/${jeu}.csv`);
      expect(r.status).toBe(200);
      expect(r.type).toBe('text/csv; charset=utf-8');
      expect(validerCsv(r.texte, schemas[jeu])).toEqual([]);
      const lignes = lireCsv(r.texte);
      expect(lignes.length, 'un jeu vide ne prouverait rien').toBeGreaterThan(0);
      const json = (await anonyme.get(jeu === 'ressources' ? '/api/public/ressources.json' : `/api/public/${jeu}`)).body;
      expect(lignes.length).toBe(json.length);
      const cle = schemas[jeu].primaryKey as string[];
      expect(lignes.map((l) => cle.map((c) => l[c]).join('|'))).toEqual(json.map((e: any) => cle.map((c) => String(e[c])).join('|')));
    },
  );

  it('une ligne cassée est relevée : type, format, liste fermée, obligatoire, motif, clé en double, largeur', () => {
    const [entete, premiere] = csv.fiches.split('\r\n');
    const cellules = parse(premiere)[0] as string[];
    const index = (nom: string) => schemas.fiches.fields.findIndex((f) => f.name === nom);
    const avec = (changements: Record<string, string>) => {
      const copie = [...cellules];
      for (const [nom, v] of Object.entries(changements)) copie[index(nom)] = v;
      return copie.map((c) => `"${c.replaceAll('"', '""')}"`).join(',');
    };
    const casse = [
      entete,
      premiere,
      avec({ id: 'pas-un-uuid' }),
      avec({ id: crypto.randomUUID(), numero: 'douze' }),
      avec({ id: crypto.randomUUID(), debut: '2025-02-30' }),
      avec({ id: crypto.randomUUID(), statut: 'terminee' }),
      avec({ id: crypto.randomUUID(), intitule: '' }),
      avec({ id: crypto.randomUUID(), thematiques: 'Santé mentale' }),
      avec({ id: crypto.randomUUID(), avancement: '140' }),
      avec({ id: crypto.randomUUID(), modifieLe: '07/12/2026 10:00' }),
      premiere,
      `${avec({ id: crypto.randomUUID() })},en trop`,
      '',
    ].join('\r\n');
    const erreurs = validerCsv(casse, schemas.fiches).map((e) => `${e.ligne} ${e.champ}`);
    expect(erreurs).toEqual([
      '3 id',
      '4 numero',
      '5 debut',
      '6 statut',
      '7 intitule',
      '8 thematiques',
      '9 avancement',
      '10 modifieLe',
      '11 id', // unique
      '11 id', // primary key
      '12 null',
    ]);
    expect(validerCsv(`\uFEFF${csv.fiches}`, schemas.fiches).map((e) => e.message)).toEqual(['marque d’ordre des octets (BOM) en tête']);
    expect(validerCsv(csv.fiches.replace('contratId', 'contrat'), schemas.fiches)[0].message).toMatch(/^en-tête/);
  });
});

describe('ce que les jeux ouverts ne publient pas', () => {
  it('fiches et valeurs des seuls contrats publiés ; valeurs validées seulement, sans récit', async () => {
    const fiches = (await anonyme.get('/api/public/fiches')).body as any[];
    expect(new Set(fiches.map((f) => f.contratId))).toEqual(new Set([cls1]));
    const nombre = async (id: string) => (await sql('select count(*)::int n from fiches where contrat_id = $1', [id])).rows[0].n;
    expect(fiches.length).toBe(await nombre(cls1));

    const valeurs = (await anonyme.get('/api/public/indicateurs')).body as any[];
    expect(valeurs.length).toBe(3);
    expect(valeurs.map((v) => v.valeur)).not.toContain(987654);
    expect(csv.indicateurs).not.toContain('987654');
    expect(Object.keys(valeurs[0])).not.toContain('recit');
    expect(csv.indicateurs).not.toContain('Récit interne');
    expect(valeurs.find((v) => v.pourcentage)).toMatchObject({ periode: '2025', valeur: 40, numerateur: 20, denominateur: 50 });

    // Withdrawn from publication: its fiches and values leave the open data (the demo's other contracts have no fiche).
    await sql('update contrats set publie = false where id = $1', [cls1]);
    expect((await anonyme.get('/api/public/indicateurs')).body).toEqual([]);
    expect((await anonyme.get('/api/public/fiches')).body).toEqual([]);
    await sql('update contrats set publie = true where id = $1', [cls1]);
    expect((await anonyme.get('/api/public/indicateurs')).body.length).toBe(3);
  });

  it('ressources publiées et actives seulement', async () => {
    const avant = (await anonyme.get('/api/public/ressources.json')).body as any[];
    const [cachee, suspendue] = avant;
    await sql('update ressources set publie = false where id = $1', [cachee.id]);
    await sql(`update ressources set statut = 'suspendue' where id = $1`, [suspendue.id]);
    const apres = (await anonyme.get('/api/public/ressources.json')).body as any[];
    expect(apres.map((r) => r.id)).toEqual(avant.map((r) => r.id).filter((id) => id !== cachee.id && id !== suspendue.id));
    expect((await telecharger('/api/public/ressources.csv')).texte).not.toContain(cachee.id);
    await sql(`update ressources set publie = true, statut = 'active' where id = any($1::uuid[])`, [[cachee.id, suspendue.id]]);
  });
});

describe('avancement des fiches ouvertes', () => {
  it('est celui de la page publique du contrat, et suit un changement fait en SQL (gardé en mémoire, décision 0035)', async () => {
    const avancements = async () => new Map(((await anonyme.get('/api/public/fiches')).body as any[]).map((f) => [f.id, f.avancement]));
    const page = (await anonyme.get(`/api/public/contrats/${cls1}`)).body;
    const surLaPage = [
      ...page.axes.flatMap((a: any) => [...a.objectifs.flatMap((o: any) => o.fiches), ...a.fichesHorsObjectif]),
      ...page.fichesSansAxe,
    ];
    const avant = await avancements();
    expect(avant).toEqual(new Map(surLaPage.map((f: any) => [f.id, f.avancement])));

    const { id, statut } = (
      await sql(`select id, statut from fiches where contrat_id = $1 and statut <> 'realisee' order by numero desc limit 1`, [cls1])
    ).rows[0];
    await sql(`update fiches set statut = 'realisee' where id = $1`, [id]);
    expect((await avancements()).get(id)).toBe(100);
    await sql('update fiches set statut = $2 where id = $1', [id, statut]);
    expect(await avancements()).toEqual(avant);
  });
});
