import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, texteDocx, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

/** Parcours, steps, ruptures and grid (issue 17 items 4–6) on Redon's CLS 2, through real HTTP and PostgreSQL. */

let serveur: ServeurDeTest;
let admin: ClientHttp, coordination: ClientHttp, lecteur: ClientHttp, cpam: ClientHttp, anonyme: ClientHttp;
let cls2: string, cls1: string;
let ficheCls2: string, ficheCls1: string, verbatim: string, clic: string, maia: string;

const patch = (c: ClientHttp, chemin: string, corps: unknown) => c.requete('PATCH', chemin, corps);

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [admin, coordination, lecteur, cpam, anonyme] = [
    serveur.client(),
    serveur.client(),
    serveur.client(),
    serveur.client(),
    serveur.client(),
  ];
  await admin.connecter(DEMO.admin);
  await coordination.connecter(DEMO.coordination);
  await lecteur.connecter(DEMO.lecteur);
  await cpam.connecter(DEMO.cpam);
  const q = async (sql: string, p: unknown[] = []) => (await serveur.ctx.db.query(sql, p)).rows;
  cls2 = (await q(`select id from contrats where intitule like '%Redon Agglomération (2e génération)%'`))[0].id;
  cls1 = (await q(`select id from contrats where intitule like '%Pays de Redon-Bretagne Sud%'`))[0].id;
  // CLS 2's plan is being written: its first fiche-action, the one the parcours serve.
  const fiche = await coordination.post(`/api/contrats/${cls2}/fiches`, { intitule: 'Repérer la fragilité des personnes âgées' });
  expect(fiche.status, JSON.stringify(fiche.body)).toBe(201);
  ficheCls2 = fiche.body.id;
  ficheCls1 = (await q('select id from fiches where contrat_id = $1 order by numero limit 1', [cls1]))[0].id;
  verbatim = (await q('select id from verbatims where contrat_id = $1 order by cree_le, id limit 1', [cls2]))[0].id;
  clic = (await q(`select id from ressources where nom = 'CLIC de Redon Agglomération'`))[0].id;
  maia = (await q(`select id from ressources where nom = 'MAIA du pays de Redon'`))[0].id;
}, 180_000);
afterAll(() => serveur.fermer());

