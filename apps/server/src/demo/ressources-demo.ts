import { communesAtteintes, normaliserMissions, ressourceSaisieSchema } from '@maillage/domain';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';
import * as ressources from '../modules/ressources/ressources.repository';

const MEMOIRE_REDON =
  'Mémoire « Implication de l’assurance maladie dans les politiques territoriales de santé via l’exemple du CLS de Redon agglomération » (J. Orue Gonzalez, 2021)';
const MEMOIRE_CLS = 'Mémoire de module interprofessionnel EHESP 2014 sur les CLS de Belle-Île-en-Mer et de Craon-Renazé';
const MEMOIRE_CVL =
  'Mémoire sur la mise en place des fonctions d’appui à la coordination des parcours de santé complexes par l’ARS Centre-Val de Loire (seed 004)';
/** Seed 004, part 2 B: « les réseaux de santé, les CLIC, les MDPH, la gestion de cas MAIA… » are the coordination de proximité. */
const RESEAU = { typeCode: 'reseau_sante', missions: ['coordination'], niveau: 'coordination_proximite' } as const;

type Organisation = { id: string };
type Zone = { epci: string[]; communes: string[] };

/**
 * The resources the sources name (issue 17), with only what they say: no contact, no address, no hours, no one who
 * solicits them (annexe 4 of seed 004 is a picture the text does not describe), nothing they do not state. Redon
 * (seed 002): Redon Agglomération's CLIC and MAIA (pilots of the CLS 1's fiches for the elderly), the CPTS of the
 * agglomeration (signed in July 2021), the participative centre de santé announced at Langon. Craon-Renazé (seed 000):
 * the maisons de santé of the pôle de santé du Sud-Ouest Mayennais. Centre-Val de Loire (seed 004): the two réseaux de
 * santé its maps name with their département, RESPIRE (Indre) and RSND 41 (Loir-et-Cher). Those the public
 * directory shows are marked published (`publie`), a choice of the demo, not a fact of the sources.
 */
function ressourcesDesSources(
  o: Record<'redon' | 'cpts' | 'hsom' | 'langon' | 'respire' | 'rsnd', Organisation>,
  z: Record<'agglo' | 'indre' | 'loirEtCher', Zone>,
) {
  return [
    {
      source: `${MEMOIRE_REDON}, annexe : fiches 2, 8, 17 et 34 pilotées par « REDON Agglomération (CLIC) »`,
      saisie: {
        organisationId: o.redon.id,
        nom: 'CLIC de Redon Agglomération',
        typeCode: 'clic',
        publics: ['personnes_agees'],
        missions: ['information_orientation', 'coordination'],
        niveau: 'coordination_proximite',
        zone: z.agglo,
        publie: true,
      },
    },
    {
      source: `${MEMOIRE_REDON}, annexe : fiche 33 « Favoriser la cohérence du déploiement des MAIA sur le pays de Redon », pilote « REDON Agglomération (MAIA) »`,
      saisie: {
        organisationId: o.redon.id,
        nom: 'MAIA du pays de Redon',
        typeCode: 'maia',
        publics: ['personnes_agees'],
        missions: ['evaluation', 'coordination'],
        niveau: 'coordination_proximite',
        zone: z.agglo,
      },
    },
    {
      source: `${MEMOIRE_REDON} : « la signature en juillet 2021 de la CPTS de l’agglomération de Redon »`,
      saisie: {
        organisationId: o.cpts.id,
        nom: 'CPTS de l’agglomération de Redon',
        typeCode: 'cpts',
        publics: ['tous_publics'],
        missions: [],
        niveau: 'cooperation_territoriale',
        zone: z.agglo,
        publie: true,
      },
    },
    {
      // Seed 004 (annexe 3) places the centres de santé among the portes d'entrée of the sanitary sector.
      source: `${MEMOIRE_REDON} : « un centre de santé participatif ouvrira ses portes fin 2022 à Langon »`,
      saisie: {
        organisationId: o.langon.id,
        nom: 'Centre de santé participatif de Langon',
        typeCode: 'centre_sante',
        publics: ['tous_publics'],
        missions: ['soins'],
        niveau: 'porte_entree',
        communeCode: '35145',
        publie: true,
      },
    },
    {
      source: `${MEMOIRE_CLS} : « des équipes pluridisciplinaires qui exercent leur profession au sein des maisons de santé ouvertes en 2011, et adossées à l’hôpital »`,
      saisie: {
        organisationId: o.hsom.id,
        nom: 'Maisons de santé du pôle de santé du Sud-Ouest Mayennais',
        typeCode: 'msp',
        publics: ['tous_publics'],
        missions: ['soins'],
        niveau: 'porte_entree',
        zone: { epci: [], communes: ['53084', '53188'] },
        publie: true,
      },
    },
    {
      source: `${MEMOIRE_CVL}, liste des sigles des cartographies : « RESPIRE : REseau Santé Précarité de l’Indre Rejetant l’Exclusion »`,
      saisie: { ...RESEAU, organisationId: o.respire.id, nom: 'RESPIRE', publics: ['precarite'], zone: z.indre, publie: true },
    },
    {
      source: `${MEMOIRE_CVL}, liste des sigles des cartographies : « RSND 41 : Réseau Santé Nutrition Diabète 41 »`,
      saisie: { ...RESEAU, organisationId: o.rsnd.id, nom: 'RSND 41', publics: ['pathologies_chroniques'], zone: z.loirEtCher },
    },
  ];
}

