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
import { publierEvenement } from '../../platform/evenements';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerRecevable } from '../contrats/acces';
import { doctrineDeRegion, lireContrat } from '../contrats/lecture.service';
import { agregatIndicateur, type TerritoireDemande } from '../diagnostics/agregation.service';
import { indicateurDuCatalogue } from '../diagnostics/indicateurs.service';
import { changerStatutFiche, historiqueStatuts as historiqueDesStatuts } from '../fiches/changements-fiche.service';
import { chargerFiche, exigerSurFiche } from '../fiches/fiches.service';
import {
  chargerIndicateur,
  effacerIndicateur,
  insererIndicateur,
  reecrireIndicateur,
  verifierIndicateurDiagnostic,
} from '../fiches/indicateurs-fiche';
import { lireIndicateurs, situationValeur } from './indicateurs.queries';
import * as repository from './suivi.repository';

/**
 * What the user may do on the follow-up of this fiche: enter (pilotes, their organisation's referent, coordination),
 * validate (coordination, ARS), reopen what is validated (ARS referent, regional ARS); and whether the contract's
 * regions require validation by someone other than the submitter (decision 0014).
 */
export async function droitsSurFiche(db: Queryable, utilisateur: Utilisateur | null, ficheId: string) {
  const fiche = await chargerFiche(db, ficheId);
  const ref = await exigerSurFiche(db, utilisateur, 'lire', fiche);
  const ressource = {
    type: 'fiche' as const,
    contrat: ref,
    piloteOrganisationIds: fiche.pilotes.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
    partenaireOrganisationIds: [],
  };
  const doctrines = await Promise.all(ref.regions.map((r) => doctrineDeRegion(db, r)));
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
const yeux = (droits: { quatreYeux: boolean }, utilisateur: Utilisateur, soumisPar: string | null) => ({
  exige: droits.quatreYeux,
  acteurId: utilisateur.userId,
  soumisPar,
});

/** Indicators of a set of fiches (or of a whole contract) with every value and its workflow steps, in a few queries. */
export async function chargerIndicateurs(db: Queryable, filtre: { ficheIds?: string[]; contratId?: string }) {
  const indicateurs = await lireIndicateurs(db, filtre);
  const valeurs = await repository.lireValeurs(
    db,
    indicateurs.map((i) => i.id),
  );
  return indicateurs.map((i) => {
    const propres = valeurs.filter((v) => v.indicateurId === i.id).sort((a, b) => comparerPeriodes(a.periode, b.periode));
    return {
      ...i,
      reference:
        (i.referenceValeur ?? i.referenceNumerateur) !== null
          ? valeurDeMesure(
              { valeur: i.referenceValeur, numerateur: i.referenceNumerateur, denominateur: i.referenceDenominateur },
              i.pourcentage,
            )
          : null,
      cibles: [...i.cibles]
        .sort((a, b) => comparerPeriodes(a.periode, b.periode))
        .map((c) => ({ ...c, mesure: valeurDeMesure(c, i.pourcentage) })),
      valeurs: propres.map((v) => ({ ...v, mesure: valeurDeMesure(v, i.pourcentage) })),
    };
  });
}
export type IndicateurComplet = Awaited<ReturnType<typeof chargerIndicateurs>>[number];

/** The follow-up of one fiche: indicators, values with their steps, reports by period, statut history, rights. */
export async function suiviDeFiche(ctx: Contexte, utilisateur: Utilisateur | null, ficheId: string) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  const [indicateurs, bilans, historiqueStatuts] = await Promise.all([
    chargerIndicateurs(ctx.db, { ficheIds: [ficheId] }),
    repository.lireBilans(ctx.db, [ficheId]),
    historiqueDesStatuts(ctx.db, ficheId),
  ]);
  const ecarts = await ecartsAuDiagnostic(ctx, fiche.contratId, indicateurs);
  return {
    fiche: {
      id: fiche.id,
      numero: fiche.numero,
      intitule: fiche.intitule,
      statut: fiche.statut,
      contratId: fiche.contratId,
      poids: (fiche as { poids?: number }).poids ?? 1,
    },
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
  const contrat = (await lireContrat(ctx.db, contratId))!;
  const territoires: TerritoireDemande[] = [
    ...contrat.perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
    ...contrat.perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
  ];
  for (const i of lies) {
    const indicateur = await indicateurDuCatalogue(ctx.db, i.indicateurDiagnostic!);
    if (!indicateur || !territoires.length) continue;
    const dernier = await agregatIndicateur(ctx, indicateur, territoires);
    const premierePeriode = dernier.serie[0]?.periode;
    const premier =
      premierePeriode && premierePeriode !== dernier.periode
        ? await agregatIndicateur(ctx, indicateur, territoires, premierePeriode)
        : null;
    // A gap measured on a partial figure (a commune under secret) is only indicative: not a follow-up baseline.
    const ecartRegion = (a: typeof dernier | null) => {
      const c = a?.comparaisons.find((x) => x.territoire.type === 'region');
      return c && typeof c.ecart === 'number' && !c.indicatif
        ? { periode: a!.periode, region: c.territoire.nom, ecart: c.ecart, sens: c.sens }
        : null;
    };
    const debut = ecartRegion(premier);
    const fin = ecartRegion(dernier);
    const tendance =
      !debut || !fin
        ? 'indeterminee'
        : Math.abs(Math.abs(fin.ecart) - Math.abs(debut.ecart)) < 1e-9
          ? 'stable'
          : Math.abs(fin.ecart) < Math.abs(debut.ecart)
            ? 'se_reduit'
            : 's_accroit';
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
  return enTransaction(ctx.db, async (tx) => ({
    id: await insererIndicateur(tx, utilisateur, { id: ficheId, contratId: fiche.contratId }, s),
  }));
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

/** The step as the follow-up records it: what was done, the state reached, by whom, with what comment. */
const etape = (action: string, etat: EtatSuivi, utilisateur: Utilisateur, commentaire?: string | null) => ({
  action,
  etat,
  acteurId: utilisateur.userId,
  acteurLibelle: utilisateur.libelle,
  commentaire,
});

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
  if (!indicateur.pourcentage && s.valeur == null)
    throw invalide('La valeur est obligatoire.', [{ champ: 'valeur', message: 'Valeur attendue' }]);
  return enTransaction(ctx.db, async (tx) => {
    await repository.verrouillerIndicateur(tx, indicateurId);
    const avant = await repository.valeurDePeriode(tx, indicateurId, periode);
    const permis = saisiePossible(avant?.etat ?? null, droits);
    if (!permis.ok) throw droits.saisir ? conflit(permis.raison) : interdit(permis.raison);
    if (avant && s.version !== undefined && avant.version !== s.version)
      throw conflit('Cette valeur a été modifiée entre-temps par quelqu’un d’autre.', avant);
    const mesure = indicateur.pourcentage
      ? { valeur: valeurDeMesure(s, true), numerateur: s.numerateur, denominateur: s.denominateur }
      : { valeur: s.valeur, numerateur: null, denominateur: null };
    let id: string;
    let version: number;
    if (avant) {
      id = avant.id;
      version = await repository.reecrireValeur(tx, avant.id, mesure, s.recit ?? null);
    } else ({ id, version } = await repository.insererValeur(tx, indicateurId, periode, mesure, s.recit ?? null));
    await repository.noterEtape(tx, { valeurId: id }, etape('saisir', permis.etat, utilisateur));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'valeur_suivi',
      entiteId: id,
      action: avant ? 'modification' : 'creation',
      avant,
      apres: { periode, ...mesure, recit: s.recit ?? null },
      contexte: { contratId: indicateur.contratId, ficheId: indicateur.ficheId },
    });
    return { id, etat: permis.etat, version };
  });
}

