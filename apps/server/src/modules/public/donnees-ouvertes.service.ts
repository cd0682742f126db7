import { readFileSync } from 'node:fs';
import { LIBELLES_STATUT_FICHE, type StatutFiche } from '@maillage/domain';
import { JEUX_OUVERTS, type FicheOuverte, type JeuOuvert, type RessourceOuverte, type ValeurSuiviOuverte } from '@maillage/domain/api';
import type { Contexte } from '../../platform/contexte';
import { introuvable } from '../../platform/errors';
import { avancementsDesFiches } from '../suivi/avancement.service';
import * as lecture from './donnees-ouvertes.queries';
import { contratsPublies, csvOuvert } from './public.service';

/** A Table Schema as kept in the repository (schemas/<jeu>.json): served as it is, so a review sees every change. */
export interface TableSchema {
  name: string;
  title: string;
  description: string;
  version: string;
  fields: { name: string; type: string; format?: string; constraints?: Record<string, unknown> }[];
  primaryKey: string[];
  missingValues: string[];
  [cle: string]: unknown;
}

const SCHEMAS = Object.fromEntries(
  JEUX_OUVERTS.map((jeu) => [jeu, JSON.parse(readFileSync(new URL(`./schemas/${jeu}.json`, import.meta.url), 'utf8')) as TableSchema]),
) as Record<JeuOuvert, TableSchema>;

export const estJeuOuvert = (jeu: string): jeu is JeuOuvert => (JEUX_OUVERTS as readonly string[]).includes(jeu);

/** The Table Schema of a public dataset; an unknown name is 404, with the names that exist. */
export function schemaDuJeu(jeu: string): TableSchema {
  if (!estJeuOuvert(jeu)) throw introuvable(`Jeu de données inconnu : « ${jeu} ». Jeux publiés : ${JEUX_OUVERTS.join(', ')}.`);
  return SCHEMAS[jeu];
}

/** The fiches of the published contracts: public facts only (pilots are organisations, no funding, no note). */
export async function fichesOuvertes(ctx: Contexte): Promise<FicheOuverte[]> {
  const contrats = await contratsPublies(ctx);
  const ids = contrats.map((c) => c.id);
  const [fiches, avancements] = await Promise.all([lecture.fichesDesContrats(ctx.db, ids), avancementsDesFiches(ctx.db, ids)]);
  const contratDe = new Map(contrats.map((c) => [c.id, c]));
  return fiches.map((f) => ({
    id: f.id,
    contratId: f.contratId,
    contratIntitule: contratDe.get(f.contratId)!.intitule,
    numero: f.numero,
    intitule: f.intitule,
    statut: f.statut as StatutFiche,
    statutLibelle: LIBELLES_STATUT_FICHE[f.statut as StatutFiche] ?? f.statut,
    axe: f.axe,
    objectif: f.objectif,
    debut: f.debut,
    fin: f.fin,
    description: f.description,
    thematiques: f.thematiques,
    publics: f.publics,
    pilotes: f.pilotes,
    avancement: avancements.get(f.id) ?? null,
    url: contratDe.get(f.contratId)!.url,
    modifieLe: f.modifieLe,
  }));
}

/** The validated follow-up values of the published contracts' indicators (never a draft, never a narrative). */
export async function valeursSuiviOuvertes(ctx: Contexte): Promise<ValeurSuiviOuverte[]> {
  const ids = (await contratsPublies(ctx)).map((c) => c.id);
  return lecture.valeursValidees(ctx.db, ids);
}

/** The published, active resources of the directory, their contacts split by kind (as the public directory shows them). */
export async function ressourcesOuvertes(ctx: Contexte): Promise<RessourceOuverte[]> {
  return (await lecture.ressourcesPubliees(ctx.db)).map(({ contacts, ...r }) => {
    const de = (type: string) => contacts.filter((c) => c.type === type).map((c) => c.valeur);
    return { ...r, telephones: de('telephone'), courriels: de('courriel'), sites: de('site') };
  });
}

const ENREGISTREMENTS: Record<JeuOuvert, (ctx: Contexte) => Promise<Record<string, unknown>[]>> = {
  contrats: contratsPublies,
  fiches: fichesOuvertes,
  indicateurs: valeursSuiviOuvertes,
  ressources: ressourcesOuvertes,
};

/** The records of a dataset, as its JSON gives them. */
export const enregistrementsDuJeu = (ctx: Contexte, jeu: JeuOuvert) => ENREGISTREMENTS[jeu](ctx);

/** A dataset as CSV, its columns the schema's fields in their order (`csvOuvert`, as the contracts' CSV). */
export async function csvDuJeu(ctx: Contexte, jeu: JeuOuvert): Promise<string> {
  return csvOuvert(
    SCHEMAS[jeu].fields.map((f) => f.name),
    await enregistrementsDuJeu(ctx, jeu),
  );
}
