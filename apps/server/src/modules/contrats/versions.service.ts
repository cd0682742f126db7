import { changementsEntre, type EtatContrat } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import { conflit, introuvable, invalide } from '../../platform/errors';
import { avenantOuvert, exigerSurContrat } from './acces';
import { listerEvaluationsPrevues } from './articulation.repository';
import * as repository from './contrats.repository';
import { fichesDuContrat } from './fiches-du-contrat';

/** The contract's current text, as a snapshot: what the parties sign. */
export async function etatActuel(db: Queryable, contratId: string) {
  // One after the other: `db` may be a transaction's client, which runs one query at a time.
  const contrat = await repository.obtenirContrat(db, contratId);
  const signataires = await repository.listerSignataires(db, contratId);
  const partenaires = await repository.listerPartenaires(db, contratId);
  const axes = await repository.listerAxes(db, contratId);
  const fiches = await fichesDuContrat().lister(db, contratId);
  const organisations = await repository.organisationsDuContrat(db, contratId);
  const planEvaluation = await listerEvaluationsPrevues(db, contratId);
  if (!contrat) throw introuvable('Ce contrat n’existe pas.');
  return {
    intitule: contrat.intitule,
    generation: contrat.generation,
    periode: contrat.periode,
    perimetre: contrat.perimetre,
    population: contrat.population,
    nombreCommunes: contrat.nombreCommunes,
    departements: contrat.departements,
    regions: contrat.regions,
    contexte: contrat.contexte,
    dateSignature: contrat.dateSignature,
    ars: organisations.ars,
    porteurs: organisations.porteurs,
    signataires: signataires.map((s) => ({
      organisationId: s.organisation.id,
      organisation: s.organisation.nom,
      organisationType: s.organisation.type,
      representant: s.representant,
      qualite: s.qualite,
      dateSignature: s.dateSignature,
    })),
    partenaires: partenaires.map((p) => ({ organisationId: p.organisation.id, organisation: p.organisation.nom, role: p.role })),
    axes: axes.map((a) => ({
      id: a.id,
      intitule: a.intitule,
      axePrs: a.axePrs,
      description: a.description,
      objectifs: a.objectifs.map((o) => ({ id: o.id, intitule: o.intitule, objectifsOperationnels: o.objectifsOperationnels })),
    })),
    fiches: fiches.map(({ version, modifieLe, ...f }) => f),
    planEvaluation: planEvaluation.map(({ id, ...e }) => e),
  };
}
export type EtatComplet = Awaited<ReturnType<typeof etatActuel>>;

export async function prendreInstantane(tx: Queryable, contratId: string, avenantId: string | null, dateEffet: string) {
  const etat = await etatActuel(tx, contratId);
  await tx.query('insert into contrat_versions (contrat_id, avenant_id, date_effet, etat) values ($1, $2, $3, $4)', [
    contratId,
    avenantId,
    dateEffet,
    etat,
  ]);
  return etat;
}

async function dernierInstantane(db: Queryable, contratId: string): Promise<EtatComplet | null> {
  const { rows } = await db.query(
    'select etat from contrat_versions where contrat_id = $1 order by date_effet desc, cree_le desc limit 1',
    [contratId],
  );
  return rows[0]?.etat ?? null;
}

export async function listerVersions(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const [versions, avenants] = await Promise.all([
    ctx.db.query(
      `select v.id, v.date_effet as "dateEffet", a.numero as "avenantNumero", a.objet as "avenantObjet"
       from contrat_versions v left join avenants a on a.id = v.avenant_id where v.contrat_id = $1 order by v.date_effet, v.cree_le`,
      [contratId],
    ),
    ctx.db.query(
      `select id, numero, objet, date_avenant as "dateAvenant", etat, changements, cree_le as "creeLe" from avenants where contrat_id = $1 order by numero`,
      [contratId],
    ),
  ]);
  return { versions: versions.rows, avenants: avenants.rows };
}

