import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, texteDocx, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import type { Bloc } from './modele-document';
import { rendrePdf } from './rendu-pdf';

let serveur: ServeurDeTest;
let admin: ClientHttp;
let contrats: any[];

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  admin = serveur.client();
  await admin.connecter(DEMO.admin);
  contrats = (await admin.get('/api/contrats')).body;
});
afterAll(() => serveur.fermer());

const telecharger = (chemin: string) => admin.telecharger(chemin);

/** Per page, the font size of each text object, read from the PDF's own content streams (8: the footer). */
function taillesParPage(pdf: Buffer): number[][] {
  const texte = pdf.toString('latin1');
  const objets = new Map<string, string>();
  for (const m of texte.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) objets.set(m[1], m[2]);
  const pages = [...objets.values()].find((o) => /\/Type \/Pages\b/.test(o))!;
  return [...pages.match(/\/Kids \[([^\]]*)\]/)![1].matchAll(/(\d+) 0 R/g)].map(([, page]) => {
    const contenu = objets.get(objets.get(page)!.match(/\/Contents (\d+) 0 R/)![1])!;
    const flux = zlib.inflateSync(Buffer.from(contenu.match(/stream\r?\n([\s\S]*?)\r?\nendstream/)![1], 'latin1')).toString('latin1');
    return [...flux.matchAll(/BT[\s\S]*?\/F\d+ ([\d.]+) Tf[\s\S]*?ET/g)].map((m) => Number(m[1]));
  });
}

/** One part of a DOCX (word/styles.xml…), read with unzip. */
function partieDocx(contenu: Buffer, partie: string) {
  const fichier = path.join(os.tmpdir(), `maillage-${process.pid}-${Date.now()}.docx`);
  fs.writeFileSync(fichier, contenu);
  try {
    return execFileSync('unzip', ['-p', fichier, partie], { encoding: 'utf8' });
  } finally {
    fs.rmSync(fichier);
  }
}