async function nouveauParcours(titre = 'Personnes âgées à domicile') {
  const r = await coordination.post(`/api/contrats/${cls2}/parcours`, {
    titre,
    publics: ['personnes_agees'],
    etapes: [{ code: 'information' }, { code: 'depistage' }, { code: 'soins' }, { code: 'retour_domicile' }],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (await coordination.get(`/api/parcours/${r.body.id}`)).body;
}

describe('parcours d’un contrat', () => {
  it('la démo en décrit un sur le CLS 2 de Redon, aux quatre étapes du seed 001, sans rupture inventée', async () => {
    const demo = (await lecteur.get(`/api/contrats/${cls2}/parcours`)).body.elements.find((x: any) =>
      x.titre.startsWith('Personnes âgées'),
    );
    const p = (await lecteur.get(`/api/parcours/${demo.id}`)).body;
    expect(p.etapes.map((e: any) => e.libelle)).toEqual(['Information', 'Dépistage', 'Soins', 'Retour à domicile']);
    expect(p.etapes[0].ressources.map((r: any) => r.nom)).toEqual(['CLIC de Redon Agglomération']);
    expect(p.etapes[3].ressources.map((r: any) => r.nom)).toEqual(['MAIA du pays de Redon']);
    expect(demo.rupturesOuvertes).toBe(0);
  });

  it('la coordination le crée avec ses étapes suggérées ; un lecteur le lit sans pouvoir le modifier', async () => {
    const p = await nouveauParcours();
    expect(p.etapes.map((e: any) => [e.position, e.code, e.libelle])).toEqual([
      [1, 'information', 'Information'],
      [2, 'depistage', 'Dépistage'],
      [3, 'soins', 'Soins'],
      [4, 'retour_domicile', 'Retour à domicile'],
    ]);
    expect(p.modifiable).toBe(true);
    const lu = await lecteur.get(`/api/parcours/${p.id}`);
    expect(lu.status).toBe(200);
    expect(lu.body.modifiable).toBe(false);
    expect((await lecteur.get(`/api/contrats/${cls2}/parcours`)).body.elements.some((x: any) => x.id === p.id)).toBe(true);
    const refus = await lecteur.post(`/api/contrats/${cls2}/parcours`, { titre: 'Santé mentale' });
    expect(refus.status).toBe(403);
    expect((await patch(lecteur, `/api/parcours/${p.id}`, { titre: 'Autre', version: p.version })).status).toBe(403);
    expect((await anonyme.get(`/api/parcours/${p.id}`)).status).toBe(401);
    // The CPAM's referent is no reader of CLS 2's text: the parcours is not disclosed.
    expect([403, 404]).toContain((await cpam.post(`/api/contrats/${cls2}/parcours`, { titre: 'Santé mentale' })).status);
    const invalide = await coordination.post(`/api/contrats/${cls2}/parcours`, { titre: 'x', publics: ['martiens'] });
    expect(invalide.status).toBe(400);
    expect(invalide.body.detail).toBeTruthy();
  });

  it('une modification sur une version périmée reçoit 409 et n’écrit rien', async () => {
    const p = await nouveauParcours('Santé mentale');
    const ok = await patch(coordination, `/api/parcours/${p.id}`, { titre: 'Santé mentale des jeunes', version: p.version });
    expect(ok.status).toBe(200);
    const perime = await patch(admin, `/api/parcours/${p.id}`, { titre: 'Écrasé', version: p.version });
    expect(perime.status).toBe(409);
    expect(perime.body.detail).toMatch(/modifié entre-temps/);
    expect((await lecteur.get(`/api/parcours/${p.id}`)).body.titre).toBe('Santé mentale des jeunes');
    expect((await coordination.delete(`/api/parcours/${p.id}?version=${p.version}`)).status).toBe(409);
    expect((await coordination.delete(`/api/parcours/${p.id}?version=${ok.body.version}`)).status).toBe(204);
    expect((await coordination.get(`/api/parcours/${p.id}`)).status).toBe(404);
  });

  it('ajoute, réordonne (au clavier : position ± 1) et retire les étapes, la version du parcours gardant l’ordre', async () => {
    const p = await nouveauParcours('Femme enceinte en précarité');
    const ajout = await coordination.post(`/api/parcours/${p.id}/etapes`, { code: 'reperage', position: 1, version: p.version });
    expect(ajout.status, JSON.stringify(ajout.body)).toBe(201);
    expect(ajout.body.etapes.map((e: any) => e.libelle)).toEqual(['Repérage', 'Information', 'Dépistage', 'Soins', 'Retour à domicile']);
    const libre = await coordination.post(`/api/parcours/${p.id}/etapes`, { libelle: 'Suivi post-natal', version: ajout.body.version });
    expect(libre.body.etapes.at(-1)).toMatchObject({ code: null, libelle: 'Suivi post-natal', position: 6 });
    const soins = libre.body.etapes.find((e: any) => e.code === 'soins');
    const monte = await coordination.post(`/api/parcours/${p.id}/etapes/${soins.id}/position`, {
      position: soins.position - 1,
      version: libre.body.version,
    });
    expect(monte.status).toBe(200);
    expect(monte.body.etapes.map((e: any) => e.libelle)).toEqual([
      'Repérage',
      'Information',
      'Soins',
      'Dépistage',
      'Retour à domicile',
      'Suivi post-natal',
    ]);
    expect(monte.body.etapes.map((e: any) => e.position)).toEqual([1, 2, 3, 4, 5, 6]);
    // The same move sent from a stale screen.
    const perime = await coordination.post(`/api/parcours/${p.id}/etapes/${soins.id}/position`, {
      position: 1,
      version: libre.body.version,
    });
    expect(perime.status).toBe(409);
    const dernier = monte.body.etapes.at(-1);
    const retrait = await coordination.delete(`/api/parcours/${p.id}/etapes/${dernier.id}?version=${dernier.version}`);
    expect(retrait.status).toBe(200);
    expect(retrait.body.etapes).toHaveLength(5);
    const { rows } = await serveur.ctx.db.query(
      `select action from audit_evenements where entite_type = 'etape_parcours' and contexte ->> 'parcoursId' = $1 order by id`,
      [p.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['creation', 'creation', 'deplacement', 'suppression']);
  });

  it('lie ressources et fiches-action aux étapes ; la fiche montre ses parcours ; une fiche d’un autre contrat est refusée', async () => {
    const p = await nouveauParcours('Parcours des personnes âgées');
    const info = p.etapes[0];
    const r = await patch(coordination, `/api/parcours/${p.id}/etapes/${info.id}`, {
      ressourceIds: [clic, maia],
      ficheIds: [ficheCls2],
      version: info.version,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const etape = r.body.etapes[0];
    expect(etape.ressources.map((x: any) => x.nom).sort()).toEqual(['CLIC de Redon Agglomération', 'MAIA du pays de Redon']);
    expect(etape.fiches.map((f: any) => f.id)).toEqual([ficheCls2]);
    const deFiche = await lecteur.get(`/api/fiches/${ficheCls2}/parcours`);
    expect(deFiche.status).toBe(200);
    expect(deFiche.body.find((x: any) => x.id === p.id)).toMatchObject({
      titre: 'Parcours des personnes âgées',
      etapes: [{ id: info.id, libelle: 'Information' }],
    });
    const autre = await patch(coordination, `/api/parcours/${p.id}/etapes/${info.id}`, { ficheIds: [ficheCls1], version: etape.version });
    expect(autre.status).toBe(400);
    expect(autre.body.detail).toMatch(/fiche-action de ce contrat/);
    const perime = await patch(coordination, `/api/parcours/${p.id}/etapes/${info.id}`, { libelle: 'Info', version: info.version });
    expect(perime.status).toBe(409);
  });
});

describe('ruptures', () => {
  it('suivent signalée → analysée → traitée (par une fiche) → close, et seules les ouvertes restent sur l’étape', async () => {
    const p = await nouveauParcours('Du dépistage aux soins');
    const [, depistage, soins] = p.etapes;
    const creee = await coordination.post(`/api/parcours/${p.id}/ruptures`, {
      etapeId: depistage.id,
      versEtapeId: soins.id,
      description: 'Après un dépistage positif, pas de rendez-vous de spécialiste dans les délais',
      preuves: [
        { type: 'verbatim', verbatimId: verbatim },
        { type: 'signalement', texte: 'Signalé en groupe de travail', auteur: 'Médecin généraliste' },
      ],
      publics: ['personnes_agees'],
      gravite: 'elevee',
    });
    expect(creee.status, JSON.stringify(creee.body)).toBe(201);
    expect(creee.body).toMatchObject({ statut: 'signalee', transitions: ['analysee', 'close'], fiche: null });
    expect(creee.body.preuves[0]).toMatchObject({ type: 'verbatim', referenceId: verbatim });
    expect(creee.body.preuves[0].texte.length).toBeGreaterThan(5);
    const id = creee.body.id;
    const chemin = `/api/parcours/${p.id}/ruptures/${id}/statut`;
    const saut = await coordination.post(chemin, { statut: 'traitee', version: 1 });
    expect(saut.status).toBe(409);
    expect(saut.body.detail).toMatch(/ne peut passer/);
    const analysee = await coordination.post(chemin, { statut: 'analysee', version: 1 });
    expect(analysee.status).toBe(200);
    const sansFiche = await coordination.post(chemin, { statut: 'traitee', version: analysee.body.version });
    expect(sansFiche.status).toBe(409);
    expect(sansFiche.body.detail).toMatch(/fiche/);
    expect((await coordination.post(chemin, { statut: 'traitee', ficheId: ficheCls2, version: 1 })).status).toBe(409); // stale
    const traitee = await coordination.post(chemin, { statut: 'traitee', ficheId: ficheCls2, version: analysee.body.version });
    expect(traitee.status).toBe(200);
    expect(traitee.body.fiche.id).toBe(ficheCls2);
    let lu = (await lecteur.get(`/api/parcours/${p.id}`)).body;
    expect(lu.etapes[1].rupturesOuvertes.map((x: any) => x.id)).toEqual([id]);
    expect((await lecteur.get(`/api/fiches/${ficheCls2}/parcours`)).body.find((x: any) => x.id === p.id).ruptures).toEqual([
      { id, description: creee.body.description, statut: 'traitee' },
    ]);
    const close = await coordination.post(chemin, { statut: 'close', version: traitee.body.version });
    expect(close.status).toBe(200);
    lu = (await lecteur.get(`/api/parcours/${p.id}`)).body;
    expect(lu.etapes[1].rupturesOuvertes).toEqual([]);
    expect((await lecteur.get(`/api/parcours/${p.id}/ruptures?statut=close`)).body.map((x: any) => x.id)).toEqual([id]);
    expect((await lecteur.post(chemin, { statut: 'signalee', version: close.body.version })).status).toBe(403);
    const { rows } = await serveur.ctx.db.query(
      `select action, diff -> 'statut' as statut from audit_evenements where entite_type = 'rupture_parcours' and entite_id = $1 order by id`,
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(['creation', 'statut', 'statut', 'statut']);
    // A step carrying a rupture stays.
    expect((await coordination.delete(`/api/parcours/${p.id}/etapes/${depistage.id}?version=${depistage.version}`)).status).toBe(409);
  });

  it('refusent une preuve étrangère au diagnostic du contrat, en nommant le champ', async () => {
    const p = await nouveauParcours('Accès aux droits');
    const r = await coordination.post(`/api/parcours/${p.id}/ruptures`, {
      etapeId: p.etapes[0].id,
      description: 'Rupture sans preuve valable',
      preuves: [{ type: 'constat', constatId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(r.status).toBe(400);
    expect(r.body.erreurs[0].champ).toBe('preuves.0');
  });
});

describe('grille de coopération locale', () => {
  function textePdf(contenu: Buffer) {
    const fichier = path.join(os.tmpdir(), `grille-${process.pid}-${Date.now()}.pdf`);
    fs.writeFileSync(fichier, contenu);
    try {
      return execFileSync('pdftotext', ['-layout', fichier, '-'], { encoding: 'utf8' });
    } finally {
      fs.rmSync(fichier);
    }
  }

  it('s’édite case par case (409 si périmée) et s’exporte en XLSX, DOCX, PDF et en annexe du contrat', async () => {
    const p = await nouveauParcours('Grille des personnes âgées');
    const [info, depistage] = p.etapes;
    await patch(coordination, `/api/parcours/${p.id}/etapes/${info.id}`, { ressourceIds: [clic], version: info.version });
    let g = (await coordination.get(`/api/parcours/${p.id}/grille`)).body;
    expect(g.acteurs).toEqual([expect.objectContaining({ type: 'ressource', id: clic, surLesEtapes: true })]);
    const cellule = { acteurType: 'ressource', acteurId: clic, etapeId: info.id };
    const r1 = await coordination.put(`/api/parcours/${p.id}/grille/cellules`, {
      ...cellule,
      roles: ['oriente', 'informe', 'informe'],
      version: 0,
    });
    expect(r1.status, JSON.stringify(r1.body)).toBe(200);
    expect(r1.body.cellules).toEqual([{ ...cellule, roles: ['informe', 'oriente'], version: 1 }]);
    expect((await coordination.put(`/api/parcours/${p.id}/grille/cellules`, { ...cellule, roles: ['coordonne'], version: 0 })).status).toBe(
      409,
    );
    const org = (await serveur.ctx.db.query(`select id from organisations where nom = 'Centre hospitalier de Redon'`)).rows[0].id;
    g = (
      await coordination.put(`/api/parcours/${p.id}/grille/cellules`, {
        acteurType: 'organisation',
        acteurId: org,
        etapeId: depistage.id,
        roles: ['evalue', 'prend_en_charge'],
        version: 0,
      })
    ).body;
    expect(g.acteurs.map((a: any) => a.nom)).toEqual(['Centre hospitalier de Redon', 'CLIC de Redon Agglomération']);
    expect((await lecteur.put(`/api/parcours/${p.id}/grille/cellules`, { ...cellule, roles: [], version: 1 })).status).toBe(403);

    const xlsx = await lecteur.telecharger(`/api/parcours/${p.id}/grille.xlsx`);
    expect(xlsx.status).toBe(200);
    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load(xlsx.corps as never);
    const feuille = classeur.worksheets[0]!;
    const valeurs = (n: number) => (feuille.getRow(n).values as unknown[]).slice(1);
    expect(valeurs(1)).toEqual(['Acteur', '1. Information', '2. Dépistage', '3. Soins', '4. Retour à domicile']);
    expect(valeurs(2).slice(0, 3)).toEqual(['Centre hospitalier de Redon', '', 'Évalue, Prend en charge']);
    expect(valeurs(3).slice(0, 2)).toEqual(['CLIC de Redon Agglomération (Redon Agglomération)', 'Informe, Oriente']);

    const docx = await lecteur.telecharger(`/api/parcours/${p.id}/grille.docx`);
    expect(docx.status).toBe(200);
    const texte = texteDocx(docx.corps).replace(/\s+/g, ' ');
    expect(texte).toContain('Grille de coopération locale — Grille des personnes âgées');
    expect(texte).toContain('Évalue, Prend en charge');
    const pdf = await lecteur.telecharger(`/api/parcours/${p.id}/grille.pdf`);
    expect(pdf.type).toBe('application/pdf');
    const textePdfLu = textePdf(pdf.corps).replace(/\s+/g, ' ');
    expect(textePdfLu).toContain('Grille des personnes âgées');
    expect(textePdfLu).toContain('Informe, Oriente');

    const avec = texteDocx((await lecteur.telecharger(`/api/contrats/${cls2}/document.docx?annexes=grilles`)).corps).replace(/\s+/g, ' ');
    expect(avec).toContain('Annexe — Grilles de coopération locale');
    expect(avec).toContain('Grille de coopération locale — Grille des personnes âgées');
    const sans = texteDocx((await lecteur.telecharger(`/api/contrats/${cls2}/document.docx`)).corps);
    expect(sans).not.toContain('Grilles de coopération locale');
    const pdfContrat = await lecteur.telecharger(`/api/contrats/${cls2}/document.pdf?annexes=grilles`);
    expect(textePdf(pdfContrat.corps).replace(/\s+/g, ' ')).toContain('Grilles de coopération locale');
    expect((await lecteur.get(`/api/contrats/${cls2}/document.pdf?annexes=tout`)).status).toBe(400);
  });
});
