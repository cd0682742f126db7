import { can } from '@maillage/domain';
import { connecte, creer, publique, regle, type EntreeRoute, type Evaluation, type Outils } from './regles';

/** The resource directory's routes (issue 17): a CPAM resource at Redon, which Redon's contracts and the ARS of Bretagne reach. */
const REDON = '35236';
const ressourceCpam = (o: Outils) => ({
  organisationId: o.monde.organisations.cpam,
  nom: `Ressource ${o.unique()}`,
  typeCode: 'autre',
  niveau: 'porte_entree',
  communeCode: REDON,
});

async function porteeRedon(e: Evaluation, action: 'creer' | 'modifier') {
  const { rows } = await e.serveur.ctx.db.query(
    `select coalesce((select array_agg(distinct region_code) from territoires where type = 'commune' and code = $1), '{}') as regions,
            coalesce((select array_agg(distinct contrat_id) from contrat_communes where commune_code = $1), '{}') as contrats`,
    [REDON],
  );
  return can(e.sujet, action, {
    type: 'ressource',
    organisationId: e.monde.organisations.cpam,
    regions: rows[0].regions,
    contrats: rows[0].contrats,
  });
}
const victime = async (o: Outils) => `/api/ressources/${await creer(o, '/api/ressources', ressourceCpam(o))}`;

export const ROUTES_RESSOURCES: Record<string, EntreeRoute> = {
  'GET /api/ressources': { attendu: connecte, portee: 'global', chemin: () => `/api/ressources?commune=${REDON}` },
  'POST /api/ressources': { attendu: (e) => porteeRedon(e, 'creer'), portee: 'global', corps: (o) => ressourceCpam(o) },
  'GET /api/ressources/types': { attendu: connecte, portee: 'global' },
  'POST /api/ressources/types': {
    attendu: regle({ type: 'plateforme' }, 'administrer'),
    portee: 'global',
    corps: (o) => ({
      code: `t_${o.unique()}`
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_')
        .slice(0, 40),
      libelle: `Type ${o.unique()}`,
    }),
  },
  'POST /api/ressources/import': {
    attendu: connecte,
    portee: 'global',
    chemin: () => '/api/ressources/import?dryRun=true',
    multipart: (o) => ({
      fichier: {
        nom: 'ressources.csv',
        contenu: `nom;organisation_id;niveau;commune\nRessource importée;${o.monde.organisations.cpam};effecteur;${REDON}\n`,
      },
    }),
    sansAudit: 'un essai (dryRun) n’écrit rien',
  },
  'GET /api/ressources/import/modele': { attendu: connecte, portee: 'global', chemin: () => '/api/ressources/import/modele?format=csv' },
  'GET /api/ressources/zones-blanches': {
    attendu: connecte,
    portee: 'global',
    chemin: () => '/api/ressources/zones-blanches?territoires=epci:243500741&public=personnes_agees&mission=information_orientation',
  },
  'GET /api/ressources/couverture': {
    attendu: connecte,
    portee: 'global',
    chemin: () => '/api/ressources/couverture?territoires=epci:243500741&public=personnes_agees&mission=information_orientation',
  },
  'GET /api/ressources/vues/:vue': { attendu: connecte, portee: 'global', chemin: () => `/api/ressources/vues/niveau?commune=${REDON}` },
  'GET /api/ressources/vues/:vue/export': {
    attendu: connecte,
    portee: 'global',
    chemin: () => `/api/ressources/vues/public/export?format=csv&commune=${REDON}`,
  },
  'GET /api/ressources/:id': { attendu: connecte, portee: 'global', victime },
  'PUT /api/ressources/:id': {
    attendu: (e) => porteeRedon(e, 'modifier'),
    portee: 'global',
    victime,
    corps: (o) => ({ ...ressourceCpam(o), version: 1 }),
  },
  'GET /api/public/ressources': { attendu: publique, portee: 'global', chemin: () => `/api/public/ressources?commune=${REDON}` },
};