export async function creerRessourcesDemo(tx: Queryable): Promise<number> {
  const redon = await comptes.organisationParNom(tx, 'Redon Agglomération');
  if (!redon) return 0;
  const organisation = async (nom: string, type: string, regionCode: string, departementCode: string, sigle?: string) => {
    const existante = await comptes.organisationParNom(tx, nom);
    if (existante) return existante;
    const creee = await comptes.creerOrganisation(tx, { nom, sigle, type: type as never, regionCode, departementCode });
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'organisation',
      entiteId: creee.id,
      action: 'creation',
      apres: creee as never,
      contexte: { demo: true },
    });
    return creee;
  };
  // A département's zone: its communes (the perimeter picker has no département).
  const departement = async (code: string) => ({
    epci: [],
    communes: (
      await tx.query(`select code from territoires where type = 'commune' and departement_code = $1 order by code`, [code])
    ).rows.map((r) => r.code as string),
  });
  const fiches = ressourcesDesSources(
    {
      redon,
      cpts: await organisation('CPTS de l’agglomération de Redon', 'cpts', '53', '35'),
      hsom: await organisation('Hôpital du Sud-Ouest Mayennais', 'hopital', '52', '53'),
      langon: await organisation('Centre de santé participatif de Langon', 'autre', '53', '35'),
      respire: await organisation('Réseau Santé Précarité de l’Indre Rejetant l’Exclusion', 'autre', '24', '36', 'RESPIRE'),
      rsnd: await organisation('Réseau Santé Nutrition Diabète 41', 'autre', '24', '41', 'RSND 41'),
    },
    { agglo: { epci: ['243500741'], communes: [] }, indre: await departement('36'), loirEtCher: await departement('41') },
  );
  for (const { source, saisie } of fiches) {
    const lue = ressourceSaisieSchema.parse(saisie);
    const r = { ...lue, missions: normaliserMissions(lue.missions) };
    const { rows } = await tx.query(
      `select distinct code from (select commune_code as code from epci_membres where epci_code = any($1::text[]) union select unnest($2::text[])) c`,
      [r.zone.epci, r.zone.communes],
    );
    const cree = await ressources.creerRessource(tx, r);
    await ressources.remplacerCommunes(
      tx,
      cree.id,
      communesAtteintes(
        rows.map((x) => x.code),
        r.communeCode,
      ),
    );
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'ressource',
      entiteId: cree.id,
      action: 'creation',
      apres: r as never,
      contexte: { demo: true, source },
    });
  }
  return fiches.length;
}
