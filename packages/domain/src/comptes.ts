import { z } from 'zod';
import { ROLES_CONTRAT } from './permissions';

export const MOT_DE_PASSE_LONGUEUR_MIN = 12;

const email = z
  .string({ error: 'L’adresse e-mail est obligatoire' })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'L’adresse e-mail n’est pas valide' }));

export const motDePasseSchema = z
  .string({ error: 'Le mot de passe est obligatoire' })
  .min(MOT_DE_PASSE_LONGUEUR_MIN, `Le mot de passe doit compter au moins ${MOT_DE_PASSE_LONGUEUR_MIN} caractères`)
  .max(200, 'Le mot de passe ne peut dépasser 200 caractères');

/** The person's own words (e-mail, its local part, names) that a new password must not be built on. */
export function indicesPersonnels(personne: { email?: string | null; prenom?: string | null; nom?: string | null }): string[] {
  const email = personne.email?.trim() ?? '';
  return [email, email.split('@')[0], personne.prenom ?? '', personne.nom ?? ''].filter((i) => i.length >= 3);
}

export const connexionSchema = z.object({
  email,
  password: z.string({ error: 'Le mot de passe est obligatoire' }).min(1, 'Le mot de passe est obligatoire').max(200),
});

export const demandeReinitialisationSchema = z.object({ email });

export const reinitialisationSchema = z.object({
  token: z.string().min(20, 'Lien de réinitialisation invalide').max(200),
  password: motDePasseSchema,
});

export const habilitationSaisieSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('admin') }),
  z.object({ role: z.literal('ars_regional'), regionCode: z.string().regex(/^\d{2,3}$/, 'Code région INSEE attendu') }),
  z.object({ role: z.literal('referent_organisation'), organisationId: z.uuid('Organisation inconnue') }),
  z.object({ role: z.enum(ROLES_CONTRAT), contratId: z.uuid('Contrat inconnu') }),
]);

const nomPersonne = (libelle: string) =>
  z
    .string({ error: `Le ${libelle} est obligatoire` })
    .trim()
    .min(1, `Le ${libelle} est obligatoire`)
    .max(100, `Le ${libelle} ne peut dépasser 100 caractères`);

export const utilisateurCreationSchema = z.object({
  email,
  prenom: nomPersonne('prénom'),
  nom: nomPersonne('nom'),
  organisationId: z.uuid('Organisation inconnue').nullish(),
  password: motDePasseSchema.optional(),
  habilitations: z.array(habilitationSaisieSchema).default([]),
});

export const utilisateurModificationSchema = z.object({
  prenom: nomPersonne('prénom'),
  nom: nomPersonne('nom'),
  organisationId: z.uuid('Organisation inconnue').nullish(),
  actif: z.boolean(),
  habilitations: z.array(habilitationSaisieSchema),
  version: z.number().int().nonnegative(),
});

export const jetonCreationSchema = z.object({
  libelle: z.string().trim().min(1, 'Le libellé est obligatoire').max(100, 'Le libellé ne peut dépasser 100 caractères'),
});

export const changementMotDePasseSchema = z.object({
  ancien: z.string().min(1, 'Le mot de passe actuel est obligatoire'),
  nouveau: motDePasseSchema,
});
