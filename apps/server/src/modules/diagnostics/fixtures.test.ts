import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { RACINE } from '../../config';
import { assurerAdministrateur } from '../comptes/utilisateurs.service';
import { INDICATEURS_DEMO } from '../../demo/diagnostics-demo';

const FIXTURES = path.resolve(RACINE, '../shared/fixtures');

let serveur: ServeurDeTest;
let admin: ClientHttp;

// A database without demo data: the catalogue is created and every value file imported through the HTTP API.
beforeAll(async () => {
  serveur = await demarrerServeurDeTest({ demo: false });
  await assurerAdministrateur(serveur.ctx, 'admin@exemple.fr', 'mot de passe administrateur');
  admin = serveur.client();
  await admin.connecter('admin@exemple.fr', 'mot de passe administrateur');
  for (const indicateur of INDICATEURS_DEMO) expect((await admin.post('/api/indicateurs', indicateur)).status).toBe(201);
});
afterAll(() => serveur.fermer());

async function importer(fichier: string, options: object) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([fs.readFileSync(path.join(FIXTURES, fichier))]), fichier);
  formulaire.append('options', JSON.stringify(options));
  const r = await fetch(`${serveur.url}/api/indicateurs/valeurs/import`, {
    method: 'POST',
    body: formulaire,
    headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrf! },
  });
  return { status: r.status, body: (await r.json()) as any };
}

describe('import de chaque fixture par l’API', () => {
  it('redon-indicateurs-2021.csv : 32 valeurs, classes d’intervalle gardées', async () => {
    const r = await importer('redon-indicateurs-2021.csv', {});
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ applique: true, rejetees: 0, valeursValides: 32, creees: 32 });
    const { rows } = await serveur.ctx.db.query(`select count(*)::int n from valeurs where nature = 'intervalle'`);
    expect(rows[0].n).toBe(3);
  });

  it('centre-val-de-loire-indicateurs.csv : 17 valeurs régionales, départementales et nationales', async () => {
    const r = await importer('centre-val-de-loire-indicateurs.csv', {});
    expect(r.body).toMatchObject({ applique: true, rejetees: 0, valeursValides: 17 });
  });

  it('redon-professionnels-2020.csv : un tableau large, « - » lu comme zéro ou comme secret selon le choix', async () => {
    const options = (tiret: string) => ({
      tiret,
      source: `Rezone CPTS (${tiret})`,
      large: {
        territoireType: 'commune',
        periode: '2020',
        indicateurs: {
          medecins_generalistes: 'effectif_mg',
          infirmiers: 'effectif_infirmiers',
          masseurs_kinesitherapeutes: 'effectif_masseurs_kinesitherapeutes',
          orthophonistes: 'effectif_orthophonistes',
        },
      },
    });
    const zero = await importer('redon-professionnels-2020.csv', options('zero'));
    expect(zero.body).toMatchObject({
      mode: 'large',
      applique: true,
      lignesLues: 31,
      valeursValides: 124,
      colonnesIgnorees: ['commune', 'departement'],
    });
    const secret = await importer('redon-professionnels-2020.csv', options('secret'));
    expect(secret.body).toMatchObject({ applique: true, valeursValides: 124 });
    const { rows } = await serveur.ctx.db.query(
      `select source, count(*) filter (where nature = 'masquee')::int masquees, sum(valeur)::int total from valeurs where indicateur_code = 'effectif_mg' and territoire_type = 'commune' group by source order by source`,
    );
    expect(rows).toEqual([
      { source: 'Rezone CPTS (secret)', masquees: 17, total: 40 },
      { source: 'Rezone CPTS (zero)', masquees: 0, total: 40 },
    ]);
  });

  it('redon-professionnels-2020.csv : le sens de « - » se choisit colonne par colonne, comme la source le dit', async () => {
    const r = await importer('redon-professionnels-2020.csv', {
      tiret: 'secret',
      source: 'Rezone CPTS (par colonne)',
      large: {
        territoireType: 'commune',
        periode: '2020',
        indicateurs: {
          medecins_generalistes: 'effectif_mg',
          infirmiers: 'effectif_infirmiers',
          masseurs_kinesitherapeutes: 'effectif_masseurs_kinesitherapeutes',
          orthophonistes: 'effectif_orthophonistes',
        },
        tirets: { medecins_generalistes: 'zero' },
      },
    });
    expect(r.body).toMatchObject({ applique: true, rejetees: 0, valeursValides: 124 });
    const { rows } = await serveur.ctx.db.query(
      `select indicateur_code as code, count(*) filter (where nature = 'masquee')::int masquees, count(*) filter (where nature = 'exacte' and valeur = 0)::int zeros,
         sum(valeur)::int total, min(tiret) tiret, max(tiret) tiret_max
       from valeurs where source = 'Rezone CPTS (par colonne)' group by 1 order by 1`,
    );
    expect(rows).toEqual([
      { code: 'effectif_infirmiers', masquees: 11, zeros: 0, total: 60, tiret: 'secret', tiret_max: 'secret' },
      { code: 'effectif_masseurs_kinesitherapeutes', masquees: 19, zeros: 0, total: 39, tiret: 'secret', tiret_max: 'secret' },
      { code: 'effectif_mg', masquees: 0, zeros: 17, total: 40, tiret: 'zero', tiret_max: 'zero' },
      { code: 'effectif_orthophonistes', masquees: 25, zeros: 0, total: 14, tiret: 'secret', tiret_max: 'secret' },
    ]);
    const mauvais = await importer('redon-professionnels-2020.csv', {
      large: { periode: '2020', indicateurs: { infirmiers: 'effectif_infirmiers' }, tirets: { infirmiers: 'rien' } },
    });
    expect(mauvais.status).toBe(400);
    expect(JSON.stringify(mauvais.body)).toMatch(/Sens de « - »/);
  });

  it('centre-val-de-loire-typologie-epci.csv n’est pas un fichier de valeurs : l’import le dit sans rien écrire', async () => {
    const r = await importer('centre-val-de-loire-typologie-epci.csv', {});
    expect(r.status).toBe(400);
    expect(r.body.detail).toMatch(/Aucune colonne reconnue|Colonne du code de territoire introuvable/);
  });
});
