import { can, communesAtteintes, normaliserMissions, type RessourceSaisie, saisieDeRessource } from '@maillage/domain';
import type { FiltreRessources } from '@maillage/domain/api';
import { auditer, type Acteur } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, invalide, type ErreurMetier } from '../../platform/errors';
import { trouverOrganisations } from '../comptes/organisations.service';
import { lireTerritoires } from '../diagnostics/agregation.service';
import * as queries from './ressources.queries';
import type { RessourceLue } from './ressources.queries';
import * as repository from './ressources.repository';

/**
 * The resource directory (issue 17): dispositifs and services of the territory, each belonging to an organisation.
 * Its referents keep them; the ARS of the region and the contract's coordination those of their territory.
 */

type Sujet = Utilisateur | null;

export const refRessource = (organisationId: string | null, portee: { regions: readonly string[]; contrats: readonly string[] }) => ({
  type: 'ressource' as const,
  organisationId,
  regions: portee.regions,
  contrats: portee.contrats,
});

/** What the API shows: the stored resource, whether the reader may change it, without the permission's inputs. */
export function vueRessource(utilisateur: Sujet, r: RessourceLue) {
  const { regions, contrats, ...reste } = r;
  return { ...reste, modifiable: can(utilisateur, 'modifier', refRessource(r.organisationId, { regions, contrats })) };
}

/** "epci:…,commune:…" → the communes of the référentiel it covers; 400 naming the codes it does not know. */
export async function communesDuPerimetre(db: Queryable, territoires: string) {
  const demandes = lireTerritoires(territoires);
  if (!demandes.length) throw invalide('Choisissez au moins un territoire.', [{ champ: 'territoires', message: 'Périmètre vide' }]);
  const { communes, inconnus } = await queries.communesDesTerritoires(db, demandes);
  if (inconnus.length)
    throw invalide(`Territoire inconnu du référentiel : ${inconnus.join(', ')}.`, [
      { champ: 'territoires', message: 'Territoire inconnu' },
    ]);
  return communes;
}

export async function listerRessources(ctx: Contexte, utilisateur: Sujet, filtre: FiltreRessources) {
  exiger(utilisateur, 'lire', refRessource(null, { regions: [], contrats: [] }));
  const communes = await communesDuFiltre(ctx.db, filtre);
  const { total, elements } = await queries.listerRessources(ctx.db, criteres(filtre, communes), {
    limite: filtre.parPage,
    decalage: (filtre.page - 1) * filtre.parPage,
  });
  return { total, elements: elements.map((r) => vueRessource(utilisateur, r)) };
}

/** The communes the `commune` and `territoires` filters name together (a resource must reach one of them), or null. */
export async function communesDuFiltre(db: Queryable, filtre: Pick<FiltreRessources, 'commune' | 'territoires'>) {
  let communes: string[] | null = null;
  if (filtre.territoires) communes = (await communesDuPerimetre(db, filtre.territoires)).map((c) => c.code);
  if (filtre.commune) {
    const code = lireTerritoires(`commune:${filtre.commune}`)[0].code;
    communes = communes ? communes.filter((c) => c === code) : [code];
  }
  return communes;
}

export function criteres(filtre: Omit<FiltreRessources, 'page' | 'parPage'>, communes: string[] | null): queries.CriteresRessources {
  return {
    q: filtre.q?.trim() || null,
    public: filtre.public ?? null,
    mission: filtre.mission ?? null,
    niveau: filtre.niveau ?? null,
    sollicitablePar: filtre.sollicitable_par ?? null,
    communes,
    statut: filtre.statut ?? null,
    organisationId: filtre.organisationId ?? null,
    publieSeulement: false,
  };
}

export async function obtenirRessource(ctx: Contexte, utilisateur: Sujet, id: string) {
  exiger(utilisateur, 'lire', refRessource(null, { regions: [], contrats: [] }));
  const r = await queries.obtenirRessource(ctx.db, id);
  if (!r) throw introuvable('Cette ressource n’existe pas.');
  return vueRessource(utilisateur, r);
}

/** The resource's zone resolved, its links checked, and the right of the user over where it is and whom it belongs to. */
/**
 * What an import reads again and again for its rows (communes, zones, types, organisations, reach): read once per
 * import. Nothing of it changes while the import runs; a form's single save gets a fresh one.
 */
