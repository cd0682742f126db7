import {
  avertissementsSignature,
  can,
  DOCTRINE_VIDE,
  droitsSelonVerrou,
  ecartsDoctrine,
  empechementsPublication,
  LIBELLES_CONFIRMATION,
  peutVoirAcces,
  rolesAttribuables,
  type RolePartie,
  LIBELLES_STATUT_CONTRAT,
  refusTransition,
  transitionsPossibles,
  TYPES_COLLECTIVITE,
  type ContratSaisie,
  type Doctrine,
  type StatutContrat,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import { conflit, ErreurMetier, introuvable, invalide } from '../../platform/errors';
import { obtenirTerritoire, resoudreUnPerimetre } from '../territoires/territoires.service';
import * as articulation from './articulation.repository';
import { avenantOuvert, exigerModifiable, exigerSurContrat, raisonVerrou, verifierSurContrat } from './acces';
import * as repository from './contrats.repository';
import { etatPublication, exigerPubliable, synchroniserConfirmations } from './confirmations.service';
import { marquerRenouvele } from './succession';
import { prendreInstantane } from './versions.service';

function visibilite(utilisateur: Utilisateur | null): repository.FiltreVisibilite {
  const h = utilisateur?.habilitations ?? [];
  return {
    tout: h.some((x) => x.role === 'admin'),
    regions: h.flatMap((x) => (x.role === 'ars_regional' ? [x.regionCode] : [])),
    contrats: h.flatMap((x) => ('contratId' in x ? [x.contratId] : [])),
    organisations: h.flatMap((x) => (x.role === 'referent_organisation' ? [x.organisationId] : [])),
  };
}

export async function listerContrats(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  filtre: { region?: string; departement?: string; statut?: string; generation?: number; q?: string },
) {
  const lignes = await repository.listerContrats(ctx.db, visibilite(utilisateur), {
    region: filtre.region ?? null,
    departement: filtre.departement ?? null,
    statut: filtre.statut ?? null,
    generation: filtre.generation ?? null,
    q: filtre.q?.trim() || null,
  });
  // The SQL filter mirrors the rules; can() has the last word.
  return lignes
    .filter((c) =>
      can(utilisateur, 'lire', {
        type: 'contrat',
        contrat: { id: c.id, regions: c.regions, publie: c.publie, organisationsEngagees: c.organisationsEngagees },
      }),
    )
    .map(({ organisationsEngagees, ...c }) => ({
      ...c,
      statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut as StatutContrat],
      role: utilisateur?.habilitations.find((h) => 'contratId' in h && h.contratId === c.id)?.role ?? null,
    }));
}