describe('document du contrat', () => {
  it('écrit en français sans les fautes relevées : accords, articles, génération dite une fois', async () => {
    const fautes: string[] = [];
    for (const c of contrats) {
      const texte = texteDocx((await telecharger(`/api/contrats/${c.id}/document.docx`)).corps);
      const departements = /Départements? : (.*?)\s{3,}/.exec(texte);
      if (departements && /^Départements/.test(departements[0]) !== departements[1]!.includes(' et '))
        fautes.push(`${c.intitule} : ${departements[0]}`);
      for (const motif of [
        /\w\(s\)/,
        /(\([^()]{3,}\))\s*\1/,
        /conclu entre (ARS|Agence|Conseil|Communauté|Caisse)/,
        /Pour (ARS|Agence|Conseil|Communauté|Caisse)\b/,
        /\baucun (séance|offre|fiche|commune|valeur|action)/,
      ])
        if (motif.test(texte)) fautes.push(`${c.intitule} : ${motif.exec(texte)![0]}`);
    }
    expect(contrats.length).toBeGreaterThan(2);
    expect(fautes).toEqual([]);
  });

  it('produit un DOCX avec les parties, les axes, une signature par signataire et chaque fiche en annexe', async () => {
    const belleIle = contrats.find((c) => c.intitule.includes('Belle-Île'));
    const r = await telecharger(`/api/contrats/${belleIle.id}/document.docx`);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(r.disposition).toBe('attachment; filename="contrat-local-de-sante-de-belle-ile-en-mer.docx"');
    expect(r.corps.subarray(0, 2).toString()).toBe('PK');
    const texte = texteDocx(r.corps);
    for (const attendu of [
      'Contrat local de santé de Belle-Île-en-Mer',
      'Les parties au contrat',
      'Pour le Conseil départemental du Morbihan',
      'Signé le 1er janvier 2013',
      'Axe 1. Améliorer l’organisation et l’accès aux soins',
      'Gouvernance',
      'au moins deux fois par an',
    ])
      expect(texte).toContain(attendu);
    expect(texte.match(/Pour (l’|la |le )?[A-Z]/g)).toHaveLength(3);
  });

  it('met les 39 fiches de Redon en annexe, dans l’ordre de la liste, en DOCX comme en PDF', async () => {
    const cls1 = contrats.find((c) => c.intitule === 'Contrat local de santé du Pays de Redon-Bretagne Sud');
    const docx = await telecharger(`/api/contrats/${cls1.id}/document.docx`);
    const texte = texteDocx(docx.corps);
    const numeros = [...texte.matchAll(/Fiche-action n° (\d+) —/g)].map((m) => Number(m[1]));
    expect(numeros).toHaveLength(39);
    expect(numeros.slice(8, 12)).toEqual([9, 38, 39, 10]);
    expect(texte).toMatch(/Porteur \/ pilote|Porteurs \/ pilotes/);
    expect(texte).toContain('Redon Agglomération, CLIC');

    const pdf = await telecharger(`/api/contrats/${cls1.id}/document.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.corps.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = Number(pdf.corps.toString('latin1').match(/\/Type \/Pages[^>]*\/Count (\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(39); // cover, body, signatures, then one page per fiche at least
  });

  it('donne la version signée ou consolidée, et 404 quand il n’y en a pas', async () => {
    const belleIle = contrats.find((c) => c.intitule.includes('Belle-Île'));
    const signee = await telecharger(`/api/contrats/${belleIle.id}/document.docx?version=signee`);
    expect(signee.disposition).toContain('-signe.docx');
    expect(texteDocx(signee.corps)).toContain('Version signée le 1er janvier 2013');
    const cls2 = contrats.find((c) => c.generation === 2);
    expect((await telecharger(`/api/contrats/${cls2.id}/document.pdf?version=signee`)).status).toBe(404);
    const projet = texteDocx((await telecharger(`/api/contrats/${cls2.id}/document.docx`)).corps);
    expect(projet).toContain('Projet de contrat');
  });

  it('garde chaque titre avec ce qui le suit : aucune page ne finit sur un titre', async () => {
    for (let lignes = 30; lignes <= 45; lignes++) {
      const blocs: Bloc[] = [
        ...Array.from({ length: lignes }, (_, i) => ({ type: 'paragraphe' as const, texte: `Paragraphe ${i + 1}` })),
        { type: 'titre', niveau: 1, texte: 'Annexe' },
        { type: 'paragraphe', texte: 'Ce qui suit le titre.' },
      ];
      const pages = taillesParPage(await rendrePdf({ titre: 'Essai', blocs }));
      for (const [n, tailles] of pages.entries()) {
        const corps = tailles.filter((t) => t !== 8);
        if (n < pages.length - 1) expect(corps.at(-1), `${lignes} paragraphes, page ${n + 1}`).not.toBe(16);
      }
    }
  });

  it('produit un PDF balisé : arbre de structure, langue, titres H1 à H3, listes, tableaux, pieds de page en artefacts', async () => {
    const blocs: Bloc[] = [
      { type: 'couverture', surtitre: 'Contrat local de santé', titre: 'Essai', lignes: ['2027-2031'] },
      { type: 'titre', niveau: 1, texte: 'Les parties au contrat', nouvellePage: true },
      { type: 'paragraphe', texte: 'Un paragraphe.' },
      { type: 'liste', elements: ['Premier', 'Second'] },
      { type: 'titre', niveau: 2, texte: 'Gouvernance' },
      { type: 'tableau', entetes: ['Instance', 'Rythme'], lignes: [['COPIL', 'au moins deux fois par an']] },
      {
        type: 'fiche',
        titre: 'Fiche-action n° 1 — Essai',
        sections: [{ libelle: 'Pilote', valeur: 'Centre hospitalier (CH)' }],
        tableaux: [{ titre: 'Indicateurs', entetes: ['Indicateur'], lignes: [['Nombre']] }],
      },
    ];
    const pdf = (await rendrePdf({ titre: 'Essai', blocs }, { compresser: false })).toString('latin1');
    const objets = new Map([...pdf.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)].map((m) => [m[1], m[2]]));
    const catalogue = [...objets.values()].find((o) => /\/Type \/Catalog\b/.test(o))!;
    expect(catalogue).toMatch(/\/StructTreeRoot \d+ 0 R/);
    expect(catalogue).toMatch(/\/Lang \(fr-FR\)/);
    expect(objets.get(catalogue.match(/\/MarkInfo (\d+) 0 R/)![1])).toMatch(/\/Marked true/);
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
    expect(pdf.slice(0, 8)).toBe('%PDF-1.7');
    const balises = new Set([...pdf.matchAll(/\/S \/(\w+)/g)].map((m) => m[1]));
    for (const balise of ['Document', 'H1', 'H2', 'H3', 'P', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'Sect'])
      expect(balises, balise).toContain(balise);
    // Each heading's text is marked content of its structure element; the footer is a pagination artifact.
    expect(pdf).toMatch(/\/H2 <<\s*\/MCID \d+\s*>> BDC/);
    expect(pdf.match(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/g)).toHaveLength(
      taillesParPage(await rendrePdf({ titre: 'Essai', blocs })).length,
    );

    // The downloaded contract is tagged the same way.
    const cls1 = contrats.find((c) => c.intitule === 'Contrat local de santé du Pays de Redon-Bretagne Sud');
    const telecharge = (await telecharger(`/api/contrats/${cls1.id}/document.pdf`)).corps.toString('latin1');
    expect(telecharge).toMatch(/\/StructTreeRoot/);
    expect(telecharge).toMatch(/\/S \/H1\b/);
    expect(telecharge).toMatch(/\/S \/TD\b/);
  });

  it('met la première fiche sous le titre de l’annexe, écrit les pilotes en entier avec leur sigle, en français', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const { rows } = await serveur.ctx.db.query(
      `select id, nom, sigle from organisations where sigle is not null and sigle <> nom order by nom limit 1`,
    );
    const pilote = rows[0];
    const nouveau = async (intitule: string) =>
      (
        await coordination.post('/api/contrats', {
          intitule,
          perimetre: { epci: ['243500741'], communes: [] },
          generation: 3,
          arsIds: [(await serveur.ctx.db.query(`select id from organisations where nom = 'ARS Bretagne'`)).rows[0].id],
          porteursIds: [(await serveur.ctx.db.query(`select id from organisations where nom = 'Redon Agglomération'`)).rows[0].id],
          periode: { debut: '2027-01-01', fin: '2031-12-31' },
        })
      ).body.id as string;
    const vide = await nouveau('CLS sans fiche');
    const avecFiche = await nouveau('CLS avec fiche');
    await coordination.post(`/api/contrats/${avecFiche}/fiches`, {
      intitule: 'Une fiche courte',
      pilotes: [{ organisationId: pilote.id, service: 'pôle prévention' }],
    });
    const pages = async (id: string) => taillesParPage((await coordination.telecharger(`/api/contrats/${id}/document.pdf`)).corps).length;
    // The annex heading and the first fiche share a page: one short fiche adds no page.
    expect(await pages(avecFiche)).toBe(await pages(vide));

    const pdf = (await coordination.telecharger(`/api/contrats/${avecFiche}/document.pdf`)).corps.toString('latin1');
    expect(pdf).toMatch(/\/Lang \(fr-FR\)/);
    expect(pdf).toMatch(/\/DisplayDocTitle true/);
    const docx = (await coordination.telecharger(`/api/contrats/${avecFiche}/document.docx`)).corps;
    expect(texteDocx(docx)).toContain(`${pilote.nom} (${pilote.sigle}), pôle prévention`);
    expect(partieDocx(docx, 'word/styles.xml')).toMatch(/<w:lang w:val="fr-FR"/);
  });

  it('suit les droits de lecture du contrat', async () => {
    const cls2 = contrats.find((c) => c.generation === 2);
    const r = await fetch(`${serveur.url}/api/contrats/${cls2.id}/document.pdf`);
    expect(r.status).toBe(401);
    const cpam = serveur.client();
    await cpam.connecter(DEMO.cpam);
    const belleIle = contrats.find((c) => c.intitule === 'Contrat local de santé de Belle-Île-en-Mer'); // the CPAM is not engaged in it
    const refus = await fetch(`${serveur.url}/api/contrats/${belleIle.id}/document.pdf`, { headers: { cookie: cpam.cookie! } });
    expect(refus.status).toBe(404);
  });
});

describe('fichiers déposés', () => {
  async function deposer(client: ClientHttp, contratId: string, nom: string, contenu: string | Buffer, categorie?: string) {
    const formulaire = new FormData();
    formulaire.append('fichier', new Blob([contenu]), nom);
    if (categorie) formulaire.append('categorie', categorie);
    const r = await fetch(`${serveur.url}/api/contrats/${contratId}/fichiers`, {
      method: 'POST',
      body: formulaire,
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrf! },
    });
    return { status: r.status, body: (await r.json()) as any };
  }

  it('se déposent, se listent, se téléchargent à l’identique et se suppriment, avec audit', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = contrats.find((c) => c.generation === 2);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2048, 7)]);
    const depot = await deposer(coordination, cls2.id, 'Compte rendu COPIL 1er juillet 2021.pdf', pdf, 'Compte rendu');
    expect(depot.status).toBe(201);
    expect(depot.body).toMatchObject({
      nom: 'Compte rendu COPIL 1er juillet 2021.pdf',
      typeMime: 'application/pdf',
      taille: pdf.length,
      categorie: 'Compte rendu',
      creePar: 'Marie Dupont',
    });
    const liste = await coordination.get(`/api/contrats/${cls2.id}/fichiers`);
    expect(liste.body.map((f: any) => f.nom)).toEqual(['Compte rendu COPIL 1er juillet 2021.pdf']);
    const telecharge = await fetch(`${serveur.url}/api/fichiers/${depot.body.id}`, { headers: { cookie: coordination.cookie! } });
    expect(telecharge.headers.get('content-disposition')).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('Compte rendu COPIL 1er juillet 2021.pdf')}`,
    );
    expect(Buffer.from(await telecharge.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await coordination.delete(`/api/fichiers/${depot.body.id}`)).status).toBe(204);
    const h = await coordination.get(`/api/contrats/${cls2.id}/historique`);
    expect(h.body.elements.slice(0, 2).map((e: any) => `${e.entiteType}:${e.action}`)).toEqual([
      'document:suppression',
      'document:creation',
    ]);
  });

  it('refuse un format inconnu, un fichier vide et un lecteur', async () => {
    const coordination = serveur.client();
    await coordination.connecter(DEMO.coordination);
    const cls2 = contrats.find((c) => c.generation === 2);
    const exe = await deposer(coordination, cls2.id, 'programme.exe', 'MZ');
    expect(exe.status).toBe(400);
    expect(exe.body.erreurs).toEqual([{ champ: 'fichier', message: 'Format de fichier non accepté' }]);
    expect((await deposer(coordination, cls2.id, 'vide.pdf', '')).status).toBe(400);
    const lecteur = serveur.client();
    await lecteur.connecter(DEMO.lecteur);
    expect((await deposer(lecteur, cls2.id, 'note.txt', 'bonjour')).status).toBe(403);
  });
});
