import {
  type ActiviteBrute,
  estCodeCommuneInsee,
  estSecretPrimaire,
  type LigneBrute,
  lirePeriodesActivite,
  type PeriodeActivite,
  periodeEnCours,
  porteeActivite,
  publierActivite,
  SEUIL_SECRET,
} from '@maillage/domain';
import type { ActiviteAppuiVue } from '@maillage/domain/api';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { interdit, introuvable, invalide, nonAuthentifie } from '../../platform/errors';
import { exigerSituationComplete } from './acces-appui';
import * as q from './activite.queries';
import { ouvrirJson, trousseau } from './chiffrement-appui';
import { membresDe } from './equipes.service';
import { bundleCercleDeSoins, type Professionnel } from './fhir-careteam';

/**
 * The activity of the support teams for the CLS and the ARS (issue 18 item 7, decision 0033): aggregated and
 * non-nominative, under the statistical secret. Public service of the module: the contract's follow-up (suivi) and the
 * ARS portfolio (portefeuille) call `activiteDuContrat` and `activiteDeRegion`.
 */

export const REFUS_ACTIVITE =
  'L’activité des équipes d’appui est réservée aux agents de l’ARS de ces territoires, à la coordination des contrats qui les couvrent, aux administrateurs et aux équipes d’appui.';
const TERRITOIRES_MAX = 50;
const TYPES = ['commune', 'epci', 'departement', 'region'];
const aujourdhui = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });

/** GET /api/appui/activite: "epci:…,departement:…" and "2025,2025-T1" read, checked, counted. */
export async function lireActiviteAppui(ctx: Contexte, utilisateur: Utilisateur | null, filtre: { territoires: string; periode?: string }) {
  if (!utilisateur) throw nonAuthentifie();
  const demandes = lireTerritoires(filtre.territoires);
  const periodes = lirePeriodesActivite(filtre.periode, aujourdhui());
  if (!periodes.ok) throw invalide(periodes.raison, [{ champ: 'periode', message: periodes.raison }]);
  const territoires = await q.resoudreTerritoires(ctx.db, demandes);
  const inconnus = demandes.map((d) => `${d.type}:${d.code}`).filter((cle) => !territoires.some((t) => t.cle === cle));
  if (inconnus.length)
    throw invalide(`Territoire inconnu du référentiel : ${inconnus.join(', ')}.`, [
      { champ: 'territoires', message: 'Territoire inconnu' },
    ]);
  const activite = await activiteDesTerritoires(ctx, utilisateur, territoires, periodes.periodes);
  if (!activite) throw interdit(REFUS_ACTIVITE);
  return activite;
}

