import {
  can,
  comparerPeriodes,
  peutRecevoir,
  quatreYeuxExiges,
  saisiePossible,
  transition,
  valeurDeMesure,
  type ActionSuivi,
  type BilanFicheSaisie,
  type DroitsSuivi,
  type EtatSuivi,
  type IndicateurSuiviSaisie,
  type ValeurSuiviSaisie,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerRecevable } from '../contrats/acces';
import { chargerFiche, exigerSurFiche } from '../fiches/fiches.service';
import * as fichesRepo from '../fiches/fiches.repository';
import {
  chargerIndicateur,
  COLONNES_INDICATEUR,
  effacerIndicateur,
  insererIndicateur,
  reecrireIndicateur,
  verifierIndicateurDiagnostic,
  type IndicateurLigne,
} from '../fiches/indicateurs-fiche';
import * as contrats from '../contrats/contrats.repository';
import { agregatIndicateur, type TerritoireDemande } from '../diagnostics/agregation.service';
import { obtenirIndicateur } from '../diagnostics/indicateurs.repository';

/**
 * What the user may do on the follow-up of this fiche: enter (pilotes, their organisation's referent, coordination),
 * validate (coordination, ARS), reopen what is validated (ARS referent, regional ARS); and whether the contract's
 * regions require validation by someone other than the submitter (decision 0014).
 */
export async function droitsSurFiche(db: Queryable, utilisateur: Utilisateur | null, ficheId: string) {
  const fiche = await chargerFiche(db, ficheId);
  const ref = await exigerSurFiche(db, utilisateur, 'lire', fiche);
  const ressource = { type: 'fiche' as const, contrat: ref, piloteOrganisationIds: fiche.pilotes.flatMap((p) => (p.organisationId ? [p.organisationId] : [])), partenaireOrganisationIds: [] };
  const doctrines = await Promise.all(ref.regions.map((r) => contrats.obtenirDoctrine(db, r)));
  const droits: DroitsSuivi & { definir: boolean; rouvrir: boolean; quatreYeux: boolean } = {
    saisir: can(utilisateur, 'saisir_suivi', ressource),
    valider: can(utilisateur, 'valider', ressource),
    rouvrir: can(utilisateur, 'rouvrir_suivi', ressource),
    // Defining indicators (baseline, targets) is part of the fiche: its editors and pilotes.
    definir: can(utilisateur, 'modifier', ressource),
    // A region without a doctrine keeps the default: four eyes on.
    quatreYeux: quatreYeuxExiges(doctrines.map((d) => d?.regles)),
  };
  return { fiche, ref, droits };
}

/** The four-eyes context of one element: who acts, who last submitted it. */
const yeux = (droits: { quatreYeux: boolean }, utilisateur: Utilisateur, soumisPar: string | null) => ({ exige: droits.quatreYeux, acteurId: utilisateur.userId, soumisPar });

/** The last person who submitted a value or a report (SQL, for a row aliased `x` of the given column). */
const SOUMIS_PAR = (colonne: 'valeur_id' | 'bilan_id', alias: string) =>
  `(select e.acteur_id from etapes_suivi e where e.${colonne} = ${alias}.id and e.action = 'soumettre' order by e.le desc, e.id desc limit 1) as "soumisPar"`;

export interface ValeurLigne {
  id: string;
  indicateurId: string;
  periode: string;
  valeur: number | null;
  numerateur: number | null;
  denominateur: number | null;
  recit: string | null;
  etat: EtatSuivi;
  version: number;
  modifieLe: string;
  /** Who last submitted it: the web app greys out « Valider » for that person when four eyes are required. */
  soumisPar: string | null;
}

