import type { Bloc, DocumentContrat } from './modele-document';
import { MARGES, PdfBalise, type Struct } from './pdf-balise';

const BLEU = '#000091';
const TITRES = {
  1: { taille: 16, gras: true, couleur: BLEU, marges: [12, 8] },
  2: { taille: 13, gras: true, couleur: BLEU, marges: [10, 6] },
  3: { taille: 11, gras: true, marges: [8, 4] },
} as const;

/**
 * A heading, never alone at the bottom of a page: when it and the first lines of what follows do not fit below,
 * it goes to the next page with them.
 */
function titre(pdf: PdfBalise, parent: Struct, niveau: 1 | 2 | 3, texte: string, nouvellePage = false) {
  const { marges, ...style } = TITRES[niveau];
  if (nouvellePage && pdf.doc.y > MARGES.top) pdf.nouvellePage();
  else pdf.place(marges[0] + pdf.hauteur(texte, style) + marges[1] + 50);
  pdf.texte(parent, `H${niveau}`, texte, style, [pdf.doc.y > MARGES.top ? marges[0] : 0, marges[1]]);
}

function rendreBloc(pdf: PdfBalise, parent: Struct, bloc: Bloc) {
  switch (bloc.type) {
    case 'couverture':
      pdf.doc.y = MARGES.top + 160;
      pdf.texte(parent, 'P', bloc.surtitre.toUpperCase(), { taille: 14, gras: true, couleur: BLEU, alignement: 'center' }, [0, 16]);
      // The cover title is the document's title, the one heading above the model's H1 sections.
      pdf.texte(parent, 'H1', bloc.titre, { taille: 22, gras: true, couleur: BLEU, alignement: 'center' }, [0, 32]);
      for (const l of bloc.lignes) pdf.texte(parent, 'P', l, { taille: 12, alignement: 'center' }, [0, 8]);
      return;
    case 'titre':
      return titre(pdf, parent, bloc.niveau, bloc.texte, bloc.nouvellePage);
    case 'paragraphe':
      return pdf.texte(parent, 'P', bloc.texte, { italique: bloc.italique });
    case 'liste':
      return pdf.liste(parent, bloc.elements);
    case 'tableau':
      return pdf.tableau(parent, bloc.entetes, bloc.lignes, bloc.largeurs);
    case 'fiche': {
      const sect = pdf.doc.struct('Sect');
      parent.add(sect);
      titre(pdf, sect, 2, bloc.titre, bloc.nouvellePage !== false);
      pdf.tableau(
        sect,
        ['Rubrique', 'Contenu'],
        bloc.sections.map((s) => [s.libelle, s.valeur]),
        [30, 70],
      );
      for (const t of bloc.tableaux) {
        titre(pdf, sect, 3, t.titre);
        pdf.tableau(sect, t.entetes, t.lignes);
      }
      sect.end();
      return;
    }
    case 'graphique':
      return pdf.figure(parent, bloc.svg, bloc.largeur, bloc.hauteur, bloc.titre);
    case 'citation': {
      const citation = pdf.doc.struct('BlockQuote');
      parent.add(citation);
      const largeur = pdf.largeur - 20;
      pdf.texte(citation, 'P', `« ${bloc.texte} »`, { italique: true }, [2, 0], MARGES.left + 20, largeur);
      pdf.texte(citation, 'P', `— ${bloc.auteur}`, { taille: 8, couleur: '#666666' }, [0, 8], MARGES.left + 20, largeur);
      citation.end();
      return;
    }
    case 'signatures':
      return signatures(pdf, parent, bloc.blocs);
  }
}

/** Signature blocks two by two, each kept whole on a page. */
function signatures(pdf: PdfBalise, parent: Struct, blocs: Extract<Bloc, { type: 'signatures' }>['blocs']) {
  const largeur = pdf.largeur / 2 - 12;
  const lignes = (s: (typeof blocs)[number]) =>
    [
      [`Pour ${s.organisation}`, { gras: true }, 0],
      [s.representant || 'Nom et qualité : ____________________', {}, 0],
      [s.date, {}, 0],
      ['Signature :', { italique: true }, 4],
    ] as const;
  const hauteur = (s: (typeof blocs)[number]) =>
    lignes(s).reduce((h, [t, style, m]) => h + m + pdf.hauteur(t, style, largeur), 0) + 48 + 24;
  for (let i = 0; i < blocs.length; i += 2) {
    const paire = blocs.slice(i, i + 2);
    pdf.place(Math.max(...paire.map(hauteur)));
    const y = pdf.doc.y;
    let fin = y;
    paire.forEach((s, colonne) => {
      pdf.doc.y = y;
      const div = pdf.doc.struct('Div');
      parent.add(div);
      for (const [t, style, m] of lignes(s)) pdf.texte(div, 'P', t, style, [m, 0], MARGES.left + colonne * (largeur + 24), largeur);
      div.end();
      fin = Math.max(fin, pdf.doc.y + 48 + 24);
    });
    pdf.doc.y = fin;
  }
}

/** The contract as a tagged PDF (PDF/UA-style structure, French, its title shown by readers). */
export function rendrePdf(document: DocumentContrat, options: { compresser?: boolean } = {}): Promise<Buffer> {
  const pdf = new PdfBalise(document.titre, options);
  for (const bloc of document.blocs) rendreBloc(pdf, pdf.racine, bloc);
  pdf.piedsDePage((page, total) => `${document.titre} — page ${page} sur ${total}`);
  return pdf.terminer();
}
