import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * Hostile workbooks built at test time (no binary in the repository): a real XLSX whose one sheet is a long run of
 * identical rows, deflated at level 9 — a few MB on the wire, hundreds once inflated.
 */

const ENTETE_FEUILLE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const FIN_FEUILLE = '</sheetData></worksheet>';
let NIVEAU: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 9;
export const niveau = (n: typeof NIVEAU) => (NIVEAU = n);

const PIECES: [string, string][] = [
  [
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
  ],
  [
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
  ],
  [
    'xl/workbook.xml',
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Valeurs" sheetId="1" r:id="rId1"/></sheets></workbook>',
  ],
  [
    'xl/_rels/workbook.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
  ],
];

function classeur(feuille: (pousser: (texte: string) => void) => void): Buffer {
  const morceaux: Uint8Array[] = [];
  const zip = new Zip((erreur, donnees) => {
    if (erreur) throw erreur;
    morceaux.push(donnees);
  });
  const encodeur = new TextEncoder();
  for (const [nom, texte] of PIECES) {
    const piece = new ZipPassThrough(nom);
    zip.add(piece);
    piece.push(encodeur.encode(texte), true);
  }
  const entree = new ZipDeflate('xl/worksheets/sheet1.xml', { level: NIVEAU });
  zip.add(entree);
  entree.push(encodeur.encode(ENTETE_FEUILLE));
  feuille((texte) => entree.push(encodeur.encode(texte)));
  entree.push(encodeur.encode(FIN_FEUILLE), true);
  zip.end();
  return Buffer.concat(morceaux);
}

/** An XLSX whose sheet inflates to about `octets` bytes of identical rows. */
export function bombeXlsx(octets: number): Buffer {
  const ligne = '<row><c t="inlineStr"><is><t>bombe</t></is></c><c><v>1</v></c></row>';
  const bloc = ligne.repeat(Math.ceil((1 << 20) / ligne.length));
  return classeur((pousser) => {
    for (let ecrit = 0; ecrit < octets; ecrit += bloc.length) pousser(bloc);
  });
}

/**
 * A plan that looks ordinary (« Numéro », « Intitulé », then one fiche a row) but runs to `lignes` rows: a few
 * hundred KB on the wire, tens of MB of sheet, within the compression ratio allowed.
 */
export function planTresLong(lignes: number): Buffer {
  return classeur((pousser) => {
    pousser('<row r="1"><c r="A1" t="inlineStr"><is><t>Numéro</t></is></c><c r="B1" t="inlineStr"><is><t>Intitulé</t></is></c></row>');
    let paquet = '';
    for (let i = 2; i <= lignes + 1; i++) {
      paquet += `<row r="${i}"><c r="A${i}"><v>${i - 1}</v></c><c r="B${i}" t="inlineStr"><is><t>Fiche ${i - 1}</t></is></c></row>`;
      if (paquet.length > 1 << 16) {
        pousser(paquet);
        paquet = '';
      }
    }
    pousser(paquet);
  });
}

/**
 * The same archive, lying: every size in its central directory says `declare` bytes once inflated, whatever the
 * truth, so only a check made while inflating can catch it.
 */
export function mentirSurLesTailles(zip: Buffer, declare = 1000): Buffer {
  const copie = Buffer.from(zip);
  for (let i = copie.length - 22; i >= 0; i--)
    if (copie.readUInt32LE(i) === 0x06054b50) {
      let position = copie.readUInt32LE(i + 16);
      const nombre = copie.readUInt16LE(i + 10);
      for (let n = 0; n < nombre; n++) {
        // Deflated entries only: a stored one whose sizes disagree is refused by any reader.
        if (copie.readUInt16LE(position + 10) === 8)
          copie.writeUInt32LE(Math.max(declare, copie.readUInt32LE(position + 20)), position + 24);
        position += 46 + copie.readUInt16LE(position + 28) + copie.readUInt16LE(position + 30) + copie.readUInt16LE(position + 32);
      }
      return copie;
    }
  throw new Error('Pas de répertoire central dans cette archive');
}
