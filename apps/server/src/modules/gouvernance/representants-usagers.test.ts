import { representantsUsagersPresents } from '@maillage/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let contratId: string;
let organisations: string[];

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  contratId = (await coordination.get('/api/contrats')).body.find((c: any) => c.generation === 2).id;
  organisations = (await serveur.ctx.db.query('select id from organisations order by nom limit 3')).rows.map((r) => r.id);
});
afterAll(() => serveur.fermer());

describe('représentants des usagers dans les instances', () => {
  it('comptés présents par séance et par instance ; représentés ou excusés ne comptent pas', async () => {
    const instance = (await coordination.post(`/api/contrats/${contratId}/instances`, { type: 'copil', nom: 'COPIL participatif' })).body
      .id;
    const membre = async (organisationId: string, qualite?: string) =>
      (await coordination.post(`/api/contrats/${contratId}/instances/${instance}/membres`, { organisationId, qualite })).body.id as string;
    const usagers = await membre(organisations[0]!, 'representant_usagers');
    const association = await membre(organisations[1]!);
    const institution = await membre(organisations[2]!, 'institution');
    const mauvaise = await coordination.post(`/api/contrats/${contratId}/instances/${instance}/membres`, {
      organisationId: organisations[0],
      qualite: 'usager_lambda',
    });
    expect(mauvaise.status).toBe(400);
    expect(mauvaise.body.erreurs[0].message).toMatch(/^Qualité : institution, élu, représentant des usagers/);

    // A member becomes a représentant des usagers afterwards: audited.
    const change = await coordination.put(`/api/contrats/${contratId}/instances/${instance}/membres/${association}/qualite`, {
      qualite: 'representant_usagers',
    });
    expect(change.status).toBe(200);
    expect(change.body).toEqual({ qualite: 'representant_usagers' });

    const seance = async (jour: string, etats: [string, string][]) => {
      const s = (
        await coordination.post(`/api/contrats/${contratId}/seances`, { instanceId: instance, debut: `${jour}T14:00:00Z`, statut: 'tenue' })
      ).body.id;
      const r = await coordination.put(`/api/seances/${s}/presences`, {
        presences: etats.map(([membreId, etat]) => ({ membreId, etat, representePar: etat === 'represente' ? 'Sa suppléante' : null })),
      });
      expect(r.status).toBe(200);
      return r.body;
    };
    const premiere = await seance('2026-02-01', [
      [usagers, 'present'],
      [association, 'present'],
      [institution, 'present'],
    ]);
    const seconde = await seance('2026-06-01', [
      [usagers, 'represente'],
      [association, 'excuse'],
      [institution, 'present'],
    ]);
    expect(premiere.representantsUsagersPresents).toBe(2);
    expect(seconde.representantsUsagersPresents).toBe(0);

    const instances = (await coordination.get(`/api/contrats/${contratId}/instances`)).body;
    const copil = instances.find((i: any) => i.id === instance);
    expect(copil).toMatchObject({ representantsUsagers: 2, presencesRepresentantsUsagers: 2, seancesAvecRepresentantsUsagers: 1 });
    expect(copil.membres.find((m: any) => m.id === institution).qualite).toBe('institution');
    // The same count as the pure rule the screen uses.
    expect(representantsUsagersPresents(copil.membres, premiere.presences)).toBe(premiere.representantsUsagersPresents);

    const phrases = (await coordination.get(`/api/contrats/${contratId}/historique?parPage=30`)).body.elements.map((e: any) => e.phrase);
    expect(
      phrases.some((p: string) => /^Marie Dupont a précisé ce qu’est .+ \(institution, élu, représentant des usagers…\)$/.test(p)),
    ).toBe(true);
  });
});