/** The contract page: the contract, its parties and strategy, its doctrine warnings and possible transitions. */
export async function obtenirContrat(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  // One query for the whole page; nothing is answered before the read check below.
  const page = await repository.pageContrat(ctx.db, id);
  if (!page) throw introuvable('Ce contrat n’existe pas.');
  const {
    organisationsEngagees,
    organisations,
    signataires,
    partenaires,
    axes,
    noms,
    thematiques,
    predecesseur,
    successeurs,
    avenantOuvert: avenant,
    nombreFiches,
    doctrines,
    confirmations,
    planEvaluation,
    dispositifsTerritoriaux,
    ...contrat
  } = page;
  const ref = { id, regions: contrat.regions, publie: contrat.publie, statut: contrat.statut as StatutContrat, organisationsEngagees };
  verifierSurContrat(utilisateur, 'lire', ref);
  const nommer = (type: string, codes: string[]) => codes.map((code) => ({ code, nom: noms[`${type}:${code}`] ?? code }));
  const [regions, departements, epci] = [
    nommer('region', contrat.regions),
    nommer('departement', contrat.departements),
    nommer('epci', contrat.perimetre.epci),
  ];
  const fiches = { rows: [{ thematiques }] };

  // Each party shows whether its organisation has confirmed the role it is given.
  const confirmation = (organisationId: string, role: RolePartie) => {
    const c = confirmations.find((x) => x.organisation.id === organisationId && x.role === role);
    const statut = c?.statut ?? 'a_confirmer';
    return { id: c?.id ?? null, statut, libelle: LIBELLES_CONFIRMATION[statut], motif: c?.motif ?? null };
  };
  const pourSignature = {
    signataires: signataires.map((s) => ({
      organisationType: s.organisation.type,
      organisationNom: s.organisation.nom,
      representant: s.representant,
      dateSignature: s.dateSignature,
      confirmation: confirmation(s.organisation.id, 'signataire').statut,
    })),
    nombreAxes: axes.length,
    nombreFiches,
    periode: contrat.periode,
  };
  const statut = contrat.statut as StatutContrat;
  const peutModifier = can(utilisateur, 'modifier', { type: 'contrat', contrat: ref });

  // Doctrine of each region of the perimeter (Redon answers to Bretagne and Pays de la Loire).
  const ecarts = (
    await Promise.all(
      regions.map(async (region) =>
        ecartsDoctrine(
          {
            population: contrat.population,
            insulaire: contrat.insulaire,
            nombreAxes: axes.length,
            themesCouverts: [...axes.map((a) => a.intitule), ...fiches.rows[0].thematiques.map((t) => t.replaceAll('_', ' '))],
            typesSignataires: signataires.map((s) => s.organisation.type),
            debutElaboration: contrat.debutElaboration,
            finElaboration: contrat.dateSignature ?? (statut === 'elaboration' ? new Date().toISOString().slice(0, 10) : null),
          },
          doctrines[region.code] ?? DOCTRINE_VIDE,
          region.nom,
        ).map((e) => ({ ...e, region: region.code })),
      ),
    )
  ).flat();

  return {
    ...contrat,
    statutLibelle: LIBELLES_STATUT_CONTRAT[statut],
    territoire: { population: contrat.population, nombreCommunes: contrat.nombreCommunes, regions, departements, epci },
    ars: organisations
      .filter((o) => o.qualite === 'ars')
      .map((o) => ({ ...o.organisation, confirmation: confirmation(o.organisation.id, 'ars') })),
    porteurs: organisations
      .filter((o) => o.qualite === 'porteur')
      .map((o) => ({ ...o.organisation, confirmation: confirmation(o.organisation.id, 'porteur') })),
    signataires: signataires.map((s) => ({ ...s, confirmation: confirmation(s.organisation.id, 'signataire') })),
    publication: { empechements: empechementsPublication(regions, confirmations) },
    partenaires,
    axes: axes.map((a, i) => ({ ...a, numero: i + 1, objectifs: a.objectifs.map((o, j) => ({ ...o, numero: `${i + 1}.${j + 1}` })) })),
    nombreFiches,
    predecesseur,
    successeurs,
    ecartsDoctrine: ecarts,
    transitions: peutModifier
      ? transitionsPossibles(statut).map((vers) => ({
          statut: vers,
          libelle: LIBELLES_STATUT_CONTRAT[vers],
          empechements: refusTransition(statut, vers, pourSignature),
          avertissements: estSignature(statut, vers) ? avertissementsSignature({ evaluationsPrevues: planEvaluation }) : [],
        }))
      : [],
    planEvaluation,
    dispositifsTerritoriaux,
    avenantOuvert: avenant,
    verrou: raisonVerrou(statut, avenant !== null),
    role: utilisateur?.habilitations.find((h) => 'contratId' in h && h.contratId === id)?.role ?? null,
    // The role's rights, less what the lock takes back: the page never shows « modifier » beside « clos ».
    droits: droitsSelonVerrou(
      {
        modifier: peutModifier,
        valider: can(utilisateur, 'valider', { type: 'contrat', contrat: ref }),
        supprimer: can(utilisateur, 'supprimer', { type: 'contrat', contrat: ref }),
        creerFiche: can(utilisateur, 'creer', { type: 'fiche', contrat: ref, piloteOrganisationIds: [], partenaireOrganisationIds: [] }),
        publier: can(utilisateur, 'publier', { type: 'contrat', contrat: ref }),
        voirAcces: peutVoirAcces(utilisateur, ref),
        gererAcces: rolesAttribuables(utilisateur, ref).length > 0,
      },
      { statut, avenantOuvert: avenant !== null },
    ),
  };
}

