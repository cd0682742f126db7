/** Contracts of the OpenID Connect login routes (issue 19, decision 0036). */
import { z } from 'zod';
import { FOURNISSEURS_OIDC } from '../oidc';

export const fournisseurOidcVue = z.object({
  id: z.enum(FOURNISSEURS_OIDC),
  libelle: z.string().describe('Nom à afficher sur le bouton'),
  connexion: z.string().describe('Adresse qui commence la connexion (GET, redirection vers le fournisseur)'),
});
export type FournisseurOidcVue = z.infer<typeof fournisseurOidcVue>;

export const fournisseursOidcVue = z.array(fournisseurOidcVue);

export const deconnexionOidcVue = z.object({
  redirection: z
    .string()
    .nullable()
    .describe('Page de déconnexion du fournisseur à ouvrir ensuite (session ouverte par un fournisseur), sinon null'),
});
export type DeconnexionOidcVue = z.infer<typeof deconnexionOidcVue>;
