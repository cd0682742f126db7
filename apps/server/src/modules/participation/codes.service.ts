import { randomInt } from 'node:crypto';
import { formaterDate } from '@maillage/domain';
import QRCode from 'qrcode';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { conflit } from '../../platform/errors';
import { rendreDocument } from '../documents/documents.service';
import * as repository from './consultations.repository';
import { exigerSurConsultation, lienPublic } from './consultations.service';
import { empreinteCode } from './reponses.service';

/**
 * One-time codes distributed on paper, and the QR code of the public link (issue 20 item 1). A code is shown once, at
 * its generation (JSON or a printable PDF): only its SHA-256 is kept, and no answer says which code it used.
 */

// No 0/O, 1/I/L: a code copied from paper by hand must not be misread.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const nouveauCode = () => {
  const c = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${c.slice(0, 4)}-${c.slice(4)}`;
};

type Fichier = { nom: string; typeMime: string; contenu: Buffer };

export async function genererCodes(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  nombre: number,
  format: 'json' | 'pdf',
): Promise<{ codes: string[]; total: number } | Fichier> {
  const { codes, consultation } = await enTransaction(ctx.db, async (tx) => {
    const { consultation: c } = await exigerSurConsultation(tx, utilisateur, 'modifier', id, { verrouiller: true });
    if (c.statut === 'close') throw conflit('Cette consultation est close : de nouveaux codes ne serviraient à rien.');
    const codes = new Set<string>();
    // A collision with an earlier code is possible in theory (31⁸ codes): drawn again until each one is new.
    while (codes.size < nombre) {
      const lot = Array.from({ length: nombre - codes.size }, nouveauCode).filter((x) => !codes.has(x));
      const ajoutes = new Set(
        await repository.ajouterCodes(
          tx,
          id,
          lot.map((x) => empreinteCode(id, x)),
        ),
      );
      for (const x of lot) if (ajoutes.has(empreinteCode(id, x))) codes.add(x);
    }
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'consultation',
      entiteId: id,
      action: 'codes',
      apres: { titre: c.titre, codesGeneres: nombre },
      contexte: { contratId: c.contratId },
    });
    return { codes: [...codes], consultation: c };
  });
  const total = (await repository.compterCodes(ctx.db, id)).total;
  if (format === 'json') return { codes, total };
  return rendreDocument(
    {
      titre: `Codes de réponse — ${consultation.titre}`,
      blocs: [
        { type: 'titre', niveau: 1, texte: consultation.titre },
        {
          type: 'paragraphe',
          texte: `Chaque code permet de répondre une fois, de façon anonyme, à la consultation, à l’adresse ${ctx.config.publicUrl}${lienPublic(id)}${consultation.fin ? ` jusqu’au ${formaterDate(consultation.fin)}` : ''}. Découpez et remettez un code par personne.`,
        },
        { type: 'tableau', entetes: ['Code', 'Code', 'Code'], lignes: parTrois(codes) },
      ],
    },
    'pdf',
    'codes',
    consultation.titre,
  );
}

const parTrois = (codes: string[]) =>
  Array.from({ length: Math.ceil(codes.length / 3) }, (_, i) => [0, 1, 2].map((j) => codes[i * 3 + j] ?? ''));

/** The public link as a QR code, for a poster or a flyer. */
export async function qrCode(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  id: string,
  format: 'svg' | 'png',
): Promise<{ typeMime: string; contenu: Buffer | string }> {
  await exigerSurConsultation(ctx.db, utilisateur, 'lire', id);
  const lien = `${ctx.config.publicUrl}${lienPublic(id)}`;
  // Error correction M: still read when a poster is a little damaged; a 4-module margin, as the standard asks.
  const options = { errorCorrectionLevel: 'M' as const, margin: 4 };
  if (format === 'svg') return { typeMime: 'image/svg+xml', contenu: await QRCode.toString(lien, { ...options, type: 'svg' }) };
  return { typeMime: 'image/png', contenu: await QRCode.toBuffer(lien, { ...options, type: 'png', width: 600 }) };
}
