import { randomUUID } from 'node:crypto';
import { accesDemande, delaiHeures, premierContactEnRetard, type Urgence } from '@maillage/domain';
import type { DemandeCorps, DemandeVue } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { interdit, introuvable, invalide } from '../../platform/errors';
import { journaliserLecture, journaliserLectures, niveauDemande, REFUS_NOMINATIF } from './acces-appui';
import * as queries from './appui.queries';
import { ouvrirJson, ouvrirTexte, sceller, trousseau } from './chiffrement-appui';
import { courrielAccuseReception, courrielNouvelleDemande } from './courriels-appui';
import { chargerEquipe, membresDe } from './equipes.service';
import { colonnesMedecin, resoudreMedecin, vueMedecin } from './medecin-traitant';
import { nomAffiche, ouvrirIdentite, vueIdentite } from './personnes';

/** The guichet unique (issue 18 item 1): a request, its acknowledgement, its référent, the first contact. */

export const VERSION_PERIMEE = 'Cette demande a été modifiée entre-temps : rechargez-la.';

export interface LigneDemande {
  id: string;
  numero: number;
  organisationId: string;
  personneId: string;
  origine: DemandeVue['origine'];
  canal: 'formulaire' | 'telephone';
  saisieParId: string | null;
  demandeurChiffre: Buffer | null;
  urgence: Urgence;
  motifChiffre: Buffer;
  recueLe: string;
  accuseLe: string | null;
  referentId: string | null;
  premierContactLe: string | null;
  statut: DemandeVue['statut'];
  medecinRessourceId: string | null;
  medecinNom: string | null;
  medecinRpps: string | null;
  medecinCourriel: string | null;
  version: number;
  situationId: string | null;
}

const COLONNES = `d.id, d.numero, d.organisation_id as "organisationId", d.personne_id as "personneId", d.origine, d.canal,
  d.saisie_par as "saisieParId", d.demandeur_chiffre as "demandeurChiffre", d.urgence, d.motif_chiffre as "motifChiffre",
  d.recue_le as "recueLe", d.accusee_le as "accuseLe", d.referent_id as "referentId", d.premier_contact_le as "premierContactLe",
  d.statut, d.medecin_ressource_id as "medecinRessourceId", d.medecin_nom as "medecinNom", d.medecin_rpps as "medecinRpps",
  d.medecin_courriel as "medecinCourriel", d.version, (select s.id from appui_situations s where s.demande_id = d.id) as "situationId"`;

export async function lireLigneDemande(db: Queryable, id: string, verrouiller = false): Promise<LigneDemande | null> {
  const { rows } = await db.query<LigneDemande>(
    `select ${COLONNES} from appui_demandes d where d.id = $1 ${verrouiller ? 'for update' : ''}`,
    [id],
  );
  return rows[0] ?? null;
}

/** What anyone of the team sees of a request: its number, origin, urgency, dates, référent — no name. */
function existence(d: LigneDemande, noms: Map<string, string>) {
  return {
    id: d.id,
    numero: d.numero,
    origine: d.origine,
    canal: d.canal,
    urgence: d.urgence,
    statut: d.statut,
    recueLe: d.recueLe,
    accuseLe: d.accuseLe,
    referent: d.referentId ? { id: d.referentId, libelle: noms.get(d.referentId) ?? '' } : null,
    premierContactLe: d.premierContactLe,
    delaiPremierContactHeures: delaiHeures(d.recueLe, d.premierContactLe),
    premierContactEnRetard: premierContactEnRetard(d.urgence, d.recueLe, d.premierContactLe),
    situationId: d.situationId,
  };
}

/**
 * A request from a logged professional (form) or taken by the team's staff on the phone. The person's identity and
 * the reason are encrypted; the audit entry says « Demande n° 12 » and nothing of the person.
 */
