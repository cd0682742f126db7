import { z } from 'zod';
import { formaterMontant } from '../format';
import { pluriel } from '../texte';

/**
 * Funding already available on a contract's territory, listed by its diagnostic (seed 003, ARS Île-de-France:
 * « recenser et valoriser dans le CLS l’ensemble des financements déjà mis à disposition sur un territoire »).
 * An amount may be unknown: the total then says it is a floor and how many lines lack an amount.
 */

const texte = (max: number) => z.string().trim().max(max, `Au plus ${max} caractères`);
const annee = (libelle: string) =>
  z
    .number({ error: `${libelle} : année attendue, par exemple 2021` })
    .int(`${libelle} : année entière attendue`)
    .min(1990, `${libelle} : entre 1990 et 2100`)
    .max(2100, `${libelle} : entre 1990 et 2100`);

export const financementTerritoireSchema = z
  .object({
    financeurId: z.uuid('Financeur inconnu').nullish(),
    financeurLibelle: texte(200).nullish(),
    dispositif: z
      .string({ error: 'Dispositif : texte attendu' })
      .trim()
      .min(2, 'Dispositif : nommez le dispositif ou le programme (au moins 2 caractères)')
      .max(300, 'Au plus 300 caractères'),
    montantCentimes: z
      .number({ error: 'Montant : nombre attendu' })
      .int('Montant : en centimes entiers')
      .min(0, 'Le montant ne peut être négatif')
      .max(1e13, 'Montant trop élevé')
      .nullish()
      .describe('Sur toute la période ; vide si inconnu'),
    anneeDebut: annee('Début de la période'),
    anneeFin: annee('Fin de la période').nullish(),
    objet: z
      .string({ error: 'Ce qui est financé : texte attendu' })
      .trim()
      .min(3, 'Ce qui est financé : au moins 3 caractères')
      .max(2000, 'Au plus 2000 caractères'),
    source: texte(300).nullish(),
  })
  .refine((f) => f.financeurId || f.financeurLibelle, { message: 'Indiquez le financeur', path: ['financeurLibelle'] })
  .refine((f) => f.anneeFin == null || f.anneeFin >= f.anneeDebut, {
    message: 'La fin de la période précède son début',
    path: ['anneeFin'],
  });
export type FinancementTerritoireSaisie = z.output<typeof financementTerritoireSchema>;

export interface TotalFinancementsTerritoire {
  /** Sum of the known amounts. */
  montantCentimes: number;
  lignes: number;
  /** Lines whose amount is not known: the sum is then only a floor. */
  sansMontant: number;
}

export function sommerFinancementsTerritoire(lignes: readonly { montantCentimes: number | string | null }[]): TotalFinancementsTerritoire {
  let montantCentimes = 0;
  let sansMontant = 0;
  for (const l of lignes) {
    if (l.montantCentimes == null) sansMontant++;
    else montantCentimes += Number(l.montantCentimes);
  }
  return { montantCentimes, lignes: lignes.length, sansMontant };
}

/** « 45 000 € », « au moins 45 000 € (1 financement sans montant connu) », « montant non connu », « aucun financement recensé ». */
export function formaterTotalFinancements(t: TotalFinancementsTerritoire): string {
  if (!t.lignes) return 'aucun financement recensé';
  if (t.sansMontant === t.lignes)
    return `montant non connu (${pluriel(t.lignes, 'financement sans montant', 'financements sans montant')})`;
  if (!t.sansMontant) return formaterMontant(t.montantCentimes);
  return `au moins ${formaterMontant(t.montantCentimes)} (${pluriel(t.sansMontant, 'financement sans montant connu', 'financements sans montant connu')})`;
}

/** « 2019-2023 », « depuis 2021 », « 2022 ». */
export function formaterPeriodeAnnees(debut: number, fin: number | null | undefined): string {
  if (fin == null) return `depuis ${debut}`;
  return fin === debut ? String(debut) : `${debut}-${fin}`;
}
