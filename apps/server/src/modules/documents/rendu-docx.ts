import {
  AlignmentType,
  ImageRun,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Bloc, DocumentContrat } from './modele-document';

const BLEU = '000091'; // bleu France of the State design system
const PNG_VIDE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');

const paragraphes = (texte: string, options: { italique?: boolean; gras?: boolean } = {}) =>
  texte
    .split('\n')
    .map(
      (ligne) =>
        new Paragraph({ spacing: { after: 80 }, children: [new TextRun({ text: ligne, italics: options.italique, bold: options.gras })] }),
    );

function cellule(texte: string, entete = false, largeur?: number) {
  return new TableCell({
    width: largeur ? { size: largeur, type: WidthType.PERCENTAGE } : undefined,
    shading: entete ? { type: ShadingType.CLEAR, fill: 'E3E3FD', color: 'auto' } : undefined,
    margins: { top: 60, bottom: 60, left: 80, right: 80 },
    children: paragraphes(texte, { gras: entete }),
  });
}

function tableau(entetes: string[], lignes: string[][], largeurs?: number[]) {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: entetes.map((e, i) => cellule(e, true, largeurs?.[i])) }),
      ...lignes.map((l) => new TableRow({ cantSplit: true, children: l.map((c, i) => cellule(c, false, largeurs?.[i])) })),
    ],
  });
}

const NIVEAUX = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function rendreBloc(bloc: Bloc): (Paragraph | Table)[] {
  switch (bloc.type) {
    case 'couverture':
      return [
        new Paragraph({
          spacing: { before: 2400, after: 240 },
          alignment: AlignmentType.CENTER,
          children: [new TextRun({ text: bloc.surtitre.toUpperCase(), bold: true, color: BLEU, size: 28 })],
        }),
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          spacing: { after: 480 },
          children: [new TextRun({ text: bloc.titre, bold: true, size: 44, color: BLEU })],
        }),
        ...bloc.lignes.map(
          (l) =>
            new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: l, size: 24 })] }),
        ),
      ];
    case 'titre':
      // A heading stays with what follows it.
      return [
        new Paragraph({
          heading: NIVEAUX[bloc.niveau],
          pageBreakBefore: bloc.nouvellePage,
          keepNext: true,
          spacing: { before: 240, after: 120 },
          children: [new TextRun({ text: bloc.texte, color: BLEU })],
        }),
      ];
    case 'paragraphe':
      return paragraphes(bloc.texte, { italique: bloc.italique });
    case 'liste':
      return bloc.elements.map((e) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun(e)] }));
    case 'tableau':
      return [tableau(bloc.entetes, bloc.lignes, bloc.largeurs), new Paragraph('')];
    case 'fiche':
      return [
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          pageBreakBefore: bloc.nouvellePage !== false,
          keepNext: true,
          spacing: { after: 160 },
          children: [new TextRun({ text: bloc.titre, color: BLEU })],
        }),
        tableau(
          ['Rubrique', 'Contenu'],
          bloc.sections.map((s) => [s.libelle, s.valeur]),
          [30, 70],
        ),
        ...bloc.tableaux.flatMap((t) => [
          new Paragraph({
            heading: HeadingLevel.HEADING_3,
            keepNext: true,
            spacing: { before: 200, after: 80 },
            children: [new TextRun(t.titre)],
          }),
          tableau(t.entetes, t.lignes),
        ]),
      ];
    case 'graphique':
      return [
        new Paragraph({
          keepNext: true,
          children: [
            new ImageRun({
              type: 'svg',
              data: Buffer.from(bloc.svg),
              // Word versions without SVG support show this blank fallback; the table that follows carries the figures.
              fallback: { type: 'png', data: PNG_VIDE },
              transformation: { width: bloc.largeur, height: bloc.hauteur },
              altText: {
                name: bloc.titre,
                title: bloc.titre,
                description: `${bloc.titre} (les valeurs figurent dans le tableau qui suit)`,
              },
            }),
          ],
        }),
      ];
    case 'citation':
      return [
        new Paragraph({
          indent: { left: 567 },
          spacing: { after: 40 },
          children: [new TextRun({ text: `« ${bloc.texte} »`, italics: true })],
        }),
        new Paragraph({ indent: { left: 567 }, spacing: { after: 160 }, children: [new TextRun({ text: `— ${bloc.auteur}`, size: 18 })] }),
      ];
    case 'signatures':
      return bloc.blocs.flatMap((s) => [
        new Paragraph({
          spacing: { before: 360 },
          keepNext: true,
          border: { top: { style: BorderStyle.SINGLE, size: 6, color: 'CCCCCC', space: 8 } },
          children: [new TextRun({ text: `Pour ${s.organisation}`, bold: true })],
        }),
        new Paragraph({
          keepNext: true,
          children: [new TextRun(s.representant || 'Nom et qualité du représentant : ____________________')],
        }),
        new Paragraph({ keepNext: true, children: [new TextRun(s.date)] }),
        new Paragraph({ spacing: { after: 720 }, children: [new TextRun({ text: 'Signature :', italics: true })] }),
      ]);
  }
}

export async function rendreDocx(document: DocumentContrat): Promise<Buffer> {
  const doc = new Document({
    creator: 'Maillage',
    title: document.titre,
    description: 'Contrat local de santé',
    // French as the document's language (w:lang), so spell-checkers and screen readers read it as French.
    styles: { default: { document: { run: { font: 'Marianne, Arial', size: 21, language: { value: 'fr-FR' } } } } },
    sections: [
      {
        properties: {},
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${document.titre} — page `, size: 16 }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
                ],
              }),
            ],
          }),
        },
        children: document.blocs.flatMap(rendreBloc),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
