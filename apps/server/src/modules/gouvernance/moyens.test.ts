import { phraseJournal } from '@maillage/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurDeTest, DEMO, type ClientHttp, type ServeurDeTest } from '../../../test/harness';

let serveur: ServeurDeTest;
let cpam: ClientHttp;
let coordination: ClientHttp;
let lecteur: ClientHttp;
let cls2: string;
let belleIle: string;
let cpamId: string;

beforeAll(async () => {
  serveur = await demarrerServeurDeTest();
  [cpam, coordination, lecteur] = [serveur.client(), serveur.client(), serveur.client()];
  await cpam.connecter(DEMO.cpam);
  await coordination.connecter(DEMO.coordination);
  await lecteur.connecter(DEMO.lecteur);
  const { rows } = await serveur.ctx.db.query(
    `select (select id from contrats where intitule = 'Contrat local de santé de Redon Agglomération (2e génération)') as cls2,
       (select id from contrats where intitule = 'Contrat local de santé de Belle-Île-en-Mer') as "belleIle",
       (select id from organisations where nom = 'CPAM d’Ille-et-Vilaine') as cpam`,
  );
  ({ cls2, belleIle, cpam: cpamId } = rows[0]);
});
afterAll(() => serveur.fermer());

const journal = async (entite: string, id: string) =>
  (
    await serveur.ctx.db.query(
      `select entite_type as "entiteType", entite_id as "entiteId", action, diff, contexte from audit_evenements where entite_type = $1 and entite_id = $2 order by id`,
      [entite, id],
    )
  ).rows;

