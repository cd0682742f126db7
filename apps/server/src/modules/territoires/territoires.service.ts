import {
  estCodeCommuneInsee,
  MESSAGE_CODE_COMMUNE_INSEE,
  motsDeRecherche,
  nomCollectivite,
  resoudrePerimetre,
  type CollectivitePreremplie,
  type Perimetre,
  type TypeTerritoire,
} from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import * as repository from './territoires.repository';

/** A territory of the référentiel by type and code, or null: for another module's checks, in its transaction. */
export async function trouverTerritoire(db: Queryable, type: TypeTerritoire, code: string) {
  return repository.obtenir(db, type, code);
}

export async function rechercherTerritoires(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  criteres: { q?: string; type?: TypeTerritoire; limite: number },
) {
  exiger(utilisateur, 'lire', { type: 'referentiel' });
  const requete = (criteres.q ?? '').trim();
  const code = /^(\d|2[ABab])[\dABab]*$/.test(requete) ? requete.toUpperCase() : null;
  return repository.rechercher(ctx.db, {
    mots: motsDeRecherche(requete),
    code,
    type: criteres.type ?? null,
    limite: criteres.limite,
  });
}

const MOTS_INSTITUTION = new Set(['commune', 'ville', 'mairie', 'conseil', 'departemental', 'departement', 'de', 'du', 'des', 'd', 'l']);

/**
 * Collectivités of the référentiel as organisations to create: the name an organisation of the directory gives them,
 * their SIREN (communes and EPCI; the référentiel has none for départements), their région and département.
 */
export async function rechercherCollectivites(ctx: Contexte, utilisateur: Utilisateur | null, criteres: { q: string; limite: number }) {
  exiger(utilisateur, 'lire', { type: 'referentiel' });
  const requete = criteres.q.trim();
  const code = /^(\d|2[ABab])[\dABab]*$/.test(requete.replace(/\s/g, '')) ? requete.replace(/\s/g, '').toUpperCase() : null;
  // « Mairie de Redon », « Conseil départemental du Morbihan »: the words that name the institution are not in the référentiel.
  const tous = code ? [] : motsDeRecherche(requete);
  const mots = tous.filter((m) => !MOTS_INSTITUTION.has(m)).length ? tous.filter((m) => !MOTS_INSTITUTION.has(m)) : tous;
  if (!code && mots.length === 0) return [];
  const lignes = await repository.rechercherCollectivites(ctx.db, { mots, code, limite: criteres.limite });
  return lignes.map((l) => ({
    type: l.type,
    code: l.code,
    nom: l.nom,
    organisation: {
      nom: nomCollectivite(l.type, l.nom, l.typeLiaison),
      type: l.type,
      siren: l.siren,
      regionCode: l.regionCode,
      departementCode: l.departementCode,
      territoireCode: l.code,
    } satisfies CollectivitePreremplie,
  }));
}

export async function obtenirTerritoire(ctx: Contexte, utilisateur: Utilisateur | null, type: TypeTerritoire, code: string) {
  exiger(utilisateur, 'lire', { type: 'referentiel' });
  if (type === 'commune' && !estCodeCommuneInsee(code))
    throw invalide(`« ${code} » : ${MESSAGE_CODE_COMMUNE_INSEE}.`, [{ champ: 'code', message: MESSAGE_CODE_COMMUNE_INSEE }]);
  const territoire = await repository.obtenir(ctx.db, type, code);
  if (!territoire) throw introuvable(`Aucun territoire de type ${type} avec le code ${code}.`);
  const [membres, epci, departement, region] = await Promise.all([
    type === 'epci' ? repository.membresEpci(ctx.db, code) : Promise.resolve(undefined),
    type === 'commune' ? repository.epciDeCommune(ctx.db, code) : Promise.resolve(undefined),
    territoire.departementCode && type !== 'departement' ? repository.obtenir(ctx.db, 'departement', territoire.departementCode) : null,
    territoire.regionCode && type !== 'region' ? repository.obtenir(ctx.db, 'region', territoire.regionCode) : null,
  ]);
  return {
    ...territoire,
    departement: departement ? { code: departement.code, nom: departement.nom } : null,
    region: region ? { code: region.code, nom: region.nom } : null,
    ...(membres ? { membres } : {}),
    ...(epci ? { epci } : {}),
  };
}

export async function resoudreUnPerimetre(ctx: Contexte, utilisateur: Utilisateur | null, perimetre: Perimetre) {
  exiger(utilisateur, 'lire', { type: 'referentiel' });
  const referentiel = await repository.referentielPourPerimetre(ctx.db, perimetre.epci, perimetre.communes);
  return resoudrePerimetre(perimetre, referentiel);
}

/** Codes with their names, in the given order; an unknown code keeps its code as name. */
export async function nommerTerritoires(ctx: Contexte, type: TypeTerritoire, codes: string[]): Promise<{ code: string; nom: string }[]> {
  if (!codes.length) return [];
  const noms = await repository.noms(ctx.db, type, codes);
  return codes.map((code) => ({ code, nom: noms.get(code) ?? code }));
}
