import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from './harness';
import { RACINE } from '../src/config';

/** What the plan tests share: one server per test file, the demo's organisations and contracts, and helpers. */
export const TET = path.resolve(RACINE, '../shared/interop/tet');
export const lireTet = (nom: string) => fs.readFileSync(path.join(TET, nom));

export let serveur: ServeurDeTest;
export let coordination: ClientHttp;
export let ids: Record<string, string>;
export let contrats: Record<string, string>;

async function organisation(nom: string) {
  const { rows } = await serveur.ctx.db.query('select id from organisations where nom = $1', [nom]);
  return rows[0].id as string;
}

let numeroContrat = 0;
export async function nouveauContrat(): Promise<string> {
  const r = await coordination.post('/api/contrats', {
    intitule: `CLS d’essai pour l’import n° ${++numeroContrat}`,
    perimetre: { epci: ['243500741'], communes: [] },
    generation: 3,
    arsIds: [ids.ars],
    porteursIds: [ids.redon],
    periode: { debut: '2027-01-01', fin: '2031-12-31' },
  });
  expect(r.status).toBe(201);
  return r.body.id;
}

export async function importer(client: ClientHttp, contratId: string, contenu: Buffer, nom: string, dryRun = false) {
  const formulaire = new FormData();
  formulaire.append('fichier', new Blob([new Uint8Array(contenu)]), nom);
  const r = await fetch(`${serveur.url}/api/contrats/${contratId}/plan/import?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf! },
    body: formulaire,
  });
  return { status: r.status, type: r.headers.get('content-type'), body: (await r.json()) as any };
}

export async function telecharger(client: ClientHttp, chemin: string) {
  const r = await fetch(serveur.url + chemin, { headers: { cookie: client.cookie! } });
  return { status: r.status, headers: r.headers, contenu: Buffer.from(await r.arrayBuffer()) };
}

/** The contract's fiches in full, in list order: the list route carries only what the list screens show. */
export const fichesDe = async (contratId: string) => {
  const liste = (await coordination.get(`/api/contrats/${contratId}/fiches`)).body as any[];
  return Promise.all(liste.map(async (f) => ({ ...f, ...(await coordination.get(`/api/fiches/${f.id}`)).body })));
};
export const axesDe = async (contratId: string) => (await coordination.get(`/api/contrats/${contratId}`)).body.axes as any[];
export const nombreFichesEnBase = async () => (await serveur.ctx.db.query('select count(*)::int n from fiches')).rows[0].n as number;

/** A fiche as the API gives it, without what differs between two contracts or two runs. */
export function comparable(f: any) {
  const { id, contratId, version, modifieLe, axeId, objectifId, historiqueStatuts, modifiable, ...reste } = f;
  return {
    ...reste,
    axe: f.axe && { numero: f.axe.numero, intitule: f.axe.intitule },
    objectif: f.objectif && { numero: f.objectif.numero, intitule: f.objectif.intitule },
    financements: f.financements.map(({ id: _, ...l }: any) => l),
    indicateurs: f.indicateurs.map(({ id: _, version: __, ...i }: any) => i),
  };
}

export function installerBanc() {
  beforeAll(async () => {
    serveur = await demarrerServeurDeTest();
    coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    ids = {
      ars: await organisation('ARS Bretagne'),
      redon: await organisation('Redon Agglomération'),
      cpam: await organisation('CPAM d’Ille-et-Vilaine'),
      chRedon: await organisation('Centre hospitalier de Redon'),
    };
    const liste = (await coordination.get('/api/contrats')).body as any[];
    contrats = {
      cls1: liste.find((c) => c.intitule === 'Contrat local de santé du Pays de Redon-Bretagne Sud').id,
      cls2: liste.find((c) => c.intitule === 'Contrat local de santé de Redon Agglomération (2e génération)').id,
    };
  });
  afterAll(() => serveur.fermer());
}

export async function tetModifie(nom: string, modifications: [ligne: number, colonne: number, valeur: ExcelJS.CellValue][]) {
  const classeur = new ExcelJS.Workbook();
  await classeur.xlsx.load(lireTet(nom) as unknown as ArrayBuffer);
  const feuille = classeur.getWorksheet('Fichier dimport')!;
  for (const [ligne, colonne, valeur] of modifications) feuille.getRow(ligne).getCell(colonne).value = valeur;
  return Buffer.from(await classeur.xlsx.writeBuffer());
}

export const resumeFiche = (f: any) => ({
  numero: f.numero,
  ordre: f.ordre,
  intitule: f.intitule,
  pilotes: f.pilotes.map((p: any) => p.libelle),
  statut: f.statut,
});