/** The contract as signed (`signe`), or consolidated at a date: the last signed state in force on that day. */
export async function versionDuContrat(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  contratId: string,
  choix: { date?: string; signe?: boolean },
) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const { rows } = choix.signe
    ? await ctx.db.query(
        'select date_effet as "dateEffet", etat from contrat_versions where contrat_id = $1 and avenant_id is null order by cree_le limit 1',
        [contratId],
      )
    : await ctx.db.query(
        'select date_effet as "dateEffet", etat from contrat_versions where contrat_id = $1 and date_effet <= $2 order by date_effet desc, cree_le desc limit 1',
        [contratId, choix.date ?? new Date().toISOString().slice(0, 10)],
      );
  if (!rows[0])
    throw introuvable(
      choix.signe ? 'Ce contrat n’a pas encore été signé.' : `Aucune version signée du contrat n’était en vigueur le ${choix.date}.`,
    );
  return rows[0] as { dateEffet: string; etat: EtatComplet };
}

/** Opens an amendment: while it is drafted, the signed contract may be edited; signing it records the changes. */
export async function ouvrirAvenant(ctx: Contexte, utilisateur: Utilisateur, contratId: string, objet: string) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  if (ref.statut !== 'signe' && ref.statut !== 'evaluation') throw conflit('Un avenant ne concerne qu’un contrat signé et en vigueur.');
  return enTransaction(ctx.db, async (tx) => {
    await tx.query('select 1 from contrats where id = $1 for update', [contratId]);
    const ouvert = await avenantOuvert(tx, contratId);
    if (ouvert) throw conflit(`L’avenant n° ${ouvert.numero} est déjà en cours de rédaction : signez-le avant d’en ouvrir un autre.`);
    const { rows } = await tx.query(
      `insert into avenants (contrat_id, numero, objet) values ($1, (select coalesce(max(numero), 0) + 1 from avenants where contrat_id = $1), $2)
       returning id, numero`,
      [contratId, objet],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'avenant',
      entiteId: rows[0].id,
      action: 'creation',
      apres: { numero: rows[0].numero, objet },
      contexte: { contratId },
    });
    return rows[0] as { id: string; numero: number };
  });
}

export async function signerAvenant(ctx: Contexte, utilisateur: Utilisateur, contratId: string, avenantId: string, dateAvenant: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  return enTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query(`select id, numero, etat from avenants where id = $1 and contrat_id = $2 for update`, [
      avenantId,
      contratId,
    ]);
    if (!rows[0]) throw introuvable('Cet avenant n’existe pas.');
    if (rows[0].etat !== 'brouillon') throw conflit('Cet avenant est déjà signé.');
    const precedent = await dernierInstantane(tx, contratId);
    const { rows: contrat } = await tx.query('select date_signature as "dateSignature" from contrats where id = $1', [contratId]);
    if (contrat[0].dateSignature && dateAvenant < contrat[0].dateSignature)
      throw invalide('Un avenant ne peut précéder la signature du contrat.', [
        { champ: 'dateAvenant', message: 'Date antérieure à la signature du contrat' },
      ]);
    const etat = await etatActuel(tx, contratId);
    const changements = precedent ? changementsEntre(precedent as unknown as EtatContrat, etat as unknown as EtatContrat) : [];
    if (!changements.length) throw invalide('Cet avenant ne change rien au contrat signé : modifiez le contrat avant de le signer.');
    await tx.query(`update avenants set etat = 'signe', date_avenant = $2, changements = $3 where id = $1`, [
      avenantId,
      dateAvenant,
      JSON.stringify(changements),
    ]);
    await tx.query('insert into contrat_versions (contrat_id, avenant_id, date_effet, etat) values ($1, $2, $3, $4)', [
      contratId,
      avenantId,
      dateAvenant,
      etat,
    ]);
    await repository.toucherContrat(tx, contratId);
    await publierEvenement(tx, {
      type: 'avenant.signe',
      contratId,
      donnees: { avenantId, numero: rows[0].numero, dateAvenant },
    });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'avenant',
      entiteId: avenantId,
      action: 'signature',
      apres: { dateAvenant, changements: changements.map((c) => c.libelle) },
      contexte: { contratId },
    });
    return { numero: rows[0].numero as number, changements };
  });
}
