import { STATUTS_FICHE } from '@maillage/domain';
import { destinationReprise, ficheReprise, pageBibliotheque } from '@maillage/domain/api';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exigerConnecte } from '../../platform/auth';
import type { Contexte } from '../../platform/contexte';
import { probleme } from '../../platform/openapi';
import { destinationsReprise, reprendreFiche, rechercherFiches } from './bibliotheque.service';

const erreurs = { 400: probleme, 401: probleme, 403: probleme, 404: probleme, 409: probleme };
export function routesBibliotheque(app: FastifyInstance, ctx: Contexte) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = ['Bibliothèque d’actions'];

  r.get('/api/bibliotheque', {
    schema: {
      tags: t,
      summary: 'Rechercher dans les fiches-action de tous les contrats visibles (recherche plein texte en français)',
      description:
        '`q` accepte la syntaxe des moteurs de recherche (« guillemets », -exclusion, or) ; les mots sont ramenés à leur racine ' +
        '(« vaccin » trouve « vaccination ») et le dernier mot saisi vaut aussi comme début de mot. Sans `q`, toutes les fiches visibles. ' +
        `Pages de 20 résultats, les plus pertinents d’abord.`,
      querystring: z.object({
        q: z.string().max(200).optional(),
        thematique: z.string().max(50).optional().describe('Code de thématique (ex. vaccination)'),
        statut: z.enum(STATUTS_FICHE).optional().describe('Statut de la fiche'),
        region: z.string().max(3).optional().describe('Code INSEE d’une région du contrat'),
        public: z.string().max(50).optional().describe('Code du public visé (ex. jeunes)'),
        page: z.coerce.number().int().min(1).max(1000).optional(),
      }),
      response: { 200: pageBibliotheque, ...erreurs },
    },
    handler: (req) => rechercherFiches(ctx, req.utilisateur, req.query),
  });

  r.get('/api/bibliotheque/destinations', {
    schema: {
      tags: t,
      summary: 'Les contrats où l’utilisateur peut reprendre une fiche (il peut y créer des fiches), et pourquoi l’un est verrouillé',
      response: {
        200: z.array(destinationReprise),
        ...erreurs,
      },
    },
    handler: (req) => destinationsReprise(ctx, req.utilisateur),
  });

  r.post('/api/bibliotheque/:ficheId/reprendre', {
    schema: {
      tags: t,
      summary: '« Reprendre cette fiche » : la copier comme brouillon (à venir, nouveau numéro) dans l’un de ses contrats',
      description:
        'Ni pilotes, ni financements, ni partenaires, ni dates : ils appartiennent à l’autre territoire. La note de la copie dit son origine.',
      params: z.object({ ficheId: z.uuid('Identifiant invalide') }),
      body: z.object({ contratId: z.uuid('Contrat inconnu') }),
      response: { 201: ficheReprise, ...erreurs },
    },
    handler: async (req, rep) =>
      rep.code(201).send(await reprendreFiche(ctx, exigerConnecte(req.utilisateur), req.params.ficheId, req.body.contratId)),
  });
}
