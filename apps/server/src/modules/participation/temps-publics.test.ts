import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let lecteur: ClientHttp;
let contratId: string;

const forum = {
  type: 'forum',
  intitule: 'Forum santé des jeunes',
  dateTenue: '2026-03-12',
  lieu: 'Salle du Parc, Redon',
  communeCode: '35236',
  nombreParticipants: 85,
  publics: ['jeunes', 'habitants_qpv'],
  intervenants: ['Dr Martin, médecin généraliste', 'Point accueil écoute jeunes'],
  synthese: 'Les jeunes disent attendre des mois un rendez-vous chez un psychologue.',
};

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  coordination = serveur.client();
  await coordination.connecter(DEMO.coordination);
  lecteur = serveur.client();
  await lecteur.connecter(DEMO.lecteur);
  const liste = (await coordination.get('/api/contrats')).body;
  contratId = liste.find((c: any) => c.generation === 2).id;
});
afterAll(() => serveur.fermer());

describe('temps publics', () => {
  let id: string;

  it('la coordination enregistre un forum avec son public, ses intervenants et sa synthèse ; la liste le montre', async () => {
    const cree = await coordination.post(`/api/contrats/${contratId}/temps-publics`, forum);
    expect(cree.status).toBe(201);
    id = cree.body.id;
    expect(cree.body).toMatchObject({ ...forum, communeNom: 'Redon', version: 1, nombreVerbatims: 0 });
    const liste = await lecteur.get(`/api/contrats/${contratId}/temps-publics`);
    expect(liste.status).toBe(200);
    expect(liste.body.map((t: any) => t.intitule)).toContain('Forum santé des jeunes');
  });

  it('refuse une saisie invalide en français, champ par champ, et une commune inconnue', async () => {
    const r = await coordination.post(`/api/contrats/${contratId}/temps-publics`, {
      ...forum,
      type: 'kermesse',
      dateTenue: '12/03/2026',
      nombreParticipants: -3,
      publics: ['martiens'],
    });
    expect(r.status).toBe(400);
    const champs = Object.fromEntries(r.body.erreurs.map((e: any) => [e.champ, e.message]));
    expect(champs.type).toMatch(/réunion publique, forum, journée santé/);
    expect(champs.dateTenue).toBe('Date attendue au format AAAA-MM-JJ');
    expect(champs.nombreParticipants).toBe('Le nombre de participants ne peut pas être négatif');
    expect(champs['publics.0']).toBe('Public inconnu');
    const commune = await coordination.post(`/api/contrats/${contratId}/temps-publics`, { ...forum, communeCode: '35999' });
    expect(commune.status).toBe(400);
    expect(commune.body.detail).toContain('La commune 35999 n’existe pas');
  });

  it('un lecteur ne peut pas en enregistrer', async () => {
    const r = await lecteur.post(`/api/contrats/${contratId}/temps-publics`, forum);
    expect(r.status).toBe(403);
  });

  it('modifie avec la version lue ; une version périmée reçoit 409 avec l’état courant, sans rien écraser', async () => {
    const ok = await coordination.put(`/api/contrats/${contratId}/temps-publics/${id}`, { ...forum, nombreParticipants: 92, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ nombreParticipants: 92, version: 2 });
    const perime = await coordination.put(`/api/contrats/${contratId}/temps-publics/${id}`, {
      ...forum,
      nombreParticipants: 10,
      version: 1,
    });
    expect(perime.status).toBe(409);
    expect(perime.body.detail).toContain('modifié par quelqu’un d’autre');
    expect(perime.body.courant).toMatchObject({ nombreParticipants: 92, version: 2 });
    expect((await coordination.get(`/api/contrats/${contratId}/temps-publics/${id}`)).body.nombreParticipants).toBe(92);
  });

  it('ses extraits deviennent des verbatims du diagnostic, avec le temps public pour source', async () => {
    const r = await coordination.post(`/api/contrats/${contratId}/temps-publics/${id}/verbatims`, {
      extraits: [
        { texte: 'Il faut six mois pour voir un psychologue.', locuteur: 'habitant' },
        { texte: 'Les jeunes ne savent pas où s’adresser.', locuteur: 'professionnel' },
      ],
    });
    expect(r.status).toBe(201);
    expect(r.body.verbatims).toHaveLength(2);
    const diagnostic = (await coordination.get(`/api/contrats/${contratId}/diagnostic`)).body;
    const verses = diagnostic.verbatims.filter((v: any) => r.body.verbatims.includes(v.id));
    expect(verses).toHaveLength(2);
    for (const v of verses)
      expect(v).toMatchObject({
        source: 'Forum santé des jeunes (forum, 12/03/2026)',
        dateRecueil: '2026-03-12',
        communeCode: '35236',
      });
    expect((await coordination.get(`/api/contrats/${contratId}/temps-publics/${id}`)).body.nombreVerbatims).toBe(2);
    const vide = await coordination.post(`/api/contrats/${contratId}/temps-publics/${id}/verbatims`, { extraits: [] });
    expect(vide.status).toBe(400);
    expect(vide.body.erreurs[0].message).toBe('Donnez au moins un extrait');
  });

  it('chaque changement est au journal du contrat, en phrases françaises ; supprimé, ses verbatims restent', async () => {
    expect((await coordination.delete(`/api/contrats/${contratId}/temps-publics/${id}`)).status).toBe(204);
    expect((await coordination.get(`/api/contrats/${contratId}/temps-publics/${id}`)).status).toBe(404);
    const diagnostic = (await coordination.get(`/api/contrats/${contratId}/diagnostic`)).body;
    expect(diagnostic.verbatims.filter((v: any) => v.source === 'Forum santé des jeunes (forum, 12/03/2026)')).toHaveLength(2);
    const phrases = (await coordination.get(`/api/contrats/${contratId}/historique?parPage=50`)).body.elements.map((e: any) => e.phrase);
    expect(phrases).toContain('Marie Dupont a enregistré le temps public « Forum santé des jeunes »');
    expect(phrases).toContain('Marie Dupont a modifié le temps public « Forum santé des jeunes »');
    expect(phrases).toContain('Marie Dupont a supprimé le temps public « Forum santé des jeunes »');
    expect(phrases).toContain('Marie Dupont a ajouté le verbatim « Il faut six mois pour voir un psychologue. »');
    expect(phrases).toContain('Marie Dupont a versé au diagnostic des extraits du temps public « Forum santé des jeunes »');
  });
});
