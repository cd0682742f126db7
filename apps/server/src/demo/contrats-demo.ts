import {
  DOCTRINE_VIDE,
  ficheSaisieSchema,
  type ContratSaisie,
  type Doctrine,
  type StatutContrat,
  type TypeOrganisation,
} from '@maillage/domain';
import fs from 'node:fs';
import path from 'node:path';
import { RACINE } from '../config';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';
import * as contrats from '../modules/contrats/contrats.repository';
import { synchroniserConfirmations } from '../modules/contrats/confirmations.service';
import { prendreInstantane } from '../modules/contrats/versions.service';
import * as fiches from '../modules/fiches/fiches.repository';
import { referentielPourPerimetre } from '../modules/territoires/territoires.repository';
import { resoudrePerimetre } from '@maillage/domain';

/** ../shared/fixtures, beside the repository (CI and fresh clones have it there). */
const FIXTURES = path.resolve(RACINE, '../shared/fixtures');

/** Pilotes named in Redon's list of fiches, with the type we file them under. */
const PILOTES: Record<string, { nom: string; type: TypeOrganisation }> = {
  'redon agglomération': { nom: 'Redon Agglomération', type: 'epci' },
  'ofis de redon': { nom: 'OFIS de Redon', type: 'association' },
  'adec3 35': { nom: 'Adec3 35', type: 'association' },
  'cap santé plus': { nom: 'Cap Santé Plus', type: 'association' },
  'adecam 56': { nom: 'ADECAM 56', type: 'association' },
  'agence départementale du pays de redon': { nom: 'Agence départementale du Pays de Redon', type: 'departement' },
  'cfpd 44': { nom: 'CFPD 44', type: 'association' },
  'ireps bretagne et pays de la loire': { nom: 'IREPS Bretagne et Pays de la Loire', type: 'ireps' },
  'anpaa 44-35-56': { nom: 'ANPAA 44-35-56', type: 'association' },
  'ars dt 44': { nom: 'ARS Pays de la Loire – Délégation territoriale de Loire-Atlantique', type: 'ars_delegation' },
  'gem oxygène': { nom: 'GEM Oxygène', type: 'association' },
  'mission locale pays de redon et vilaine': { nom: 'Mission Locale Pays de Redon et Vilaine', type: 'association' },
  rrss: { nom: 'RRSS', type: 'association' },
  'pôle coordination en santé sexuelle': { nom: 'Pôle coordination en santé sexuelle', type: 'association' },
  ars: { nom: 'ARS Bretagne', type: 'ars' },
  'ars bretagne': { nom: 'ARS Bretagne', type: 'ars' },
  'ars pdl': { nom: 'ARS Pays de la Loire', type: 'ars' },
  'cpam 35': { nom: 'CPAM d’Ille-et-Vilaine', type: 'cpam' },
  'ch de redon': { nom: 'Centre hospitalier de Redon', type: 'hopital' },
};

/** "REDON Agglomération (CLIC), ARS Bretagne – ARS PDL" → organisations with their service; "A définir" → none. */
export function lirePilotes(texte: string): { nom: string; service: string | null }[] {
  if (/^a définir$/i.test(texte.trim())) return [];
  return texte
    .split(/,|\s–\s/)
    .map((morceau) => morceau.trim())
    .filter(Boolean)
    .map((morceau) => {
      const m = morceau.match(/^(.*?)\s*\((.*)\)$/);
      return { nom: (m ? m[1] : morceau).trim(), service: m ? m[2].trim() : null };
    });
}

function lireCsv(fichier: string): Record<string, string>[] {
  const [entete, ...lignes] = fs
    .readFileSync(path.join(FIXTURES, fichier), 'utf8')
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const colonnes = entete.split(';');
  return lignes.map((l) => Object.fromEntries(l.split(';').map((v, i) => [colonnes[i], v])));
}

async function organisation(
  tx: Queryable,
  nom: string,
  type: TypeOrganisation,
  extra: Partial<Parameters<typeof comptes.creerOrganisation>[1]> = {},
) {
  const existante = await comptes.organisationParNom(tx, nom);
  if (existante) return existante.id;
  const creee = await comptes.creerOrganisation(tx, { nom, type, ...extra });
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'organisation',
    entiteId: creee.id,
    action: 'creation',
    apres: creee as never,
    contexte: { demo: true },
  });
  return creee.id;
}

async function contrat(tx: Queryable, saisie: ContratSaisie, statut: StatutContrat, dateSignature: string | null = null) {
  const territoire = resoudrePerimetre(
    saisie.perimetre,
    await referentielPourPerimetre(tx, saisie.perimetre.epci, saisie.perimetre.communes),
  );
  const id = await contrats.creerContrat(tx, saisie, territoire, statut);
  await contrats.remplacerCommunes(
    tx,
    id,
    territoire.communes.map((c) => c.code),
  );
  await contrats.remplacerOrganisations(tx, id, 'ars', saisie.arsIds);
  await contrats.remplacerOrganisations(tx, id, 'porteur', saisie.porteursIds);
  if (dateSignature) await tx.query('update contrats set date_signature = $2 where id = $1', [id, dateSignature]);
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'contrat',
    entiteId: id,
    action: 'creation',
    apres: { ...saisie, statut } as never,
    contexte: { demo: true },
  });
  return id;
}

