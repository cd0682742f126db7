/**
 * The fiche-action form: its values (what the fields hold: euros as typed, oui/non as radio values, objectifs
 * opérationnels one per line), the conversions to and from the API's ficheSaisieSchema (integer cents), and the
 * resolver that validates with that shared schema and puts each error back on its field.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { canonique, DIMENSIONS_RIFKIN, ficheSaisieSchema, type FicheSaisie } from '@maillage/domain';
import type { FieldErrors, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { ErreurApi } from '../../api/client';
import type { FicheComplete } from '@maillage/domain/api';
import { versCentimes, versEuros } from '../../components/montants';

type Saisie = z.input<typeof ficheSaisieSchema>;
export type OuiNon = 'oui' | 'non' | '';

export interface FinancementFormulaire {
  financeurId: string | null;
  financeurLibelle: string | null;
  dispositif: string;
  annee: string;
  /** Euros as typed ("20 000", "1500,50"); sent as integer cents. */
  montantEuros: string;
  nature: string;
  statut: string;
  valorisationNature: string | null;
}

export interface FormulaireFiche {
  intitule: string;
  axeId: string | null;
  objectifId: string | null;
  pilotes: { organisationId: string | null; service: string | null }[];
  personnesReferentes: string | null;
  duree: string;
  debut: string | null;
  fin: string | null;
  argumentation: string | null;
  istsIdentifiees: OuiNon;
  ists: string[];
  istsPrecision: string | null;
  territoireTout: boolean;
  territoiresConcernes: string | null;
  publics: string[];
  publicPrecision: string | null;
  publicCibleIsts: OuiNon;
  dejaEnCours: OuiNon;
  phase: string;
  description: string | null;
  /** One per line. */
  objectifsOperationnels: string;
  objectifsCiblentIsts: OuiNon;
  /** A TeT sub-action is an étape too (decision 0012): its pilote, status and description travel with it. */
  etapes: {
    libelle: string;
    debut: string | null;
    fin: string | null;
    pilote: string | null;
    statut: string;
    description: string | null;
  }[];
  determinants: string[];
  interventions: string[];
  partenaires: { secteur: string; acteur: string; organisationId: string | null; participation: string[] }[];
  participationCitoyenne: OuiNon;
  /** Dimension → "1".."5", or "" when not rated. */
  rifkin: Record<string, string>;
  facteursFacilitants: string | null;
  difficultes: string | null;
  /** The fiche's follow-up indicators: what the form does not show (baseline, targets by period…) is kept by the server. */
  indicateurs: {
    id: string | null;
    version: number | null;
    libelle: string;
    type: string;
    unite: string | null;
    methode: string | null;
    cible: string | null;
  }[];
  methodeEvaluation: string | null;
  financements: FinancementFormulaire[];
  statut: string;
  priorite: string;
  thematiques: string[];
  notes: string | null;
}

const ouiNon = (v: boolean | null | undefined): OuiNon => (v === true ? 'oui' : v === false ? 'non' : '');
const booleen = (v: OuiNon): boolean | null => (v === 'oui' ? true : v === 'non' ? false : null);
const texte = (v: string | null | undefined) => (v && v.trim() !== '' ? v : null);

export const FINANCEMENT_VIDE: FinancementFormulaire = {
  financeurId: null,
  financeurLibelle: null,
  dispositif: 'FIR',
  annee: String(new Date().getFullYear()),
  montantEuros: '',
  nature: 'fonctionnement',
  statut: 'prevu',
  valorisationNature: null,
};

