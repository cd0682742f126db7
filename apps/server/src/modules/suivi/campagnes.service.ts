import {
  can,
  etatFicheCampagne,
  ficheCampagneComplete,
  formaterDate,
  formaterNombre,
  LIBELLES_ETAT_FICHE_CAMPAGNE,
  LIBELLES_ETAT_SUIVI,
  LIBELLES_STATUT_FICHE,
  libellePeriodeSuivi,
  type CampagneSaisie,
  type EtatSuivi,
  type StatutContrat,
  type StatutFiche,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import { conflit, introuvable } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { lireContrat } from '../contrats/lecture.service';
import { rendreDocument, type Format } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import { avancementContrat } from './avancement.service';
import * as queries from './campagnes.queries';
import * as repository from './campagnes.repository';
import { bilansDePeriode } from './suivi.repository';
import { chargerIndicateurs } from './suivi-fiche.service';

const etatFiche = etatFicheCampagne;
const complete = ficheCampagneComplete;

/** Contracts whose actions run: a campaign makes no sense before the plan exists or after the contract ends. */
const STATUTS_EN_SUIVI: StatutContrat[] = ['elaboration', 'signe', 'evaluation'];

async function chargerCampagne(db: Queryable, id: string) {
  const campagne = await repository.lireCampagne(db, id);
  if (!campagne) throw introuvable('Cette campagne de suivi n’existe pas.');
  return campagne;
}

/**
 * Every fiche followed in the campaign (all but abandoned ones) with its pilotes and where it stands: its report's
 * state and each indicator's value state for the campaign's period.
 */
async function fichesDeCampagne(db: Queryable, contratId: string, periode: string) {
  return (await queries.fichesDeCampagne(db, contratId, periode)).map(({ etatsValeurs, ...f }) => {
    const etat = etatFiche([f.etatBilan, ...etatsValeurs]);
    return {
      ...f,
      indicateurs: etatsValeurs.length,
      valeursSaisies: etatsValeurs.filter((e) => e !== null).length,
      valeursValidees: etatsValeurs.filter((e) => e === 'valide').length,
      etat,
      etatLibelle: LIBELLES_ETAT_FICHE_CAMPAGNE[etat],
    };
  });
}

type FicheCampagne = Awaited<ReturnType<typeof fichesDeCampagne>>[number];
const fichesDuPilote = (fiches: FicheCampagne[], organisationId: string) =>
  fiches.filter((f) => f.pilotes.some((p) => p.organisationId === organisationId));

function courrielPilote(
  ctx: Contexte,
  contrat: { intitule: string },
  campagne: { id: string; periode: string; echeance: string; message: string | null },
  prenom: string,
  fiches: FicheCampagne[],
  relance: boolean,
) {
  const lien = `${ctx.config.publicUrl}/campagnes/${campagne.id}`;
  const liste = fiches.map((f) => `  • Fiche ${f.numero} — ${f.intitule} (${f.etatLibelle.toLowerCase()})`).join('\n');
  return {
    sujet: `${relance ? 'Rappel — ' : ''}Suivi ${libellePeriodeSuivi(campagne.periode)} du ${contrat.intitule} : à renseigner avant le ${formaterDate(campagne.echeance)}`,
    texte:
      `Bonjour ${prenom},\n\n` +
      (relance
        ? `Le suivi ${libellePeriodeSuivi(campagne.periode)} est attendu pour le ${formaterDate(campagne.echeance)}. Ces fiches-action ne sont pas encore complètes :\n\n`
        : `La campagne de suivi ${libellePeriodeSuivi(campagne.periode)} est ouverte. Merci de renseigner, avant le ${formaterDate(campagne.echeance)}, les indicateurs et le bilan des fiches-action que vous pilotez :\n\n`) +
      `${liste}\n\n` +
      (campagne.message ? `Le mot de la coordination :\n${campagne.message}\n\n` : '') +
      `Pour répondre : ${lien}\n\nL’équipe Maillage`,
  };
}

/** Writes to each pilote with fiches to report on; `motif` is recorded so that each reminder goes out once. */
async function ecrireAuxPilotes(
  ctx: Contexte,
  campagneId: string,
  motif: 'ouverture' | 'relance_j7' | 'relance_j1' | 'relance',
  seulementIncompletes: boolean,
) {
  const campagne = await chargerCampagne(ctx.db, campagneId);
  const contrat = (await lireContrat(ctx.db, campagne.contratId))!;
  const fiches = await fichesDeCampagne(ctx.db, campagne.contratId, campagne.periode);
  const envoyes: string[] = [];
  for (const pilote of await queries.pilotesAvecCompte(ctx.db, campagne.contratId)) {
    const siennes = fichesDuPilote(fiches, pilote.organisationId).filter((f) => !seulementIncompletes || !complete(f.etat));
    if (!siennes.length) continue;
    // Recorded before sending, in the same transaction: a failed send leaves no record and is retried.
    const envoye = await enTransaction(ctx.db, async (tx) => {
      if (!(await repository.noterCourriel(tx, campagneId, pilote.id, motif))) return false;
      await ctx.messagerie.envoyer({
        a: pilote.email,
        ...courrielPilote(ctx, contrat, campagne, pilote.prenom, siennes, motif !== 'ouverture'),
      });
      return true;
    });
    if (envoye) envoyes.push(pilote.email);
  }
  return envoyes;
}

export async function ouvrirCampagne(ctx: Contexte, utilisateur: Utilisateur, contratId: string, s: CampagneSaisie) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  exigerRecevable(ref, 'campagne');
  if (!STATUTS_EN_SUIVI.includes(ref.statut))
    throw conflit('Une campagne de suivi s’ouvre sur un contrat en élaboration, signé ou en évaluation.');
  if (s.echeance < new Date().toISOString().slice(0, 10)) throw conflit('L’échéance est passée : choisissez une date à venir.');
  const id = await enTransaction(ctx.db, async (tx) => {
    if (await repository.campagneExiste(tx, contratId, s.periode)) throw conflit(`Une campagne existe déjà pour la période ${s.periode}.`);
    const id = await repository.creerCampagne(tx, contratId, {
      periode: s.periode,
      echeance: s.echeance,
      message: s.message ?? null,
      ouvertePar: utilisateur.libelle,
    });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'campagne_suivi',
      entiteId: id,
      action: 'ouverture',
      apres: s as never,
      contexte: { contratId },
    });
    return id;
  });
  const destinataires = await ecrireAuxPilotes(ctx, id, 'ouverture', false);
  return { id, destinataires, ...(await sansCompte(ctx.db, contratId)) };
}