/** Indicators of a set of fiches (or of a whole contract) with every value and its workflow steps, in a few queries. */
export async function chargerIndicateurs(db: Queryable, filtre: { ficheIds?: string[]; contratId?: string }) {
  const { rows: indicateurs } = await db.query<IndicateurLigne>(
    `select ${COLONNES_INDICATEUR} from indicateurs_suivi i
     where ($1::uuid[] is null or i.fiche_id = any($1)) and ($2::uuid is null or i.contrat_id = $2) order by i.fiche_id, i.rang, i.cree_le`,
    [filtre.ficheIds ?? null, filtre.contratId ?? null],
  );
  const ids = indicateurs.map((i) => i.id);
  const { rows: valeurs } = await db.query<ValeurLigne & { etapes: unknown[] }>(
    `select v.id, v.indicateur_id as "indicateurId", v.periode, v.valeur, v.numerateur, v.denominateur, v.recit, v.etat, v.version, v.modifie_le as "modifieLe", ${SOUMIS_PAR('valeur_id', 'v')},
       coalesce((select json_agg(json_build_object('action', e.action, 'etat', e.etat, 'par', e.acteur_libelle, 'le', e.le, 'commentaire', e.commentaire) order by e.le, e.id)
         from etapes_suivi e where e.valeur_id = v.id), '[]') as etapes
     from valeurs_suivi v where v.indicateur_id = any($1)`,
    [ids],
  );
  return indicateurs.map((i) => {
    const propres = valeurs.filter((v) => v.indicateurId === i.id).sort((a, b) => comparerPeriodes(a.periode, b.periode));
    return {
      ...i,
      reference: (i.referenceValeur ?? i.referenceNumerateur) !== null ? valeurDeMesure({ valeur: i.referenceValeur, numerateur: i.referenceNumerateur, denominateur: i.referenceDenominateur }, i.pourcentage) : null,
      cibles: [...i.cibles].sort((a, b) => comparerPeriodes(a.periode, b.periode)).map((c) => ({ ...c, mesure: valeurDeMesure(c, i.pourcentage) })),
      valeurs: propres.map((v) => ({ ...v, mesure: valeurDeMesure(v, i.pourcentage) })),
    };
  });
}
export type IndicateurComplet = Awaited<ReturnType<typeof chargerIndicateurs>>[number];

async function chargerBilans(db: Queryable, ficheIds: string[]) {
  const { rows } = await db.query(
    `select b.id, b.fiche_id as "ficheId", b.periode, b.recit, b.difficultes, b.perspectives, b.statut_propose as "statutPropose", b.etat, b.version, b.modifie_le as "modifieLe", ${SOUMIS_PAR('bilan_id', 'b')},
       coalesce((select json_agg(json_build_object('action', e.action, 'etat', e.etat, 'par', e.acteur_libelle, 'le', e.le, 'commentaire', e.commentaire) order by e.le, e.id)
         from etapes_suivi e where e.bilan_id = b.id), '[]') as etapes
     from bilans_fiche b where b.fiche_id = any($1) order by b.periode desc`,
    [ficheIds],
  );
  return rows;
}

/** The follow-up of one fiche: indicators, values with their steps, reports by period, statut history, rights. */
export async function suiviDeFiche(ctx: Contexte, utilisateur: Utilisateur | null, ficheId: string) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  const [indicateurs, bilans, historiqueStatuts] = await Promise.all([
    chargerIndicateurs(ctx.db, { ficheIds: [ficheId] }),
    chargerBilans(ctx.db, [ficheId]),
    fichesRepo.historiqueStatuts(ctx.db, ficheId),
  ]);
  const ecarts = await ecartsAuDiagnostic(ctx, fiche.contratId, indicateurs);
  return {
    fiche: { id: fiche.id, numero: fiche.numero, intitule: fiche.intitule, statut: fiche.statut, contratId: fiche.contratId, poids: (fiche as { poids?: number }).poids ?? 1 },
    // A closed contract keeps its indicators but takes no new one (decision 0006).
    droits: { ...droits, ajouterIndicateur: droits.definir && peutRecevoir(ref, 'indicateur_suivi').ok },
    indicateurs: indicateurs.map((i) => ({ ...i, diagnostic: ecarts.get(i.id) ?? null })),
    bilans,
    historiqueStatuts,
  };
}