export type Memo = Map<string, Promise<unknown>>;
export const nouveauMemo = (): Memo => new Map();
function memoiser<T>(memo: Memo, cle: string, lire: () => Promise<T>): Promise<T> {
  let p = memo.get(cle) as Promise<T> | undefined;
  if (!p) {
    p = lire();
    memo.set(cle, p);
    // A refusal is not kept: the next row asks again (and gets its own error).
    p.catch(() => memo.delete(cle));
  }
  return p;
}

async function preparer(tx: Queryable, utilisateur: Utilisateur, saisie: RessourceSaisie, memo: Memo) {
  const demandee = [...saisie.zone.epci.map((c) => `epci:${c}`), ...saisie.zone.communes.map((c) => `commune:${c}`)].join(',');
  const zone = demandee
    ? await memoiser(memo, `zone:${demandee}`, () => communesDuPerimetre(tx, demandee)).catch((e: ErreurMetier) => {
        throw invalide(`Zone d’intervention : ${e.message.charAt(0).toLowerCase()}${e.message.slice(1)}`, [
          { champ: 'zone', message: 'Territoire inconnu' },
        ]);
      })
    : [];
  const commune = saisie.communeCode;
  if (
    commune &&
    (await memoiser(memo, `commune:${commune}`, () => communesDuPerimetre(tx, `commune:${commune}`)).catch(() => [])).length === 0
  )
    throw invalide(`Commune « ${saisie.communeCode} » inconnue du référentiel.`, [{ champ: 'communeCode', message: 'Commune inconnue' }]);
  const atteintes = communesAtteintes(
    zone.map((c) => c.code),
    saisie.communeCode,
  );
  if (!(await memoiser(memo, `type:${saisie.typeCode}`, () => repository.typeExiste(tx, saisie.typeCode))))
    throw invalide(`Type de ressource « ${saisie.typeCode} » inconnu : un administrateur peut l’ajouter à la liste.`, [
      { champ: 'typeCode', message: 'Type inconnu' },
    ]);
  const [organisation] = await memoiser(memo, `organisation:${saisie.organisationId}`, () =>
    trouverOrganisations(tx, { ids: [saisie.organisationId] }),
  );
  if (!organisation)
    throw invalide('Organisation inconnue de l’annuaire.', [{ champ: 'organisationId', message: 'Organisation inconnue' }]);
  const communes = [...new Set([...atteintes, ...(commune ? [commune] : [])])].sort();
  const portee = await memoiser(memo, `portee:${saisie.organisationId}:${communes.join(',')}`, () =>
    queries.porteeDesCommunes(tx, communes, saisie.organisationId),
  );
  if (!can(utilisateur, 'modifier', refRessource(saisie.organisationId, portee)))
    throw interdit(
      'Seuls les référents de l’organisation, l’ARS de la région et la coordination d’un contrat du territoire enregistrent ses ressources.',
    );
  return { atteintes, organisationNom: organisation.nom, saisie: { ...saisie, missions: normaliserMissions(saisie.missions) } };
}

/** Same content whatever the keys' order (jsonb sorts them its own way). */
const canonique = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonique)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.entries(v)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonique(x)]),
        )
      : (v ?? null);
const identique = (a: RessourceSaisie, b: RessourceSaisie) => JSON.stringify(canonique(a)) === JSON.stringify(canonique(b));

/**
 * Creates or updates one resource in the caller's transaction (the form and the imports): checks, writes, audits.
 * `avant` with `version`: an edit, 409 if someone saved in between; an unchanged resource writes nothing.
 */
