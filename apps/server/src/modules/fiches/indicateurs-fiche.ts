/**
 * A fiche's indicators (decision 0007): the fiche form names them and the follow-up measures them, so there is one
 * list, kept in `indicateurs_suivi`. The fiches module writes their definition (here); the suivi module writes
 * their values, reports and campaigns.
 */
import { canonique, cleTexte, indicateurSuiviSchema, type IndicateurFicheSaisie, type IndicateurSuiviSaisie } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { conflit, introuvable, invalide } from '../../platform/errors';

export const COLONNES_INDICATEUR = `i.id, i.fiche_id as "ficheId", i.contrat_id as "contratId", i.rang, i.libelle, i.type, i.unite, i.methode, i.source,
  i.cible, i.pourcentage, i.poids, i.reference_valeur as "referenceValeur", i.reference_numerateur as "referenceNumerateur",
  i.reference_denominateur as "referenceDenominateur", i.reference_date as "referenceDate", i.cibles,
  i.indicateur_diagnostic as "indicateurDiagnostic", i.version`;

/** The fiche's indicators as the fiche gives them (a json array for the fiche's query). */
export const INDICATEURS_DE_FICHE = `coalesce((select json_agg(json_build_object('id', i.id, 'version', i.version, 'libelle', i.libelle, 'type', i.type,
      'unite', i.unite, 'methode', i.methode, 'source', i.source, 'cible', i.cible, 'pourcentage', i.pourcentage, 'poids', i.poids,
      'reference', case when coalesce(i.reference_valeur, i.reference_numerateur, i.reference_denominateur) is null and i.reference_date is null then null
        else json_strip_nulls(json_build_object('valeur', i.reference_valeur, 'numerateur', i.reference_numerateur, 'denominateur', i.reference_denominateur, 'date', i.reference_date)) end,
      'cibles', i.cibles, 'indicateurDiagnostic', i.indicateur_diagnostic) order by i.rang, i.cree_le)
    from indicateurs_suivi i where i.fiche_id = f.id), '[]')`;

export interface IndicateurLigne {
  id: string;
  ficheId: string;
  contratId: string;
  rang: number;
  libelle: string;
  type: IndicateurSuiviSaisie['type'];
  unite: string | null;
  methode: string | null;
  source: string | null;
  cible: string | null;
  pourcentage: boolean;
  poids: number;
  referenceValeur: number | null;
  referenceNumerateur: number | null;
  referenceDenominateur: number | null;
  referenceDate: string | null;
  cibles: { periode: string; valeur?: number | null; numerateur?: number | null; denominateur?: number | null }[];
  indicateurDiagnostic: string | null;
  version: number;
}

export async function chargerIndicateur(db: Queryable, id: string, verrouiller = false): Promise<IndicateurLigne> {
  const { rows } = await db.query<IndicateurLigne>(
    `select ${COLONNES_INDICATEUR} from indicateurs_suivi i where i.id = $1 ${verrouiller ? 'for update' : ''}`,
    [id],
  );
  if (!rows[0]) throw introuvable('Cet indicateur de suivi n’existe pas.');
  return rows[0];
}

async function indicateursDeFiche(db: Queryable, ficheId: string): Promise<IndicateurLigne[]> {
  const { rows } = await db.query<IndicateurLigne>(
    `select ${COLONNES_INDICATEUR} from indicateurs_suivi i where i.fiche_id = $1 order by i.rang, i.cree_le for update`,
    [ficheId],
  );
  return rows;
}

/** The indicator as a saisie (what the follow-up form and the API take). */
export function saisieDe(i: IndicateurLigne): IndicateurSuiviSaisie {
  const reference = i.referenceValeur ?? i.referenceNumerateur ?? i.referenceDenominateur ?? i.referenceDate;
  return {
    libelle: i.libelle,
    type: i.type,
    unite: i.unite,
    methode: i.methode,
    source: i.source,
    cible: i.cible,
    pourcentage: i.pourcentage,
    poids: Number(i.poids),
    reference:
      reference == null
        ? null
        : { valeur: i.referenceValeur, numerateur: i.referenceNumerateur, denominateur: i.referenceDenominateur, date: i.referenceDate },
    cibles: i.cibles,
    indicateurDiagnostic: i.indicateurDiagnostic,
  };
}