/**
 * For an indicator linked to a diagnostic indicator: the contract territory's values over time (aggregated as the
 * diagnostic does) and the gap to its region at the first and the latest period, to show whether the gap found in
 * the diagnostic shrinks.
 */
async function ecartsAuDiagnostic(ctx: Contexte, contratId: string, indicateurs: IndicateurComplet[]) {
  const resultat = new Map<string, unknown>();
  const lies = indicateurs.filter((i) => i.indicateurDiagnostic);
  if (!lies.length) return resultat;
  const contrat = (await contrats.obtenirContrat(ctx.db, contratId))!;
  const territoires: TerritoireDemande[] = [
    ...contrat.perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
    ...contrat.perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
  ];
  for (const i of lies) {
    const indicateur = await obtenirIndicateur(ctx.db, i.indicateurDiagnostic!);
    if (!indicateur || !territoires.length) continue;
    const dernier = await agregatIndicateur(ctx, indicateur, territoires);
    const premierePeriode = dernier.serie[0]?.periode;
    const premier = premierePeriode && premierePeriode !== dernier.periode ? await agregatIndicateur(ctx, indicateur, territoires, premierePeriode) : null;
    // A gap measured on a partial figure (a commune under secret) is only indicative: not a follow-up baseline.
    const ecartRegion = (a: typeof dernier | null) => {
      const c = a?.comparaisons.find((x) => x.territoire.type === 'region');
      return c && typeof c.ecart === 'number' && !c.indicatif ? { periode: a!.periode, region: c.territoire.nom, ecart: c.ecart, sens: c.sens } : null;
    };
    const debut = ecartRegion(premier);
    const fin = ecartRegion(dernier);
    const tendance = !debut || !fin ? 'indeterminee' : Math.abs(Math.abs(fin.ecart) - Math.abs(debut.ecart)) < 1e-9 ? 'stable' : Math.abs(fin.ecart) < Math.abs(debut.ecart) ? 'se_reduit' : 's_accroit';
    resultat.set(i.id, {
      code: indicateur.code,
      libelle: indicateur.libelle,
      unite: indicateur.unite,
      serie: dernier.serie.map((r) => ({ periode: r.periode, texte: r.valeur.texte })),
      ecartInitial: debut,
      ecartActuel: fin,
      tendance,
    });
  }
  return resultat;
}

export async function creerIndicateur(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, s: IndicateurSuiviSaisie) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  if (!droits.definir) throw interdit('Seuls la coordination et les pilotes de la fiche définissent ses indicateurs.');
  exigerRecevable(ref, 'indicateur_suivi');
  await verifierIndicateurDiagnostic(ctx.db, s.indicateurDiagnostic);
  return enTransaction(ctx.db, async (tx) => ({ id: await insererIndicateur(tx, utilisateur, { id: ficheId, contratId: fiche.contratId }, s) }));
}

export async function modifierIndicateur(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number, s: IndicateurSuiviSaisie) {
  const courant = await chargerIndicateur(ctx.db, id);
  const { droits } = await droitsSurFiche(ctx.db, utilisateur, courant.ficheId);
  if (!droits.definir) throw interdit('Seuls la coordination et les pilotes de la fiche définissent ses indicateurs.');
  await verifierIndicateurDiagnostic(ctx.db, s.indicateurDiagnostic);
  return enTransaction(ctx.db, async (tx) => {
    const avant = await chargerIndicateur(tx, id, true);
    if (avant.version !== version) throw conflit('Cet indicateur a été modifié entre-temps par quelqu’un d’autre.', avant);
    await reecrireIndicateur(tx, utilisateur, avant, s);
    return { id, version: version + 1 };
  });
}

export async function supprimerIndicateur(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const courant = await chargerIndicateur(ctx.db, id);
  const { droits } = await droitsSurFiche(ctx.db, utilisateur, courant.ficheId);
  if (!droits.definir) throw interdit('Seuls la coordination et les pilotes de la fiche définissent ses indicateurs.');
  await enTransaction(ctx.db, async (tx) => effacerIndicateur(tx, utilisateur, await chargerIndicateur(tx, id, true)));
}

