import { createRequire } from 'node:module';

/**
 * A small tagged-PDF writer on pdfkit (the fork pdfmake 0.2 already uses): text flows from top to bottom, every
 * piece of content belongs to a structure element (H1, P, L/LI, Table/TR/TH/TD…), and what only decorates (cell
 * fills, rules, the running footer) is marked as an artifact, so screen readers read the contract in order.
 */
const require = createRequire(import.meta.url);
const PDFDocument = require('@foliojs-fork/pdfkit');
const SVGtoPDF = require('pdfmake/src/3rd-party/svg-to-pdfkit');
const vfs: Record<string, string> = require('pdfmake/build/vfs_fonts.js');

// Roboto ships with pdfmake; the fonts are read once (Medium as bold, as pdfmake did).
const police = (fichier: string) => Buffer.from(vfs[fichier], 'base64');
const POLICES = {
  normal: police('Roboto-Regular.ttf'),
  gras: police('Roboto-Medium.ttf'),
  italique: police('Roboto-Italic.ttf'),
  grasItalique: police('Roboto-MediumItalic.ttf'),
};

// pdfkit ships no types.
export type Struct = any;

export interface Style {
  taille?: number;
  gras?: boolean;
  italique?: boolean;
  couleur?: string;
  alignement?: 'left' | 'center' | 'right' | 'justify';
}

export const MARGES = { top: 50, left: 50, right: 50, bottom: 60 };

export class PdfBalise {
  readonly doc: any;
  readonly racine: Struct;

