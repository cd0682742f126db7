import {
  habilitationSaisieSchema,
  indicesPersonnels,
  utilisateurCreationSchema,
  utilisateurModificationSchema,
  type Habilitation,
} from '@maillage/domain';
import { z } from 'zod';
import type { Utilisateur } from '@maillage/domain/api';
import { nouveauMotDePasse } from '../../components/force-mot-de-passe';

/** One role line of the editor; only the fields of its role are kept when sent. */
export interface HabilitationFormulaire {
  role: string;
  regionCode?: string;
  organisationId?: string;
  contratId?: string;
}

/** The same form type serves creation and edition (the editor of roles is shared). */
export interface FormulaireUtilisateur {
  email: string;
  prenom: string;
  nom: string;
  organisationId: string | null;
  actif: boolean;
  mode: 'invitation' | 'mot_de_passe';
  password: string;
  habilitations: HabilitationFormulaire[];
}

export const CHAMPS_UTILISATEUR = ['email', 'prenom', 'nom', 'organisationId', 'password', 'habilitations', 'actif'] as const;

const habilitations = z.array(habilitationSaisieSchema);

export const creationSchema = utilisateurCreationSchema
  .pick({ email: true, prenom: true, nom: true, organisationId: true })
  .extend({
    actif: z.boolean(),
    mode: z.enum(['invitation', 'mot_de_passe']),
    password: z.string(),
    habilitations,
  })
  .superRefine((v, ctx) => {
    if (v.mode !== 'mot_de_passe') return;
    const resultat = nouveauMotDePasse(() => indicesPersonnels(v)).safeParse(v.password);
    if (!resultat.success) ctx.addIssue({ code: 'custom', path: ['password'], message: resultat.error.issues[0].message });
  });

export const modificationSchema = utilisateurModificationSchema
  .pick({ prenom: true, nom: true, organisationId: true, actif: true })
  .extend({ email: z.string(), mode: z.string(), password: z.string(), habilitations });

export const FORMULAIRE_VIDE: FormulaireUtilisateur = {
  email: '',
  prenom: '',
  nom: '',
  organisationId: null,
  actif: true,
  mode: 'invitation',
  password: '',
  habilitations: [],
};

export const versFormulaire = (u: Utilisateur): FormulaireUtilisateur => ({
  email: u.email,
  prenom: u.prenom,
  nom: u.nom,
  organisationId: u.organisationId,
  actif: u.actif,
  mode: 'invitation',
  password: '',
  habilitations: u.habilitations.map((h) => ({ ...h })),
});

/** Keeps only the scope field of each role (the editor may leave a stale regionCode behind a role change). */
export function versHabilitations(lignes: HabilitationFormulaire[]): Habilitation[] {
  return lignes.map((h) => {
    switch (h.role) {
      case 'admin':
        return { role: 'admin' };
      case 'ars_regional':
        return { role: 'ars_regional', regionCode: h.regionCode ?? '' };
      case 'referent_organisation':
        return { role: 'referent_organisation', organisationId: h.organisationId ?? '' };
      default:
        return { role: h.role, contratId: h.contratId ?? '' } as Habilitation;
    }
  });
}