async function noterEtape(tx: Queryable, cible: { valeurId?: string; bilanId?: string }, action: string, etat: EtatSuivi, utilisateur: Utilisateur, commentaire?: string | null) {
  await tx.query('insert into etapes_suivi (valeur_id, bilan_id, action, etat, acteur_id, acteur_libelle, commentaire) values ($1, $2, $3, $4, $5, $6, $7)', [
    cible.valeurId ?? null,
    cible.bilanId ?? null,
    action,
    etat,
    utilisateur.userId,
    utilisateur.libelle,
    commentaire?.trim() || null,
  ]);
}

/** Enters (or corrects) the value of an indicator for a period. A validated or submitted value cannot be changed. */
export async function saisirValeur(ctx: Contexte, utilisateur: Utilisateur, indicateurId: string, periode: string, s: ValeurSuiviSaisie) {
  const indicateur = await chargerIndicateur(ctx.db, indicateurId);
  const { droits, ref } = await droitsSurFiche(ctx.db, utilisateur, indicateur.ficheId);
  if (droits.saisir) exigerRecevable(ref, 'suivi', periode);
  if (indicateur.pourcentage && (s.numerateur == null || s.denominateur == null))
    throw invalide('Un pourcentage se saisit avec son numérateur et son dénominateur.', [
      ...(s.numerateur == null ? [{ champ: 'numerateur', message: 'Numérateur attendu pour un pourcentage' }] : []),
      ...(s.denominateur == null ? [{ champ: 'denominateur', message: 'Dénominateur attendu pour un pourcentage' }] : []),
    ]);
  if (!indicateur.pourcentage && s.valeur == null) throw invalide('La valeur est obligatoire.', [{ champ: 'valeur', message: 'Valeur attendue' }]);
  return enTransaction(ctx.db, async (tx) => {
    await tx.query('select 1 from indicateurs_suivi where id = $1 for update', [indicateurId]);
    const { rows } = await tx.query('select id, etat, version, valeur, numerateur, denominateur, recit from valeurs_suivi where indicateur_id = $1 and periode = $2 for update', [indicateurId, periode]);
    const avant = rows[0] ?? null;
    const permis = saisiePossible(avant?.etat ?? null, droits);
    if (!permis.ok) throw droits.saisir ? conflit(permis.raison) : interdit(permis.raison);
    if (avant && s.version !== undefined && avant.version !== s.version) throw conflit('Cette valeur a été modifiée entre-temps par quelqu’un d’autre.', avant);
    const mesure = indicateur.pourcentage ? { valeur: valeurDeMesure(s, true), numerateur: s.numerateur, denominateur: s.denominateur } : { valeur: s.valeur, numerateur: null, denominateur: null };
    let id: string;
    let version: number;
    if (avant) {
      const r = await tx.query('update valeurs_suivi set valeur = $2, numerateur = $3, denominateur = $4, recit = $5, version = version + 1, modifie_le = now() where id = $1 returning version', [
        avant.id, mesure.valeur, mesure.numerateur, mesure.denominateur, s.recit ?? null,
      ]);
      id = avant.id;
      version = r.rows[0].version;
    } else {
      const r = await tx.query('insert into valeurs_suivi (indicateur_id, periode, valeur, numerateur, denominateur, recit) values ($1, $2, $3, $4, $5, $6) returning id, version', [
        indicateurId, periode, mesure.valeur, mesure.numerateur, mesure.denominateur, s.recit ?? null,
      ]);
      id = r.rows[0].id;
      version = r.rows[0].version;
    }
    await noterEtape(tx, { valeurId: id }, 'saisir', permis.etat, utilisateur);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'valeur_suivi', entiteId: id, action: avant ? 'modification' : 'creation', avant, apres: { periode, ...mesure, recit: s.recit ?? null }, contexte: { contratId: indicateur.contratId, ficheId: indicateur.ficheId } });
    return { id, etat: permis.etat, version };
  });
}