async function verifierOrganisations(tx: Queryable, ids: string[], types: readonly string[], champ: string, libelle: string) {
  const organisations = await repository.organisationsParIds(tx, ids);
  if (organisations.length !== new Set(ids).size)
    throw invalide(`${libelle} : organisation inconnue.`, [{ champ, message: 'Organisation inconnue' }]);
  const mauvaises = organisations.filter((o) => !types.includes(o.type));
  if (mauvaises.length)
    throw invalide(`${libelle} : ${mauvaises.map((o) => o.nom).join(', ')} n’a pas le bon type.`, [
      { champ, message: `${mauvaises.map((o) => o.nom).join(', ')} : type d’organisation inattendu` },
    ]);
}

async function resoudre(ctx: Contexte, saisie: ContratSaisie) {
  const territoire = await resoudreUnPerimetre(ctx, null, saisie.perimetre);
  if (territoire.inconnus.length)
    throw invalide(`Périmètre : codes inconnus du référentiel (${territoire.inconnus.map((i) => i.code).join(', ')}).`, [
      { champ: 'perimetre', message: `Codes inconnus : ${territoire.inconnus.map((i) => i.code).join(', ')}` },
    ]);
  return territoire;
}

const TYPES_ARS = ['ars', 'ars_delegation'];
const refusPredecesseur = (message: string) => invalide(`Contrat précédent : ${message}`, [{ champ: 'predecesseurId', message }]);
const MESSAGE_PUBLICATION =
  'La publication ne se change pas en modifiant le contrat : utilisez l’action « Publier » ou « Retirer la publication » (PUT /api/contrats/{id}/publication).';

/** Creates a contract in préparation; its creator becomes its coordinator. */
export async function creerContrat(ctx: Contexte, utilisateur: Utilisateur, saisie: ContratSaisie, statut: StatutContrat = 'preparation') {
  const territoire = await resoudre(ctx, saisie);
  if (!territoire.regions.some((r) => can(utilisateur, 'creer', { type: 'contrat', contrat: null, regionCode: r })))
    exiger(utilisateur, 'creer', { type: 'contrat', contrat: null });
  return enTransaction(ctx.db, async (tx) => {
    await verifierOrganisations(tx, saisie.arsIds, TYPES_ARS, 'arsIds', 'ARS');
    await verifierOrganisations(tx, saisie.porteursIds, TYPES_COLLECTIVITE, 'porteursIds', 'Collectivité porteuse');
    if (saisie.predecesseurId && !(await repository.obtenirContrat(tx, saisie.predecesseurId)))
      throw invalide('Contrat précédent inconnu.', [{ champ: 'predecesseurId', message: 'Contrat précédent inconnu' }]);
    if (saisie.predecesseurId) await exigerSurContrat(tx, utilisateur, 'modifier', saisie.predecesseurId);
    const id = await repository.creerContrat(tx, saisie, territoire, statut);
    if (saisie.predecesseurId) await marquerRenouvele(tx, utilisateur, saisie.predecesseurId, id, refusPredecesseur);
    await repository.remplacerCommunes(
      tx,
      id,
      territoire.communes.map((c) => c.code),
    );
    await repository.remplacerOrganisations(tx, id, 'ars', saisie.arsIds);
    await repository.remplacerOrganisations(tx, id, 'porteur', saisie.porteursIds);
    if (!utilisateur.habilitations.some((h) => h.role === 'admin'))
      await repository.accorderRole(tx, utilisateur.userId, id, 'coordonnateur');
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: id,
      action: 'creation',
      apres: { ...saisie } as never,
    });
    await synchroniserConfirmations(tx, utilisateur, id);
    if (saisie.publie) await exigerPubliable(tx, id);
    return id;
  });
}