function lireTerritoires(texte: string) {
  const morceaux = [
    ...new Set(
      texte
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
  if (!morceaux.length) throw invalide('Choisissez au moins un territoire.', [{ champ: 'territoires', message: 'Périmètre vide' }]);
  if (morceaux.length > TERRITOIRES_MAX)
    throw invalide(`${TERRITOIRES_MAX} territoires au plus.`, [{ champ: 'territoires', message: 'Trop de territoires' }]);
  return morceaux.map((m) => {
    const [type, brut] = m.split(':');
    const code = brut?.trim().toUpperCase() ?? '';
    const lisible = TYPES.includes(type) && /^[0-9AB]{2,9}$/.test(code) && (type !== 'commune' || estCodeCommuneInsee(code));
    if (!lisible)
      throw invalide(`Territoire illisible : « ${m.slice(0, 40)} » (attendu : epci:243500741, commune:35236, departement:35, region:53).`, [
        { champ: 'territoires', message: 'Territoire illisible' },
      ]);
    return { type, code };
  });
}

/** The current and the previous year: what the follow-up and the portfolio show. */
function deuxDernieresAnnees(): PeriodeActivite[] {
  const annee = Number(aujourdhui().slice(0, 4));
  const lues = lirePeriodesActivite(`${annee - 1},${annee}`, aujourdhui());
  return lues.ok ? lues.periodes : [];
}

/** For the contract's follow-up: its perimeter, this year and last; null when the user may not see it. */
export async function activiteDuContrat(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  contratId: string,
): Promise<ActiviteAppuiVue | null> {
  if (!utilisateur) return null;
  const territoire = await q.territoireDuContrat(ctx.db, contratId);
  if (!territoire) return null;
  const activite = await activiteDesTerritoires(ctx, utilisateur, [territoire], deuxDernieresAnnees());
  // A team member not in the contract's coordination sees their own team elsewhere, not here.
  return activite?.structures === 'toutes' ? activite : null;
}

/** For the ARS portfolio: the région, this year and last; null when the user may not see it. */
export async function activiteDeRegion(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  regionCode: string,
): Promise<ActiviteAppuiVue | null> {
  if (!utilisateur) return null;
  const territoires = await q.resoudreTerritoires(ctx.db, [{ type: 'region', code: regionCode }]);
  if (!territoires.length) return null;
  const activite = await activiteDesTerritoires(ctx, utilisateur, territoires, deuxDernieresAnnees());
  return activite?.structures === 'toutes' ? activite : null;
}

/** The activity over resolved territories, or null when the user may see none of it. */
export async function activiteDesTerritoires(
  ctx: Contexte,
  utilisateur: Utilisateur,
  territoires: q.TerritoireResolu[],
  periodes: PeriodeActivite[],
): Promise<ActiviteAppuiVue | null> {
  const db = ctx.db;
  const coordonnes = utilisateur.habilitations.flatMap((h) =>
    'contratId' in h && (h.role === 'coordonnateur' || h.role === 'referent_ars') ? [h.contratId] : [],
  );
  const [membres, communesCoordonnees] = await Promise.all([membresDe(db, utilisateur.userId), q.communesCoordonnees(db, coordonnes)]);
  const portee = porteeActivite(
    utilisateur,
    membres.map((m) => m.organisationId),
    territoires.map((t) => ({
      regions: t.regions,
      dansSesContrats: t.communes.length > 0 && t.communes.every((c) => communesCoordonnees.has(c)),
    })),
  );
  if (!portee) return null;
  const equipes = portee.structures === 'les_votres' ? portee.equipes : null;
  const requete: q.Portee = { territoires, periodes, equipes };
  const [demandes, delais, clotures, orientations, sansCommune, purgees, types] = await Promise.all([
    q.decomptesDemandes(db, requete),
    q.medianesDelais(db, requete),
    q.decomptesClotures(db, requete),
    q.decomptesOrientations(db, requete),
    q.demandesSansCommune(db, requete),
    q.situationsPurgees(db, equipes),
    q.typesDeRessource(db),
  ]);
  const tout = [...demandes.origines, ...demandes.niveaux, ...clotures, ...orientations.types, ...orientations.issues, ...delais];
  const ids = [...new Set([...(equipes ?? []), ...tout.flatMap((d) => (d.structure ? [d.structure] : []))])];
  const noms = await q.nomsStructures(db, ids);
  const structures = ids.map((id) => ({ id, nom: noms.get(id) ?? id })).sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));

  const lignes: LigneBrute[] = [];
  for (const t of territoires)
    for (const p of periodes) {
      const de = (s: string | null) => (d: { structure: string | null; cle: string; periode: string }) =>
        d.structure === s && d.cle === t.cle && d.periode === p.code;
      const brute = (s: string | null): ActiviteBrute => {
        const parCode = (liste: q.Decompte[], vide = 'sans_niveau') =>
          Object.fromEntries(liste.filter(de(s)).map((d) => [d.code ?? vide, d.nombre]));
        const somme = (liste: q.Decompte[]) => liste.filter(de(s)).reduce((n, d) => n + d.nombre, 0);
        return {
          demandes: somme(demandes.origines),
          parOrigine: parCode(demandes.origines),
          parNiveau: parCode(demandes.niveaux),
          clotures: somme(clotures),
          parMotif: parCode(clotures),
          orientations: somme(orientations.types),
          parTypeRessource: parCode(orientations.types),
          parIssue: parCode(orientations.issues),
          delais: Object.fromEntries(delais.filter(de(s)).map((d) => [d.etape, { medianeJours: d.mediane, nombre: d.nombre }])),
        };
      };
      const territoire = { cle: t.cle, nom: t.nom };
      const presentes = structures.filter((s) => equipes?.includes(s.id) || tout.some(de(s.id)));
      for (const s of presentes) lignes.push({ structure: s, territoire, periode: p, brute: brute(s.id) });
      lignes.push({ structure: null, territoire, periode: p, brute: brute(null) });
    }

  const jour = aujourdhui();
  const raisons: string[] = [];
  const enCours = periodes.filter((p) => periodeEnCours(p, jour));
  if (enCours.length) raisons.push(`Période en cours (${enCours.map((p) => p.libelle).join(', ')}) : les chiffres évolueront.`);
  if (sansCommune > 0)
    raisons.push(
      `Demandes sans commune connue, comptées dans aucun territoire : ${estSecretPrimaire(sansCommune) ? `moins de ${SEUIL_SECRET}` : sansCommune}.`,
    );
  if (purgees > 0)
    raisons.push(
      `Situations closes purgées à la fin de leur durée de conservation, qui ne sont plus comptées : ${estSecretPrimaire(purgees) ? `moins de ${SEUIL_SECRET}` : purgees}.`,
    );
  if (equipes) raisons.push('Seules les structures dont vous êtes membre sont comptées.');
  return {
    periodes,
    territoires: territoires.map((t) => ({ cle: t.cle, nom: t.nom, communes: t.communes.length })),
    structures: portee.structures,
    seuilSecret: SEUIL_SECRET,
    lignes: publierActivite(lignes, types, jour),
    partiel: raisons.length > 0,
    raisons,
  };
}

