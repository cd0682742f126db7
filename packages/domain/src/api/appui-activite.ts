/**
 * The contract of the appui activity routes (tag Appui, issue 18 item 7, decision 0033): aggregated, non-nominative
 * indicators per support structure, territory and period under the statistical secret, and the FHIR export of a case's
 * care team (Cercle de soins guide of the ANS).
 */
import { z } from 'zod';

export const filtreActiviteAppui = z.object({
  territoires: z
    .string({ error: 'Territoires attendus (ex. epci:243500741,departement:35)' })
    .trim()
    .min(1, 'Choisissez au moins un territoire')
    .max(2000)
    .describe('Territoires, une ligne chacun : epci:243500741,commune:35236,departement:35,region:53'),
  periode: z
    .string()
    .max(200)
    .optional()
    .describe('Périodes, une ligne chacune : 2025, 2025-S1, 2025-T2, 2025-03 (séparées par des virgules) ; par défaut l’année en cours'),
});

export const compteActivite = z
  .union([z.number().int().min(0), z.literal('secret')])
  .describe('Un effectif, ou « secret » : de 1 à 4, ou de quoi en recalculer un par soustraction');

const repartition = z.array(z.object({ code: z.string(), libelle: z.string(), nombre: compteActivite }));
export const periodeActivite = z.object({
  code: z.string(),
  libelle: z.string(),
  debut: z.string().describe('Premier jour compris'),
  fin: z.string().describe('Lendemain du dernier jour'),
});

export const ligneActiviteAppui = z.object({
  structure: z.object({ id: z.uuid(), nom: z.string() }).nullable().describe('null : toutes les structures affichées'),
  territoire: z.object({ cle: z.string(), nom: z.string() }),
  periode: periodeActivite,
  demandes: z.object({ total: compteActivite, parOrigine: repartition, parMission: repartition, parNiveau: repartition }),
  delais: z.array(
    z.object({
      etape: z.enum(['premier_contact', 'evaluation', 'plan']),
      libelle: z.string(),
      medianeJours: z.number().nullable().describe('Médiane en jours ; null sous 5 demandes'),
      nombre: compteActivite.describe('Demandes de la période arrivées à cette étape'),
    }),
  ),
  clotures: z.object({ total: compteActivite, parMotif: repartition }),
  orientations: z.object({ total: compteActivite, parTypeRessource: repartition, parIssue: repartition }),
  partiel: z.boolean(),
});
export type LigneActiviteAppui = z.infer<typeof ligneActiviteAppui>;

export const activiteAppuiVue = z.object({
  periodes: z.array(periodeActivite),
  territoires: z.array(z.object({ cle: z.string(), nom: z.string(), communes: z.number().int() })),
  structures: z.enum(['toutes', 'les_votres']).describe('« les_votres » : un membre d’équipe ne voit que les siennes'),
  seuilSecret: z.number().int(),
  lignes: z.array(ligneActiviteAppui),
  partiel: z.boolean(),
  raisons: z.array(z.string()).describe('Pourquoi des chiffres sont partiels'),
});
export type ActiviteAppuiVue = z.infer<typeof activiteAppuiVue>;

// ---------- FHIR export (Cercle de soins)

const reference = z.object({ reference: z.string() });
const ressourceFhir = z.looseObject({ resourceType: z.string(), id: z.string(), meta: z.looseObject({ profile: z.array(z.string()) }) });
export const bundleCercleDeSoins = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    meta: z.looseObject({ profile: z.array(z.string()) }),
    type: z.literal('transaction'),
    entry: z.array(
      z.object({
        fullUrl: z.string(),
        resource: ressourceFhir,
        request: z.object({ method: z.literal('POST'), url: z.string() }),
      }),
    ),
  })
  .describe('Bundle FHIR R4 de création d’un cercle de soins (profil cds-bundle-transaction-creation de l’ANS)');
export type BundleCercleDeSoins = z.infer<typeof bundleCercleDeSoins>;
export const referenceFhir = reference;