export async function modifierContrat(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number, saisie: ContratSaisie) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', id);
  const territoire = await resoudre(ctx, saisie);
  await enTransaction(ctx.db, async (tx) => {
    await exigerModifiable(tx, id, ref.statut);
    await verifierOrganisations(tx, saisie.arsIds, TYPES_ARS, 'arsIds', 'ARS');
    await verifierOrganisations(tx, saisie.porteursIds, TYPES_COLLECTIVITE, 'porteursIds', 'Collectivité porteuse');
    if (saisie.predecesseurId === id)
      throw invalide('Un contrat ne peut pas se succéder à lui-même.', [
        { champ: 'predecesseurId', message: 'Contrat précédent invalide' },
      ]);
    const avant = await repository.obtenirContrat(tx, id, true);
    // Naming a new predecessor renews it: it needs the right to change it, and it becomes « Renouvelé ».
    const nouveauPredecesseur = saisie.predecesseurId && saisie.predecesseurId !== avant?.predecesseurId ? saisie.predecesseurId : null;
    if (nouveauPredecesseur) {
      if (!(await repository.obtenirContrat(tx, nouveauPredecesseur)))
        throw invalide('Contrat précédent inconnu.', [{ champ: 'predecesseurId', message: 'Contrat précédent inconnu' }]);
      await exigerSurContrat(tx, utilisateur, 'modifier', nouveauPredecesseur);
      await marquerRenouvele(tx, utilisateur, nouveauPredecesseur, id, refusPredecesseur);
    }
    // Publishing is a display setting with its own switch, at any statut and never through an avenant.
    if (saisie.publie !== undefined && saisie.publie !== avant?.publie)
      throw new ErreurMetier(422, 'Publication séparée', MESSAGE_PUBLICATION, {
        erreurs: [{ champ: 'publie', message: MESSAGE_PUBLICATION }],
      });
    const orgsAvant = await repository.organisationsDuContrat(tx, id);
    if (!(await repository.modifierContrat(tx, id, version, saisie, territoire)))
      throw conflit(
        'Ce contrat a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.',
        await obtenirContrat(ctx, utilisateur, id),
      );
    await repository.remplacerCommunes(
      tx,
      id,
      territoire.communes.map((c) => c.code),
    );
    await repository.remplacerOrganisations(tx, id, 'ars', saisie.arsIds);
    await repository.remplacerOrganisations(tx, id, 'porteur', saisie.porteursIds);
    await synchroniserConfirmations(tx, utilisateur, id);
    // A published contract keeps the ARS of each region confirmed.
    if (avant?.publie) await exigerPubliable(tx, id);
    const apres = await repository.obtenirContrat(tx, id);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: id,
      action: 'modification',
      avant: { ...avant, arsIds: orgsAvant.ars.map((o) => o.id).sort(), porteursIds: orgsAvant.porteurs.map((o) => o.id).sort() } as never,
      apres: { ...apres, arsIds: [...saisie.arsIds].sort(), porteursIds: [...saisie.porteursIds].sort() } as never,
    });
  });
}

const estSignature = (de: StatutContrat, vers: StatutContrat) => de === 'elaboration' && vers === 'signe';

/**
 * Moves the contract along its life cycle; signing records the date and the signed state. Signing without a
 * planned evaluation is possible once the warning is acknowledged (`confirmerAvertissements`), and audited so.
 */