/** Submitting needs the right to enter; sending back and validating the right to validate; reopening its own: otherwise 403. */
function exigerDroitAction(droits: DroitsSuivi, action: ActionSuivi) {
  if (action === 'soumettre' && !droits.saisir) throw interdit('Seuls les pilotes de la fiche, le référent de leur organisation et la coordination peuvent soumettre ce suivi.');
  if (action === 'rouvrir' && !droits.rouvrir) throw interdit('Seuls le référent ARS du contrat et l’ARS de sa région peuvent rouvrir une saisie validée.');
  if ((action === 'renvoyer' || action === 'valider') && !droits.valider) throw interdit('Seules la coordination et l’ARS peuvent valider ou renvoyer le suivi.');
}

/** A refused step: 403 when the person may not take it (four eyes), 409 when the state forbids it. */
const refusEtape = (r: { raison: string; interdit?: boolean }) => (r.interdit ? interdit(r.raison) : conflit(r.raison));

/** One workflow step on one value. */
export async function changerEtatValeur(ctx: Contexte, utilisateur: Utilisateur, valeurId: string, action: ActionSuivi, commentaire?: string | null) {
  const { rows } = await ctx.db.query('select v.indicateur_id as "indicateurId", v.periode, i.fiche_id as "ficheId", i.contrat_id as "contratId" from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id where v.id = $1', [valeurId]);
  if (!rows[0]) throw introuvable('Cette valeur de suivi n’existe pas.');
  const { droits, ref } = await droitsSurFiche(ctx.db, utilisateur, rows[0].ficheId);
  exigerDroitAction(droits, action);
  exigerRecevable(ref, 'suivi', rows[0].periode);
  return enTransaction(ctx.db, async (tx) => {
    const { rows: v } = await tx.query(`select x.etat, ${SOUMIS_PAR('valeur_id', 'x')} from valeurs_suivi x where x.id = $1 for update`, [valeurId]);
    const r = transition(v[0].etat, action, droits, commentaire, yeux(droits, utilisateur, v[0].soumisPar));
    if (!r.ok) throw refusEtape(r);
    await tx.query('update valeurs_suivi set etat = $2, version = version + 1, modifie_le = now() where id = $1', [valeurId, r.etat]);
    await noterEtape(tx, { valeurId }, action, r.etat, utilisateur, commentaire);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'valeur_suivi', entiteId: valeurId, action, avant: { etat: v[0].etat }, apres: { etat: r.etat, commentaire: commentaire ?? null }, contexte: { contratId: rows[0].contratId, ficheId: rows[0].ficheId } });
    return { id: valeurId, etat: r.etat };
  });
}

/** The pilote's report on the fiche for a period (narrative, difficulties, next steps, statut proposed). */
export async function saisirBilan(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, periode: string, s: BilanFicheSaisie) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  if (droits.saisir) exigerRecevable(ref, 'suivi', periode);
  return enTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query('select id, etat, version, recit, difficultes, perspectives, statut_propose as "statutPropose" from bilans_fiche where fiche_id = $1 and periode = $2 for update', [ficheId, periode]);
    const avant = rows[0] ?? null;
    const permis = saisiePossible(avant?.etat ?? null, droits);
    if (!permis.ok) throw droits.saisir ? conflit(permis.raison) : interdit(permis.raison);
    if (avant && s.version !== undefined && avant.version !== s.version) throw conflit('Ce bilan a été modifié entre-temps par quelqu’un d’autre.', avant);
    const valeurs = [s.recit ?? null, s.difficultes ?? null, s.perspectives ?? null, s.statutPropose ?? null];
    const { rows: r } = avant
      ? await tx.query('update bilans_fiche set recit = $2, difficultes = $3, perspectives = $4, statut_propose = $5, version = version + 1, modifie_le = now() where id = $1 returning id, version', [avant.id, ...valeurs])
      : await tx.query('insert into bilans_fiche (fiche_id, periode, recit, difficultes, perspectives, statut_propose) values ($1, $2, $3, $4, $5, $6) returning id, version', [ficheId, periode, ...valeurs]);
    await noterEtape(tx, { bilanId: r[0].id }, 'saisir', permis.etat, utilisateur);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'bilan_fiche', entiteId: r[0].id, action: avant ? 'modification' : 'creation', avant, apres: { periode, ...s }, contexte: { contratId: fiche.contratId, ficheId } });
    return { id: r[0].id as string, etat: permis.etat, version: r[0].version as number };
  });
}

