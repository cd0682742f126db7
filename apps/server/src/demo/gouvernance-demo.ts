import fs from 'node:fs';
import path from 'node:path';
import { RACINE } from '../config';
import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';
import * as comptes from '../modules/comptes/comptes.repository';

const FIXTURES = path.resolve(RACINE, '../shared/fixtures');

interface SeanceSource {
  date: string;
  instance: string;
  ordre_du_jour?: string[];
}

async function organisationId(tx: Queryable, nom: string, type: string) {
  const existante = await comptes.organisationParNom(tx, nom);
  if (existante) return existante.id;
  const creee = await comptes.creerOrganisation(tx, { nom, type: type as never });
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'organisation',
    entiteId: creee.id,
    action: 'creation',
    apres: creee as never,
    contexte: { demo: true },
  });
  return creee.id;
}

/**
 * Redon CLS 2's governance in 2021, from ../shared/fixtures/contrats.json: the Assurance maladie working group
 * (CPAM 35, 44, 56, MSA Portes de Bretagne, MSA Loire-Atlantique–Vendée) and its three meetings with their agendas,
 * and the COPIL of 1 July 2021. Meeting times are not in the sources: they are set at 14:00 (Paris).
 */
export async function creerGouvernanceDemo(tx: Queryable): Promise<void> {
  const donnees = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'contrats.json'), 'utf8'));
  await creerCopilBelleIle(
    tx,
    donnees.contrats.find((c: { id: string }) => c.id === 'belle-ile-1'),
  );
  const { rows } = await tx.query(
    `select id from contrats where intitule = 'Contrat local de santé de Redon Agglomération (2e génération)'`,
  );
  const contratId = rows[0]?.id;
  if (!contratId) return;
  const redon2 = donnees.contrats.find((c: { id: string }) => c.id === 'redon-2');
  const seancesSource: SeanceSource[] = redon2.seances_2021;

  const instance = async (type: string, nom: string, frequence: number | null, presidence: string | null) =>
    (
      await tx.query(
        'insert into instances (contrat_id, type, nom, frequence_par_an, presidence) values ($1, $2, $3, $4, $5) returning id',
        [contratId, type, nom, frequence, presidence],
      )
    ).rows[0].id as string;
  const groupe = await instance('groupe_travail', 'Groupe de travail Assurance maladie', null, null);
  const copil = await instance(
    'copil',
    'COPIL CLS Redon Agglomération',
    2,
    'ARS Bretagne, ARS Pays de la Loire et Redon Agglomération (trinôme)',
  );

  for (const [nom, type] of [
    ['CPAM d’Ille-et-Vilaine', 'cpam'],
    ['CPAM de Loire-Atlantique', 'cpam'],
    ['CPAM du Morbihan', 'cpam'],
    ['MSA Portes de Bretagne', 'msa'],
    ['MSA Loire-Atlantique–Vendée', 'msa'],
  ])
    await tx.query('insert into membres_instance (instance_id, organisation_id, role) values ($1, $2, $3)', [
      groupe,
      await organisationId(tx, nom, type),
      'membre',
    ]);
  for (const nom of ['ARS Bretagne', 'ARS Pays de la Loire', 'Redon Agglomération'])
    await tx.query('insert into membres_instance (instance_id, organisation_id, role, copresidence) values ($1, $2, $3, true)', [
      copil,
      (await comptes.organisationParNom(tx, nom))!.id,
      'trinôme de pilotage',
    ]);

  for (const s of seancesSource) {
    const instanceId = s.instance.startsWith('COPIL') ? copil : groupe;
    const debut = `${s.date}T12:00:00Z`; // 14:00 in Paris in summer, 13:00 in winter
    const { rows: creee } = await tx.query(
      `insert into seances (instance_id, contrat_id, debut, statut) values ($1, $2, $3, 'tenue') returning id`,
      [instanceId, contratId, debut],
    );
    for (const [rang, intitule] of (s.ordre_du_jour ?? []).entries())
      await tx.query('insert into points_ordre_du_jour (seance_id, rang, intitule) values ($1, $2, $3)', [creee[0].id, rang, intitule]);
    await auditer(tx, {
      acteur: SYSTEME,
      entiteType: 'seance',
      entiteId: creee[0].id,
      action: 'creation',
      apres: s as never,
      contexte: { contratId, demo: true },
    });
  }
}

/**
 * Belle-Île-en-Mer's first COPIL, from seed 000 (l.735-759) as contrats.json restates it: signed in January 2013,
 * « premier_copil »: "2013-06", five months later, « trop de temps ». The day is not in the source: like the
 * signature (stored as 2013-01-01), the month is stored as its first day, which keeps the five months between them.
 */
async function creerCopilBelleIle(tx: Queryable, source: { gouvernance: { premier_copil: string } }): Promise<void> {
  const { rows } = await tx.query(`select id from contrats where intitule = 'Contrat local de santé de Belle-Île-en-Mer'`);
  const contratId = rows[0]?.id;
  if (!contratId) return;
  const { rows: instance } = await tx.query(
    `insert into instances (contrat_id, type, nom) values ($1, 'copil', 'COPIL du CLS de Belle-Île-en-Mer') returning id`,
    [contratId],
  );
  const debut = `${source.gouvernance.premier_copil}-01T12:00:00Z`;
  const { rows: seance } = await tx.query(
    `insert into seances (instance_id, contrat_id, debut, statut) values ($1, $2, $3, 'tenue') returning id`,
    [instance[0].id, contratId, debut],
  );
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'seance',
    entiteId: seance[0].id,
    action: 'creation',
    apres: { debut, instance: 'COPIL' } as never,
    contexte: { contratId, demo: true },
  });
}