const DOCTRINE_BRETAGNE: Doctrine = {
  ...DOCTRINE_VIDE,
  populationMin: 50000,
  exceptionIles: true,
  axesMax: 3,
  elaborationMoisMax: 12,
  copilParAn: 2,
  typesSignatairesRequis: ['ars', 'prefecture', 'region'],
  axesPrs: [
    'La prévention et la promotion de la santé',
    'L’organisation des parcours de santé',
    'Les populations vulnérables et leurs aidants',
  ],
  partsCoordinationEgales: true,
  // Seed 002, l.368: « Au 1er janvier 2019, seulement 15 % de la population bretonne était couverte par un CLS […]
  // L'ARS Bretagne, dans le Contrats Pluriannuels d'Objectifs et de Moyens (CPOM) 2019 – 2023 conclu avec le Ministère
  // des solidarités et de la santé, fixe désormais un objectif de 90 % de la population bretonne couverte par un CLS à
  // l'horizon 2023. »
  cibleCouverturePourcent: 90,
  cibleCouvertureEcheance: '2023',
  cibleCouvertureSource: 'CPOM 2019-2023 conclu entre l’ARS Bretagne et le ministère des Solidarités et de la Santé',
  couvertureReferencePourcent: 15,
  couvertureReferenceDate: '2019-01-01',
  couvertureReferenceSource: 'ARS Bretagne, 2019',
};

const DOCTRINE_PAYS_DE_LA_LOIRE: Doctrine = {
  ...DOCTRINE_VIDE,
  themesRequis: [
    'Prévention et promotion de la santé et santé-environnement',
    'Accès aux soins et offre de santé',
    'Parcours des personnes âgées et population spécifique',
  ],
};

/**
 * The five contracts of the sources (../shared/fixtures/contrats.json), with only what the sources say:
 * Redon's first CLS and its 39 fiches, Redon's second in élaboration, Belle-Île-en-Mer and Craon-Renazé.
 * Months or years given without a day are stored as the first day of that month or year.
 */