/** Organisations that pilot a fiche but have no user with the pilote role: nobody can answer for them. */
async function sansCompte(db: Queryable, contratId: string) {
  return { organisationsSansCompte: await queries.organisationsSansCompte(db, contratId) };
}

export async function listerCampagnes(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const resultat = [];
  // One campaign a year: a handful of periods, each read with its fiches' states.
  for (const c of await repository.campagnesDuContrat(ctx.db, contratId)) {
    const fiches = await fichesDeCampagne(ctx.db, contratId, c.periode);
    resultat.push({
      ...c,
      fiches: fiches.length,
      completes: fiches.filter((f) => complete(f.etat)).length,
      validees: fiches.filter((f) => f.etat === 'valide').length,
    });
  }
  return resultat;
}

/** The completion dashboard: every fiche's state, by pilote organisation, and the mails sent. */
export async function tableauCampagne(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const campagne = await chargerCampagne(ctx.db, id);
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', campagne.contratId);
  const contrat = (await lireContrat(ctx.db, campagne.contratId))!;
  const fiches = await fichesDeCampagne(ctx.db, campagne.contratId, campagne.periode);
  const organisations = new Map<
    string,
    { organisationId: string | null; nom: string; fiches: number; completes: number; validees: number }
  >();
  for (const f of fiches)
    for (const p of f.pilotes.length ? f.pilotes : [{ organisationId: null, nom: null, service: null }]) {
      const cle = p.organisationId ?? 'aucun';
      const o = organisations.get(cle) ?? {
        organisationId: p.organisationId,
        nom: p.nom ?? 'Pilote à définir',
        fiches: 0,
        completes: 0,
        validees: 0,
      };
      o.fiches += 1;
      if (complete(f.etat)) o.completes += 1;
      if (f.etat === 'valide') o.validees += 1;
      organisations.set(cle, o);
    }
  const courriels = await queries.courrielsDeCampagne(ctx.db, id);
  const parEtat = Object.fromEntries(Object.keys(LIBELLES_ETAT_FICHE_CAMPAGNE).map((e) => [e, fiches.filter((f) => f.etat === e).length]));
  return {
    ...campagne,
    contrat: { id: contrat.id, intitule: contrat.intitule },
    peutGerer: can(utilisateur, 'modifier', { type: 'contrat', contrat: ref }),
    taux: fiches.length ? Math.round((fiches.filter((f) => complete(f.etat)).length / fiches.length) * 1000) / 10 : 0,
    parEtat,
    fiches,
    organisations: [...organisations.values()].sort((a, b) => a.nom.localeCompare(b.nom, 'fr')),
    courriels,
    ...(await sansCompte(ctx.db, campagne.contratId)),
  };
}