export function versFormulaire(f?: Partial<FicheComplete>): FormulaireFiche {
  return {
    intitule: f?.intitule ?? '',
    axeId: f?.axeId ?? f?.axe?.id ?? null,
    objectifId: f?.objectifId ?? f?.objectif?.id ?? null,
    pilotes: (f?.pilotes ?? []).map((p) => ({ organisationId: p.organisationId, service: p.service ?? null })),
    personnesReferentes: f?.personnesReferentes ?? null,
    duree: f?.duree ?? '',
    debut: f?.debut ?? null,
    fin: f?.fin ?? null,
    argumentation: f?.argumentation ?? null,
    istsIdentifiees: ouiNon(f?.istsIdentifiees),
    ists: [...(f?.ists ?? [])],
    istsPrecision: f?.istsPrecision ?? null,
    territoireTout: f?.territoireTout ?? true,
    territoiresConcernes: f?.territoiresConcernes ?? null,
    publics: [...(f?.publics ?? [])],
    publicPrecision: f?.publicPrecision ?? null,
    publicCibleIsts: ouiNon(f?.publicCibleIsts),
    dejaEnCours: ouiNon(f?.dejaEnCours),
    phase: f?.phase ?? '',
    description: f?.description ?? null,
    objectifsOperationnels: (f?.objectifsOperationnels ?? []).join('\n'),
    objectifsCiblentIsts: ouiNon(f?.objectifsCiblentIsts),
    etapes: (f?.etapes ?? []).map((e) => ({
      libelle: e.libelle,
      debut: e.debut ?? null,
      fin: e.fin ?? null,
      pilote: e.pilote ?? null,
      statut: e.statut ?? '',
      description: e.description ?? null,
    })),
    determinants: [...(f?.determinants ?? [])],
    interventions: [...(f?.interventions ?? [])],
    partenaires: (f?.partenaires ?? []).map((p) => ({
      secteur: p.secteur,
      acteur: p.acteur,
      organisationId: p.organisationId ?? null,
      participation: [...(p.participation ?? [])],
    })),
    participationCitoyenne: ouiNon(f?.participationCitoyenne),
    rifkin: Object.fromEntries(
      DIMENSIONS_RIFKIN.map((d) => [
        d.code,
        f?.rifkin?.[d.code as keyof typeof f.rifkin] ? String(f.rifkin[d.code as keyof typeof f.rifkin]) : '',
      ]),
    ),
    facteursFacilitants: f?.facteursFacilitants ?? null,
    difficultes: f?.difficultes ?? null,
    indicateurs: (f?.indicateurs ?? []).map((i) => ({
      id: i.id ?? null,
      version: i.version ?? null,
      libelle: i.libelle,
      type: i.type,
      unite: i.unite ?? null,
      methode: i.methode ?? null,
      cible: i.cible ?? null,
    })),
    methodeEvaluation: f?.methodeEvaluation ?? null,
    financements: (f?.financements ?? []).map((l) => ({
      financeurId: l.financeurId,
      financeurLibelle: l.financeurLibelle,
      dispositif: l.dispositif,
      annee: String(l.annee),
      montantEuros: versEuros(l.montantCentimes),
      nature: l.nature,
      statut: l.statut,
      valorisationNature: l.valorisationNature,
    })),
    statut: f?.statut ?? 'a_venir',
    priorite: f?.priorite ?? '',
    thematiques: [...(f?.thematiques ?? [])],
    notes: f?.notes ?? null,
  };
}

