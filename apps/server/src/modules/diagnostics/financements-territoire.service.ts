import { sommerFinancementsTerritoire, type FinancementTerritoireSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { financementPropreDuContrat } from './financements.queries';

/**
 * The funding already available on the contract's territory (seed 003: « recenser et valoriser l’ensemble des
 * financements déjà mis à disposition sur un territoire »), a section of its diagnostic: edited like the rest of
 * the diagnostic (the right to edit the contract, no avenant; a closed contract's diagnostic stays as it was).
 */

const COLONNES = `t.id, t.financeur_id as "financeurId", coalesce(o.nom, t.financeur_libelle) as financeur, t.financeur_libelle as "financeurLibelle",
  t.dispositif, t.montant_centimes::float8 as "montantCentimes", t.annee_debut as "anneeDebut", t.annee_fin as "anneeFin", t.objet, t.source`;

async function lire(db: Queryable, contratId: string, id?: string) {
  const { rows } = await db.query(
    `select ${COLONNES} from financements_territoire t left join organisations o on o.id = t.financeur_id
     where t.contrat_id = $1 and ($2::uuid is null or t.id = $2) order by t.annee_debut, coalesce(o.nom, t.financeur_libelle), t.dispositif, t.id`,
    [contratId, id ?? null],
  );
  return rows;
}

/** The list, its total (a floor when an amount is unknown), and beside it the contract's own funding. */
export async function financementsDuTerritoire(db: Queryable, contratId: string) {
  const [lignes, contrat] = await Promise.all([lire(db, contratId), financementPropreDuContrat(db, contratId)]);
  return { lignes, total: sommerFinancementsTerritoire(lignes), contrat };
}

const saisieDe = (l: Record<string, unknown>) => ({
  financeurId: l.financeurId,
  financeurLibelle: l.financeurLibelle,
  dispositif: l.dispositif,
  montantCentimes: l.montantCentimes,
  anneeDebut: l.anneeDebut,
  anneeFin: l.anneeFin,
  objet: l.objet,
  source: l.source,
});

async function changer<T>(
  ctx: Contexte,
  u: Utilisateur,
  contratId: string,
  travail: (
    tx: Queryable,
  ) => Promise<{ id: string; action: string; resultat: T; avant?: Record<string, unknown>; apres?: Record<string, unknown> }>,
) {
  exigerRecevable(await exigerSurContrat(ctx.db, u, 'modifier', contratId), 'diagnostic');
  return enTransaction(ctx.db, async (tx) => {
    const r = await travail(tx);
    await auditer(tx, {
      acteur: acteurDe(u),
      entiteType: 'financement_territoire',
      entiteId: r.id,
      action: r.action,
      avant: r.avant ?? null,
      apres: r.apres ?? null,
      contexte: { contratId },
    });
    return r.resultat;
  });
}

async function verifierFinanceur(tx: Queryable, f: FinancementTerritoireSaisie) {
  if (!f.financeurId) return;
  const { rowCount } = await tx.query('select 1 from organisations where id = $1', [f.financeurId]);
  if (!rowCount) throw invalide('Ce financeur n’est pas dans l’annuaire.', [{ champ: 'financeurId', message: 'Financeur inconnu' }]);
}

const valeurs = (f: FinancementTerritoireSaisie) => [
  f.financeurId ?? null,
  f.financeurId ? null : (f.financeurLibelle ?? null),
  f.dispositif,
  f.montantCentimes ?? null,
  f.anneeDebut,
  f.anneeFin ?? null,
  f.objet,
  f.source || null,
];

export const enregistrerFinancementTerritoire = (
  ctx: Contexte,
  u: Utilisateur,
  contratId: string,
  f: FinancementTerritoireSaisie,
  id?: string,
) =>
  changer(ctx, u, contratId, async (tx) => {
    await verifierFinanceur(tx, f);
    if (id) {
      const [avant] = await lire(tx, contratId, id);
      if (!avant) throw introuvable('Ce financement n’existe pas dans le diagnostic de ce contrat.');
      await tx.query(
        `update financements_territoire set financeur_id = $3, financeur_libelle = $4, dispositif = $5, montant_centimes = $6, annee_debut = $7, annee_fin = $8, objet = $9, source = $10
         where id = $1 and contrat_id = $2`,
        [id, contratId, ...valeurs(f)],
      );
      return { id, action: 'modification', resultat: { id }, avant: saisieDe(avant), apres: f };
    }
    const { rows } = await tx.query(
      `insert into financements_territoire (contrat_id, financeur_id, financeur_libelle, dispositif, montant_centimes, annee_debut, annee_fin, objet, source)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [contratId, ...valeurs(f)],
    );
    return { id: rows[0].id as string, action: 'creation', resultat: { id: rows[0].id as string }, apres: f };
  });

export const supprimerFinancementTerritoire = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  changer(ctx, u, contratId, async (tx) => {
    const [avant] = await lire(tx, contratId, id);
    if (!avant) throw introuvable('Ce financement n’existe pas dans le diagnostic de ce contrat.');
    await tx.query('delete from financements_territoire where id = $1', [id]);
    return { id, action: 'suppression', resultat: undefined, avant: saisieDe(avant) };
  });
