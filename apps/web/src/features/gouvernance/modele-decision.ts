import { DISPOSITIFS, STATUTS_FICHE, STATUTS_FINANCEMENT } from '@maillage/domain';
import { z } from 'zod';
import type { SaisieDecision } from '../../api/gouvernance';
import { versCentimes } from '../../components/montants';

/* The decision form's values, their checks, and their conversion to the API's decision. */

export const schemaDecision = z
  .object({
    action: z.enum(['aucune', 'valider_fiche', 'statut_fiche', 'financement_fiche']),
    texte: z.string().trim().min(3, 'Rédigez la décision').max(5000),
    ficheId: z.string(),
    statut: z.enum(STATUTS_FICHE),
    rang: z.string(),
    financeurId: z.string().nullable(),
    financeurLibelle: z.string().trim().max(200),
    dispositif: z.enum(DISPOSITIFS),
    annee: z.string().trim(),
    montantEuros: z.string(),
    nature: z.enum(['fonctionnement', 'investissement']),
    statutFinancement: z.enum(STATUTS_FINANCEMENT),
    valorisationNature: z.string().trim().max(300),
    confirmerSeanceFuture: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== 'aucune' && !v.ficheId)
      ctx.addIssue({ code: 'custom', path: ['ficheId'], message: 'Choisissez la fiche-action concernée' });
    if (v.action !== 'financement_fiche') return;
    if (!/^\d{4}$/.test(v.annee) || Number(v.annee) < 2000 || Number(v.annee) > 2100)
      ctx.addIssue({ code: 'custom', path: ['annee'], message: 'Année attendue, par exemple 2025' });
    if (!Number.isFinite(versCentimes(v.montantEuros)))
      ctx.addIssue({ code: 'custom', path: ['montantEuros'], message: 'Montant en euros attendu, par exemple 20 000' });
    if (!v.financeurId && !v.financeurLibelle)
      ctx.addIssue({ code: 'custom', path: ['financeurLibelle'], message: 'Indiquez le financeur' });
  });
export type ValeursDecision = z.infer<typeof schemaDecision>;

export const DECISION_VIDE: ValeursDecision = {
  action: 'statut_fiche',
  texte: '',
  ficheId: '',
  statut: 'en_cours',
  rang: '',
  financeurId: null,
  financeurLibelle: '',
  dispositif: 'FIR',
  annee: String(new Date().getFullYear()),
  montantEuros: '',
  nature: 'fonctionnement',
  statutFinancement: 'accorde',
  valorisationNature: '',
  confirmerSeanceFuture: false,
};

export function versSaisieDecision(v: ValeursDecision): SaisieDecision {
  const confirmation = v.confirmerSeanceFuture ? { confirmerSeanceFuture: true } : {};
  return { ...versDecision(v), ...confirmation };
}

function versDecision(v: ValeursDecision): SaisieDecision {
  const texte = v.texte.trim();
  if (v.action === 'aucune') return { action: 'aucune', texte };
  if (v.action === 'valider_fiche') return { action: 'valider_fiche', texte, ficheId: v.ficheId };
  if (v.action === 'statut_fiche') return { action: 'statut_fiche', texte, ficheId: v.ficheId, statut: v.statut };
  return {
    action: 'financement_fiche',
    texte,
    ficheId: v.ficheId,
    rang: v.rang === '' ? null : Number(v.rang),
    ligne: {
      financeurId: v.financeurId,
      financeurLibelle: v.financeurId ? null : v.financeurLibelle || null,
      dispositif: v.dispositif,
      annee: Number(v.annee),
      montantCentimes: versCentimes(v.montantEuros),
      nature: v.nature,
      statut: v.statutFinancement,
      valorisationNature: v.valorisationNature || null,
    },
  };
}

/** "ligne.montantCentimes" (API) → "montantEuros" (this form). */
export const champDuServeur = (champ: string) =>
  champ
    .replace(/^ligne\.montantCentimes$/, 'montantEuros')
    .replace(/^ligne\.statut$/, 'statutFinancement')
    .replace(/^ligne\./, '');

export const euros = (centimes: number) => (centimes / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 }).replace(/\u202f/g, ' ');
