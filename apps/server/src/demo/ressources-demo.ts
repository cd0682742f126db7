import { communesAtteintes, normaliserMissions, ressourceSaisieSchema } from '@maillage/domain';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';
import * as ressources from '../modules/ressources/ressources.repository';

const MEMOIRE_REDON =
  'Mémoire « Implication de l’assurance maladie dans les politiques territoriales de santé via l’exemple du CLS de Redon agglomération » (J. Orue Gonzalez, 2021)';
const MEMOIRE_CLS = 'Mémoire de module interprofessionnel EHESP 2014 sur les CLS de Belle-Île-en-Mer et de Craon-Renazé';

/**
 * The resources the sources name (issue 17), with only what they say: no contact, no address, no hours, nothing they
 * do not state. Redon (seed 002): Redon Agglomération's CLIC and MAIA (pilots of the CLS 1's fiches for the elderly),
 * the CPTS of the agglomeration (signed in July 2021). Craon-Renazé (seed 000): the maisons de santé of the pôle de
 * santé du Sud-Ouest Mayennais, next to the Hôpital du Sud-Ouest Mayennais. Seed 004 (Centre-Val de Loire) names
 * kinds of actors (CLIC, MAIA, réseaux de santé, PRADO…) but no single structure: none is made up for it.
 */
export async function creerRessourcesDemo(tx: Queryable): Promise<number> {
  const redon = await comptes.organisationParNom(tx, 'Redon Agglomération');
  if (!redon) return 0;
  const organisation = async (nom: string, type: string, regionCode: string, departementCode: string) => {
    const existante = await comptes.organisationParNom(tx, nom);
    if (existante) return existante;
    const creee = await comptes.creerOrganisation(tx, { nom, type: type as never, regionCode, departementCode });
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
  const cpts = await organisation('CPTS de l’agglomération de Redon', 'cpts', '53', '35');
  const hsom = await organisation('Hôpital du Sud-Ouest Mayennais', 'hopital', '52', '53');
  const agglo = { epci: ['243500741'], communes: [] };
  const fiches = [
    {
      source: `${MEMOIRE_REDON}, annexe : fiches 2, 8, 17 et 34 pilotées par « REDON Agglomération (CLIC) »`,
      saisie: {
        organisationId: redon.id,
        nom: 'CLIC de Redon Agglomération',
        typeCode: 'clic',
        publics: ['personnes_agees'],
        missions: ['information_orientation', 'coordination'],
        niveau: 'coordination_proximite',
        zone: agglo,
      },
    },
    {
      source: `${MEMOIRE_REDON}, annexe : fiche 33 « Favoriser la cohérence du déploiement des MAIA sur le pays de Redon », pilote « REDON Agglomération (MAIA) »`,
      saisie: {
        organisationId: redon.id,
        nom: 'MAIA du pays de Redon',
        typeCode: 'maia',
        publics: ['personnes_agees'],
        missions: ['evaluation', 'coordination'],
        niveau: 'coordination_proximite',
        zone: agglo,
      },
    },
    {
      source: `${MEMOIRE_REDON} : « la signature en juillet 2021 de la CPTS de l’agglomération de Redon »`,
      saisie: {
        organisationId: cpts.id,
        nom: 'CPTS de l’agglomération de Redon',
        typeCode: 'cpts',
        publics: ['tous_publics'],
        missions: [],
        niveau: 'cooperation_territoriale',
        zone: agglo,
      },
    },
    {
      source: `${MEMOIRE_CLS} : « des équipes pluridisciplinaires qui exercent leur profession au sein des maisons de santé ouvertes en 2011, et adossées à l’hôpital »`,
      saisie: {
        organisationId: hsom.id,
        nom: 'Maisons de santé du pôle de santé du Sud-Ouest Mayennais',
        typeCode: 'msp',
        publics: ['tous_publics'],
        missions: ['soins'],
        niveau: 'porte_entree',
        zone: { epci: [], communes: ['53084', '53188'] },
      },
    },
  ];
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
