import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';
import { appliquerMigrations, DOSSIER_MIGRATIONS } from '../../platform/migrations';

let serveur: ServeurDeTest;
let coordination: ClientHttp;
let pilote: ClientHttp;
let cls2: any;
let axeId: string;
let chRedon: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [coordination, pilote] = [serveur.client(), serveur.client()];
  await coordination.connecter(DEMO.coordination);
  await pilote.connecter(DEMO.pilote);
  cls2 = (await coordination.get('/api/contrats')).body.find((c: any) => c.generation === 2);
  chRedon = (await serveur.ctx.db.query(`select id from organisations where nom = 'Centre hospitalier de Redon'`)).rows[0].id;
  axeId = (await coordination.post(`/api/contrats/${cls2.id}/axes`, { intitule: 'Accès aux soins de premier recours' })).body.id;
});
afterAll(() => serveur.fermer());

const saisieDe = (f: any) => {
  const {
    id,
    contratId,
    numero,
    ordre,
    statutLibelle,
    axe,
    objectif,
    totalFinancementCentimes,
    version,
    modifieLe,
    historiqueStatuts,
    modifiable,
    verrou,
    ...reste
  } = f;
  return {
    ...reste,
    pilotes: f.pilotes.map((p: any) => ({ organisationId: p.organisationId, service: p.service })),
    financements: f.financements.map(({ id: _, financeurNom, ...l }: any) => l),
  };
};

