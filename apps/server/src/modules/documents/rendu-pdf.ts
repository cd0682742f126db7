import { createRequire } from 'node:module';
import type { Bloc, DocumentContrat } from './modele-document';

const require = createRequire(import.meta.url);
const PdfPrinter = require('pdfmake');
const vfs: Record<string, string> = require('pdfmake/build/vfs_fonts.js');

// Roboto ships with pdfmake; the fonts are read once.
const police = (fichier: string) => Buffer.from(vfs[fichier], 'base64');
const imprimante = new PdfPrinter({
  Roboto: { normal: police('Roboto-Regular.ttf'), bold: police('Roboto-Medium.ttf'), italics: police('Roboto-Italic.ttf'), bolditalics: police('Roboto-MediumItalic.ttf') },
});

const BLEU = '#000091';

function tableau(entetes: string[], lignes: string[][], largeurs?: (number | string)[]) {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: largeurs ?? entetes.map(() => '*'),
      body: [entetes.map((e) => ({ text: e, bold: true, fillColor: '#E3E3FD' })), ...lignes],
    },
    layout: { hLineColor: '#CCCCCC', vLineColor: '#CCCCCC', paddingTop: () => 3, paddingBottom: () => 3 },
    margin: [0, 4, 0, 10],
  };
}

function rendreBloc(bloc: Bloc): unknown[] {
  switch (bloc.type) {
    case 'couverture':
      return [
        { text: bloc.surtitre.toUpperCase(), bold: true, color: BLEU, fontSize: 14, alignment: 'center', margin: [0, 160, 0, 16] },
        { text: bloc.titre, style: 'titre', alignment: 'center', margin: [0, 0, 0, 32] },
        ...bloc.lignes.map((l) => ({ text: l, alignment: 'center', fontSize: 12, margin: [0, 0, 0, 8] })),
      ];
    case 'titre':
      return [{ text: bloc.texte, style: `h${bloc.niveau}`, pageBreak: bloc.nouvellePage ? 'before' : undefined, tocItem: bloc.niveau === 1, headlineLevel: bloc.niveau }];
    case 'paragraphe':
      return [{ text: bloc.texte, italics: bloc.italique, margin: [0, 0, 0, 6] }];
    case 'liste':
      return [{ ul: bloc.elements, margin: [0, 0, 0, 8] }];
    case 'tableau':
      return [tableau(bloc.entetes, bloc.lignes, bloc.largeurs?.map((l) => `${l}%`))];
    case 'fiche':
      return [
        { text: bloc.titre, style: 'h2', pageBreak: bloc.nouvellePage === false ? undefined : 'before', headlineLevel: 2 },
        tableau(['Rubrique', 'Contenu'], bloc.sections.map((s) => [s.libelle, s.valeur]), ['30%', '70%']),
        ...bloc.tableaux.flatMap((t) => [{ text: t.titre, style: 'h3', headlineLevel: 3 }, tableau(t.entetes, t.lignes)]),
      ];
    case 'graphique':
      return [{ svg: bloc.svg, width: Math.min(bloc.largeur, 495), margin: [0, 4, 0, 4], unbreakable: true }];
    case 'citation':
      return [{ stack: [{ text: `« ${bloc.texte} »`, italics: true }, { text: `— ${bloc.auteur}`, fontSize: 8, color: '#666666' }], margin: [20, 2, 0, 8] }];
    case 'signatures':
      return [
        {
          columns: [0, 1].map((colonne) => ({
            stack: bloc.blocs
              .filter((_, i) => i % 2 === colonne)
              .map((s) => ({
                unbreakable: true,
                margin: [0, 0, 12, 24],
                stack: [
                  { text: `Pour ${s.organisation}`, bold: true },
                  { text: s.representant || 'Nom et qualité : ____________________' },
                  { text: s.date },
                  { text: 'Signature :', italics: true, margin: [0, 4, 0, 48] },
                ],
              })),
          })),
        },
      ];
  }
}

export function rendrePdf(document: DocumentContrat): Promise<Buffer> {
  const pdf = imprimante.createPdfKitDocument({
    info: { title: document.titre, author: 'Maillage', subject: 'Contrat local de santé' },
    // Language and title for assistive technologies. pdfmake 0.2 writes no structure tree, so the PDF is not tagged:
    // `tagged: true` would only claim it (decision 0007 says what remains to do).
    language: 'fr-FR',
    displayTitle: true,
    // A heading never ends a page: when nothing of what follows it fits below, it goes to the next page with it
    // (the footer, laid out on every page, does not count).
    pageBreakBefore: (noeud: { headlineLevel?: number }, suivants: { style?: unknown }[]) => !!noeud.headlineLevel && suivants.every((n) => n.style === 'pied'),
    pageSize: 'A4',
    pageMargins: [50, 50, 50, 60],
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      titre: { fontSize: 22, bold: true, color: BLEU },
      h1: { fontSize: 16, bold: true, color: BLEU, margin: [0, 12, 0, 8] },
      h2: { fontSize: 13, bold: true, color: BLEU, margin: [0, 10, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
      pied: { alignment: 'center', fontSize: 8, color: '#666666', margin: [0, 20, 0, 0] },
    },
    footer: (page: number, total: number) => ({ text: `${document.titre} — page ${page} sur ${total}`, style: 'pied' }),
    content: document.blocs.flatMap(rendreBloc),
  });
  return new Promise((resolve, reject) => {
    const morceaux: Buffer[] = [];
    pdf.on('data', (m: Buffer) => morceaux.push(m));
    pdf.on('end', () => resolve(Buffer.concat(morceaux)));
    pdf.on('error', reject);
    pdf.end();
  });
}
