/** Contracts of the DHIS2 routes: a region's saved mapping and a contract's follow-up export (tag Indicateurs, decision 0037). */
import { z } from 'zod';
import { FORMAT_UID_DHIS2, MESSAGE_UID_DHIS2 } from '../diagnostics/dhis2';

export const TYPES_TERRITOIRE_DHIS2 = ['commune', 'epci', 'departement', 'region'] as const;
export type TypeTerritoireDhis2 = (typeof TYPES_TERRITOIRE_DHIS2)[number];

const uid = (champ: string) =>
  z
    .string({ error: `${champ} : ${MESSAGE_UID_DHIS2}` })
    .trim()
    .regex(FORMAT_UID_DHIS2, `${champ} : ${MESSAGE_UID_DHIS2}`);

/** A dataElement (with a categoryOptionCombo, or none for DHIS2's default) ↔ an indicator of the catalogue. */
export const elementDhis2Saisie = z.object({
  dataElement: uid('dataElement'),
  categoryOptionCombo: uid('categoryOptionCombo')
    .nullish()
    .transform((v) => v ?? null),
  indicateur: z
    .string({ error: 'Code d’indicateur du catalogue attendu' })
    .trim()
    .min(1, 'Indicateur : choisissez un indicateur du catalogue')
    .max(60, 'Indicateur : au plus 60 caractères'),
});

/** An orgUnit ↔ a territory of the référentiel. */
export const uniteDhis2Saisie = z.object({
  orgUnit: uid('orgUnit'),
  territoireType: z.enum(TYPES_TERRITOIRE_DHIS2, { error: 'Type de territoire : commune, epci, departement ou region' }),
  territoireCode: z
    .string({ error: 'Code du territoire attendu' })
    .trim()
    .min(1, 'Code du territoire : obligatoire')
    .max(20, 'Code du territoire : au plus 20 caractères'),
});

/** PUT /api/dhis2/correspondances/{regionCode}: the whole mapping, with the version it edits. */
export const correspondanceDhis2Saisie = z
  .object({
    version: z.number({ error: 'Version attendue (celle lue avec la correspondance)' }).int().min(0),
    elements: z.array(elementDhis2Saisie).max(5_000, 'Au plus 5 000 éléments de données'),
    unites: z.array(uniteDhis2Saisie).max(50_000, 'Au plus 50 000 unités d’organisation'),
  })
  .superRefine((c, ctx) => {
    // A bijection on each side: an import reads one indicator per dataElement, an export writes one dataElement per indicator.
    const doublons = <T>(liste: T[], cle: (x: T) => string, chemin: string, champ: string, message: string) => {
      const vues = new Map<string, number>();
      liste.forEach((x, i) => {
        const k = cle(x);
        const deja = vues.get(k);
        if (deja !== undefined)
          ctx.addIssue({ code: 'custom', path: [chemin, i, champ], message: `${message} (déjà à la ligne ${deja + 1})` });
        else vues.set(k, i);
      });
    };
    doublons(
      c.elements,
      (e) => `${e.dataElement}|${e.categoryOptionCombo ?? ''}`,
      'elements',
      'dataElement',
      'Ce dataElement et ce categoryOptionCombo sont déjà reliés',
    );
    doublons(c.elements, (e) => e.indicateur, 'elements', 'indicateur', 'Cet indicateur a déjà son dataElement');
    doublons(c.unites, (u) => u.orgUnit, 'unites', 'orgUnit', 'Cette orgUnit est déjà reliée');
    doublons(c.unites, (u) => `${u.territoireType}:${u.territoireCode}`, 'unites', 'territoireCode', 'Ce territoire a déjà son orgUnit');
  });
export type CorrespondanceDhis2Saisie = z.input<typeof correspondanceDhis2Saisie>;

/** GET /api/dhis2/correspondances/{regionCode} */
export const correspondanceDhis2 = z.object({
  regionCode: z.string(),
  version: z.number().int().describe('0 tant que rien n’a été enregistré'),
  elements: z.array(
    z.object({
      dataElement: z.string(),
      categoryOptionCombo: z.string().nullable(),
      indicateur: z.string(),
      indicateurLibelle: z.string(),
    }),
  ),
  unites: z.array(
    z.object({
      orgUnit: z.string(),
      territoireType: z.enum(TYPES_TERRITOIRE_DHIS2),
      territoireCode: z.string(),
      territoireNom: z.string(),
    }),
  ),
  modifieLe: z.string().nullable(),
  modifiePar: z.string().nullable(),
});
export type CorrespondanceDhis2 = z.infer<typeof correspondanceDhis2>;

/** An identifier of an import that the mapping does not know, with every row (dataValue, from 1) using it. */
export const nonCorrespondantDhis2 = z.object({
  nature: z.enum(['dataElement', 'orgUnit', 'period']),
  identifiant: z.string(),
  categoryOptionCombo: z.string().nullable().optional(),
  lignes: z.array(z.number().int()),
});
export type NonCorrespondantDhis2 = z.infer<typeof nonCorrespondantDhis2>;

/** GET /api/contrats/{id}/suivi.dhis2.json: a dataValueSet DHIS2 imports, and what could not be written in it. */
export const dataValueSetDhis2 = z.object({
  dataValues: z.array(
    z.object({
      dataElement: z.string(),
      categoryOptionCombo: z.string().optional(),
      orgUnit: z.string(),
      period: z.string(),
      value: z.string(),
    }),
  ),
  nonExportees: z
    .array(z.object({ indicateur: z.string(), periode: z.string().nullable(), raison: z.string() }))
    .describe('Valeurs validées sans correspondance (DHIS2 ignore ce champ) : chaque indicateur de suivi ou période écartés, et pourquoi'),
});
export type DataValueSetDhis2 = z.infer<typeof dataValueSetDhis2>;