describe('moyens engagés par une organisation (seed 002)', () => {
  it('la démonstration dit ce que la CPAM 35 apporte au CLS 2 de Redon, avec les mots du mémoire, sans chiffre inventé', async () => {
    const e = await cpam.get(`/api/organisations/${cpamId}/engagements`);
    expect(e.status).toBe(200);
    const lignes = e.body.moyens.lignes;
    expect(lignes.length).toBeGreaterThanOrEqual(4);
    expect(lignes.every((l: any) => l.contratId === cls2)).toBe(true);
    expect(lignes.map((l: any) => l.description).join(' ')).toContain(
      '« La CPAM 35 a réalisé en interne un premier diagnostic du territoire »',
    );
    // The one figure of time is said to be the demonstration's assumption; no euro is claimed.
    const temps = lignes.filter((l: any) => l.type === 'temps');
    expect(temps).toHaveLength(1);
    expect(temps[0].description).toContain('hypothèse de la démonstration');
    expect(e.body.moyens.total).toMatchObject({ jours: 3, etp: 0, montantCentimes: 0 });
    expect(lignes.find((l: any) => l.indicateurCode === 'part_css')?.objectifs).toContain('complémentaire santé solidaire');
    expect(e.body.contrats.find((c: any) => c.id === cls2).roles).toContain('moyens');
  });

  it('la référente de la CPAM enregistre du temps en ETP, un financement, et les sommes restent par unité, par contrat, par année et par organisation', async () => {
    const ajout = (corps: object) => cpam.post(`/api/contrats/${cls2}/moyens`, { organisationId: cpamId, ...corps });
    const etp = await ajout({
      annee: 2023,
      type: 'temps',
      quantite: 0.1,
      unite: 'etp',
      description: 'Référente CLS',
      objectifs: 'CPG : nombre de CPTS adhérentes à l’ACI',
    });
    expect(etp.status).toBe(201);
    expect(
      (await ajout({ annee: 2023, type: 'temps', quantite: 0.2, unite: 'etp', description: 'Conseillère territoriale en santé' })).status,
    ).toBe(201);
    expect((await ajout({ annee: 2023, type: 'financier', montantCentimes: 250000, description: 'Appel à projets ASS' })).status).toBe(201);

    const org = (await cpam.get(`/api/organisations/${cpamId}/engagements`)).body.moyens;
    // 0,1 + 0,2 ETP: 0,3 exactly, not 0,30000000000000004.
    expect(org.parAnnee.find((a: any) => a.annee === 2023).total).toMatchObject({ etp: 0.3, jours: 0, montantCentimes: 250000 });
    expect(org.parAnnee.find((a: any) => a.annee === 2021).total).toMatchObject({ jours: 3, etp: 0 });
    expect(org.parContrat).toHaveLength(1);
    expect(org.parContrat[0]).toMatchObject({ contratId: cls2, total: { jours: 3, etp: 0.3, montantCentimes: 250000 } });

    const contrat = (await coordination.get(`/api/contrats/${cls2}/moyens`)).body;
    expect(contrat.parOrganisation).toEqual([
      expect.objectContaining({ organisationId: cpamId, nom: 'CPAM 35', total: expect.objectContaining({ etp: 0.3, jours: 3 }) }),
    ]);

    const [evenement] = await journal('engagement_moyens', etp.body.id);
    expect(phraseJournal(evenement)).toBe('a enregistré l’engagement de moyens de « CPAM d’Ille-et-Vilaine » pour 2023');

    const classeur = new ExcelJS.Workbook();
    await classeur.xlsx.load((await cpam.telecharger(`/api/organisations/${cpamId}/engagements.xlsx`)).corps as never);
    const feuille = classeur.getWorksheet('Moyens engagés')!;
    expect(feuille.rowCount).toBe(1 + org.lignes.length);
  });

  it('refuse une saisie incomplète ou incohérente en nommant le champ, en français, et n’enregistre rien', async () => {
    const avant = (await serveur.ctx.db.query('select count(*)::int n from engagements_moyens')).rows[0].n;
    const sansQuantite = await cpam.post(`/api/contrats/${cls2}/moyens`, {
      organisationId: cpamId,
      annee: 2023,
      type: 'temps',
      unite: 'jours',
    });
    expect(sansQuantite.status).toBe(400);
    expect(sansQuantite.headers.get('content-type')).toContain('application/problem+json');
    expect(sansQuantite.body.erreurs).toEqual([{ champ: 'quantite', message: 'Temps de travail : indiquez le nombre de jours ou d’ETP' }]);
    const montantSurTemps = await cpam.post(`/api/contrats/${cls2}/moyens`, {
      organisationId: cpamId,
      annee: 2023,
      type: 'nature',
      description: 'Salle',
      montantCentimes: 100,
    });
    expect(montantSurTemps.body.erreurs).toEqual([
      { champ: 'montantCentimes', message: 'Un montant ne se saisit que pour un engagement de type « Financement »' },
    ]);
    const indicateurInconnu = await cpam.post(`/api/contrats/${cls2}/moyens`, {
      organisationId: cpamId,
      annee: 2023,
      type: 'nature',
      description: 'Salle',
      indicateurCode: 'inexistant',
    });
    expect(indicateurInconnu.status).toBe(400);
    expect(indicateurInconnu.body.erreurs).toEqual([{ champ: 'indicateurCode', message: 'Indicateur inconnu du catalogue' }]);
    // A follow-up indicator of another contract is not a result of this one.
    const { rows: ailleurs } = await serveur.ctx.db.query(
      `insert into indicateurs_suivi (fiche_id, contrat_id, libelle, type) select f.id, f.contrat_id, 'Bilans réalisés au CES', 'activite' from fiches f where f.contrat_id <> $1 limit 1 returning id`,
      [cls2],
    );
    const autreContrat = await cpam.post(`/api/contrats/${cls2}/moyens`, {
      organisationId: cpamId,
      annee: 2023,
      type: 'nature',
      description: 'Salle',
      indicateurSuiviId: ailleurs[0].id,
    });
    expect(autreContrat.body.erreurs).toEqual([{ champ: 'indicateurSuiviId', message: 'Indicateur de suivi inconnu dans ce contrat' }]);
    expect((await serveur.ctx.db.query('select count(*)::int n from engagements_moyens')).rows[0].n).toBe(avant);
  });

  it('seuls les référents de l’organisation et les éditeurs du contrat écrivent ; une version périmée est refusée ; la suppression est tracée', async () => {
    // The CPAM's referent cannot commit another organisation's means.
    const redon = (await serveur.ctx.db.query(`select id from organisations where nom = 'Redon Agglomération'`)).rows[0].id;
    expect(
      (
        await cpam.post(`/api/contrats/${cls2}/moyens`, {
          organisationId: redon,
          annee: 2023,
          type: 'nature',
          description: 'Salle du conseil',
        })
      ).status,
    ).toBe(403);
    // The coordination (editor of the contract) may record it for Redon Agglomération.
    const salle = await coordination.post(`/api/contrats/${cls2}/moyens`, {
      organisationId: redon,
      annee: 2023,
      type: 'nature',
      description: 'Salle du conseil pour les COPIL',
    });
    expect(salle.status).toBe(201);
    expect(
      (await lecteur.post(`/api/contrats/${cls2}/moyens`, { organisationId: cpamId, annee: 2023, type: 'nature', description: 'x' }))
        .status,
    ).not.toBe(201);
    // Belle-Île is not a contract the CPAM 35 referent reads: 404, its existence not disclosed.
    expect(
      (await cpam.post(`/api/contrats/${belleIle}/moyens`, { organisationId: cpamId, annee: 2023, type: 'nature', description: 'x' }))
        .status,
    ).toBe(404);

    const chemin = `/api/contrats/${cls2}/moyens/${salle.body.id}`;
    const corps = {
      organisationId: redon,
      annee: 2023,
      type: 'temps',
      quantite: 2,
      unite: 'jours',
      description: 'Deux journées de l’animatrice santé',
    };
    const ok = await coordination.put(chemin, { ...corps, version: 1 });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    const perime = await coordination.put(chemin, { ...corps, quantite: 5, version: 1 });
    expect(perime.status).toBe(409);
    expect(perime.body.courant.quantite).toBe(2);
    expect((await coordination.delete(chemin)).status).toBe(204);
    const evenements = await journal('engagement_moyens', salle.body.id);
    expect(evenements.map((e) => e.action)).toEqual(['creation', 'modification', 'suppression']);
    expect(evenements[1].diff.quantite).toEqual({ avant: null, apres: 2 });
    expect(phraseJournal(evenements[2])).toBe('a supprimé l’engagement de moyens de « Redon Agglomération » pour 2023');
  });
});

