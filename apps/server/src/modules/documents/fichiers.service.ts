import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';

/** What a contract's files may be: office documents, PDFs, images, tables. */
export const TYPES_ACCEPTES: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  csv: 'text/csv',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
};
export const TAILLE_MAX = 20 * 1024 * 1024;

const COLONNES = `id, contrat_id as "contratId", seance_id as "seanceId", nom, type_mime as "typeMime", taille, categorie, cree_le as "creeLe", cree_par as "creePar"`;

/** A contract's files (its séances' included), or only one séance's. */
export async function listerFichiers(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string, seanceId: string | null = null) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const { rows } = await ctx.db.query(
    `select ${COLONNES} from documents where contrat_id = $1 and ($2::uuid is null or seance_id = $2) order by cree_le desc`,
    [contratId, seanceId],
  );
  return rows;
}

/** The contract a séance belongs to: séance files are contract files with the same rights. */
export async function contratDeLaSeance(ctx: Contexte, seanceId: string): Promise<string> {
  const { rows } = await ctx.db.query('select contrat_id as "contratId" from seances where id = $1', [seanceId]);
  if (!rows[0]) throw introuvable('Cette séance n’existe pas.');
  return rows[0].contratId;
}

export async function deposerFichier(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  fichier: { nom: string; contenu: Buffer; categorie: string | null },
  seanceId: string | null = null,
) {
  // Files stay welcome on a closed contract (evaluation report, final bilan): the rule says so, not this module.
  exigerRecevable(await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId), 'fichier');
  const extension = fichier.nom.split('.').pop()?.toLowerCase() ?? '';
  const typeMime = TYPES_ACCEPTES[extension];
  if (!typeMime)
    throw invalide(
      `Format de fichier non accepté (.${extension}) : ${Object.keys(TYPES_ACCEPTES)
        .map((e) => `.${e}`)
        .join(', ')}.`,
      [{ champ: 'fichier', message: 'Format de fichier non accepté' }],
    );
  if (fichier.contenu.length === 0) throw invalide('Le fichier est vide.', [{ champ: 'fichier', message: 'Le fichier est vide' }]);
  return enTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query(
      `insert into documents (contrat_id, nom, type_mime, taille, contenu, categorie, cree_par, seance_id) values ($1, $2, $3, $4, $5, $6, $7, $8) returning ${COLONNES}`,
      [contratId, fichier.nom, typeMime, fichier.contenu.length, fichier.contenu, fichier.categorie, utilisateur.libelle, seanceId],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'document',
      entiteId: rows[0].id,
      action: 'creation',
      apres: { nom: fichier.nom, taille: fichier.contenu.length, categorie: fichier.categorie },
      contexte: { contratId, ...(seanceId ? { seanceId } : {}) },
    });
    return rows[0];
  });
}

async function fichierDe(ctx: Contexte, id: string) {
  const { rows } = await ctx.db.query(`select ${COLONNES} from documents where id = $1`, [id]);
  if (!rows[0]) throw introuvable('Ce fichier n’existe pas.');
  return rows[0];
}

export async function telechargerFichier(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const fichier = await fichierDe(ctx, id);
  await exigerSurContrat(ctx.db, utilisateur, 'lire', fichier.contratId);
  const { rows } = await ctx.db.query('select contenu from documents where id = $1', [id]);
  return { ...fichier, contenu: rows[0].contenu as Buffer };
}

export async function supprimerFichier(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const fichier = await fichierDe(ctx, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', fichier.contratId);
  await enTransaction(ctx.db, async (tx) => {
    await tx.query('delete from documents where id = $1', [id]);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'document',
      entiteId: id,
      action: 'suppression',
      avant: { nom: fichier.nom, taille: fichier.taille },
      contexte: { contratId: fichier.contratId },
    });
  });
}