const colonnes = (s: IndicateurSuiviSaisie) => [
  s.libelle,
  s.type,
  s.unite ?? null,
  s.methode ?? null,
  s.source ?? null,
  s.cible ?? null,
  s.pourcentage,
  s.poids,
  s.reference?.valeur ?? null,
  s.reference?.numerateur ?? null,
  s.reference?.denominateur ?? null,
  s.reference?.date ?? null,
  JSON.stringify(s.cibles),
  s.indicateurDiagnostic ?? null,
];

// The refusals, shared with the lot of a plan import (indicateurs-fiche-lot.ts) so that both say the same.
export const diagnosticInconnu = (code: string, champ: string) =>
  invalide('Indicateur du diagnostic inconnu.', [{ champ, message: `Aucun indicateur « ${code} » dans le catalogue` }]);
export const basculeRefusee = (avant: IndicateurLigne) =>
  conflit(
    `Des valeurs de l’indicateur « ${avant.libelle} » sont validées : il ne peut plus passer d’une valeur à un pourcentage, ou l’inverse.`,
  );
export const retraitRefuse = (i: IndicateurLigne) =>
  conflit(`L’indicateur « ${i.libelle} » a des valeurs validées : elles comptent dans le suivi, il ne peut être retiré.`);

export async function verifierIndicateurDiagnostic(db: Queryable, code: string | null | undefined, champ = 'indicateurDiagnostic') {
  if (!code) return;
  const { rowCount } = await db.query('select 1 from indicateurs where code = $1', [code]);
  if (!rowCount) throw diagnosticInconnu(code, champ);
}

/** Inserts an indicator at the end of the fiche's list (or at `rang`) and audits it. */
export async function insererIndicateur(
  tx: Queryable,
  utilisateur: Utilisateur,
  fiche: { id: string; contratId: string },
  s: IndicateurSuiviSaisie,
  rang?: number,
) {
  const { rows } = await tx.query(
    `insert into indicateurs_suivi (fiche_id, contrat_id, rang, libelle, type, unite, methode, source, cible, pourcentage, poids,
       reference_valeur, reference_numerateur, reference_denominateur, reference_date, cibles, indicateur_diagnostic)
     values ($1, $2, coalesce($3, (select coalesce(max(rang) + 1, 0) from indicateurs_suivi where fiche_id = $1)), $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     returning id`,
    [fiche.id, fiche.contratId, rang ?? null, ...colonnes(s)],
  );
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'indicateur_suivi',
    entiteId: rows[0].id,
    action: 'creation',
    apres: s as never,
    contexte: { contratId: fiche.contratId, ficheId: fiche.id },
  });
  return rows[0].id as string;
}

/** Rewrites an indicator (locked by the caller) and audits it; a value cannot become a percentage once validated. */
export async function reecrireIndicateur(
  tx: Queryable,
  utilisateur: Utilisateur,
  avant: IndicateurLigne,
  s: IndicateurSuiviSaisie,
  rang?: number,
) {
  // Switching between a value and a percentage would change what the validated values mean.
  if (avant.pourcentage !== s.pourcentage) {
    const { rowCount } = await tx.query(`select 1 from valeurs_suivi where indicateur_id = $1 and etat = 'valide'`, [avant.id]);
    if (rowCount) throw basculeRefusee(avant);
  }
  await tx.query(
    `update indicateurs_suivi set libelle = $2, type = $3, unite = $4, methode = $5, source = $6, cible = $7, pourcentage = $8, poids = $9,
       reference_valeur = $10, reference_numerateur = $11, reference_denominateur = $12, reference_date = $13, cibles = $14, indicateur_diagnostic = $15,
       rang = coalesce($16, rang), version = version + 1, modifie_le = now() where id = $1`,
    [avant.id, ...colonnes(s), rang ?? null],
  );
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'indicateur_suivi',
    entiteId: avant.id,
    action: 'modification',
    avant: saisieDe(avant) as never,
    apres: s as never,
    contexte: { contratId: avant.contratId, ficheId: avant.ficheId },
  });
}

/** Deletes an indicator unless it has validated values (they count in the follow-up), and audits it. */
export async function effacerIndicateur(tx: Queryable, utilisateur: Utilisateur, i: IndicateurLigne) {
  const { rowCount } = await tx.query(`select 1 from valeurs_suivi where indicateur_id = $1 and etat = 'valide'`, [i.id]);
  if (rowCount) throw retraitRefuse(i);
  await tx.query('delete from indicateurs_suivi where id = $1', [i.id]);
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'indicateur_suivi',
    entiteId: i.id,
    action: 'suppression',
    avant: saisieDe(i) as never,
    contexte: { contratId: i.contratId, ficheId: i.ficheId },
  });
}