export async function creerContratsDemo(tx: Queryable, comptesDemo: Map<string, string>): Promise<void> {
  await contrats.enregistrerDoctrine(tx, '53', DOCTRINE_BRETAGNE, null);
  await contrats.enregistrerDoctrine(tx, '52', DOCTRINE_PAYS_DE_LA_LOIRE, null);

  const ars = await organisation(tx, 'ARS Bretagne', 'ars');
  const arsPdl = await organisation(tx, 'ARS Pays de la Loire', 'ars');
  const redon = await organisation(tx, 'Redon Agglomération', 'epci');

  const cls1 = await contrat(
    tx,
    {
      intitule: 'Contrat local de santé du Pays de Redon-Bretagne Sud',
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 1,
      arsIds: [ars, arsPdl],
      porteursIds: [redon],
      periode: { debut: '2015-01-01', fin: '2020-12-31' },
      insulaire: false,
      // Published: its public pages and open data show what a signed CLS looks like to the public.
      publie: true,
      contexte:
        'Piloté par un trinôme ARS Bretagne, ARS Pays de la Loire et Redon Agglomération ; coordination par la coordinatrice CLS du service ' +
        'd’animation territoriale de santé (ATS) de Redon Agglomération. Évalué par le cabinet Acsantis, préalable au CLS 2.',
    },
    'renouvele',
    '2015-01-01',
  );
  // Seed 002, l.334: « Le signataire est engagé formellement dans le contrat et fait partie du comité de pilotage » ;
  // l.1172, its governance (annexe 4): « Synthèse détaillée 2015-2020. ARS Bretagne, ARS Pays de Loire, Redon
  // Agglomération », the trinôme that pilots it (l.392). Signed in 2015, day and month not published: 2015-01-01.
  for (const [i, organisationId] of [ars, arsPdl, redon].entries())
    await tx.query('insert into signataires (contrat_id, organisation_id, date_signature, ordre) values ($1, $2, $3, $4)', [
      cls1,
      organisationId,
      '2015-01-01',
      i,
    ]);
  for (const ligne of lireCsv('redon-cls1-fiches.csv')) {
    const pilotes = [];
    for (const p of lirePilotes(ligne.pilotes)) {
      const connu = PILOTES[p.nom.toLowerCase()] ?? { nom: p.nom, type: 'autre' as TypeOrganisation };
      pilotes.push({ organisationId: await organisation(tx, connu.nom, connu.type), service: p.service });
    }
    const saisie = ficheSaisieSchema.parse({ intitule: ligne.intitule, pilotes: pilotes.length ? pilotes : [{ organisationId: null }] });
    const id = await fiches.creerFiche(tx, cls1, Number(ligne.numero), Number(ligne.ordre), saisie);
    await fiches.remplacerPilotes(tx, id, saisie.pilotes);
    await fiches.noterStatut(tx, id, saisie.statut, SYSTEME.libelle);
  }
  await prendreInstantane(tx, cls1, null, '2015-01-01');

  const cls2 = await contrat(
    tx,
    {
      intitule: 'Contrat local de santé de Redon Agglomération (2e génération)',
      perimetre: { epci: ['243500741'], communes: [] },
      generation: 2,
      predecesseurId: cls1,
      arsIds: [ars, arsPdl],
      porteursIds: [redon],
      periode: { debut: '2021-01-01', fin: '2026-12-31' },
      insulaire: false,
      publie: false,
      contexte:
        'Diagnostic local de santé partagé réalisé en 2021 par Acsantis (Guiral et Le Cotillec). En 2021, 23 communes en zone d’intervention ' +
        'prioritaire, 6 en zone d’action complémentaire et 2 en zone d’accompagnement régional (ARS Bretagne, janvier 2021).',
    },
    'elaboration',
  );

  const belleIleEpci = await organisation(tx, 'Communauté de communes de Belle-Île-en-Mer', 'epci');
  const morbihan = await organisation(tx, 'Conseil départemental du Morbihan', 'departement');
  const belleIle = await contrat(
    tx,
    {
      intitule: 'Contrat local de santé de Belle-Île-en-Mer',
      perimetre: { epci: ['245600465'], communes: [] },
      generation: 1,
      arsIds: [ars],
      porteursIds: [belleIleEpci],
      periode: { debut: '2013-01-01', fin: '2015-12-31' },
      insulaire: true,
      publie: false,
      contexte:
        'Quatre communes (Le Palais, Sauzon, Bangor, Locmaria) ; 4 500 habitants hors saison, jusqu’à 30 000 l’été ; à une heure du continent. ' +
        'Diagnostics en 2008 et 2010 (complémentaire, financé par l’ARS). Premier COPIL en juin 2013, cinq mois après la signature : « trop de temps » ; aucun coordinateur nommé.',
    },
    'echu',
    '2013-01-01',
  );
  for (const [i, organisationId] of [ars, morbihan, belleIleEpci].entries())
    await tx.query('insert into signataires (contrat_id, organisation_id, date_signature, ordre, qualite) values ($1, $2, $3, $4, $5)', [
      belleIle,
      organisationId,
      '2013-01-01',
      i,
      organisationId === morbihan ? 'Conseil général du Morbihan' : null,
    ]);
  for (const orientation of [
    'Améliorer l’organisation et l’accès aux soins',
    'Favoriser les soins et le maintien à domicile des personnes âgées',
    'Favoriser le développement d’action de prévention et de promotion de la santé en faveur des habitants de Belle-Île-en-Mer',
  ])
    await contrats.creerAxe(tx, belleIle, { intitule: orientation });
  await prendreInstantane(tx, belleIle, null, '2013-01-01');

  const saintAignan = await organisation(tx, 'Communauté de communes de Saint-Aignan Renazé', 'epci');
  const craonnais = await organisation(tx, 'Communauté de communes du pays craonnais', 'epci');
  const craon = await contrat(
    tx,
    {
      intitule: 'Contrat local de santé de Craon-Renazé',
      perimetre: { epci: ['200048551'], communes: [] },
      generation: 1,
      arsIds: [arsPdl],
      porteursIds: [saintAignan, craonnais],
      periode: { debut: '2012-01-01', fin: null },
      insulaire: false,
      publie: false,
      contexte:
        'Orientation voulue par l’ARS : parcours de soins des personnes âgées (expérimentation PAERPA). Une animatrice financée par le FIR régional ; ' +
        'une coordinatrice PAERPA financée par l’article 70 de la LFSS 2012. Chaque action est financée pour un an et renégociée chaque année. ' +
        'Signé en 2012 sur 11 communes ; le périmètre enregistré est celui de l’EPCI actuel, la CC du Pays de Craon (37 communes).',
    },
    'echu',
    '2012-01-01',
  );
  for (const [i, organisationId] of [arsPdl, saintAignan, craonnais].entries())
    await tx.query('insert into signataires (contrat_id, organisation_id, date_signature, ordre) values ($1, $2, $3, $4)', [
      craon,
      organisationId,
      '2012-01-01',
      i,
    ]);
  await contrats.creerAxe(tx, craon, { intitule: 'Parcours de soins des personnes âgées' });

  // The parties come from the published sources: each organisation's role is taken as confirmed (Redon's first CLS
  // is published, and publication needs the ARS of Bretagne and of Pays de la Loire to have confirmed).
  for (const id of [cls1, cls2, belleIle, craon]) await synchroniserConfirmations(tx, null, id, true);

  // Demo accounts get their roles on Redon's contracts.
  const roles: [string, string, string[]][] = [
    ['coordination', 'coordonnateur', [cls1, cls2]],
    ['referent.ars', 'referent_ars', [cls1, cls2]],
    ['pilote', 'pilote', [cls1, cls2]],
    ['membre', 'membre', [cls2]],
    ['lecteur', 'lecteur', [cls2]],
  ];
  for (const [compte, role, ids] of roles) {
    const utilisateurId = comptesDemo.get(compte);
    if (utilisateurId) for (const id of ids) await contrats.accorderRole(tx, utilisateurId, id, role);
  }
}