/**
 * One step for a whole fiche and period: its report and every value of the period move together (what a pilote
 * submits at once, and what the coordination validates or sends back at once). Validating the report also applies
 * the statut the pilote proposed.
 */
export async function changerEtatFiche(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, periode: string, action: ActionSuivi, commentaire?: string | null) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  exigerDroitAction(droits, action);
  exigerRecevable(ref, 'suivi', periode);
  return enTransaction(ctx.db, async (tx) => {
    const { rows: bilans } = await tx.query(`select b.id, b.etat, b.statut_propose as "statutPropose", ${SOUMIS_PAR('bilan_id', 'b')} from bilans_fiche b where b.fiche_id = $1 and b.periode = $2 for update`, [ficheId, periode]);
    const { rows: valeurs } = await tx.query(
      `select v.id, v.etat, ${SOUMIS_PAR('valeur_id', 'v')} from valeurs_suivi v join indicateurs_suivi i on i.id = v.indicateur_id where i.fiche_id = $1 and v.periode = $2 order by i.rang for update of v`,
      [ficheId, periode],
    );
    const elements = [...bilans.map((b) => ({ ...b, bilan: true })), ...valeurs.map((v) => ({ ...v, bilan: false }))];
    if (!elements.length) throw conflit(`Rien n’est saisi pour la période ${periode} sur cette fiche.`);
    const essai = (e: (typeof elements)[number]) => transition(e.etat, action, droits, commentaire, yeux(droits, utilisateur, e.soumisPar));
    // Only what can take the step moves; validated values stay as they are (unless reopened).
    const concernes = elements.filter((e) => essai(e).ok);
    if (!concernes.length) {
      // Say the most telling reason: four eyes before a state that merely does not fit.
      const refus = elements.map(essai).filter((r): r is Extract<typeof r, { ok: false }> => !r.ok);
      const r = refus.find((x) => x.interdit) ?? refus[0];
      throw r ? refusEtape(r) : conflit('Aucune saisie ne peut franchir cette étape.');
    }
    const etat = (essai(concernes[0]) as { etat: EtatSuivi }).etat;
    for (const e of concernes) {
      await tx.query(`update ${e.bilan ? 'bilans_fiche' : 'valeurs_suivi'} set etat = $2, version = version + 1, modifie_le = now() where id = $1`, [e.id, etat]);
      await noterEtape(tx, e.bilan ? { bilanId: e.id } : { valeurId: e.id }, action, etat, utilisateur, commentaire);
    }
    const bilan = bilans[0];
    if (action === 'valider' && bilan?.statutPropose && concernes.some((e) => e.bilan) && bilan.statutPropose !== fiche.statut) {
      await tx.query('update fiches set statut = $2, version = version + 1, modifie_le = now() where id = $1', [ficheId, bilan.statutPropose]);
      await fichesRepo.noterStatut(tx, ficheId, bilan.statutPropose, `${utilisateur.libelle} (bilan ${periode} validé)`);
    }
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'suivi_fiche',
      entiteId: ficheId,
      action,
      apres: { periode, etat, elements: concernes.length, commentaire: commentaire ?? null, ...(action === 'valider' && bilan?.statutPropose ? { statut: bilan.statutPropose } : {}) },
      contexte: { contratId: fiche.contratId, ficheId },
    });
    return { etat, elements: concernes.length };
  });
}