/** The same indicator compares equal however its optional parts were written (left out or null). */
function normal(s: IndicateurSuiviSaisie) {
  const mesure = (m: { valeur?: number | null; numerateur?: number | null; denominateur?: number | null }) => ({
    valeur: m.valeur ?? null,
    numerateur: m.numerateur ?? null,
    denominateur: m.denominateur ?? null,
  });
  return canonique({
    ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v ?? null])),
    reference: s.reference ? { ...mesure(s.reference), date: s.reference.date ?? null } : null,
    cibles: s.cibles.map((c) => ({ periode: c.periode, ...mesure(c) })),
  });
}

const sansIndefinis = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

export interface PlanIndicateurs {
  /** The fiche's indicators the list no longer names, to remove. */
  retires: IndicateurLigne[];
  /** The list in its order: the indicator each item is about (none: to create) and what it becomes. */
  elements: { avant?: IndicateurLigne; saisie: IndicateurSuiviSaisie; rang: number }[];
}

/**
 * What making the fiche's indicators `liste` means, decided without writing: an item with an `id` (or, without one,
 * the label of one of the fiche's indicators) edits that indicator, keeping what the item leaves out; any other is
 * created; an indicator the list no longer names is removed. Refuses (400) an unknown or repeated indicator or an
 * invalid one, (409) an indicator changed since the list was read.
 */
export function planifierIndicateurs(existants: IndicateurLigne[], liste: IndicateurFicheSaisie[]): PlanIndicateurs {
  const pris = new Set<string>();
  const elements = liste.map((item, n) => {
    let avant: IndicateurLigne | undefined;
    if (item.id) {
      avant = existants.find((e) => e.id === item.id);
      if (!avant)
        throw invalide('Un indicateur cité n’appartient pas à cette fiche.', [
          { champ: `indicateurs.${n}.id`, message: 'Indicateur inconnu dans cette fiche' },
        ]);
    } else avant = existants.find((e) => !pris.has(e.id) && cleTexte(e.libelle) === cleTexte(item.libelle));
    if (avant) {
      if (pris.has(avant.id))
        throw invalide('Le même indicateur est cité deux fois.', [{ champ: `indicateurs.${n}.id`, message: 'Indicateur cité deux fois' }]);
      pris.add(avant.id);
    }
    const { id, version, ...champs } = item;
    const fusion = { ...(avant ? saisieDe(avant) : {}), ...sansIndefinis(champs) };
    const lu = indicateurSuiviSchema.safeParse(fusion);
    if (!lu.success)
      throw invalide(
        `Indicateur ${n + 1} : ${lu.error.issues[0].message}`,
        lu.error.issues.map((i) => ({ champ: ['indicateurs', n, ...i.path].join('.'), message: i.message })),
      );
    // A list read before someone changed the indicator may not overwrite that change (sending it back as read is no change).
    if (avant && item.version != null && item.version !== avant.version && normal(saisieDe(avant)) !== normal(lu.data))
      throw conflit(
        `L’indicateur « ${avant.libelle} » a été modifié entre-temps par quelqu’un d’autre : rechargez la fiche.`,
        saisieDe(avant),
      );
    return { avant, saisie: lu.data, rang: n };
  });
  return { retires: existants.filter((e) => !pris.has(e.id)), elements };
}

/** Whether an indicator of the list must be rewritten: its definition or its place changed. */
export const aReecrire = (avant: IndicateurLigne, saisie: IndicateurSuiviSaisie, rang: number) =>
  normal(saisieDe(avant)) !== normal(saisie) || avant.rang !== rang;

/**
 * Makes the fiche's indicators the list the fiche form sent, in its order (planifierIndicateurs); removing an
 * indicator with validated values is refused.
 */
export async function synchroniserIndicateurs(
  tx: Queryable,
  utilisateur: Utilisateur,
  fiche: { id: string; contratId: string },
  liste: IndicateurFicheSaisie[],
) {
  const { retires, elements } = planifierIndicateurs(await indicateursDeFiche(tx, fiche.id), liste);
  for (const e of retires) await effacerIndicateur(tx, utilisateur, e);
  for (const [n, { avant, saisie, rang }] of elements.entries()) {
    await verifierIndicateurDiagnostic(tx, saisie.indicateurDiagnostic, `indicateurs.${n}.indicateurDiagnostic`);
    if (!avant) await insererIndicateur(tx, utilisateur, fiche, saisie, rang);
    else if (aReecrire(avant, saisie, rang)) await reecrireIndicateur(tx, utilisateur, avant, saisie, rang);
  }
}
