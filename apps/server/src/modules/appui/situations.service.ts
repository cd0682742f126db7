import { randomUUID } from 'node:crypto';
import { accesDemande, accesSituation } from '@maillage/domain';
import type { SituationComplete, SituationVue } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, interdit, introuvable } from '../../platform/errors';
import {
  type AccesCharge,
  chargerSituation,
  journaliserLecture,
  journaliserLectures,
  type LigneSituation,
  lignesSituationsEquipe,
  lireLigneSituation,
  REFUS_NOMINATIF,
} from './acces-appui';
import * as queries from './appui.queries';
import { ouvrirTexte, trousseau } from './chiffrement-appui';
import { annoncerAuMedecin } from './courriels-appui';
import { lireLigneDemande, VERSION_PERIMEE } from './demandes.service';
import { chargerEquipe, membresDe } from './equipes.service';
import { evaluationsDe, orientationsDe } from './evaluations.service';
import { colonnesMedecin, resoudreMedecin, vueMedecin, type MedecinTraitant } from './medecin-traitant';
import { nomAffiche, ouvrirIdentite, vueIdentite } from './personnes';

/** Cases (situations), opened from a request (issue 18 items 1–3). */

function existence(s: LigneSituation, noms: Map<string, string>) {
  return {
    id: s.id,
    numero: s.numero,
    organisationId: s.organisationId,
    statut: s.statut,
    niveau: s.niveau as SituationComplete['niveau'],
    ouverteLe: s.ouverteLe,
    closeLe: s.closeLe,
    referent: s.referentId ? { id: s.referentId, libelle: noms.get(s.referentId) ?? '' } : null,
  };
}

/**
 * Opens the case of a request: its référent (the request's, or whoever opens it), its médecin traitant (given now or
 * named in the request), who is told by e-mail — number and link only.
 */
export async function ouvrirSituation(
  ctx: Contexte,
  utilisateur: Utilisateur,
  demandeId: string,
  saisie: { version: number; medecinTraitant?: Parameters<typeof resoudreMedecin>[1] },
) {
  const id = randomUUID();
  const cree = await enTransaction(ctx.db, async (tx) => {
    const d = await lireLigneDemande(tx, demandeId, true);
    if (!d) throw introuvable('Cette demande n’existe pas.');
    const membres = await membresDe(tx, utilisateur.userId);
    const acces = accesDemande(utilisateur.userId, membres, d);
    if (acces === 'aucun') throw interdit(REFUS_NOMINATIF);
    if (acces !== 'complet') throw interdit('Seuls le référent de la demande et la coordination ouvrent sa situation.');
    if (d.version !== saisie.version) throw conflit(VERSION_PERIMEE);
    if (d.statut !== 'recue') throw conflit('Cette demande a déjà une suite : sa situation est ouverte ou elle est classée.');
    const medecin: MedecinTraitant | null = (await resoudreMedecin(tx, saisie.medecinTraitant)) ?? {
      ressourceId: d.medecinRessourceId,
      nom: d.medecinNom,
      rpps: d.medecinRpps,
      courriel: d.medecinCourriel,
    };
    const referentId = d.referentId ?? utilisateur.userId;
    const { rows } = await tx.query<{ numero: number }>(
      `insert into appui_situations (id, organisation_id, demande_id, personne_id, referent_id,
         medecin_ressource_id, medecin_nom, medecin_rpps, medecin_courriel)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning numero`,
      [id, d.organisationId, d.id, d.personneId, referentId, ...colonnesMedecin(medecin)],
    );
    await tx.query(
      `update appui_demandes set statut = 'situation_ouverte', referent_id = coalesce(referent_id, $2),
         referent_le = coalesce(referent_le, now()), version = version + 1 where id = $1`,
      [d.id, referentId],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'situation_appui',
      entiteId: id,
      action: 'ouverture',
      contexte: { numero: rows[0].numero, demande: d.numero },
    });
    return { numero: rows[0].numero, organisationId: d.organisationId, medecin };
  });
  const equipe = await chargerEquipe(ctx.db, cree.organisationId);
  const medecinPrevenu = await annoncerAuMedecin(
    ctx,
    {
      id,
      numero: cree.numero,
      equipe: equipe.nom,
      telephone: equipe.telephone,
      medecinNom: cree.medecin?.nom ?? null,
      medecinCourriel: cree.medecin?.courriel ?? null,
    },
    'ouverture',
  );
  return { id, numero: cree.numero, version: 1, medecinPrevenu };
}