export async function enregistrerRessource(
  tx: Queryable,
  utilisateur: Utilisateur,
  saisieBrute: RessourceSaisie,
  avant: RessourceLue | null,
  version: number | null,
  contexte: Record<string, unknown> = {},
  acteur: Acteur = acteurDe(utilisateur),
  memo: Memo = nouveauMemo(),
) {
  if (avant && !can(utilisateur, 'modifier', refRessource(avant.organisationId, avant)))
    throw interdit(
      'Seuls les référents de l’organisation, l’ARS de la région et la coordination d’un contrat du territoire modifient cette ressource.',
    );
  const { atteintes, organisationNom, saisie } = await preparer(tx, utilisateur, saisieBrute, memo);
  if (!avant) {
    const cree = await repository.creerRessource(tx, saisie);
    await repository.remplacerCommunes(tx, cree.id, atteintes);
    await auditer(tx, {
      acteur,
      entiteType: 'ressource',
      entiteId: cree.id,
      action: 'creation',
      apres: saisie as never,
      contexte: { ...contexte, organisationNom },
    });
    return { ...cree, statut: 'cree' as const };
  }
  const ancienne = saisieDeRessource(avant);
  if (identique(ancienne, saisie) && version === avant.version)
    return { id: avant.id, version: avant.version, statut: 'inchange' as const };
  const nouvelle = await repository.modifierRessource(tx, avant.id, version ?? avant.version, saisie);
  if (nouvelle === null) {
    const courante = await queries.obtenirRessource(tx, avant.id);
    throw conflit(
      'Cette ressource a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.',
      courante && vueRessource(utilisateur, courante),
    );
  }
  await repository.remplacerCommunes(tx, avant.id, atteintes);
  await auditer(tx, {
    acteur,
    entiteType: 'ressource',
    entiteId: avant.id,
    action: 'modification',
    avant: ancienne as never,
    apres: saisie as never,
    contexte: { ...contexte, organisationNom },
  });
  return { id: avant.id, version: nouvelle, statut: 'mis_a_jour' as const };
}

export async function creerRessource(ctx: Contexte, utilisateur: Utilisateur, saisie: RessourceSaisie) {
  return enTransaction(ctx.db, async (tx) => {
    const { id, version } = await enregistrerRessource(tx, utilisateur, saisie, null, null);
    return { id, version };
  });
}

export async function modifierRessource(ctx: Contexte, utilisateur: Utilisateur, id: string, version: number, saisie: RessourceSaisie) {
  return enTransaction(ctx.db, async (tx) => {
    const avant = await queries.obtenirRessource(tx, id);
    if (!avant) throw introuvable('Cette ressource n’existe pas.');
    if (avant.version !== version) {
      if (!can(utilisateur, 'lire', refRessource(null, avant))) throw interdit();
      throw conflit(
        'Cette ressource a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.',
        vueRessource(utilisateur, avant),
      );
    }
    const r = await enregistrerRessource(tx, utilisateur, saisie, avant, version);
    return { id: r.id, version: r.version };
  });
}

// ---------- Kinds of resource: a list an administrator extends

export async function listerTypes(ctx: Contexte, utilisateur: Sujet) {
  exiger(utilisateur, 'lire', refRessource(null, { regions: [], contrats: [] }));
  return queries.typesRessource(ctx.db);
}

export async function ajouterType(ctx: Contexte, utilisateur: Utilisateur, t: { code: string; libelle: string; ordre: number }) {
  exiger(utilisateur, 'administrer', { type: 'plateforme' });
  return enTransaction(ctx.db, async (tx) => {
    if (!(await repository.ajouterType(tx, t).catch(() => false)))
      throw invalide('Ce type existe déjà (même code ou même libellé).', [{ champ: 'code', message: 'Type déjà présent' }]);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'type_ressource', entiteId: t.code, action: 'creation', apres: t });
    return t;
  });
}

// ---------- Public directory: published resources only, no login

export async function ressourcesPubliques(ctx: Contexte, filtre: { commune?: string; public?: FiltreRessources['public']; q?: string }) {
  const communes = await communesDuFiltre(ctx.db, { commune: filtre.commune });
  const { elements } = await queries.listerRessources(
    ctx.db,
    { ...criteres({ q: filtre.q, public: filtre.public }, communes), publieSeulement: true },
    { limite: 500, decalage: 0 },
  );
  // Closed or suspended: no answer to give the public (the query keeps published and active ones only).
  return elements.map((r) => ({
    id: r.id,
    nom: r.nom,
    typeLibelle: r.typeLibelle,
    organisationNom: r.organisationNom,
    publics: r.publics,
    missions: r.missions,
    niveau: r.niveau,
    sollicitablePar: r.sollicitablePar,
    adresse: r.adresse,
    communeCode: r.communeCode,
    communeNom: r.communeNom,
    horaires: r.horaires,
    contacts: r.contacts,
    criteresInclusion: r.criteresInclusion,
    statut: r.statut,
  }));
}
