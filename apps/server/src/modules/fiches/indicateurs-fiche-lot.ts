/**
 * The indicators of many fiches of one contract (a plan import), as synchroniserIndicateurs does it for one fiche:
 * the same plan, the same refusals, the same audit events, but read, checked and written in a few statements.
 */
import { randomUUID } from 'node:crypto';
import type { IndicateurSuiviSaisie } from '@maillage/domain';
import type { EvenementAudit } from '../../platform/audit';
import { acteurDe, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import {
  aReecrire,
  basculeRefusee,
  COLONNES_INDICATEUR,
  diagnosticInconnu,
  retraitRefuse,
  saisieDe,
  type IndicateurLigne,
  type PlanIndicateurs,
} from './indicateurs-fiche';

const TAILLE_PAQUET = 1000;
async function parPaquets<T>(lignes: T[], ecrire: (paquet: T[]) => Promise<unknown>) {
  for (let i = 0; i < lignes.length; i += TAILLE_PAQUET) await ecrire(lignes.slice(i, i + TAILLE_PAQUET));
}

/** The indicators of a contract (or, locked, of some of its fiches) by fiche, in each fiche's order. */
export async function indicateursParFiche(db: Queryable, contratId: string, ficheIds?: string[]): Promise<Map<string, IndicateurLigne[]>> {
  const parFiche = new Map<string, IndicateurLigne[]>();
  const ranger = (rows: IndicateurLigne[]) => rows.forEach((i) => parFiche.set(i.ficheId, [...(parFiche.get(i.ficheId) ?? []), i]));
  const ordre = 'order by i.fiche_id, i.rang, i.cree_le';
  if (!ficheIds)
    ranger(
      (
        await db.query<IndicateurLigne>(`select ${COLONNES_INDICATEUR} from indicateurs_suivi i where i.contrat_id = $1 ${ordre}`, [
          contratId,
        ])
      ).rows,
    );
  else
    await parPaquets([...ficheIds].sort(), async (ids) =>
      ranger(
        (
          await db.query<IndicateurLigne>(
            `select ${COLONNES_INDICATEUR} from indicateurs_suivi i where i.fiche_id = any($1::uuid[]) ${ordre} for update`,
            [ids],
          )
        ).rows,
      ),
    );
  return parFiche;
}

/**
 * What synchroniserIndicateurs refuses before writing, for many plans, in its order for each: an indicator removed
 * with validated values (409), then item by item an unknown diagnostic indicator (400), a switch between value and
 * percentage once values are validated (409). `codes`: the catalogue codes already looked up, kept across calls.
 */
export async function verifierPlans(db: Queryable, plans: PlanIndicateurs[], codes: Map<string, boolean>) {
  const aChercher = [
    ...new Set(plans.flatMap((p) => p.elements.flatMap((e) => (e.saisie.indicateurDiagnostic ? [e.saisie.indicateurDiagnostic] : [])))),
  ].filter((c) => !codes.has(c));
  if (aChercher.length) {
    const { rows } = await db.query<{ code: string }>('select code from indicateurs where code = any($1::text[])', [aChercher]);
    const trouves = new Set(rows.map((r) => r.code));
    for (const c of aChercher) codes.set(c, trouves.has(c));
  }
  const bascule = (e: PlanIndicateurs['elements'][number]) =>
    !!e.avant && aReecrire(e.avant, e.saisie, e.rang) && e.avant.pourcentage !== e.saisie.pourcentage;
  const suspects = plans.flatMap((p) => [...p.retires.map((i) => i.id), ...p.elements.flatMap((e) => (bascule(e) ? [e.avant!.id] : []))]);
  const valides = new Set<string>();
  await parPaquets(suspects, async (ids) => {
    const { rows } = await db.query<{ id: string }>(
      `select distinct indicateur_id as id from valeurs_suivi where indicateur_id = any($1::uuid[]) and etat = 'valide'`,
      [ids],
    );
    rows.forEach((r) => valides.add(r.id));
  });
  for (const { retires, elements } of plans) {
    for (const i of retires) if (valides.has(i.id)) throw retraitRefuse(i);
    for (const [n, e] of elements.entries()) {
      const code = e.saisie.indicateurDiagnostic;
      if (code && !codes.get(code)) throw diagnosticInconnu(code, `indicateurs.${n}.indicateurDiagnostic`);
      if (bascule(e) && valides.has(e.avant!.id)) throw basculeRefusee(e.avant!);
    }
  }
}

const colonnes = (s: IndicateurSuiviSaisie) => ({
  libelle: s.libelle,
  type: s.type,
  unite: s.unite ?? null,
  methode: s.methode ?? null,
  source: s.source ?? null,
  cible: s.cible ?? null,
  pourcentage: s.pourcentage,
  poids: s.poids,
  reference_valeur: s.reference?.valeur ?? null,
  reference_numerateur: s.reference?.numerateur ?? null,
  reference_denominateur: s.reference?.denominateur ?? null,
  reference_date: s.reference?.date ?? null,
  cibles: s.cibles,
  indicateur_diagnostic: s.indicateurDiagnostic ?? null,
});
const RECORDSET = `n(id uuid, fiche_id uuid, rang int, libelle text, type text, unite text, methode text, source text, cible text, pourcentage boolean,
  poids numeric, reference_valeur numeric, reference_numerateur numeric, reference_denominateur numeric, reference_date date, cibles jsonb, indicateur_diagnostic text)`;

/**
 * Writes checked plans (verifierPlans): removals, creations, rewrites, and gives, fiche by fiche, the audit events
 * synchroniserIndicateurs would have written, in its order.
 */
export async function ecrirePlans(
  tx: Queryable,
  utilisateur: Utilisateur,
  contratId: string,
  plans: { ficheId: string; plan: PlanIndicateurs }[],
) {
  const acteur = acteurDe(utilisateur);
  const evenements = new Map<string, EvenementAudit[]>();
  const retires: string[] = [];
  const nouveaux: Record<string, unknown>[] = [];
  const reecrits: Record<string, unknown>[] = [];
  for (const { ficheId, plan } of plans) {
    const contexte = { contratId, ficheId };
    const liste: EvenementAudit[] = [];
    for (const i of plan.retires) {
      retires.push(i.id);
      liste.push({ acteur, entiteType: 'indicateur_suivi', entiteId: i.id, action: 'suppression', avant: saisieDe(i) as never, contexte });
    }
    for (const { avant, saisie, rang } of plan.elements) {
      if (!avant) {
        const id = randomUUID();
        nouveaux.push({ id, fiche_id: ficheId, rang, ...colonnes(saisie) });
        liste.push({ acteur, entiteType: 'indicateur_suivi', entiteId: id, action: 'creation', apres: saisie as never, contexte });
      } else if (aReecrire(avant, saisie, rang)) {
        reecrits.push({ id: avant.id, fiche_id: ficheId, rang, ...colonnes(saisie) });
        liste.push({
          acteur,
          entiteType: 'indicateur_suivi',
          entiteId: avant.id,
          action: 'modification',
          avant: saisieDe(avant) as never,
          apres: saisie as never,
          contexte,
        });
      }
    }
    evenements.set(ficheId, liste);
  }
  await parPaquets(retires, (ids) => tx.query('delete from indicateurs_suivi where id = any($1::uuid[])', [ids]));
  await parPaquets(nouveaux, (paquet) =>
    tx.query(
      `insert into indicateurs_suivi (id, fiche_id, contrat_id, rang, libelle, type, unite, methode, source, cible, pourcentage, poids,
         reference_valeur, reference_numerateur, reference_denominateur, reference_date, cibles, indicateur_diagnostic)
       select n.id, n.fiche_id, $1, n.rang, n.libelle, n.type, n.unite, n.methode, n.source, n.cible, n.pourcentage, n.poids,
         n.reference_valeur, n.reference_numerateur, n.reference_denominateur, n.reference_date, n.cibles, n.indicateur_diagnostic
       from json_to_recordset($2::json) ${RECORDSET}`,
      [contratId, JSON.stringify(paquet)],
    ),
  );
  await parPaquets(reecrits, (paquet) =>
    tx.query(
      `update indicateurs_suivi i set libelle = n.libelle, type = n.type, unite = n.unite, methode = n.methode, source = n.source, cible = n.cible,
         pourcentage = n.pourcentage, poids = n.poids, reference_valeur = n.reference_valeur, reference_numerateur = n.reference_numerateur,
         reference_denominateur = n.reference_denominateur, reference_date = n.reference_date, cibles = n.cibles,
         indicateur_diagnostic = n.indicateur_diagnostic, rang = n.rang, version = i.version + 1, modifie_le = now()
       from json_to_recordset($1::json) ${RECORDSET}
       where i.id = n.id`,
      [JSON.stringify(paquet)],
    ),
  );
  return evenements;
}
