import { can } from '@maillage/domain';
import { connecte, type EntreeRoute, type Evaluation, type Outils } from './regles';

/**
 * Confirmation requests (issue 11): each victim is a fresh ARS of Bretagne named signatory of the own contract by
 * the admin, so its request is pending and only those who speak for it — Bretagne's ARS agents — may answer.
 */
async function demandeVictime(o: Outils, reponse: 'acceptation' | 'refus'): Promise<string> {
  const contratId = o.monde.contrats.propre.id;
  const organisation = await o.admin.post('/api/organisations', {
    nom: `ARS de test ${o.unique()}`,
    type: 'ars',
    regionCode: '53',
    accepterDoublonsProches: true,
  });
  if (organisation.status !== 201) throw new Error(`Victime organisation : ${organisation.status} ${JSON.stringify(organisation.body)}`);
  const signataire = await o.admin.post(`/api/contrats/${contratId}/signataires`, { organisationId: organisation.body.id });
  if (signataire.status !== 201) throw new Error(`Victime signataire : ${signataire.status} ${JSON.stringify(signataire.body)}`);
  const { rows } = await o.serveur.ctx.db.query(
    `select id from confirmations_parties where contrat_id = $1 and organisation_id = $2 and role = 'signataire' and statut = 'a_confirmer'`,
    [contratId, organisation.body.id],
  );
  return `/api/confirmations/${rows[0].id}/${reponse}`;
}

/** The rule for an ARS of Bretagne nobody belongs to: who may answer for it. */
const repondrePourUneArsBretonne = (e: Evaluation) =>
  can(e.sujet, 'valider', { type: 'confirmation', organisation: { id: 'ars-victime', nom: 'ARS de test', type: 'ars', regionCode: '53' } });

export const ROUTES_CONFIRMATIONS: Record<string, EntreeRoute> = {
  // Each sees the requests addressed to the organisations they speak for (an empty list for the others).
  'GET /api/confirmations': { attendu: connecte, portee: 'global' },
  'POST /api/confirmations/:id/acceptation': {
    attendu: repondrePourUneArsBretonne,
    portee: 'global',
    victime: (o) => demandeVictime(o, 'acceptation'),
  },
  'POST /api/confirmations/:id/refus': {
    attendu: repondrePourUneArsBretonne,
    portee: 'global',
    victime: (o) => demandeVictime(o, 'refus'),
    corps: () => ({ motif: 'Nous ne sommes pas associés à ce contrat.' }),
  },
};