export async function soumettreDemande(ctx: Contexte, utilisateur: Utilisateur, saisie: DemandeCorps) {
  const equipe = await chargerEquipe(ctx.db, saisie.equipeId);
  const membres = await membresDe(ctx.db, utilisateur.userId);
  const duPersonnel = membres.some((m) => m.organisationId === saisie.equipeId);
  if (saisie.canal === 'telephone' && !duPersonnel) throw interdit('Seule l’équipe d’appui saisit une demande prise au téléphone.');
  if (saisie.canal === 'telephone' && !saisie.demandeur)
    throw invalide('Dites qui appelle.', [
      { champ: 'demandeur', message: 'Le demandeur est obligatoire pour une demande prise au téléphone' },
    ]);
  let medecin = await resoudreMedecin(ctx.db, saisie.medecinTraitant);
  // A GP asking for their own patient is the médecin traitant: the case will tell them when it opens and closes.
  if (!medecin && saisie.origine === 'medecin_traitant' && saisie.canal === 'formulaire')
    medecin = { ressourceId: null, nom: utilisateur.libelle, rpps: null, courriel: utilisateur.email };
  const t = await trousseau(ctx.config);
  const id = randomUUID();
  const personneId = randomUUID();
  const { personne, ...reste } = saisie;
  const cree = await enTransaction(ctx.db, async (tx) => {
    await tx.query(`insert into appui_personnes (id, organisation_id, identite_chiffree, commune_code) values ($1, $2, $3, $4)`, [
      personneId,
      saisie.equipeId,
      sceller(t, 'appui_personnes', 'identite_chiffree', personneId, personne),
      personne.communeCode ?? null,
    ]);
    const { rows } = await tx.query<{ numero: number; recueLe: string; accuseLe: string }>(
      `insert into appui_demandes (id, organisation_id, personne_id, origine, canal, saisie_par, demandeur_chiffre, urgence, motif_chiffre,
         accusee_le, medecin_ressource_id, medecin_nom, medecin_rpps, medecin_courriel)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, now(), $10, $11, $12, $13)
       returning numero, recue_le as "recueLe", accusee_le as "accuseLe"`,
      [
        id,
        saisie.equipeId,
        personneId,
        reste.origine,
        reste.canal,
        utilisateur.userId,
        reste.canal === 'telephone' ? sceller(t, 'appui_demandes', 'demandeur_chiffre', id, reste.demandeur) : null,
        reste.urgence,
        sceller(t, 'appui_demandes', 'motif_chiffre', id, reste.motif),
        ...colonnesMedecin(medecin),
      ],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'demande_appui',
      entiteId: id,
      action: 'creation',
      apres: { origine: reste.origine, canal: reste.canal, urgence: reste.urgence },
      contexte: { numero: rows[0].numero, equipe: equipe.nom },
    });
    return rows[0];
  });
  const accuse = { numero: cree.numero, equipe: equipe.nom, telephone: equipe.telephone, recueLe: cree.recueLe };
  const destinataire = saisie.canal === 'formulaire' ? utilisateur.email : (saisie.demandeur?.courriel ?? null);
  if (destinataire) await courrielAccuseReception(ctx, destinataire, accuse);
  const { rows: coordination } = await ctx.db.query<{ email: string }>(
    `select u.email from appui_membres m join utilisateurs u on u.id = m.utilisateur_id
      where m.organisation_id = $1 and m.role = 'coordinateur_appui' and u.actif and u.id <> $2`,
    [saisie.equipeId, utilisateur.userId],
  );
  for (const c of coordination)
    await courrielNouvelleDemande(ctx, c.email, { id, numero: cree.numero, equipe: equipe.nom, urgence: saisie.urgence });
  return {
    id,
    numero: cree.numero,
    recueLe: cree.recueLe,
    accuseLe: cree.accuseLe,
    equipe: equipe.nom,
    telephoneEquipe: equipe.telephone,
    message: `Votre demande n° ${cree.numero} a bien été reçue par ${equipe.nom}. Un référent vous recontactera${
      saisie.urgence === 'immediate' ? ' dans les 24 heures' : saisie.urgence === 'rapide' ? ' sous 72 heures' : ''
    }.`,
  };
}

