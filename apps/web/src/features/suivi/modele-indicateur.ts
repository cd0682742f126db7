import { zodResolver } from '@hookform/resolvers/zod';
import { indicateurSuiviSchema, LIBELLES_TYPE_INDICATEUR, TYPES_INDICATEUR_SUIVI, type IndicateurSuiviSaisie } from '@maillage/domain';
import type { FieldErrors, Resolver } from 'react-hook-form';
import type { IndicateurSuiviLigne } from '../../api/suivi';
import { differences } from '../../components/conflit-version';
import { ecrireMesure, formaterDateDuJour, lireNombre, versChamp } from './libelles-suivi';

/*
 * The follow-up indicator form's model: its values as typed, their conversion to and from the API's indicator, the
 * resolver that maps the API's errors on the reference back to the form's fields, and the 409 comparison.
 */

type TypeIndicateur = (typeof TYPES_INDICATEUR_SUIVI)[number];

export interface FormulaireIndicateur {
  libelle: string;
  type: TypeIndicateur;
  unite: string;
  methode: string;
  source: string;
  /** The target as the fiche states it ("6 par an"). */
  cible: string;
  pourcentage: boolean;
  poids: string;
  refValeur: string;
  refNumerateur: string;
  refDenominateur: string;
  refDate: string;
  cibles: { periode: string; valeur: string; numerateur: string; denominateur: string }[];
  indicateurDiagnostic: string;
}

const texte = (s: string) => (s.trim() === '' ? null : s.trim());

export function versFormulaireIndicateur(i?: IndicateurSuiviLigne | null): FormulaireIndicateur {
  return {
    libelle: i?.libelle ?? '',
    type: i?.type ?? 'activite',
    unite: i?.unite ?? '',
    methode: i?.methode ?? '',
    source: i?.source ?? '',
    cible: i?.cible ?? '',
    pourcentage: i?.pourcentage ?? false,
    poids: versChamp(i?.poids ?? 1),
    refValeur: versChamp(i?.referenceValeur),
    refNumerateur: versChamp(i?.referenceNumerateur),
    refDenominateur: versChamp(i?.referenceDenominateur),
    refDate: i?.referenceDate ?? '',
    cibles: (i?.cibles ?? []).map((c) => ({
      periode: c.periode,
      valeur: versChamp(c.valeur),
      numerateur: versChamp(c.numerateur),
      denominateur: versChamp(c.denominateur),
    })),
    indicateurDiagnostic: i?.indicateurDiagnostic ?? '',
  };
}

/** The form's values as the API's indicator (a percentage keeps only its numerator and denominator). */
export function versSaisieIndicateur(v: FormulaireIndicateur): IndicateurSuiviSaisie {
  const pct = v.pourcentage;
  const ref = pct
    ? { numerateur: lireNombre(v.refNumerateur), denominateur: lireNombre(v.refDenominateur) }
    : { valeur: lireNombre(v.refValeur) };
  const refVide = Object.values(ref).every((x) => x === null) && !v.refDate;
  return {
    libelle: v.libelle.trim(),
    type: v.type,
    unite: pct ? null : texte(v.unite),
    methode: texte(v.methode),
    source: texte(v.source),
    cible: texte(v.cible),
    pourcentage: pct,
    poids: lireNombre(v.poids) ?? 1,
    reference: refVide ? null : { ...ref, date: texte(v.refDate) },
    cibles: v.cibles.map((c) =>
      pct
        ? { periode: c.periode.trim(), numerateur: lireNombre(c.numerateur), denominateur: lireNombre(c.denominateur) }
        : { periode: c.periode.trim(), valeur: lireNombre(c.valeur) },
    ),
    indicateurDiagnostic: texte(v.indicateurDiagnostic),
  } as IndicateurSuiviSaisie;
}

/** API path → form field ("reference.numerateur" → "refNumerateur"). */
const CHAMPS_REFERENCE: Record<string, keyof FormulaireIndicateur> = {
  valeur: 'refValeur',
  numerateur: 'refNumerateur',
  denominateur: 'refDenominateur',
  date: 'refDate',
};
export const cheminIndicateur = (champ: string) =>
  champ.startsWith('reference.') ? (CHAMPS_REFERENCE[champ.split('.')[1]] ?? 'refValeur') : champ;

const resolveur = zodResolver(indicateurSuiviSchema);
export const resolverIndicateur: Resolver<FormulaireIndicateur, unknown, IndicateurSuiviSaisie> = async (valeurs, contexte, options) => {
  const r = await resolveur(versSaisieIndicateur(valeurs), contexte, options as never);
  if (Object.keys(r.errors).length === 0) return { values: r.values as IndicateurSuiviSaisie, errors: {} };
  const erreurs = { ...r.errors } as Record<string, unknown>;
  const reference = erreurs.reference as Record<string, unknown> | undefined;
  if (reference) {
    for (const [k, e] of Object.entries(reference)) if (CHAMPS_REFERENCE[k]) erreurs[CHAMPS_REFERENCE[k]] = e;
    delete erreurs.reference;
  }
  return { values: {}, errors: erreurs as FieldErrors<FormulaireIndicateur> };
};

function ecrireReferenceFormulaire(v: FormulaireIndicateur) {
  const s = versSaisieIndicateur(v);
  if (!s.reference) return '';
  const m = ecrireMesure(s.reference, { pourcentage: s.pourcentage, unite: s.unite ?? null });
  return s.reference.date ? `${m}, au ${formaterDateDuJour(s.reference.date)}` : m;
}

/** Field by field, for the 409 comparison. */
export function differencesIndicateur(saisie: FormulaireIndicateur, actuel: FormulaireIndicateur, libellesDiagnostic: Map<string, string>) {
  const cibles = (v: FormulaireIndicateur) => {
    const s = versSaisieIndicateur(v);
    return s.cibles.map((c) => `${c.periode} : ${ecrireMesure(c, { pourcentage: s.pourcentage, unite: s.unite ?? null })}`).join(' ; ');
  };
  return differences<FormulaireIndicateur>(
    [
      { libelle: 'Libellé', valeur: (v) => v.libelle.trim() },
      { libelle: 'Type', valeur: (v) => LIBELLES_TYPE_INDICATEUR[v.type] },
      { libelle: 'Unité', valeur: (v) => v.unite.trim() },
      { libelle: 'Méthode de recueil', valeur: (v) => v.methode.trim() },
      { libelle: 'Source', valeur: (v) => v.source.trim() },
      { libelle: 'Cible énoncée', valeur: (v) => v.cible.trim() },
      { libelle: 'Pourcentage', valeur: (v) => (v.pourcentage ? 'oui' : 'non') },
      { libelle: 'Poids', valeur: (v) => v.poids.trim() },
      { libelle: 'Référence', valeur: ecrireReferenceFormulaire },
      { libelle: 'Cibles', valeur: cibles },
      {
        libelle: 'Indicateur du diagnostic',
        valeur: (v) => (v.indicateurDiagnostic ? (libellesDiagnostic.get(v.indicateurDiagnostic) ?? v.indicateurDiagnostic) : ''),
      },
    ],
    saisie,
    actuel,
  );
}