/** Submitting needs the right to enter; sending back and validating the right to validate; reopening its own: otherwise 403. */
function exigerDroitAction(droits: DroitsSuivi, action: ActionSuivi) {
  if (action === 'soumettre' && !droits.saisir)
    throw interdit('Seuls les pilotes de la fiche, le référent de leur organisation et la coordination peuvent soumettre ce suivi.');
  if (action === 'rouvrir' && !droits.rouvrir)
    throw interdit('Seuls le référent ARS du contrat et l’ARS de sa région peuvent rouvrir une saisie validée.');
  if ((action === 'renvoyer' || action === 'valider') && !droits.valider)
    throw interdit('Seules la coordination et l’ARS peuvent valider ou renvoyer le suivi.');
}

/** « valeur.validee » for the webhooks (decision 0039): ids only, the value itself is read through the API. */
const publierValidation = (
  tx: Queryable,
  contratId: string,
  v: { ficheId: string; valeurId: string; indicateurId: string; periode: string },
) =>
  publierEvenement(tx, {
    type: 'valeur.validee',
    contratId,
    donnees: { ficheId: v.ficheId, valeurId: v.valeurId, indicateurId: v.indicateurId, periode: v.periode, etat: 'valide' },
  });

/** A refused step: 403 when the person may not take it (four eyes), 409 when the state forbids it. */
const refusEtape = (r: { raison: string; interdit?: boolean }) => (r.interdit ? interdit(r.raison) : conflit(r.raison));