// ---------- FHIR export of a case's care team

interface IdentiteScellee {
  nom: string;
  nomUsage?: string | null;
  prenoms: string;
  dateNaissance?: string | null;
  sexe?: 'F' | 'M' | 'I' | null;
}

/**
 * The care team of a case as a FHIR Bundle (Cercle de soins). Staff with access to the case's content only (the
 * module's access rule: référent, assigned staff, or a declared reason), and the read is logged like any other.
 */
export async function exporterCercleDeSoins(ctx: Contexte, utilisateur: Utilisateur | null, situationId: string) {
  if (!utilisateur) throw nonAuthentifie();
  const { situation } = await exigerSituationComplete(ctx.db, utilisateur, situationId, 'export FHIR du cercle de soins');
  const [brut, staff, structures, t] = await Promise.all([
    q.cercleBrut(ctx.db, situationId),
    q.personnel(ctx.db, [...new Set([situation.referentId, ...situation.intervenants].filter((x): x is string => !!x))]),
    q.structuresAcceptees(ctx.db, situationId),
    trousseau(ctx.config),
  ]);
  if (!brut) throw introuvable('Cette situation n’existe pas.');
  const identite = ouvrirJson<IdentiteScellee>(t, 'appui_personnes', 'identite_chiffree', situation.personneId, brut.identite);
  const demandeur = ouvrirJson<{ nom?: string; qualite?: string | null; telephone?: string | null }>(
    t,
    'appui_demandes',
    'demandeur_chiffre',
    situation.demandeId,
    brut.demandeur,
  );
  const professionnels: Professionnel[] = staff.map((s) => ({
    id: s.id,
    nom: s.nom,
    prenom: s.prenom,
    role: {
      libelle: s.id === situation.referentId ? 'Référent de la situation (dispositif d’appui)' : 'Intervenant du dispositif d’appui',
    },
    depuis: situation.ouverteLe,
  }));
  if (situation.medecinNom || situation.medecinRpps)
    professionnels.unshift({
      id: `medecin:${situation.id}`,
      nom: situation.medecinNom ?? 'Médecin traitant',
      rpps: situation.medecinRpps,
      courriel: situation.medecinCourriel,
      role: { code: 'MT', libelle: 'Médecin traitant' },
      depuis: situation.ouverteLe,
    });
  return bundleCercleDeSoins({
    situation: { id: situation.id, numero: situation.numero, ouverteLe: situation.ouverteLe, closeLe: situation.closeLe },
    personne: { id: situation.personneId, ...identite!, communeCode: brut.communeCode, communeNom: brut.communeNom },
    equipe: { id: situation.organisationId, nom: brut.equipeNom, siret: brut.equipeSiret, finess: brut.equipeFiness },
    professionnels,
    // A carer who asked for the case is part of its circle.
    aidants:
      brut.origine === 'aidant' && demandeur?.nom
        ? [
            {
              id: situation.demandeId,
              nom: demandeur.nom,
              qualite: demandeur.qualite ?? null,
              telephone: demandeur.telephone ?? null,
              depuis: brut.recueLe,
            },
          ]
        : [],
    structures,
    systeme: `${ctx.config.publicUrl}/appui/situations`,
    genereLe: new Date().toISOString(),
  });
}