/** The pilote's form: the fiches this user reports on, with their indicators, this period's values and report. */
export async function saisieCampagne(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const campagne = await chargerCampagne(ctx.db, id);
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', campagne.contratId);
  const contrat = (await lireContrat(ctx.db, campagne.contratId))!;
  const fiches = await fichesDeCampagne(ctx.db, campagne.contratId, campagne.periode);
  // The same rights as on each fiche's page, decided from what is already loaded (no query per fiche).
  const miennes = fiches.flatMap((f) => {
    const ressource = {
      type: 'fiche' as const,
      contrat: ref,
      piloteOrganisationIds: f.pilotes.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
      partenaireOrganisationIds: [],
    };
    const droits = {
      saisir: can(utilisateur, 'saisir_suivi', ressource),
      valider: can(utilisateur, 'valider', ressource),
      definir: can(utilisateur, 'modifier', ressource),
    };
    return droits.saisir || droits.valider ? [{ ...f, droits }] : [];
  });
  const ids = miennes.map((f) => f.id);
  const indicateurs = await chargerIndicateurs(ctx.db, { ficheIds: ids });
  const bilans = await bilansDePeriode(ctx.db, ids, campagne.periode);
  return {
    ...campagne,
    contrat: { id: contrat.id, intitule: contrat.intitule },
    fiches: miennes.map((f) => ({
      ...f,
      bilan: bilans.find((b) => b.ficheId === f.id) ?? null,
      indicateurs: indicateurs
        .filter((i) => i.ficheId === f.id)
        .map((i) => ({
          ...i,
          valeur: i.valeurs.find((v) => v.periode === campagne.periode) ?? null,
          ciblePeriode: i.cibles.find((c) => c.periode === campagne.periode) ?? null,
        })),
    })),
  };
}

/** Mails the pilotes whose fiches are not complete, now (the coordination's "Relancer" button). */
export async function relancerCampagne(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const campagne = await chargerCampagne(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', campagne.contratId);
  if (campagne.etat !== 'ouverte') throw conflit('Cette campagne est close.');
  const envoyes = await ecrireAuxPilotes(ctx, id, 'relance', true);
  await enTransaction(ctx.db, (tx) =>
    auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'campagne_suivi',
      entiteId: id,
      action: 'relance',
      apres: { destinataires: envoyes },
      contexte: { contratId: campagne.contratId },
    }),
  );
  return { destinataires: envoyes };
}

export async function cloreCampagne(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const campagne = await chargerCampagne(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', campagne.contratId);
  if (campagne.etat !== 'ouverte') throw conflit('Cette campagne est déjà close.');
  await enTransaction(ctx.db, async (tx) => {
    await repository.cloreCampagne(tx, id);
    await publierEvenement(tx, { type: 'campagne.close', contratId: campagne.contratId, donnees: { campagneId: id, etat: 'close' } });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'campagne_suivi',
      entiteId: id,
      action: 'cloture',
      avant: { etat: 'ouverte' },
      apres: { etat: 'close' },
      contexte: { contratId: campagne.contratId },
    });
  });
  return { id, etat: 'close' as const };
}

/**
 * Reminders before the due date, run by the server every hour: seven days before, then the day before, each
 * pilote whose fiches are not complete gets one mail (the unique index keeps restarts and several servers from
 * sending twice).
 */
export async function envoyerRelancesCampagnes(ctx: Contexte, maintenant = new Date()) {
  const aujourdhui = maintenant.toISOString().slice(0, 10);
  const envoyes: string[] = [];
  for (const c of await repository.campagnesAEcheance(ctx.db, aujourdhui))
    envoyes.push(...(await ecrireAuxPilotes(ctx, c.id, c.jours <= 1 ? 'relance_j1' : 'relance_j7', true)));
  return envoyes;
}

const pourcent = (v: number | null) => (v === null ? 'non mesuré' : `${formaterNombre(v, 0)} %`);