  constructor(titre: string, options: { compresser?: boolean } = {}) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGES,
      bufferPages: true,
      compress: options.compresser ?? true,
      pdfVersion: '1.7',
      tagged: true,
      lang: 'fr-FR',
      displayTitle: true,
      info: { Title: titre, Author: 'Maillage', Subject: 'Contrat local de santé' },
    });
    this.doc.registerFont('normal', POLICES.normal);
    this.doc.registerFont('gras', POLICES.gras);
    this.doc.registerFont('italique', POLICES.italique);
    this.doc.registerFont('grasItalique', POLICES.grasItalique);
    this.racine = this.doc.struct('Document');
    this.doc.addStructure(this.racine);
  }

  get largeur(): number {
    return this.doc.page.width - MARGES.left - MARGES.right;
  }
  get bas(): number {
    return this.doc.page.height - MARGES.bottom;
  }

  /** Sets the font and returns the text options for that style. */
  style(s: Style = {}, largeur = this.largeur) {
    const taille = s.taille ?? 10;
    const nom = s.gras ? (s.italique ? 'grasItalique' : 'gras') : s.italique ? 'italique' : 'normal';
    this.doc
      .font(nom)
      .fontSize(taille)
      .fillColor(s.couleur ?? '#000000');
    return { width: largeur, align: s.alignement ?? 'left', lineGap: taille * 0.2 };
  }

  hauteur(texte: string, s: Style = {}, largeur = this.largeur): number {
    return this.doc.heightOfString(texte || ' ', this.style(s, largeur));
  }

  nouvellePage() {
    this.doc.addPage();
  }

  /** Goes to the next page unless `hauteur` still fits below. */
  place(hauteur: number) {
    if (this.doc.y + hauteur > this.bas && this.doc.y > MARGES.top) this.nouvellePage();
  }

  /** One block of text as the structure element `balise` (P, H1…), added to `parent`. */
  texte(
    parent: Struct,
    balise: string,
    texte: string,
    s: Style = {},
    marges: [number, number] = [0, 6],
    x = MARGES.left,
    largeur = this.largeur,
  ) {
    this.doc.y += marges[0];
    const options = this.style(s, largeur);
    this.place(Math.min(this.doc.currentLineHeight(true) + options.lineGap, this.hauteur(texte, s, largeur)));
    const y = this.doc.y;
    parent.add(
      this.doc.struct(balise, {}, () => {
        this.style(s, largeur);
        this.doc.text(texte || ' ', x, y, options);
      }),
    );
    this.doc.y += marges[1];
  }

  /** Draws decoration outside the structure tree. */
  artifice(dessin: () => void) {
    this.doc.markContent('Artifact');
    dessin();
    this.doc.endMarkedContent();
  }

  /** An SVG chart as a Figure whose alternative text is its title. */
  figure(parent: Struct, svg: string, largeur: number, hauteur: number, alt: string) {
    const l = Math.min(largeur, this.largeur);
    const h = (hauteur * l) / largeur;
    this.doc.y += 4;
    this.place(h);
    const y = this.doc.y;
    parent.add(
      this.doc.struct('Figure', { alt }, () => {
        SVGtoPDF(this.doc, svg, MARGES.left, y, {
          width: l,
          height: h,
          assumePt: true,
          fontCallback: (_famille: string, gras: boolean, italique: boolean) =>
            gras ? (italique ? 'grasItalique' : 'gras') : italique ? 'italique' : 'normal',
        });
      }),
    );
    this.doc.y = y + h + 4;
  }

  /** A bulleted list: L > LI > (Lbl, LBody). */
  liste(parent: Struct, elements: string[]) {
    const l = this.doc.struct('L');
    parent.add(l);
    for (const element of elements) {
      const options = this.style();
      this.place(this.doc.currentLineHeight(true) + options.lineGap);
      const y = this.doc.y;
      const li = this.doc.struct('LI');
      l.add(li);
      li.add(
        this.doc.struct('Lbl', {}, () => {
          this.style();
          this.doc.text('•', MARGES.left + 4, y, { lineBreak: false });
        }),
      );
      li.add(
        this.doc.struct('LBody', {}, () => {
          const o = this.style({}, this.largeur - 16);
          this.doc.text(element || ' ', MARGES.left + 16, y, o);
        }),
      );
      li.end();
      this.doc.y += 2;
    }
    l.end();
    this.doc.y += 6;
  }

  /**
   * A table: Table > TR > TH/TD, the header row repeated on each page, rows kept whole when they fit on a page.
   * `avant` is the height of what must stay with the table's top (its heading, already placed by the caller).
   */
  tableau(parent: Struct, entetes: string[], lignes: string[][], largeurs?: number[]) {
    const marge = 3;
    const total = this.largeur;
    const colonnes = (largeurs ?? entetes.map(() => 100 / entetes.length)).map((p) => (p * total) / 100);
    const hauteurLigne = (cellules: string[], entete: boolean) =>
      Math.max(...cellules.map((c, i) => this.hauteur(c, { gras: entete }, colonnes[i]! - 2 * marge))) + 2 * marge;
    const table = this.doc.struct('Table');
    parent.add(table);
    this.doc.y += 4;

    const dessinerLigne = (cellules: string[], entete: boolean) => {
      const h = hauteurLigne(cellules, entete);
      const y = this.doc.y;
      const tr = this.doc.struct('TR');
      table.add(tr);
      // Long cells last: only the longest may run onto the next page when a row is taller than a page.
      const ordre = cellules
        .map((_, i) => i)
        .sort((a, b) => this.hauteur(cellules[a]!, {}, colonnes[a]!) - this.hauteur(cellules[b]!, {}, colonnes[b]!));
      const tient = y + h <= this.bas;
      if (tient) this.cadre(colonnes, y, h, entete);
      const abscisses = colonnes.map((_, i) => MARGES.left + colonnes.slice(0, i).reduce((t, l) => t + l, 0));
      const balise = entete ? 'TH' : 'TD';
      const contenus: unknown[] = [];
      let fin = y + h;
      for (const i of ordre) {
        const page = this.doc.page;
        contenus[i] = this.doc.markStructureContent(balise);
        const o = this.style({ gras: entete }, colonnes[i]! - 2 * marge);
        this.doc.text(cellules[i] || ' ', abscisses[i]! + marge, y + marge, o);
        this.doc.endMarkedContent();
        if (this.doc.page !== page) fin = this.doc.y + marge; // the cell ran onto another page
      }
      // The structure follows reading order (left to right), whatever the drawing order.
      for (const contenu of contenus) {
        const cellule = this.doc.struct(balise);
        tr.add(cellule);
        cellule.add(contenu);
        cellule.end();
      }
      tr.end();
      this.doc.y = fin;
    };

    const entete = () => dessinerLigne(entetes, true);
    // The header row and the start of the first row stay together (a first row taller than a page starts here).
    this.place(hauteurLigne(entetes, true) + (lignes[0] ? Math.min(hauteurLigne(lignes[0], false), 45) : 0));
    entete();
    for (const ligne of lignes) {
      const h = hauteurLigne(ligne, false);
      if (this.doc.y + h > this.bas && h <= this.bas - MARGES.top) {
        this.nouvellePage();
        entete();
      }
      dessinerLigne(ligne, false);
    }
    table.end();
    this.doc.y += 10;
  }

  /** Cell fills and rules of one row, as artifacts. */
  private cadre(colonnes: number[], y: number, h: number, entete: boolean) {
    this.artifice(() => {
      let x = MARGES.left;
      for (const l of colonnes) {
        if (entete) this.doc.rect(x, y, l, h).fill('#E3E3FD');
        this.doc.rect(x, y, l, h).lineWidth(0.5).stroke('#CCCCCC');
        x += l;
      }
    });
  }

  /** The running footer on every page, as a pagination artifact. */
  piedsDePage(texte: (page: number, total: number) => string) {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start; i < start + count; i++) {
      this.doc.switchToPage(i);
      this.doc.markContent('Artifact', { type: 'Pagination' });
      const options = this.style({ taille: 8, couleur: '#666666', alignement: 'center' });
      // A fixed height: text below the bottom margin would otherwise open a new page.
      this.doc.text(texte(i + 1, count), MARGES.left, this.doc.page.height - MARGES.bottom + 20, {
        ...options,
        height: 20,
        lineBreak: false,
      });
      this.doc.endMarkedContent();
    }
  }

  terminer(): Promise<Buffer> {
    this.racine.end();
    return new Promise((resolve, reject) => {
      const morceaux: Buffer[] = [];
      this.doc.on('data', (m: Buffer) => morceaux.push(m));
      this.doc.on('end', () => resolve(Buffer.concat(morceaux)));
      this.doc.on('error', reject);
      this.doc.end();
    });
  }
}