/** The team's inbox: every member sees every request; the person's name only where they have access (logged). */
export async function listerDemandes(ctx: Contexte, utilisateur: Utilisateur, equipeId: string, statut: string | null) {
  const membres = await membresDe(ctx.db, utilisateur.userId);
  if (!membres.some((m) => m.organisationId === equipeId)) throw interdit(REFUS_NOMINATIF);
  const { rows } = await ctx.db.query<LigneDemande & { identiteChiffree: Buffer }>(
    `select ${COLONNES}, p.identite_chiffree as "identiteChiffree"
       from appui_demandes d join appui_personnes p on p.id = d.personne_id
      where d.organisation_id = $1 and ($2::text is null or d.statut = $2)
      order by d.recue_le desc, d.numero desc limit 500`,
    [equipeId, statut],
  );
  const noms = await queries.libellesUtilisateurs(
    ctx.db,
    rows.map((d) => d.referentId),
  );
  const t = await trousseau(ctx.config);
  // Decrypted in memory, and the reads logged in one insert: the inbox costs the same few queries at any length.
  const elements = rows.map((d) => {
    const complet = accesDemande(utilisateur.userId, membres, d) === 'complet';
    return {
      ...existence(d, noms),
      acces: complet ? ('complet' as const) : ('existence' as const),
      personne: complet ? nomAffiche(ouvrirIdentite(t, d.personneId, d.identiteChiffree)) : null,
    };
  });
  await journaliserLectures(
    ctx.db,
    utilisateur,
    equipeId,
    { demandeIds: elements.filter((e) => e.acces === 'complet').map((e) => e.id) },
    'liste des demandes',
  );
  return { elements };
}

/** A request whole: to those who may read it (403 otherwise), and the read is logged. */
export async function lireDemande(ctx: Contexte, utilisateur: Utilisateur, id: string): Promise<DemandeVue> {
  const d = await lireLigneDemande(ctx.db, id);
  if (!d) throw introuvable('Cette demande n’existe pas.');
  const niveau = await niveauDemande(ctx.db, utilisateur, d);
  if (niveau === 'aucun') throw interdit(REFUS_NOMINATIF);
  if (niveau !== 'complet') throw interdit('Cette demande est suivie par un autre membre de l’équipe ou par sa coordination.');
  await journaliserLecture(ctx.db, utilisateur, {
    organisationId: d.organisationId,
    demandeId: id,
    situationId: d.situationId,
    objet: 'demande',
  });
  const t = await trousseau(ctx.config);
  const noms = await queries.libellesUtilisateurs(ctx.db, [d.referentId, d.saisieParId]);
  return {
    ...existence(d, noms),
    acces: 'complet',
    organisationId: d.organisationId,
    personneId: d.personneId,
    personne: await vueIdentite(ctx.db, t, d.personneId),
    demandeur: ouvrirJson(t, 'appui_demandes', 'demandeur_chiffre', id, d.demandeurChiffre),
    saisiePar: d.saisieParId ? { id: d.saisieParId, libelle: noms.get(d.saisieParId) ?? '' } : null,
    motif: ouvrirTexte(t, 'appui_demandes', 'motif_chiffre', id, d.motifChiffre) ?? '',
    medecinTraitant: vueMedecin({ ressourceId: d.medecinRessourceId, nom: d.medecinNom, rpps: d.medecinRpps, courriel: d.medecinCourriel }),
    version: d.version,
  };
}

/**
 * The requests a professional sent through the form, or for which he is the médecin traitant (a phone request names
 * him too), and where they stand: never the person or the reason; the closing letter's address for the médecin.
 */
export async function mesDemandes(ctx: Contexte, utilisateur: Utilisateur) {
  const { rows } = await ctx.db.query(
    `select d.id, d.numero, o.nom as equipe, e.telephone as "telephoneEquipe", d.recue_le as "recueLe", d.statut,
            p.prenom || ' ' || p.nom as referent, d.premier_contact_le as "premierContactLe",
            case when s.id is null then null else json_build_object('numero', s.numero, 'statut', s.statut,
              'closeLe', to_char(s.close_le at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'courrierCloture', case when s.statut = 'close' and lower(trim(s.medecin_courriel)) = $2
                then '/api/appui/situations/' || s.id || '/courrier-cloture.pdf' end) end as situation
       from appui_demandes d join appui_equipes e on e.organisation_id = d.organisation_id join organisations o on o.id = e.organisation_id
       left join utilisateurs u on u.id = d.referent_id left join personnes p on p.id = u.personne_id
       left join appui_situations s on s.demande_id = d.id
      where (d.saisie_par = $1 and d.canal = 'formulaire')
         or lower(trim(d.medecin_courriel)) = $2 or lower(trim(s.medecin_courriel)) = $2
      order by d.recue_le desc limit 200`,
    [utilisateur.userId, utilisateur.email.trim().toLowerCase()],
  );
  return { elements: rows };
}
