import { z } from 'zod';
import { TYPES_ORGANISATION, type TypeOrganisation } from '../organisations';

/** A region's rules for its CLS (domain.md §1, §3): every field optional, since no two regions write the same. */
export const doctrineSchema = z.object({
  populationMin: z.number({ error: 'Nombre attendu' }).int().min(0, 'La population minimale ne peut être négative').nullable(),
  exceptionIles: z.boolean(),
  axesMax: z.number({ error: 'Nombre attendu' }).int().min(1, 'Au moins 1 axe').max(20, 'Au plus 20 axes').nullable(),
  themesRequis: z.array(z.string().trim().min(1).max(200)).max(20),
  elaborationMoisMax: z.number({ error: 'Nombre attendu' }).int().min(1, 'Au moins 1 mois').max(60, 'Au plus 60 mois').nullable(),
  copilParAn: z.number({ error: 'Nombre attendu' }).int().min(0).max(12, 'Au plus 12 COPIL par an').nullable(),
  typesSignatairesRequis: z
    .array(z.enum(Object.keys(TYPES_ORGANISATION) as [TypeOrganisation, ...TypeOrganisation[]], { error: 'Type d’organisation inconnu' }))
    .max(20),
  axesPrs: z.array(z.string().trim().min(1).max(300)).max(30),
  partsCoordinationEgales: z.boolean(),
  /** Share of the region's population a signed CLS should cover (the ARS's contractual KPI, e.g. 90 % in Bretagne). */
  cibleCouverturePourcent: z
    .number({ error: 'Pourcentage attendu' })
    .min(0, 'La cible est un pourcentage, de 0 à 100')
    .max(100, 'La cible est un pourcentage, de 0 à 100')
    .nullish(),
  /** The year the target is for (Bretagne: 2023, end of its CPOM 2019-2023). */
  cibleCouvertureEcheance: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'Année attendue (ex. 2023)')
    .nullish(),
  /** Where the target is set (a CPOM, a PRS): shown with it. */
  cibleCouvertureSource: z.string().trim().max(300, 'Au plus 300 caractères').nullish(),
  /** The published coverage the target started from (Bretagne: 15 % on 1 January 2019), with its date and source. */
  couvertureReferencePourcent: z
    .number({ error: 'Pourcentage attendu' })
    .min(0, 'La couverture est un pourcentage, de 0 à 100')
    .max(100, 'La couverture est un pourcentage, de 0 à 100')
    .nullish(),
  couvertureReferenceDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Date attendue au format AAAA-MM-JJ')
    .nullish(),
  couvertureReferenceSource: z.string().trim().max(300, 'Au plus 300 caractères').nullish(),
  /**
   * Follow-up values are validated by someone other than the person who submitted them (decision 0014). On when
   * absent; a region with small teams may switch it off.
   */
  validationQuatreYeux: z.boolean({ error: 'validationQuatreYeux : true ou false attendu' }).optional(),
});
export type Doctrine = z.infer<typeof doctrineSchema>;

/** Four eyes hold on a contract unless every one of its regions has switched them off. */
export function quatreYeuxExiges(doctrines: readonly (Pick<Doctrine, 'validationQuatreYeux'> | null | undefined)[]): boolean {
  return doctrines.length === 0 || doctrines.some((d) => d?.validationQuatreYeux !== false);
}

export const DOCTRINE_VIDE: Doctrine = {
  populationMin: null,
  exceptionIles: false,
  axesMax: null,
  themesRequis: [],
  elaborationMoisMax: null,
  copilParAn: null,
  typesSignatairesRequis: [],
  axesPrs: [],
  partsCoordinationEgales: false,
};

export interface ContratPourDoctrine {
  population: number;
  insulaire: boolean;
  nombreAxes: number;
  /** Themes the contract covers: its axes' titles and its fiches' thématiques. */
  themesCouverts: readonly string[];
  typesSignataires: readonly string[];
  debutElaboration: string | null;
  /** Signature date, or today for a contract still in élaboration. */
  finElaboration: string | null;
}

export interface EcartDoctrine {
  regle: 'population' | 'axes' | 'themes' | 'elaboration' | 'signataires';
  message: string;
}

const normaliserTheme = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function moisEntre(debut: string, fin: string): number {
  const a = new Date(debut);
  const b = new Date(fin);
  return (b.getFullYear() - a.getFullYear()) * 12 + (b.getMonth() - a.getMonth()) + (b.getDate() < a.getDate() ? -1 : 0);
}

const fr = (n: number) => n.toLocaleString('fr-FR');

/** Where a contract departs from its region's doctrine. Warnings only: a doctrine never blocks. */
export function ecartsDoctrine(contrat: ContratPourDoctrine, doctrine: Doctrine, nomRegion = 'la région'): EcartDoctrine[] {
  const ecarts: EcartDoctrine[] = [];
  if (doctrine.populationMin !== null && contrat.population < doctrine.populationMin && !(doctrine.exceptionIles && contrat.insulaire)) {
    ecarts.push({
      regle: 'population',
      message: `Le territoire compte ${fr(contrat.population)} habitants ; la doctrine de ${nomRegion} demande au moins ${fr(doctrine.populationMin)} habitants${doctrine.exceptionIles ? ' (sauf les îles)' : ''}.`,
    });
  }
  if (doctrine.axesMax !== null && contrat.nombreAxes > doctrine.axesMax) {
    ecarts.push({
      regle: 'axes',
      message: `Le contrat compte ${contrat.nombreAxes} axes ; la doctrine de ${nomRegion} en prévoit au plus ${doctrine.axesMax}.`,
    });
  }
  const couverts = contrat.themesCouverts.map(normaliserTheme);
  const manquants = doctrine.themesRequis.filter((theme) => {
    const t = normaliserTheme(theme);
    // A short word ("santé") would match any theme: only substantial labels count as covering one.
    return !couverts.some((c) => c.includes(t) || (c.length >= 8 && t.includes(c)));
  });
  if (manquants.length) {
    ecarts.push({ regle: 'themes', message: `Thématiques obligatoires de la doctrine non couvertes : ${manquants.join(' ; ')}.` });
  }
  if (doctrine.elaborationMoisMax !== null && contrat.debutElaboration && contrat.finElaboration) {
    const mois = moisEntre(contrat.debutElaboration, contrat.finElaboration);
    if (mois > doctrine.elaborationMoisMax)
      ecarts.push({
        regle: 'elaboration',
        message: `L’élaboration compte ${mois} mois ; la doctrine de ${nomRegion} prévoit au plus ${doctrine.elaborationMoisMax} mois.`,
      });
  }
  const absents = doctrine.typesSignatairesRequis.filter((t) => !contrat.typesSignataires.includes(t));
  if (absents.length) {
    ecarts.push({
      regle: 'signataires',
      message: `Signataires attendus par la doctrine et absents : ${absents.map((t) => TYPES_ORGANISATION[t]).join(', ')}.`,
    });
  }
  return ecarts;
}
