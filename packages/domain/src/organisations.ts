import { z } from 'zod';
import { compacterIdentifiant, finessValide, sirenValide, siretValide } from './identifiants';

export const TYPES_ORGANISATION = {
  ars: 'Agence régionale de santé (ARS)',
  ars_delegation: 'Délégation départementale d’ARS',
  commune: 'Commune',
  epci: 'EPCI (communauté de communes, d’agglomération…)',
  pays: 'Pays ou PETR',
  departement: 'Conseil départemental',
  region: 'Conseil régional',
  prefecture: 'Préfecture',
  cpam: 'Caisse primaire d’assurance maladie (CPAM)',
  msa: 'Mutualité sociale agricole (MSA)',
  caf: 'Caisse d’allocations familiales (CAF)',
  carsat: 'CARSAT',
  education_nationale: 'Éducation nationale (DSDEN, rectorat)',
  hopital: 'Établissement de santé (hôpital, clinique)',
  etablissement_medico_social: 'Établissement ou service médico-social',
  msp: 'Maison de santé pluriprofessionnelle (MSP)',
  cpts: 'Communauté professionnelle territoriale de santé (CPTS)',
  dac: 'Dispositif d’appui à la coordination (DAC)',
  ireps: 'IREPS',
  ors: 'Observatoire régional de la santé (ORS)',
  association: 'Association',
  bureau_etudes: 'Bureau d’études, cabinet de conseil',
  autre: 'Autre',
} as const;
export type TypeOrganisation = keyof typeof TYPES_ORGANISATION;
export const typeOrganisationSchema = z.enum(Object.keys(TYPES_ORGANISATION) as [TypeOrganisation, ...TypeOrganisation[]], {
  error: 'Type d’organisation inconnu',
});

const identifiantOptionnel = (libelle: string, valide: (v: string) => boolean, format: string) =>
  z
    .string()
    .transform(compacterIdentifiant)
    .refine((v) => v === '' || valide(v), { message: `${libelle} invalide : ${format}` })
    .transform((v) => (v === '' ? null : v))
    .nullish();

export const organisationSaisieSchema = z
  .object({
    nom: z.string().trim().min(2, 'Le nom doit compter au moins 2 caractères').max(200, 'Le nom ne peut dépasser 200 caractères'),
    sigle: z.string().trim().max(30, 'Le sigle ne peut dépasser 30 caractères').nullish(),
    type: typeOrganisationSchema,
    siren: identifiantOptionnel('SIREN', sirenValide, '9 chiffres avec une clé de contrôle correcte'),
    siret: identifiantOptionnel('SIRET', siretValide, '14 chiffres avec une clé de contrôle correcte'),
    finess: identifiantOptionnel('FINESS', finessValide, '9 caractères avec une clé de contrôle correcte'),
    regionCode: z
      .string()
      .regex(/^\d{2,3}$/, 'Code région INSEE attendu')
      .nullish(),
    departementCode: z
      .string()
      .regex(/^(\d{2,3}|2[AB])$/, 'Code département INSEE attendu')
      .nullish(),
    territoireCode: z.string().max(20).nullish(),
  })
  // An establishment (SIRET) belongs to its legal unit (SIREN): the first nine digits must agree.
  .refine((o) => !o.siren || !o.siret || o.siret.startsWith(o.siren), {
    message: 'Le SIRET ne commence pas par ce SIREN',
    path: ['siret'],
  });
export type OrganisationSaisie = z.infer<typeof organisationSaisieSchema>;