/** The form's values as the API's fiche (not yet validated). */
export function versSaisie(v: FormulaireFiche): Saisie {
  return {
    ...v,
    personnesReferentes: texte(v.personnesReferentes),
    duree: (v.duree || null) as Saisie['duree'],
    debut: texte(v.debut),
    fin: texte(v.fin),
    argumentation: texte(v.argumentation),
    istsIdentifiees: booleen(v.istsIdentifiees),
    istsPrecision: texte(v.istsPrecision),
    territoiresConcernes: v.territoireTout ? null : texte(v.territoiresConcernes),
    publicPrecision: texte(v.publicPrecision),
    publicCibleIsts: booleen(v.publicCibleIsts),
    dejaEnCours: booleen(v.dejaEnCours),
    phase: (v.phase || null) as Saisie['phase'],
    description: texte(v.description),
    objectifsOperationnels: v.objectifsOperationnels
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    objectifsCiblentIsts: booleen(v.objectifsCiblentIsts),
    etapes: v.etapes.map((e) => ({
      libelle: e.libelle,
      debut: texte(e.debut),
      fin: texte(e.fin),
      pilote: texte(e.pilote),
      statut: (e.statut || null) as NonNullable<Saisie['etapes']>[number]['statut'],
      description: texte(e.description),
    })),
    pilotes: v.pilotes.map((p) => ({ organisationId: p.organisationId || null, service: texte(p.service) })),
    partenaires: v.partenaires.map((p) => ({ ...p, organisationId: p.organisationId || null })) as Saisie['partenaires'],
    participationCitoyenne: booleen(v.participationCitoyenne),
    rifkin: Object.fromEntries(
      Object.entries(v.rifkin)
        .filter(([, n]) => n !== '')
        .map(([k, n]) => [k, Number(n)]),
    ),
    facteursFacilitants: texte(v.facteursFacilitants),
    difficultes: texte(v.difficultes),
    indicateurs: v.indicateurs.map((i) => ({
      ...i,
      unite: texte(i.unite),
      methode: texte(i.methode),
      cible: texte(i.cible),
    })) as Saisie['indicateurs'],
    methodeEvaluation: texte(v.methodeEvaluation),
    financements: v.financements.map((l) => ({
      financeurId: l.financeurId || null,
      financeurLibelle: l.financeurId ? null : texte(l.financeurLibelle),
      dispositif: l.dispositif,
      annee: l.annee.trim() === '' ? Number.NaN : Number(l.annee),
      montantCentimes: versCentimes(l.montantEuros),
      nature: l.nature,
      statut: l.statut,
      valorisationNature: texte(l.valorisationNature),
    })) as Saisie['financements'],
    priorite: (v.priorite || null) as Saisie['priorite'],
    notes: texte(v.notes),
  } as Saisie;
}

/** The API's error path → the form's field ("financements.0.montantCentimes" → "financements.0.montantEuros"). */
export function cheminFormulaire(champ: string): string {
  if (champ.startsWith('objectifsOperationnels')) return 'objectifsOperationnels';
  return champ.replace(/^financements\.(\d+)\.montantCentimes$/, 'financements.$1.montantEuros');
}

function remapper(erreurs: FieldErrors<FieldValues>): FieldErrors<FormulaireFiche> {
  const resultat = { ...erreurs } as Record<string, unknown>;
  const op = resultat.objectifsOperationnels as Record<string, { message?: string }> | undefined;
  if (op && !('message' in op && op.message)) {
    const premiere = Object.values(op).find((x) => x?.message);
    resultat.objectifsOperationnels = { type: 'validation', message: premiere?.message ?? 'Objectif opérationnel invalide' };
  }
  const lignes = resultat.financements as Record<string, Record<string, unknown>> | undefined;
  if (lignes && typeof lignes === 'object') {
    for (const ligne of Object.values(lignes)) {
      if (ligne && typeof ligne === 'object' && 'montantCentimes' in ligne) {
        ligne.montantEuros = { ...(ligne.montantCentimes as object), message: 'Montant en euros attendu, par exemple 20 000 ou 1 500,50' };
        delete ligne.montantCentimes;
      }
    }
  }
  return resultat as FieldErrors<FormulaireFiche>;
}

const resolveurSchema = zodResolver(ficheSaisieSchema);

/** Validates with the shared ficheSaisieSchema (through zodResolver), on the values converted for the API. */
export const resolverFiche: Resolver<FormulaireFiche, unknown, FicheSaisie> = async (valeurs, contexte, options) => {
  const resultat = await resolveurSchema(versSaisie(valeurs), contexte, options as never);
  if (Object.keys(resultat.errors).length === 0) return { values: resultat.values as FicheSaisie, errors: {} };
  return { values: {}, errors: remapper(resultat.errors) };
};

/** The server's field errors onto the form (paths translated); true when at least one was placed. */
export function appliquerErreursFiche(erreur: unknown, setError: UseFormSetError<FormulaireFiche>): boolean {
  if (!(erreur instanceof ErreurApi) || !erreur.probleme.erreurs) return false;
  let place = false;
  for (const { champ, message } of erreur.probleme.erreurs) {
    setError(cheminFormulaire(champ) as Path<FormulaireFiche>, { type: 'serveur', message }, { shouldFocus: !place });
    place = true;
  }
  return place;
}

/** Same fiche? Compared as the API would receive it. */
export const memeValeur = (a: unknown, b: unknown) => canonique(a ?? null) === canonique(b ?? null);
