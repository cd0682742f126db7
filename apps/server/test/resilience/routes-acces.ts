import { peutVoirAcces, rolesAttribuables } from '@maillage/domain';
import type { ContratFixture } from './monde';
import { c, contrat, contratVictime, lire, refContrat, type EntreeRoute, type Evaluation, type Outils } from './regles';

/**
 * « Personnes et accès » and the publication switch (issue 12). Each victim is a fresh person invited by the admin as
 * membre of the fixture's contract; publication runs on a copy of the contract, so the fixtures keep their state.
 */
async function personneVictime(o: Outils, f: ContratFixture): Promise<string> {
  const r = await o.admin.post(c(f, '/acces'), {
    email: `victime-${o.unique()}@exemple.fr`,
    role: 'membre',
    prenom: 'Victime',
    nom: 'Matrice',
  });
  if (r.status !== 201) throw new Error(`Victime accès : ${r.status} ${JSON.stringify(r.body)}`);
  return c(f, `/acces/${r.body.utilisateurId}`);
}

const gere = (role: 'membre' | 'lecteur') => async (e: Evaluation) => rolesAttribuables(e.sujet, await refContrat(e)).includes(role);

export const ROUTES_ACCES: Record<string, EntreeRoute> = {
  'GET /api/contrats/:id/acces': { attendu: async (e) => peutVoirAcces(e.sujet, await refContrat(e)), portee: 'contrat' },
  'POST /api/contrats/:id/acces': {
    attendu: gere('lecteur'),
    portee: 'contrat',
    corps: (o) => ({ email: `invitee-${o.unique()}@exemple.fr`, role: 'lecteur', prenom: 'Invitée', nom: 'Matrice' }),
  },
  'PUT /api/contrats/:id/acces/:utilisateurId': {
    attendu: gere('membre'),
    portee: 'contrat',
    victime: (o, f) => personneVictime(o, f!),
    corps: () => ({ role: 'lecteur' }),
  },
  'DELETE /api/contrats/:id/acces/:utilisateurId': {
    attendu: gere('membre'),
    portee: 'contrat',
    victime: (o, f) => personneVictime(o, f!),
  },
  // The opposite of the fixture's state, on a copy: withdrawing the published one succeeds; publishing a copy whose ARS
  // never confirmed is refused (422), which the matrix counts as neither a grant nor a refusal of permission.
  'PUT /api/contrats/:id/publication': {
    attendu: contrat('publier'),
    portee: 'contrat',
    victime: async (o, f) => c({ id: await contratVictime(o, f!, 'signe') } as ContratFixture, '/publication'),
    corps: async (o, f) => ({ publie: !(await lire(o, c(f))).publie }),
  },
  'GET /api/contrats/:id/publication/apercu': { attendu: contrat('publier'), portee: 'contrat' },
};