/** The bilan annuel for the COPIL: progress by axe, the campaign's completion, then every fiche's validated report. */
export async function bilanAnnuel(ctx: Contexte, utilisateur: Utilisateur | null, id: string, format: Format) {
  const campagne = await chargerCampagne(ctx.db, id);
  await exigerSurContrat(ctx.db, utilisateur, 'lire', campagne.contratId);
  const contrat = (await lireContrat(ctx.db, campagne.contratId))!;
  const [avancement, fiches, indicateurs] = await Promise.all([
    avancementContrat(ctx.db, campagne.contratId),
    fichesDeCampagne(ctx.db, campagne.contratId, campagne.periode),
    chargerIndicateurs(ctx.db, { contratId: campagne.contratId }),
  ]);
  const bilans = await queries.bilansDuContrat(ctx.db, campagne.contratId, campagne.periode);
  const periode = libellePeriodeSuivi(campagne.periode);
  const blocs: Bloc[] = [
    {
      type: 'couverture',
      surtitre: 'Bilan annuel',
      titre: contrat.intitule,
      lignes: [
        `Suivi ${periode}`,
        `Campagne ouverte le ${formaterDate(campagne.ouverteLe.slice(0, 10))}, échéance le ${formaterDate(campagne.echeance)}`,
        `Document établi le ${formaterDate(new Date().toISOString().slice(0, 10))}`,
      ],
    },
    { type: 'titre', niveau: 1, texte: 'Synthèse' },
    {
      type: 'paragraphe',
      texte: `Avancement du contrat : ${pourcent(avancement.avancement)} (${avancement.fiches} fiches-action). Seules les valeurs validées comptent ; une fiche sans indicateur mesuré compte selon son statut.`,
    },
    {
      type: 'tableau',
      entetes: ['Axe', 'Avancement', 'Fiches'],
      lignes: avancement.axes.map((a) => [
        `${a.numero}. ${a.intitule}`,
        pourcent(a.avancement),
        String(a.objectifs.reduce((t, o) => t + o.fiches.length, 0) + a.fichesSansObjectif.length),
      ]),
    },
    {
      type: 'tableau',
      entetes: ['Statut', 'Fiches'],
      lignes: Object.entries(avancement.parStatut)
        .filter(([, n]) => n > 0)
        .map(([s, n]) => [LIBELLES_STATUT_FICHE[s as StatutFiche], String(n)]),
    },
    { type: 'titre', niveau: 2, texte: 'Réponses à la campagne' },
    {
      type: 'tableau',
      entetes: ['Fiche', 'Pilotes', 'État du suivi'],
      lignes: fiches.map((f) => [
        `${f.numero}. ${f.intitule}`,
        f.pilotes.map((p) => p.nom ?? 'À définir').join(', ') || 'À définir',
        f.etatLibelle,
      ]),
    },
    { type: 'titre', niveau: 1, texte: 'Fiches-action', nouvellePage: true },
  ];
  for (const f of fiches) {
    const bilan = bilans.find((b) => b.ficheId === f.id);
    const propres = indicateurs.filter((i) => i.ficheId === f.id);
    blocs.push({ type: 'titre', niveau: 2, texte: `Fiche ${f.numero} — ${f.intitule}` });
    blocs.push({
      type: 'paragraphe',
      texte: `Statut : ${LIBELLES_STATUT_FICHE[f.statut]}. Pilotes : ${f.pilotes.map((p) => p.nom ?? 'à définir').join(', ') || 'à définir'}.`,
    });
    if (!bilan) blocs.push({ type: 'paragraphe', texte: 'Aucun bilan saisi pour cette période.', italique: true });
    else {
      if (bilan.etat !== 'valide')
        blocs.push({
          type: 'paragraphe',
          texte: `Bilan non validé à la date du document (${LIBELLES_ETAT_SUIVI[bilan.etat as EtatSuivi].toLowerCase()}).`,
          italique: true,
        });
      for (const [libelle, texte] of [
        ['Réalisations', bilan.recit],
        ['Difficultés', bilan.difficultes],
        ['Perspectives', bilan.perspectives],
      ] as const)
        if (texte) blocs.push({ type: 'paragraphe', texte: `${libelle} : ${texte}` });
    }
    if (propres.length)
      blocs.push({
        type: 'tableau',
        entetes: ['Indicateur', 'Référence', `Cible ${campagne.periode}`, `Valeur ${campagne.periode}`, 'État'],
        lignes: propres.map((i) => {
          const v = i.valeurs.find((x) => x.periode === campagne.periode);
          const cible = i.cibles.find((c) => c.periode === campagne.periode);
          const unite = i.pourcentage ? ' %' : i.unite ? ` ${i.unite}` : '';
          const ecrire = (n: number | null | undefined) =>
            n === null || n === undefined ? '—' : `${formaterNombre(n, i.pourcentage ? 1 : 2)}${unite}`;
          return [
            `${i.libelle} (${i.type})`,
            ecrire(i.reference),
            ecrire(cible?.mesure),
            v?.etat === 'valide'
              ? `${ecrire(v.mesure)}${i.pourcentage ? ` (${formaterNombre(v.numerateur ?? 0)} / ${formaterNombre(v.denominateur ?? 0)})` : ''}`
              : '—',
            v ? LIBELLES_ETAT_SUIVI[v.etat] : 'Non saisi',
          ];
        }),
      });
  }
  return rendreDocument({ titre: `Bilan ${periode} — ${contrat.intitule}`, blocs }, format, `bilan-${campagne.periode}`, contrat.intitule);
}