export async function changerStatut(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  version: number,
  vers: StatutContrat,
  confirmerAvertissements = false,
) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', id);
  await enTransaction(ctx.db, async (tx) => {
    const contrat = (await repository.obtenirContrat(tx, id, true))!;
    if (contrat.version !== version)
      throw conflit(
        'Ce contrat a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.',
        await obtenirContrat(ctx, utilisateur, id),
      );
    const signataires = await repository.listerSignataires(tx, id);
    const { confirmations } = await etatPublication(tx, id);
    const { rows } = await tx.query(
      'select (select count(*) from axes where contrat_id = $1)::int axes, (select count(*) from fiches where contrat_id = $1)::int fiches',
      [id],
    );
    const de = contrat.statut as StatutContrat;
    const raisons = refusTransition(de, vers, {
      signataires: signataires.map((s) => ({
        organisationType: s.organisation.type,
        organisationNom: s.organisation.nom,
        representant: s.representant,
        dateSignature: s.dateSignature,
        confirmation:
          confirmations.find((c) => c.role === 'signataire' && c.organisation.id === s.organisation.id)?.statut ?? 'a_confirmer',
      })),
      nombreAxes: rows[0].axes,
      nombreFiches: rows[0].fiches,
      periode: contrat.periode,
    });
    if (raisons.length)
      throw invalide(
        `Passage à « ${LIBELLES_STATUT_CONTRAT[vers]} » impossible : ${raisons.join(' ')}`,
        raisons.map((message) => ({ champ: 'statut', message })),
      );
    if (de === 'evaluation' && vers === 'signe' && (await avenantOuvert(tx, id))) throw conflit('Un avenant est en cours de rédaction.');
    const avertissements = estSignature(de, vers)
      ? avertissementsSignature({ evaluationsPrevues: await articulation.listerEvaluationsPrevues(tx, id) })
      : [];
    if (avertissements.length && !confirmerAvertissements)
      throw new ErreurMetier(
        422,
        'Avertissement à confirmer',
        `Avant de signer : ${avertissements.join(' ')} Confirmez pour signer quand même.`,
        {
          avertissements,
          erreurs: avertissements.map((message) => ({ champ: 'confirmerAvertissements', message })),
        },
      );
    // The contract is signed on the date of the last signature.
    const dateSignature =
      vers === 'signe' && !contrat.dateSignature
        ? signataires
            .map((s) => s.dateSignature!)
            .sort()
            .at(-1)!
        : null;
    await repository.changerStatut(tx, id, version, vers, dateSignature);
    if (vers === 'signe' && de === 'elaboration') await prendreInstantane(tx, id, null, dateSignature!);
    if (estSignature(de, vers))
      await publierEvenement(tx, { type: 'contrat.signe', contratId: id, donnees: { statut: vers, dateSignature } });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: id,
      action: 'statut',
      avant: { statut: de },
      apres: { statut: vers },
      contexte: { regions: ref.regions, ...(avertissements.length ? { avertissementsConfirmes: avertissements } : {}) },
    });
  });
}

export async function supprimerContrat(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'supprimer', id);
  if (ref.statut !== 'preparation' && ref.statut !== 'abandonne')
    throw conflit('Seul un contrat en préparation ou abandonné peut être supprimé ; un contrat engagé se passe au statut « Abandonné ».');
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirContrat(tx, id, true);
    await repository.supprimerContrat(tx, id);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'contrat', entiteId: id, action: 'suppression', avant: avant as never });
  });
}

// ---------- Doctrine régionale

export async function obtenirDoctrine(ctx: Contexte, utilisateur: Utilisateur | null, regionCode: string) {
  exiger(utilisateur, 'lire', { type: 'doctrine', regionCode });
  const region = await obtenirTerritoire(ctx, utilisateur, 'region', regionCode);
  const doctrine = await repository.obtenirDoctrine(ctx.db, regionCode);
  return {
    regionCode,
    regionNom: region.nom,
    regles: doctrine?.regles ?? DOCTRINE_VIDE,
    version: doctrine?.version ?? 0,
    modifieLe: doctrine?.modifieLe ?? null,
    modifiable: can(utilisateur, 'modifier', { type: 'doctrine', regionCode }),
  };
}

export async function enregistrerDoctrine(ctx: Contexte, utilisateur: Utilisateur, regionCode: string, version: number, regles: Doctrine) {
  exiger(utilisateur, 'modifier', { type: 'doctrine', regionCode });
  await obtenirTerritoire(ctx, utilisateur, 'region', regionCode);
  await enTransaction(ctx.db, async (tx) => {
    const avant = await repository.obtenirDoctrine(tx, regionCode);
    const ok = await repository.enregistrerDoctrine(tx, regionCode, regles, version === 0 ? null : version);
    if (!ok)
      throw conflit(
        'Cette doctrine a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.',
        await obtenirDoctrine(ctx, utilisateur, regionCode),
      );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'doctrine',
      entiteId: regionCode,
      action: avant ? 'modification' : 'creation',
      avant: avant?.regles as never,
      apres: regles as never,
    });
  });
  return obtenirDoctrine(ctx, utilisateur, regionCode);
}
