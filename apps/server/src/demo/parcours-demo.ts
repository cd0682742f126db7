import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as parcours from '../modules/parcours/parcours.repository';

const SEMINAIRE =
  'Séminaire sur les contrats locaux de santé (seed 001) : des parcours « de l’information au dépistage, du dépistage aux soins, des soins jusqu’au retour à domicile »';

/**
 * One parcours on Redon Agglomération's CLS 2, with only what the sources state: the four steps of seed 001, the CLIC
 * (information and orientation) at the information step and the MAIA (gestion de cas, seed 002) at the return home.
 * No rupture and no grid cell: no source records one for Redon.
 */
export async function creerParcoursDemo(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query(
    `select id from contrats where intitule = 'Contrat local de santé de Redon Agglomération (2e génération)' limit 1`,
  );
  if (!rows[0]) return false;
  const contratId: string = rows[0].id;
  const ressource = async (nom: string) =>
    ((await tx.query('select id from ressources where nom = $1 limit 1', [nom])).rows[0]?.id as string | undefined) ?? null;
  const [clic, maia] = [await ressource('CLIC de Redon Agglomération'), await ressource('MAIA du pays de Redon')];
  const titre = 'Personnes âgées : de l’information au retour à domicile';
  const cree = await parcours.creerParcours(tx, {
    contratId,
    titre,
    description: SEMINAIRE,
    publics: ['personnes_agees'],
    perimetre: null,
  });
  const etapes: [string, 'information' | 'depistage' | 'soins' | 'retour_domicile', string | null][] = [
    ['Information', 'information', clic],
    ['Dépistage', 'depistage', null],
    ['Soins', 'soins', null],
    ['Retour à domicile', 'retour_domicile', maia],
  ];
  for (const [i, [libelle, code, ressourceId]] of etapes.entries()) {
    const id = await parcours.ajouterEtape(tx, cree.id, { position: i + 1, code, libelle, description: null });
    if (ressourceId) await parcours.remplacerRessourcesEtape(tx, id, [ressourceId]);
  }
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'parcours',
    entiteId: cree.id,
    action: 'creation',
    apres: { titre, etapes: etapes.map(([l]) => l) },
    contexte: { contratId, titre, demo: true },
  });
  return true;
}
