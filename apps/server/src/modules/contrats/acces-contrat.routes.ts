import { accesSaisieSchema, changementRoleSchema, publicationSchema } from '@maillage/domain';
import * as api from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as acces from './acces-contrat.service';
import { changerPublication } from './publication.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme, 422: probleme };
const id = api.cheminId;
const idPersonne = api.parametresPersonne;

/** « Personnes et accès » and the publication switch of a contract (issue 12). */
export function routesAccesContrat(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Personnes et accès'];

  r.get('/api/contrats/:id/acces', {
    schema: {
      tags: t,
      summary: 'Les personnes qui ont un rôle sur le contrat, avec leur organisation, et les rôles que l’utilisateur peut donner',
      params: id,
      response: { 200: api.accesContrat, ...erreurs },
    },
    handler: (req) => acces.listerAcces(ctx, exigerConnecte(req.utilisateur), req.params.id),
  });

  r.post('/api/contrats/:id/acces', {
    schema: {
      tags: t,
      summary:
        'Donner un rôle à une personne par son adresse e-mail : un compte existant le reçoit ; une adresse inconnue reçoit une invitation qui crée son compte',
      description:
        'La coordination donne les rôles coordonnateur, pilote, membre et lecteur ; l’ARS de la région (et le référent ARS du contrat) aussi référent ARS. ' +
        'Pour une adresse sans compte, prénom et nom sont obligatoires ; un pilote doit avoir une organisation. Réinviter une personne qui n’a pas encore choisi son mot de passe renvoie le lien.',
      params: id,
      body: accesSaisieSchema,
      response: { 201: api.accesDonne, ...erreurs },
    },
    handler: async (req, rep) => rep.code(201).send(await acces.donnerAcces(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body)),
  });

  r.put('/api/contrats/:id/acces/:utilisateurId', {
    schema: {
      tags: t,
      summary: 'Changer le rôle d’une personne sur le contrat (jamais le dernier coordonnateur)',
      params: idPersonne,
      body: changementRoleSchema,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await acces.changerAcces(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.utilisateurId, req.body.role);
      return rep.code(204).send(null);
    },
  });

  r.delete('/api/contrats/:id/acces/:utilisateurId', {
    schema: {
      tags: t,
      summary: 'Retirer son rôle à une personne du contrat (jamais au dernier coordonnateur)',
      params: idPersonne,
      response: { 204: z.null(), ...erreurs },
    },
    handler: async (req, rep) => {
      await acces.changerAcces(ctx, exigerConnecte(req.utilisateur), req.params.id, req.params.utilisateurId, null);
      return rep.code(204).send(null);
    },
  });

  r.put('/api/contrats/:id/publication', {
    schema: {
      tags: ['Contrats'],
      summary: 'Publier ou retirer le contrat, à tout statut (coordination et ARS) ; jamais par un avenant',
      description:
        'Publier exige que l’ARS de chaque région du contrat ait confirmé son rôle (422 sinon, avec ce qui manque). Demander l’état actuel ne change rien (change : false).',
      params: id,
      body: publicationSchema,
      response: { 200: api.publicationChangee, ...erreurs },
    },
    handler: (req) => changerPublication(ctx, exigerConnecte(req.utilisateur), req.params.id, req.body.publie),
  });
}
