import { can, sommerMoyens, sommerMoyensPar, type EngagementMoyensSaisie, type LigneMoyens, type TypeMoyen, type UniteTemps } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';

/**
 * The means an organisation commits to a contract, year by year (issue 13, decision 0016). Recorded by the
 * organisation's referents (the CPAM reports what it brings) or by those who edit the contract. Like the offers of
 * service, it is the organisation's own register: a closed contract still receives it (decision 0006).
 */

export interface LigneMoyensLue extends LigneMoyens {
  id: string;
  contratId: string;
  contratIntitule: string;
  organisationId: string;
  organisationNom: string;
  organisationSigle: string | null;
  annee: number;
  type: TypeMoyen;
  unite: UniteTemps | null;
  description: string | null;
  objectifs: string | null;
  indicateurCode: string | null;
  indicateurLibelle: string | null;
  indicateurSuiviId: string | null;
  indicateurSuiviLibelle: string | null;
  ficheNumero: number | null;
  version: number;
}

const SELECT = `select m.id, m.contrat_id as "contratId", c.intitule as "contratIntitule", m.organisation_id as "organisationId", o.nom as "organisationNom",
    o.sigle as "organisationSigle", m.annee, m.type, m.quantite::float8 as quantite, m.unite, m.montant_centimes::float8 as "montantCentimes", m.description, m.objectifs,
    m.indicateur_code as "indicateurCode", i.libelle as "indicateurLibelle", m.indicateur_suivi_id as "indicateurSuiviId", s.libelle as "indicateurSuiviLibelle",
    f.numero as "ficheNumero", m.version
  from engagements_moyens m join contrats c on c.id = m.contrat_id join organisations o on o.id = m.organisation_id
  left join indicateurs i on i.code = m.indicateur_code left join indicateurs_suivi s on s.id = m.indicateur_suivi_id left join fiches f on f.id = s.fiche_id`;

export async function lireMoyens(db: Queryable, filtre: { contratId?: string; organisationId?: string }): Promise<LigneMoyensLue[]> {
  const { rows } = await db.query(
    `${SELECT} where ($1::uuid is null or m.contrat_id = $1) and ($2::uuid is null or m.organisation_id = $2) order by c.intitule, m.annee, o.nom, m.cree_le, m.id`,
    [filtre.contratId ?? null, filtre.organisationId ?? null],
  );
  return rows;
}

const nomCourt = (l: LigneMoyensLue) => l.organisationSigle || l.organisationNom;

/** Every organisation's means on a contract, summed by organisation and by year. */
export async function moyensDuContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const lignes = await lireMoyens(ctx.db, { contratId });
  return {
    lignes,
    total: sommerMoyens(lignes),
    parOrganisation: sommerMoyensPar(lignes, (l) => l.organisationId).map((g) => ({ organisationId: g.cle, nom: nomCourt(lignes.find((l) => l.organisationId === g.cle)!), total: g.total })),
    parAnnee: sommerMoyensPar(lignes, (l) => String(l.annee)).sort((a, b) => a.cle.localeCompare(b.cle)).map((g) => ({ annee: Number(g.cle), total: g.total })),
  };
}

/** An organisation's means on the contracts the reader may see, summed by contract and by year (the engagements page). */
export async function moyensDeLOrganisation(db: Queryable, organisationId: string, contratsVisibles: ReadonlySet<string>) {
  const lignes = (await lireMoyens(db, { organisationId })).filter((l) => contratsVisibles.has(l.contratId));
  return {
    lignes,
    total: sommerMoyens(lignes),
    parContrat: sommerMoyensPar(lignes, (l) => l.contratId).map((g) => ({ contratId: g.cle, intitule: lignes.find((l) => l.contratId === g.cle)!.contratIntitule, total: g.total })),
    parAnnee: sommerMoyensPar(lignes, (l) => String(l.annee)).sort((a, b) => a.cle.localeCompare(b.cle)).map((g) => ({ annee: Number(g.cle), total: g.total })),
  };
}

/** The organisation's referents, or those who edit the contract, may record its means; both must read the contract. */
async function exigerDroit(db: Queryable, utilisateur: Utilisateur, contratId: string, organisationIds: string[]) {
  const ref = await exigerSurContrat(db, utilisateur, 'lire', contratId);
  const editeur = can(utilisateur, 'modifier', { type: 'contrat', contrat: ref });
  if (!editeur && !organisationIds.every((id) => can(utilisateur, 'modifier', { type: 'organisation', id })))
    throw interdit('Seuls les référents de l’organisation et ceux qui modifient le contrat enregistrent ses moyens engagés.');
  return ref;
}

