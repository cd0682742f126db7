import { pluriel, type OffreRor, type RessourceSaisie, saisieDeRessource } from '@maillage/domain';
import type { RapportImportRessources } from '@maillage/domain/api';
import { type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { ErreurMetier, invalide } from '../../platform/errors';
import { lireBundleRorEnFil } from '../../platform/lecture-tableur';
import { LIMITES } from '../../platform/limites-fichiers';
import { trouverOrganisations } from '../comptes/organisations.service';
import * as queries from './ressources.queries';
import { nouveauMemo } from './ressources.service';
import { ecrireLigne, type ImportDemande, type Ligne, type Preparation } from './ligne-import';
import { lireTableurRessources } from './tableur-ressources';

/**
 * Imports of the resource directory (issue 17): a ROR search answer (FHIR R4 Bundle) or our CSV/XLSX template. Every
 * entry or row gets its line in the report (what was mapped, what was not); with any rejection nothing is written,
 * and a dry run gives the same report without writing. A second ROR import finds its resources by ROR identifier.
 */

const ENTREES_MAX = 5000;

class Annuler extends Error {
  constructor(readonly rapport: RapportImportRessources) {
    super('annulé');
  }
}

const estJson = (fichier: { nom: string; contenu: Buffer }) =>
  /\.json$/i.test(fichier.nom) ||
  /^\s*[{[]/.test(
    fichier.contenu
      .subarray(0, 64)
      .toString('utf8')
      .replace(/^\uFEFF/, ''),
  );

export type { ImportDemande };

export async function importerRessources(
  ctx: Contexte,
  utilisateur: Utilisateur,
  fichier: { nom: string; contenu: Buffer },
  demande: ImportDemande,
): Promise<RapportImportRessources> {
  if (!fichier.contenu.length) throw invalide('Le fichier envoyé est vide.', [{ champ: 'fichier', message: 'Fichier vide' }]);
  const format = estJson(fichier) ? 'ror' : 'tableur';
  const preparer = format === 'ror' ? await preparerRor(fichier.contenu) : await lireTableurRessources(fichier);
  const lignes: Ligne[] = [];
  const rapport = await enTransaction(ctx.db, async (tx) => {
    await preparer(tx, utilisateur, demande, lignes, fichier.nom);
    const resume = {
      crees: lignes.filter((l) => l.statut === 'cree').length,
      misAJour: lignes.filter((l) => l.statut === 'mis_a_jour').length,
      inchanges: lignes.filter((l) => l.statut === 'inchange').length,
      rejetes: lignes.filter((l) => l.statut === 'rejete').length,
    };
    const r: RapportImportRessources = { format, dryRun: demande.dryRun, applique: false, lignes, resume };
    if (resume.rejetes || demande.dryRun) throw new Annuler(r);
    return { ...r, applique: true };
  }).catch((e) => {
    if (e instanceof Annuler) return e.rapport;
    throw e;
  });
  if (!demande.dryRun && !rapport.applique)
    throw new ErreurMetier(
      422,
      'Import refusé',
      `${pluriel(rapport.resume.rejetes, 'ligne rejetée', 'lignes rejetées')} : rien n’a été importé. Corrigez le fichier et recommencez.`,
      { rapport },
    );
  return rapport;
}

async function preparerRor(contenu: Buffer): Promise<Preparation> {
  // Parsed and mapped in the file worker: a 20 MB Bundle does not hold the other users' requests.
  const lecture = await lireBundleRorEnFil(contenu, LIMITES.ressources, ENTREES_MAX);
  const globale = lecture.erreurs.find((e) => e.entree === null);
  if (globale) throw invalide(globale.message, [{ champ: 'fichier', message: globale.message }]);

  return async (tx, utilisateur, demande, lignes, nomFichier) => {
    const organisations = await trouverOrganisations(tx, {
      ids: demande.organisationId ? [demande.organisationId] : [],
      finess: lecture.offres.flatMap((o) => (o.organisation?.finess ? [o.organisation.finess] : [])),
      siret: lecture.offres.flatMap((o) => (o.organisation?.siret ? [o.organisation.siret] : [])),
    });
    if (demande.organisationId && !organisations.some((o) => o.id === demande.organisationId))
      throw invalide('L’organisation de rattachement choisie n’existe pas dans l’annuaire.', [
        { champ: 'organisationId', message: 'Organisation inconnue' },
      ]);
    const existantes = await queries.ressourcesParRorId(
      tx,
      lecture.offres.map((o) => o.rorId),
    );
    const erreursParEntree = new Map(lecture.erreurs.map((e) => [e.entree, e.message]));
    const vus = new Set<string>();
    const memo = nouveauMemo();
    for (const offre of lecture.offres) {
      const base = {
        ligne: offre.entree,
        reference: offre.reference,
        nom: offre.nom ?? undefined,
        mappes: [...offre.mappes],
        nonMappes: [...offre.nonMappes],
      };
      const erreur = erreursParEntree.get(offre.entree);
      if (erreur) {
        lignes.push({ ...base, statut: 'rejete', raison: erreur });
        continue;
      }
      if (vus.has(offre.rorId)) {
        lignes.push({ ...base, statut: 'rejete', raison: `L’identifiant ROR « ${offre.rorId} » revient plus haut dans le Bundle.` });
        continue;
      }
      vus.add(offre.rorId);
      const o = offre.organisation;
      const trouvee =
        (o?.finess && organisations.find((x) => x.finess === o.finess)) ||
        (o?.siret && organisations.find((x) => x.siret === o.siret)) ||
        null;
      const existante = existantes.get(offre.rorId) ?? null;
      const rattachement =
        trouvee ??
        (existante ? { id: existante.organisationId, nom: existante.organisationNom } : null) ??
        organisations.find((x) => x.id === demande.organisationId) ??
        null;
      const nomOrganisation = o ? (o.nom ?? o.reference) : (offre.organisationReference ?? 'non précisée');
      if (!rattachement) {
        lignes.push({
          ...base,
          statut: 'rejete',
          raison: `Organisation ${nomOrganisation} ${o ? 'inconnue de l’annuaire (ni son FINESS ni son SIRET n’y sont)' : 'absente du Bundle'} : ajoutez-la à l’annuaire ou choisissez une organisation de rattachement.`,
        });
        continue;
      }
      base.mappes.push(
        trouvee
          ? `organisation ← « ${trouvee.nom} » (${o?.finess && trouvee.finess === o.finess ? `FINESS ${o.finess}` : `SIRET ${o?.siret}`})`
          : existante
            ? `organisation ← « ${rattachement.nom} » (celle de l’import précédent)`
            : `organisation ← « ${rattachement.nom} » (rattachement choisi : ${nomOrganisation} introuvable)`,
      );
      await ecrireLigne(
        tx,
        utilisateur,
        saisieRor(offre, rattachement.id, existante && saisieDeRessource(existante)),
        existante,
        base,
        lignes,
        {
          import: nomFichier,
          format: 'ror',
        },
        memo,
      );
    }
    for (const a of lecture.autres)
      lignes.push({
        ligne: a.entree,
        reference: a.reference,
        nom: a.nom ?? undefined,
        statut: 'non_reprise',
        raison: a.note,
        mappes: [],
        nonMappes: [],
      });
    lignes.sort((a, b) => a.ligne - b.ligne);
  };
}

/** The ROR's fields over the stored resource: what the ROR does not say (who solicits, zone, capacity…) is kept. */
function saisieRor(offre: OffreRor, organisationId: string, avant: RessourceSaisie | null): unknown {
  return {
    ...(avant ?? {
      sollicitablePar: [],
      zone: { epci: [], communes: [] },
      criteresInclusion: null,
      capacite: null,
      delaiHabituel: null,
      publie: false,
      statutDepuis: null,
      statutJusquAu: null,
      finess: null,
      siret: null,
    }),
    organisationId,
    nom: offre.nom,
    typeCode: avant && offre.typeCode === 'autre' ? avant.typeCode : offre.typeCode,
    publics: offre.publics.length ? offre.publics : (avant?.publics ?? []),
    missions: offre.missions.length ? offre.missions : (avant?.missions ?? []),
    niveau: avant?.niveau ?? offre.niveau,
    adresse: offre.adresse ?? avant?.adresse ?? null,
    communeCode: offre.communeCode ?? avant?.communeCode ?? null,
    horaires: offre.horaires ?? avant?.horaires ?? null,
    contacts: offre.contacts.length ? offre.contacts : (avant?.contacts ?? []),
    statut: offre.actif ? (avant?.statut === 'suspendue' ? 'active' : (avant?.statut ?? 'active')) : 'suspendue',
    finess: offre.organisation?.finess ?? avant?.finess ?? null,
    siret: offre.organisation?.siret ?? avant?.siret ?? null,
    rorId: offre.rorId,
  };
}