describe('financements existants du territoire (seed 003)', () => {
  it('le diagnostic les recense à côté du financement propre du contrat ; un montant inconnu fait du total un plancher', async () => {
    const d = (await coordination.get(`/api/contrats/${cls2}/diagnostic`)).body.financementsTerritoire;
    // Demo: the ARS's GP zoning aid and the CPTS's ACI, both without a published amount.
    expect(d.lignes.map((l: any) => l.dispositif)).toEqual(
      expect.arrayContaining([expect.stringContaining('Zonage des médecins généralistes'), expect.stringContaining('ACI')]),
    );
    expect(d.total).toEqual({ montantCentimes: 0, lignes: 2, sansMontant: 2 });

    const ajout = await coordination.post(`/api/contrats/${cls2}/financements-existants`, {
      financeurLibelle: 'État – politique de la ville',
      dispositif: 'Contrat de ville, volet santé',
      montantCentimes: 4500000,
      anneeDebut: 2019,
      anneeFin: 2022,
      objet: 'Atelier santé ville du quartier prioritaire',
    });
    expect(ajout.status).toBe(201);
    await coordination.post(`/api/contrats/${cls2}/financements`, {
      objet: 'coordination',
      financeurLibelle: 'ARS',
      dispositif: 'FIR',
      annee: 2022,
      montantCentimes: 3000000,
      nature: 'fonctionnement',
      statut: 'accorde',
    });
    await coordination.post(`/api/contrats/${cls2}/financements`, {
      objet: 'diagnostic',
      financeurLibelle: 'ARS',
      dispositif: 'FIR',
      annee: 2021,
      montantCentimes: 999900,
      nature: 'fonctionnement',
      statut: 'refuse',
    });
    const apres = (await coordination.get(`/api/contrats/${cls2}/diagnostic`)).body.financementsTerritoire;
    expect(apres.total).toEqual({ montantCentimes: 4500000, lignes: 3, sansMontant: 2 });
    // The refused line counts for nothing.
    expect(apres.contrat).toMatchObject({ totalCentimes: 3000000, horsFichesCentimes: 3000000, acquisCentimes: 3000000 });

    const chemin = `/api/contrats/${cls2}/financements-existants/${ajout.body.id}`;
    const modifie = await coordination.put(chemin, {
      financeurLibelle: 'État – politique de la ville',
      dispositif: 'Contrat de ville, volet santé',
      montantCentimes: 5000000,
      anneeDebut: 2019,
      anneeFin: 2022,
      objet: 'Atelier santé ville',
    });
    expect(modifie.status).toBe(204);
    expect((await coordination.delete(chemin)).status).toBe(204);
    const evenements = await journal('financement_territoire', ajout.body.id);
    expect(evenements.map((e) => e.action)).toEqual(['creation', 'modification', 'suppression']);
    expect(evenements[1].diff.montantCentimes).toEqual({ avant: 4500000, apres: 5000000 });
    expect(phraseJournal(evenements[0])).toBe('a recensé dans le diagnostic le financement existant « Contrat de ville, volet santé »');
  });

  it('refuse une saisie invalide en nommant le champ, et le lecteur ne peut rien écrire', async () => {
    const r = await coordination.post(`/api/contrats/${cls2}/financements-existants`, {
      dispositif: 'FIR',
      anneeDebut: 2022,
      anneeFin: 2020,
      objet: 'Prévention',
    });
    expect(r.status).toBe(400);
    expect(r.body.erreurs).toEqual([
      { champ: 'financeurLibelle', message: 'Indiquez le financeur' },
      { champ: 'anneeFin', message: 'La fin de la période précède son début' },
    ]);
    const inconnu = await coordination.post(`/api/contrats/${cls2}/financements-existants`, {
      financeurId: '00000000-0000-4000-8000-000000000000',
      dispositif: 'FIR',
      anneeDebut: 2022,
      objet: 'Prévention',
    });
    expect(inconnu.body.erreurs).toEqual([{ champ: 'financeurId', message: 'Financeur inconnu' }]);
    expect(
      (
        await lecteur.post(`/api/contrats/${cls2}/financements-existants`, {
          financeurLibelle: 'ARS',
          dispositif: 'FIR',
          anneeDebut: 2022,
          objet: 'Prévention',
        })
      ).status,
    ).not.toBe(201);
  });
});