/** The team's cases: every member sees that they exist; the person's name only where they have access (logged). */
export async function listerSituations(ctx: Contexte, utilisateur: Utilisateur, equipeId: string, statut: string | null) {
  const membres = await membresDe(ctx.db, utilisateur.userId);
  if (!membres.some((m) => m.organisationId === equipeId)) throw interdit(REFUS_NOMINATIF);
  const lignes = await lignesSituationsEquipe(ctx.db, equipeId, statut, utilisateur.userId);
  const noms = await queries.libellesUtilisateurs(
    ctx.db,
    lignes.map((s) => s.referentId),
  );
  const t = await trousseau(ctx.config);
  // Decrypted in memory, and the reads logged in one insert: the list costs the same few queries at any length.
  const elements = lignes.map((s) => {
    const complet = accesSituation(utilisateur.userId, membres, s, s.motifValide) === 'complet';
    return {
      ...existence(s, noms),
      acces: complet ? ('complet' as const) : ('existence' as const),
      personne: complet ? nomAffiche(ouvrirIdentite(t, s.personneId, s.identiteChiffree)) : null,
    };
  });
  await journaliserLectures(
    ctx.db,
    utilisateur,
    equipeId,
    { situationIds: elements.filter((e) => e.acces === 'complet').map((e) => e.id) },
    'liste des situations',
  );
  return { elements };
}

/** The whole case, from an access already checked and logged (appui-plan builds on it). */
export async function vueSituationComplete(db: Queryable, config: Contexte['config'], s: LigneSituation): Promise<SituationComplete> {
  const t = await trousseau(config);
  const noms = await queries.libellesUtilisateurs(db, [s.referentId, ...s.intervenants]);
  return {
    ...existence(s, noms),
    acces: 'complet',
    demandeId: s.demandeId,
    personneId: s.personneId,
    personne: await vueIdentite(db, t, s.personneId),
    informeeLe: s.informeeLe,
    oppositionLe: s.oppositionLe,
    oppositionMotif: ouvrirTexte(t, 'appui_situations', 'opposition_motif_chiffre', s.id, s.oppositionMotifChiffre),
    medecinTraitant: vueMedecin({ ressourceId: s.medecinRessourceId, nom: s.medecinNom, rpps: s.medecinRpps, courriel: s.medecinCourriel }),
    intervenants: s.intervenants.map((id) => ({ id, libelle: noms.get(id) ?? '' })),
    motifCloture: s.motifCloture as SituationComplete['motifCloture'],
    evaluations: await evaluationsDe(db, t, s.id),
    orientations: await orientationsDe(db, t, s.id),
    version: s.version,
  };
}

/** GET of a case: whole (and logged) to its référent, its assigned staff and who declared a reason; its existence to the rest of the team. */
export async function lireSituation(ctx: Contexte, utilisateur: Utilisateur, id: string): Promise<SituationVue> {
  const { situation, acces }: AccesCharge = await chargerSituation(ctx.db, utilisateur, id);
  if (acces !== 'complet') {
    const noms = await queries.libellesUtilisateurs(ctx.db, [situation.referentId]);
    return { ...existence(situation, noms), acces: 'existence' };
  }
  await journaliserLecture(ctx.db, utilisateur, { organisationId: situation.organisationId, situationId: id, objet: 'situation' });
  return vueSituationComplete(ctx.db, ctx.config, situation);
}

/**
 * Tells the case's médecin traitant that it opened or closed (number, team, link: no health detail). For the closing
 * use case (plan part), after its transaction committed; false when there is no address or the mail failed.
 */
export async function annoncerSituation(ctx: Contexte, situationId: string, moment: 'ouverture' | 'cloture'): Promise<boolean> {
  const s = await lireLigneSituation(ctx.db, situationId);
  if (!s) throw introuvable('Cette situation n’existe pas.');
  const equipe = await chargerEquipe(ctx.db, s.organisationId);
  return annoncerAuMedecin(
    ctx,
    {
      id: s.id,
      numero: s.numero,
      equipe: equipe.nom,
      telephone: equipe.telephone,
      medecinNom: s.medecinNom,
      medecinCourriel: s.medecinCourriel,
    },
    moment,
  );
}
