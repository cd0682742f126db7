import { ROLES_PARTIE, STATUTS_CONFIRMATION, STATUTS_CONTRAT } from '@maillage/domain';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import * as confirmations from './confirmations.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
const demande = z.object({
  id: z.uuid(),
  role: z.enum(ROLES_PARTIE),
  roleLibelle: z.string(),
  statut: z.enum(STATUTS_CONFIRMATION),
  statutLibelle: z.string(),
  motif: z.string().nullable(),
  demandeLe: z.string(),
  demandePar: z.string().describe('Qui a nommé l’organisation'),
  reponduLe: z.string().nullable(),
  reponduPar: z.string().nullable(),
  dateSignature: z.string().nullable().describe('Pour un signataire : la date déjà saisie, le cas échéant'),
  organisation: z.object({ id: z.string(), nom: z.string(), type: z.string(), regionCode: z.string().nullable() }),
  contrat: z.object({ id: z.string(), intitule: z.string(), statut: z.enum(STATUTS_CONTRAT), regions: z.array(z.string()), regionsNoms: z.array(z.string()), publie: z.boolean() }),
});
const reponse = z.object({ statut: z.enum(STATUTS_CONFIRMATION), statutLibelle: z.string(), depublie: z.boolean().describe('Le refus a retiré la publication du contrat') });
const id = z.object({ id: z.uuid('Identifiant invalide') });

/** Requests to confirm a role in a contract, answered by those who speak for the organisation named. */
export function routesConfirmations(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Confirmations des parties'];

  r.get('/api/confirmations', {
    schema: {
      tags: t,
      summary: 'Les demandes de confirmation adressées aux organisations pour lesquelles l’utilisateur parle (agents, référents, ARS de la région)',
      querystring: z.object({ statut: z.enum([...STATUTS_CONFIRMATION, 'toutes'], { error: 'Statut : a_confirmer, confirme, refuse ou toutes' }).default('a_confirmer') }),
      response: { 200: z.array(demande), ...erreurs },
    },
    handler: (req) => confirmations.listerDemandes(ctx, exigerConnecte(req.utilisateur), req.query.statut === 'toutes' ? null : req.query.statut),
  });

  r.post('/api/confirmations/:id/acceptation', {
    schema: { tags: t, summary: 'Confirmer, pour son organisation, le rôle qu’un contrat lui donne', params: id, response: { 200: reponse, ...erreurs } },
    handler: (req) => confirmations.repondreDemande(ctx, exigerConnecte(req.utilisateur), req.params.id, 'acceptation', null),
  });

  r.post('/api/confirmations/:id/refus', {
    schema: {
      tags: t,
      summary: 'Refuser, pour son organisation, le rôle qu’un contrat lui donne (motif facultatif) ; un contrat publié perd sa publication si son ARS refuse',
      params: id,
      body: z.object({ motif: z.string().trim().max(1000, 'Au plus 1000 caractères').nullish() }).default({}),
      response: { 200: reponse, ...erreurs },
    },
    handler: (req) => confirmations.repondreDemande(ctx, exigerConnecte(req.utilisateur), req.params.id, 'refus', req.body.motif ?? null),
  });
}