describe('un indicateur, saisi une fois', () => {
  it('les indicateurs de la fiche sont ses indicateurs de suivi : créés avec la fiche, mesurés par le suivi, modifiés d’un côté comme de l’autre', async () => {
    const creee = await coordination.post(`/api/contrats/${cls2.id}/fiches`, {
      intitule: 'Installer des médecins dans les communes rurales',
      axeId,
      statut: 'en_cours',
      pilotes: [{ organisationId: chRedon }],
      indicateurs: [
        {
          libelle: 'Médecins installés',
          type: 'resultat',
          unite: 'médecins',
          cible: '6 d’ici 2028',
          reference: { valeur: 0, date: '2025-12-31' },
          cibles: [{ periode: '2027', valeur: 3 }],
        },
        { libelle: 'Soirées d’accueil des internes', type: 'activite', methode: 'Feuilles d’émargement' },
      ],
    });
    expect(creee.status, JSON.stringify(creee.body)).toBe(201);
    const fiche = (await coordination.get(`/api/fiches/${creee.body.id}`)).body;
    expect(fiche.indicateurs.map((i: any) => [i.libelle, i.type, i.unite, i.cible])).toEqual([
      ['Médecins installés', 'resultat', 'médecins', '6 d’ici 2028'],
      ['Soirées d’accueil des internes', 'activite', null, null],
    ]);
    expect(fiche.indicateurs[0]).toMatchObject({
      reference: { valeur: 0, date: '2025-12-31' },
      cibles: [{ periode: '2027', valeur: 3 }],
      pourcentage: false,
      poids: 1,
    });

    // The same two, in the follow-up: one list.
    const suivi = (await pilote.get(`/api/fiches/${fiche.id}/suivi`)).body;
    expect(suivi.indicateurs.map((i: any) => i.id)).toEqual(fiche.indicateurs.map((i: any) => i.id));
    const [medecins, soirees] = suivi.indicateurs;
    expect(medecins).toMatchObject({ cible: '6 d’ici 2028', reference: 0 });

    // A value entered and validated in the follow-up...
    expect((await pilote.put(`/api/indicateurs-suivi/${medecins.id}/valeurs/2027`, { valeur: 2 })).status).toBe(200);
    expect((await pilote.post(`/api/fiches/${fiche.id}/suivi/2027/transitions`, { action: 'soumettre' })).status).toBe(200);
    expect((await coordination.post(`/api/fiches/${fiche.id}/suivi/2027/transitions`, { action: 'valider' })).status).toBe(200);
    const avancement = (await coordination.get(`/api/contrats/${cls2.id}/avancement`)).body;
    const fichesAvancement = avancement.axes.flatMap((a: any) => [...a.fichesSansObjectif, ...a.objectifs.flatMap((o: any) => o.fiches)]);
    expect(fichesAvancement.find((f: any) => f.id === fiche.id)).toMatchObject({
      source: 'indicateurs',
      indicateurs: 2,
      indicateursMesures: 1,
    });

    // ...survives the fiche form: the first edited by id (what it leaves out is kept), the second by its label, a third added.
    const f1 = (await coordination.get(`/api/fiches/${fiche.id}`)).body;
    const maj = await coordination.put(`/api/fiches/${fiche.id}`, {
      ...saisieDe(f1),
      version: f1.version,
      indicateurs: [
        {
          id: medecins.id,
          version: medecins.version,
          libelle: 'Médecins généralistes installés',
          type: 'resultat',
          unite: 'médecins',
          cible: '6 d’ici 2028',
        },
        { libelle: 'soirées d’accueil des internes ', type: 'activite', methode: 'Émargement' },
        { libelle: 'Internes accueillis', type: 'activite', cible: '10 par an' },
      ],
    });
    expect(maj.status, JSON.stringify(maj.body)).toBe(200);
    const apres = (await coordination.get(`/api/fiches/${fiche.id}/suivi`)).body.indicateurs;
    expect(apres.map((i: any) => [i.id, i.libelle])).toEqual([
      [medecins.id, 'Médecins généralistes installés'],
      [soirees.id, 'soirées d’accueil des internes'],
      [expect.any(String), 'Internes accueillis'],
    ]);
    expect(apres[0]).toMatchObject({
      reference: 0,
      cibles: [expect.objectContaining({ periode: '2027', valeur: 3 })],
      valeurs: [expect.objectContaining({ periode: '2027', valeur: 2, etat: 'valide' })],
    });
    expect(apres[1].methode).toBe('Émargement');

    // Edited in the follow-up tab, the fiche says it too.
    const i3 = apres[2];
    expect(
      (
        await pilote.put(`/api/indicateurs-suivi/${i3.id}`, {
          libelle: 'Internes accueillis',
          type: 'activite',
          unite: 'internes',
          cible: '12 par an',
          version: i3.version,
        })
      ).status,
    ).toBe(200);
    const f2 = (await coordination.get(`/api/fiches/${fiche.id}`)).body;
    expect(f2.indicateurs[2]).toMatchObject({ unite: 'internes', cible: '12 par an' });

    // A fiche saved without the list leaves the indicators alone; a stale indicator version is refused.
    const { indicateurs: _, ...sansListe } = saisieDe(f2);
    expect((await coordination.put(`/api/fiches/${fiche.id}`, { ...sansListe, notes: 'Point en COPIL', version: f2.version })).status).toBe(
      200,
    );
    const f3 = (await coordination.get(`/api/fiches/${fiche.id}`)).body;
    expect(f3.indicateurs).toHaveLength(3);
    const ancienne = { ...f3.indicateurs[0], version: f3.indicateurs[0].version - 1 };
    expect(
      (
        await coordination.put(`/api/fiches/${fiche.id}`, {
          ...saisieDe(f3),
          version: f3.version,
          indicateurs: [ancienne, ...f3.indicateurs.slice(1)],
        })
      ).status,
    ).toBe(200);
    const f4 = (await coordination.get(`/api/fiches/${fiche.id}`)).body;
    const perime = await coordination.put(`/api/fiches/${fiche.id}`, {
      ...saisieDe(f4),
      version: f4.version,
      indicateurs: [{ ...ancienne, unite: 'praticiens' }, ...f4.indicateurs.slice(1)],
    });
    expect(perime.status).toBe(409);
    expect(perime.body.detail).toBe(
      'L’indicateur « Médecins généralistes installés » a été modifié entre-temps par quelqu’un d’autre : rechargez la fiche.',
    );

    // Removing the measured indicator is refused with its name; nothing of the fiche changes.
    const retrait = await coordination.put(`/api/fiches/${fiche.id}`, {
      ...saisieDe(f4),
      intitule: 'Autre intitulé',
      version: f4.version,
      indicateurs: f4.indicateurs.slice(1),
    });
    expect(retrait.status).toBe(409);
    expect(retrait.body.detail).toBe(
      'L’indicateur « Médecins généralistes installés » a des valeurs validées : elles comptent dans le suivi, il ne peut être retiré.',
    );
    expect((await coordination.get(`/api/fiches/${fiche.id}`)).body).toMatchObject({
      intitule: 'Installer des médecins dans les communes rurales',
      version: f4.version,
    });

    // The field's errors name the indicator's place in the list.
    const invalide = await coordination.put(`/api/fiches/${fiche.id}`, {
      ...saisieDe(f4),
      version: f4.version,
      indicateurs: [
        ...f4.indicateurs,
        { libelle: 'Taux de vaccination', type: 'resultat', pourcentage: true, cibles: [{ periode: '2027', valeur: 70 }] },
      ],
    });
    expect(invalide.status).toBe(400);
    expect(invalide.body.erreurs.map((e: any) => e.champ)).toEqual([
      'indicateurs.3.cibles.0.numerateur',
      'indicateurs.3.cibles.0.denominateur',
    ]);

    // Every change is audited as an indicator's.
    const { rows } = await serveur.ctx.db.query(
      `select action from audit_evenements where entite_type = 'indicateur_suivi' and contexte ->> 'ficheId' = $1 order by id`,
      [fiche.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['creation', 'creation', 'modification', 'modification', 'creation', 'modification']);
  });

  it('d’un contrat signé, les indicateurs suivent la vie de l’action sans avenant', async () => {
    const { rows } = await serveur.ctx.db.query(
      `select f.id from fiches f join contrats c on c.id = f.contrat_id where c.statut in ('signe', 'evaluation', 'echu', 'renouvele') order by c.cree_le, f.numero limit 1`,
    );
    expect(rows).toHaveLength(1);
    const f = (await coordination.get(`/api/fiches/${rows[0].id}`)).body;
    expect(f.verrou).not.toBeNull();
    const ajout = await coordination.put(`/api/fiches/${f.id}`, {
      ...saisieDe(f),
      version: f.version,
      indicateurs: [...f.indicateurs, { libelle: 'Personnes sensibilisées', type: 'activite', cible: '200' }],
    });
    expect(ajout.status, JSON.stringify(ajout.body)).toBe(200);
    expect(ajout.body.indicateurs.at(-1)).toMatchObject({ libelle: 'Personnes sensibilisées', cible: '200' });
    const autre = await coordination.put(`/api/fiches/${f.id}`, {
      ...saisieDe(ajout.body),
      description: 'Une autre description',
      version: ajout.body.version,
    });
    expect(autre.status).toBe(409);
  });
});

describe('la fiche complète dès sa création', () => {
  it('prend étapes, partenaires et indicateurs dans la même création, en une transaction, et l’historique le dit', async () => {
    const cpam = (await serveur.ctx.db.query(`select id from organisations where nom ilike 'CPAM%' limit 1`)).rows[0].id;
    const corps = {
      intitule: 'Ouvrir une maison de santé à Pipriac',
      axeId,
      etapes: [{ libelle: 'Réunir les professionnels', debut: '2027-01-01', fin: '2027-03-31' }, { libelle: 'Déposer le projet de santé' }],
      partenaires: [
        { secteur: 'sante', acteur: 'CPAM', organisationId: cpam, participation: ['mobilisation_ressources'] },
        { secteur: 'logement', acteur: 'Bailleur social du pays de Redon', participation: [] },
      ],
      indicateurs: [{ libelle: 'Professionnels installés', type: 'resultat', unite: 'professionnels' }],
    };
    const creee = await coordination.post(`/api/contrats/${cls2.id}/fiches`, corps);
    expect(creee.status, JSON.stringify(creee.body)).toBe(201);
    const fiche = (await coordination.get(`/api/fiches/${creee.body.id}`)).body;
    expect(fiche.etapes).toEqual(corps.etapes);
    // The list gives the étapes' names and dates only (the calendar), none of the rest of the template (issue 16).
    const listee = (await coordination.get(`/api/contrats/${cls2.id}/fiches`)).body.find((f: any) => f.id === fiche.id);
    expect(listee.etapes).toEqual([
      { libelle: 'Réunir les professionnels', debut: '2027-01-01', fin: '2027-03-31' },
      { libelle: 'Déposer le projet de santé', debut: null, fin: null },
    ]);
    for (const champ of ['partenaires', 'indicateurs', 'description', 'dispositifsTerritoriaux']) expect(listee).not.toHaveProperty(champ);
    expect(fiche.partenaires.map((p: any) => [p.acteur, p.organisationId ?? null])).toEqual([
      ['CPAM', cpam],
      ['Bailleur social du pays de Redon', null],
    ]);
    const { rows } = await serveur.ctx.db.query(
      `select diff::text as diff from audit_evenements where entite_type = 'fiche' and entite_id = $1 and action = 'creation'`,
      [fiche.id],
    );
    for (const attendu of [
      'Réunir les professionnels',
      'Déposer le projet de santé',
      'Bailleur social du pays de Redon',
      'Professionnels installés',
    ])
      expect(rows[0].diff).toContain(attendu);

    // A wrong partner leaves nothing behind: no fiche, no indicator.
    const avant = (await serveur.ctx.db.query('select count(*)::int n from indicateurs_suivi')).rows[0].n;
    const refus = await coordination.post(`/api/contrats/${cls2.id}/fiches`, {
      ...corps,
      partenaires: [{ secteur: 'sante', acteur: 'Inconnue', organisationId: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(refus.status).toBe(400);
    expect((await serveur.ctx.db.query('select count(*)::int n from indicateurs_suivi')).rows[0].n).toBe(avant);
  });
});

describe('migration 0018', () => {
  it('fait de chaque indicateur prévu un indicateur de suivi, sauf s’il en existe un du même libellé, et garde les listes d’origine', async () => {
    const db = serveur.ctx.db;
    const creee = (
      await coordination.post(`/api/contrats/${cls2.id}/fiches`, {
        intitule: 'Fiche d’avant la migration',
        axeId,
        indicateurs: [{ libelle: 'Ateliers tenus', type: 'activite', unite: 'ateliers' }],
      })
    ).body;
    const prevus = [
      { libelle: 'ateliers tenus', type: 'activite', methode: 'Émargement', cible: '10' },
      { libelle: 'Participants', type: 'resultat', cible: '200 personnes' },
      { libelle: 'Satisfaction', type: 'inconnu' },
      { libelle: '  ', type: 'processus' },
    ];
    // The database as it was before 0018: the planned list in the fiche's content, no column for the stated target.
    await db.query(`update fiches set contenu = jsonb_set(contenu, '{indicateurs}', $2) where id = $1`, [creee.id, JSON.stringify(prevus)]);
    await db.query('alter table indicateurs_suivi drop column cible');
    await db.query('alter table membres_instance drop column email');
    await db.query('drop table indicateurs_prevus_archives');
    await db.query(`delete from migrations where nom like '0018_%'`);
    const fichier = (await fs.readdir(DOSSIER_MIGRATIONS)).find((f) => f.startsWith('0018_'))!;
    expect(await appliquerMigrations(db)).toEqual([fichier]);
    expect(path.extname(fichier)).toBe('.sql');

    const fiche = (await coordination.get(`/api/fiches/${creee.id}`)).body;
    expect(fiche.indicateurs.map((i: any) => [i.libelle, i.type, i.unite, i.methode, i.cible])).toEqual([
      ['Ateliers tenus', 'activite', 'ateliers', 'Émargement', '10'],
      ['Participants', 'resultat', null, null, '200 personnes'],
      ['Satisfaction', 'resultat', null, null, null],
    ]);
    const { rows } = await db.query(
      'select f.contenu ? $2 as reste, a.indicateurs from fiches f join indicateurs_prevus_archives a on a.fiche_id = f.id where f.id = $1',
      [creee.id, 'indicateurs'],
    );
    expect(rows).toEqual([{ reste: false, indicateurs: prevus }]);
  });
});