/** The links must exist: an organisation of the directory, an indicator of the catalogue, a follow-up indicator of this contract. */
async function verifierLiens(tx: Queryable, contratId: string, m: EngagementMoyensSaisie) {
  const { rows } = await tx.query(
    `select o.nom as organisation,
       (select code from indicateurs where code = $2) as indicateur,
       (select id from indicateurs_suivi where id = $3 and contrat_id = $4) as "indicateurSuivi"
     from (select 1) x left join organisations o on o.id = $1`,
    [m.organisationId, m.indicateurCode ?? null, m.indicateurSuiviId ?? null, contratId],
  );
  const r = rows[0];
  if (!r.organisation) throw invalide('Organisation inconnue de l’annuaire.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
  if (m.indicateurCode && !r.indicateur) throw invalide(`L’indicateur « ${m.indicateurCode} » n’est pas dans le catalogue.`, [{ champ: 'indicateurCode', message: 'Indicateur inconnu du catalogue' }]);
  if (m.indicateurSuiviId && !r.indicateurSuivi) throw invalide('Cet indicateur de suivi n’appartient pas à ce contrat.', [{ champ: 'indicateurSuiviId', message: 'Indicateur de suivi inconnu dans ce contrat' }]);
  return r.organisation as string;
}

const valeurs = (m: EngagementMoyensSaisie) => [
  m.organisationId,
  m.annee,
  m.type,
  m.type === 'temps' ? m.quantite : null,
  m.type === 'temps' ? m.unite : null,
  m.type === 'financier' ? m.montantCentimes : null,
  m.description || null,
  m.objectifs || null,
  m.indicateurCode || null,
  m.indicateurSuiviId || null,
];

export async function creerMoyen(ctx: Contexte, utilisateur: Utilisateur, contratId: string, m: EngagementMoyensSaisie) {
  exigerRecevable(await exigerDroit(ctx.db, utilisateur, contratId, [m.organisationId]), 'engagement');
  return enTransaction(ctx.db, async (tx) => {
    const organisationNom = await verifierLiens(tx, contratId, m);
    const { rows } = await tx.query(
      `insert into engagements_moyens (contrat_id, organisation_id, annee, type, quantite, unite, montant_centimes, description, objectifs, indicateur_code, indicateur_suivi_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning id`,
      [contratId, ...valeurs(m)],
    );
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'engagement_moyens', entiteId: rows[0].id, action: 'creation', apres: m as never, contexte: { contratId, organisationId: m.organisationId, organisationNom } });
    return { id: rows[0].id as string };
  });
}

/** The stored engagement in the shape it is typed, so that the audit's before/after compare like with like. */
const saisieDe = (l: LigneMoyensLue): Record<string, unknown> => ({
  organisationId: l.organisationId,
  annee: l.annee,
  type: l.type,
  quantite: l.quantite,
  unite: l.unite,
  montantCentimes: l.montantCentimes,
  description: l.description,
  objectifs: l.objectifs,
  indicateurCode: l.indicateurCode,
  indicateurSuiviId: l.indicateurSuiviId,
});

async function existant(db: Queryable, contratId: string, id: string) {
  const { rows } = await db.query(`${SELECT} where m.id = $1 and m.contrat_id = $2`, [id, contratId]);
  if (!rows[0]) throw introuvable('Cet engagement de moyens n’existe pas.');
  return rows[0] as LigneMoyensLue;
}

export async function modifierMoyen(ctx: Contexte, utilisateur: Utilisateur, contratId: string, id: string, version: number, m: EngagementMoyensSaisie) {
  const avant = await existant(ctx.db, contratId, id);
  await exigerDroit(ctx.db, utilisateur, contratId, [avant.organisationId, m.organisationId]);
  return enTransaction(ctx.db, async (tx) => {
    const organisationNom = await verifierLiens(tx, contratId, m);
    const { rows } = await tx.query(
      `update engagements_moyens set organisation_id = $3, annee = $4, type = $5, quantite = $6, unite = $7, montant_centimes = $8, description = $9, objectifs = $10,
         indicateur_code = $11, indicateur_suivi_id = $12, version = version + 1, modifie_le = now()
       where id = $1 and version = $2 returning version`,
      [id, version, ...valeurs(m)],
    );
    if (!rows[0]) throw conflit('Cet engagement a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', await existant(tx, contratId, id));
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'engagement_moyens', entiteId: id, action: 'modification', avant: saisieDe(avant), apres: m as never, contexte: { contratId, organisationId: m.organisationId, organisationNom } });
    return { version: rows[0].version as number };
  });
}

export async function supprimerMoyen(ctx: Contexte, utilisateur: Utilisateur, contratId: string, id: string) {
  const avant = await existant(ctx.db, contratId, id);
  await exigerDroit(ctx.db, utilisateur, contratId, [avant.organisationId]);
  await enTransaction(ctx.db, async (tx) => {
    await tx.query('delete from engagements_moyens where id = $1', [id]);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'engagement_moyens', entiteId: id, action: 'suppression', avant: saisieDe(avant), contexte: { contratId, organisationId: avant.organisationId, organisationNom: avant.organisationNom } });
  });
}