/** One workflow step on one value. */
export async function changerEtatValeur(
  ctx: Contexte,
  utilisateur: Utilisateur,
  valeurId: string,
  action: ActionSuivi,
  commentaire?: string | null,
) {
  const situation = await situationValeur(ctx.db, valeurId);
  if (!situation) throw introuvable('Cette valeur de suivi n’existe pas.');
  const { droits, ref } = await droitsSurFiche(ctx.db, utilisateur, situation.ficheId);
  exigerDroitAction(droits, action);
  exigerRecevable(ref, 'suivi', situation.periode);
  return enTransaction(ctx.db, async (tx) => {
    const v = await repository.etatValeur(tx, valeurId);
    const r = transition(v.etat, action, droits, commentaire, yeux(droits, utilisateur, v.soumisPar));
    if (!r.ok) throw refusEtape(r);
    await repository.changerEtat(tx, 'valeurs_suivi', valeurId, r.etat);
    await repository.noterEtape(tx, { valeurId }, etape(action, r.etat, utilisateur, commentaire));
    if (r.etat === 'valide') await publierValidation(tx, situation.contratId, { ...situation, valeurId });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'valeur_suivi',
      entiteId: valeurId,
      action,
      avant: { etat: v.etat },
      apres: { etat: r.etat, commentaire: commentaire ?? null },
      contexte: { contratId: situation.contratId, ficheId: situation.ficheId },
    });
    return { id: valeurId, etat: r.etat };
  });
}

/** The pilote's report on the fiche for a period (narrative, difficulties, next steps, statut proposed). */
export async function saisirBilan(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, periode: string, s: BilanFicheSaisie) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  if (droits.saisir) exigerRecevable(ref, 'suivi', periode);
  return enTransaction(ctx.db, async (tx) => {
    const avant = await repository.bilanDePeriode(tx, ficheId, periode);
    const permis = saisiePossible(avant?.etat ?? null, droits);
    if (!permis.ok) throw droits.saisir ? conflit(permis.raison) : interdit(permis.raison);
    if (avant && s.version !== undefined && avant.version !== s.version)
      throw conflit('Ce bilan a été modifié entre-temps par quelqu’un d’autre.', avant);
    const contenu = [s.recit ?? null, s.difficultes ?? null, s.perspectives ?? null, s.statutPropose ?? null] as const;
    const r = avant
      ? await repository.reecrireBilan(tx, avant.id, [...contenu])
      : await repository.insererBilan(tx, ficheId, periode, [...contenu]);
    await repository.noterEtape(tx, { bilanId: r.id }, etape('saisir', permis.etat, utilisateur));
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'bilan_fiche',
      entiteId: r.id,
      action: avant ? 'modification' : 'creation',
      avant,
      apres: { periode, ...s },
      contexte: { contratId: fiche.contratId, ficheId },
    });
    return { id: r.id, etat: permis.etat, version: r.version };
  });
}

/**
 * One step for a whole fiche and period: its report and every value of the period move together (what a pilote
 * submits at once, and what the coordination validates or sends back at once). Validating the report also applies
 * the statut the pilote proposed.
 */
export async function changerEtatFiche(
  ctx: Contexte,
  utilisateur: Utilisateur,
  ficheId: string,
  periode: string,
  action: ActionSuivi,
  commentaire?: string | null,
) {
  const { fiche, droits, ref } = await droitsSurFiche(ctx.db, utilisateur, ficheId);
  exigerDroitAction(droits, action);
  exigerRecevable(ref, 'suivi', periode);
  return enTransaction(ctx.db, async (tx) => {
    const { bilans, valeurs } = await repository.elementsDePeriode(tx, ficheId, periode);
    const elements = [...bilans.map((b) => ({ ...b, bilan: true as const })), ...valeurs.map((v) => ({ ...v, bilan: false as const }))];
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
      await repository.changerEtat(tx, e.bilan ? 'bilans_fiche' : 'valeurs_suivi', e.id, etat);
      await repository.noterEtape(tx, e.bilan ? { bilanId: e.id } : { valeurId: e.id }, etape(action, etat, utilisateur, commentaire));
      if (etat === 'valide' && !e.bilan)
        await publierValidation(tx, fiche.contratId, { ficheId, valeurId: e.id, indicateurId: e.indicateurId, periode });
    }
    const bilan = bilans[0];
    if (action === 'valider' && bilan?.statutPropose && concernes.some((e) => e.bilan) && bilan.statutPropose !== fiche.statut) {
      await changerStatutFiche(tx, ficheId, bilan.statutPropose, `${utilisateur.libelle} (bilan ${periode} validé)`);
    }
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'suivi_fiche',
      entiteId: ficheId,
      action,
      apres: {
        periode,
        etat,
        elements: concernes.length,
        commentaire: commentaire ?? null,
        ...(action === 'valider' && bilan?.statutPropose ? { statut: bilan.statutPropose } : {}),
      },
      contexte: { contratId: fiche.contratId, ficheId },
    });
    return { etat, elements: concernes.length };
  });
}
