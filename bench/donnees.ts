import {
  DETERMINANTS,
  DIMENSIONS_RIFKIN,
  ficheSaisieSchema,
  INTERVENTIONS,
  ISTS,
  PUBLICS,
  SECTEURS,
  THEMATIQUES,
  TYPES_PARTICIPATION,
} from '@maillage/domain';
import type pg from 'pg';
import { contenuDe } from '../apps/server/src/modules/fiches/fiches.repository';

/** Redon Agglomération: 31 communes, the perimeter of the diagnostic figure (its demo contracts carry the qualitative chain). */
export const EPCI_REDON = '243500741';
export const ANNEES = Array.from({ length: 10 }, (_, i) => 2015 + i);
export const NOMBRE_INDICATEURS = 30;
export const SOURCE_BENCH = 'Jeu national de bench';

export interface Echelle {
  /** 1 for the national dataset, 0.1 for --quick. */
  facteur: number;
  contrats: number;
  /** Values on every commune (1) or on one commune in ten plus those of the contracts (0.1). */
  partCommunes: number;
}

export const echelle = (rapide: boolean): Echelle =>
  rapide ? { facteur: 0.1, contrats: 60, partCommunes: 0.1 } : { facteur: 1, contrats: 600, partCommunes: 1 };

/**
 * A fiche as a coordinator fills ARS Bretagne's template: description, reasons, steps, partners, planned indicators.
 * Checked against the shared schema, so documents and exports render real content, not empty fields.
 */
function contenuFiche(): object {
  const paragraphe =
    'Le diagnostic local de santé a montré un recours aux soins plus faible que la moyenne départementale, une offre de premier ' +
    'recours fragile et des habitants éloignés des dispositifs de prévention. Cette action coordonne les acteurs du territoire pour ' +
    'aller vers les publics qui ne demandent rien, en s’appuyant sur les communes, les centres sociaux et les professionnels de santé.';
  const saisie = ficheSaisieSchema.parse({
    intitule: 'Modèle',
    personnesReferentes: 'Coordination du CLS ; référente prévention de la CPAM',
    duree: 'pluriannuelle',
    argumentation: `${paragraphe}\n\n${paragraphe}`,
    istsIdentifiees: true,
    ists: ISTS.slice(0, 3).map((t) => t.code),
    istsPrecision: 'Ménages modestes des communes rurales, éloignés des transports.',
    territoireTout: true,
    publics: PUBLICS.slice(1, 4).map((t) => t.code),
    publicPrecision: 'Familles monoparentales, personnes âgées isolées, jeunes de 16 à 25 ans.',
    publicCibleIsts: true,
    dejaEnCours: false,
    phase: 'mise_en_oeuvre',
    description: `${paragraphe}\n\nLes partenaires se réunissent chaque trimestre ; un bilan annuel est présenté au comité de pilotage.`,
    objectifsOperationnels: [
      'Informer les habitants des dispositifs existants',
      'Former les professionnels de première ligne au repérage',
      'Organiser des permanences dans les communes rurales',
      'Évaluer le recours des publics visés',
    ],
    objectifsCiblentIsts: true,
    etapes: [
      { libelle: 'Constitution du groupe de travail', debut: '2024-01-15', fin: '2024-03-31' },
      { libelle: 'Cartographie des ressources du territoire', debut: '2024-04-01', fin: '2024-06-30' },
      { libelle: 'Premières permanences', debut: '2024-09-01', fin: '2024-12-31' },
      { libelle: 'Extension aux communes volontaires', debut: '2025-01-01', fin: '2025-12-31' },
      { libelle: 'Bilan et évaluation', debut: '2026-01-01', fin: '2026-03-31' },
    ],
    determinants: DETERMINANTS.slice(0, 3).map((t) => t.code),
    interventions: INTERVENTIONS.slice(0, 3).map((t) => t.code),
    partenaires: SECTEURS.slice(0, 3).map((s, i) => ({
      secteur: s.code,
      acteur: `Partenaire ${i + 1} du secteur ${s.libelle.toLowerCase()}`,
      participation: TYPES_PARTICIPATION.slice(0, 2).map((t) => t.code),
    })),
    participationCitoyenne: true,
    rifkin: Object.fromEntries(DIMENSIONS_RIFKIN.map((d, i) => [d.code, 1 + (i % 5)])),
    facteursFacilitants: 'Une coordination déjà identifiée, des élus mobilisés.',
    difficultes: 'La mobilité des habitants et la disponibilité des professionnels.',
    indicateurs: [
      { libelle: 'Nombre de permanences tenues', type: 'activite', cible: '24 par an' },
      { libelle: 'Nombre de personnes accompagnées', type: 'resultat', cible: '300' },
      { libelle: 'Réunions du groupe de travail', type: 'processus', cible: '4 par an' },
    ],
    methodeEvaluation: 'Tableau de suivi trimestriel renseigné par les pilotes ; questionnaire aux bénéficiaires.',
    thematiques: THEMATIQUES.slice(0, 2).map((t) => t.code),
  });
  return contenuDe(saisie);
}

const INTITULES = [
  'Aller vers les publics éloignés du soin',
  'Renforcer l’attractivité du territoire pour les professionnels de santé',
  'Développer la prévention du mal-être des jeunes',
  'Promouvoir l’activité physique adaptée',
  'Prévenir la perte d’autonomie des personnes âgées',
  'Améliorer l’accès aux droits en santé',
  'Soutenir les aidants',
  'Favoriser une alimentation saine dès l’enfance',
  'Lutter contre l’habitat indigne',
  'Coordonner le parcours des personnes en souffrance psychique',
];

/** Runs a statement and says how long it took. */
async function etape(db: pg.ClientBase, journal: (m: string) => void, libelle: string, sql: string, valeurs: unknown[] = []) {
  const debut = performance.now();
  const r = await db.query(sql, valeurs);
  journal(`  ${libelle} : ${r.rowCount ?? 0} ligne(s) en ${((performance.now() - debut) / 1000).toFixed(1)} s`);
  return r;
}

/**
 * The national dataset, written with set-based SQL straight into the server's database (the référentiel and the demo
 * are already there): organisations, ~600 contracts over every region (one or two EPCIs each), their strategy, ~30
 * fiches each with pilots, funding, follow-up indicators and values, governance, audit history, and 30 indicators ×
 * 10 years on the communes.
 */
export async function genererJeu(db: pg.ClientBase, e: Echelle, journal: (m: string) => void) {
  await db.query(`set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '64MB'`);
  // One transaction: a failed generation leaves the database as the demo left it.
  await db.query('begin');
  try {
    await genererContrats(db, e, journal);
    await genererValeurs(db, e, journal);
    await db.query('commit');
  } catch (erreur) {
    await db.query('rollback');
    throw erreur;
  }
}

export async function genererContrats(db: pg.ClientBase, e: Echelle, journal: (m: string) => void) {
  // Funders, pilots and signatories: each region's ARS and council, each département's CPAM and hospital.
  await etape(
    db,
    journal,
    'organisations',
    `insert into organisations (nom, type, region_code, departement_code)
     select 'ARS ' || nom, 'ars', code, null from territoires where type = 'region'
     union all select 'Conseil régional ' || nom, 'region', code, null from territoires where type = 'region'
     union all select 'CPAM ' || nom || ' (' || code || ')', 'cpam', region_code, code from territoires where type = 'departement'
     union all select 'Centre hospitalier ' || nom || ' (' || code || ')', 'hopital', region_code, code from territoires where type = 'departement'
     on conflict do nothing`,
  );

  // EPCIs get contracts region by region in the same proportion, so every region has some; Redon keeps its demo ones.
  const part = e.contrats / 1255;
  await db.query(`drop table if exists bench_contrats`);
  await etape(
    db,
    journal,
    'choix des périmètres',
    `create table bench_contrats as
     with classes as (
       select e.code, e.nom, e.region_code, row_number() over (partition by e.region_code order by md5(e.code)) as rang,
              count(*) over (partition by e.region_code) as nombre
       from territoires e where e.type = 'epci' and e.code <> $1),
     retenus as (select code, nom, region_code, row_number() over (order by md5(code || 'x')) as n from classes where rang <= greatest(1, round(nombre * $2::float8))),
     seconds as (select code, region_code, rang from classes where rang > greatest(1, round(nombre * $2::float8)))
     select gen_random_uuid() as id, r.n::int as n, r.nom, r.region_code,
       array_remove(array[r.code, (select s.code from seconds s where s.region_code = r.region_code and r.n % 5 = 0
                                   order by s.rang offset (r.n / 5) % greatest(1, (select count(*) from seconds s2 where s2.region_code = r.region_code)) limit 1)], null) as epci,
       -- The first two contracts carry the document (40 fiches) and plan export (60 fiches) figures.
       (case when r.n = 1 then 40 when r.n = 2 then 60 else 20 + (r.n * 13) % 21 end)::int as fiches
     from retenus r`,
    [EPCI_REDON, part],
  );

  const STATUTS = `(array['signe','signe','signe','signe','evaluation','elaboration','diagnostic','preparation','echu','renouvele'])[1 + (b.n % 10)]`;
  await etape(
    db,
    journal,
    'contrats',
    `insert into contrats (id, intitule, perimetre, statut, periode_debut, periode_fin, date_signature, debut_elaboration, regions, departements, population, nombre_communes, publie)
     select b.id, 'Contrat local de santé de ' || b.nom, jsonb_build_object('epci', to_jsonb(b.epci), 'communes', '[]'::jsonb), ${STATUTS},
       make_date(2020 + b.n % 5, 1 + b.n % 12, 1), make_date(2025 + b.n % 5, 1 + b.n % 12, 1) - 1,
       case when ${STATUTS} in ('signe','evaluation','echu','renouvele') then make_date(2020 + b.n % 5, 1 + b.n % 12, 15) end,
       make_date(2019 + b.n % 5, 1 + b.n % 12, 1),
       array(select distinct c.region_code from epci_membres m join territoires c on c.type = 'commune' and c.code = m.commune_code where m.epci_code = any(b.epci) order by 1),
       array(select distinct c.departement_code from epci_membres m join territoires c on c.type = 'commune' and c.code = m.commune_code where m.epci_code = any(b.epci) order by 1),
       (select coalesce(sum(c.population), 0) from (select distinct m.commune_code from epci_membres m where m.epci_code = any(b.epci)) d join territoires c on c.type = 'commune' and c.code = d.commune_code),
       (select count(distinct m.commune_code) from epci_membres m where m.epci_code = any(b.epci)),
       b.n % 3 = 0
     from bench_contrats b`,
  );
  await etape(
    db,
    journal,
    'communes des contrats',
    `insert into contrat_communes (contrat_id, commune_code) select distinct b.id, m.commune_code from bench_contrats b join epci_membres m on m.epci_code = any(b.epci) on conflict do nothing`,
  );
  await etape(
    db,
    journal,
    'porteurs (organisations des EPCI)',
    `insert into organisations (nom, type, region_code, territoire_code, siren) select b.nom, 'epci', b.region_code, b.epci[1], b.epci[1] from bench_contrats b on conflict do nothing`,
  );
  await etape(
    db,
    journal,
    'ARS et porteurs des contrats',
    `insert into contrat_organisations (contrat_id, organisation_id, qualite)
     select distinct c.id, o.id, 'ars' from contrats c join bench_contrats b on b.id = c.id cross join unnest(c.regions) r join organisations o on o.type = 'ars' and o.region_code = r and o.nom like 'ARS %' and o.departement_code is null
     union select b.id, o.id, 'porteur' from bench_contrats b join organisations o on o.type = 'epci' and o.siren = b.epci[1]
     on conflict do nothing`,
  );
  await etape(
    db,
    journal,
    'signataires',
    `insert into signataires (contrat_id, organisation_id, representant, qualite, date_signature, ordre)
     select co.contrat_id, co.organisation_id, 'Représentant', case co.qualite when 'ars' then 'Directeur général' else 'Président' end, c.date_signature, row_number() over (partition by co.contrat_id order by co.qualite)
     from contrat_organisations co join contrats c on c.id = co.contrat_id join bench_contrats b on b.id = c.id
     union all
     select c.id, o.id, 'Directrice', 'Directrice', c.date_signature, 10 from contrats c join bench_contrats b on b.id = c.id join organisations o on o.nom = 'CPAM ' || (select nom from territoires where type = 'departement' and code = c.departements[1]) || ' (' || c.departements[1] || ')'
     on conflict do nothing`,
  );
  // Every party has confirmed its role, as on a platform in use: the open data then lists the published contracts.
  await etape(
    db,
    journal,
    'confirmations des parties',
    `insert into confirmations_parties (contrat_id, organisation_id, role, statut, demande_par, repondu_le, repondu_par_libelle)
     select co.contrat_id, co.organisation_id, co.qualite, 'confirme', 'Banc', now(), 'Banc' from contrat_organisations co join bench_contrats b on b.id = co.contrat_id
     union all
     select s.contrat_id, s.organisation_id, 'signataire', 'confirme', 'Banc', now(), 'Banc' from signataires s join bench_contrats b on b.id = s.contrat_id
     on conflict do nothing`,
  );
  await etape(
    db,
    journal,
    'partenaires',
    `insert into partenaires (contrat_id, organisation_id, role)
     select c.id, o.id, 'Partenaire' from contrats c join bench_contrats b on b.id = c.id
       join organisations o on (o.type = 'hopital' and o.departement_code = c.departements[1] and o.nom like 'Centre hospitalier %(' || c.departements[1] || ')')
         or (o.type = 'region' and o.region_code = c.regions[1])
     on conflict do nothing`,
  );

  // A coordinator per contract (an account without password: it only names them in the portfolio).
  await etape(
    db,
    journal,
    'coordonnateurs',
    `with p as (insert into personnes (prenom, nom, email) select 'Coordination', 'CLS ' || b.n, 'coordination.' || b.n || '@bench.maillage.fr' from bench_contrats b returning id, email),
     u as (insert into utilisateurs (personne_id, email) select id, email from p returning id, email)
     insert into habilitations (utilisateur_id, role, contrat_id) select u.id, 'coordonnateur', b.id from u join bench_contrats b on u.email = 'coordination.' || b.n || '@bench.maillage.fr'`,
  );

  await etape(
    db,
    journal,
    'axes',
    `insert into axes (contrat_id, ordre, intitule, axe_prs, description)
     select b.id, a, (array['Accès aux soins et aux droits','Prévention et promotion de la santé','Santé mentale','Santé environnement'])[a], 'Axe PRS ' || a, 'Axe stratégique ' || a || ' du contrat.'
     from bench_contrats b cross join generate_series(1, 4) a`,
  );
  await etape(
    db,
    journal,
    'objectifs',
    `insert into objectifs (axe_id, ordre, intitule, objectifs_operationnels)
     select a.id, o, 'Objectif ' || a.ordre || '.' || o || ' : agir sur les déterminants de santé', array['Informer', 'Coordonner', 'Évaluer']
     from axes a join bench_contrats b on b.id = a.contrat_id cross join generate_series(1, 2) o`,
  );

  const contenu = JSON.stringify(contenuFiche());
  await etape(
    db,
    journal,
    'fiches',
    `insert into fiches (contrat_id, numero, ordre, axe_id, objectif_id, intitule, statut, priorite, debut, fin, thematiques, publics, contenu)
     select b.id, f, f, a.id, (select o.id from objectifs o where o.axe_id = a.id order by o.ordre limit 1 offset f % 2),
       ($1::text[])[1 + (f + b.n) % 10] || ' (' || f || ')',
       (array['a_venir','en_cours','en_cours','en_cours','realisee','en_retard','en_pause','abandonnee'])[1 + (f * 3 + b.n) % 8],
       (array['haute','moyenne','basse'])[1 + f % 3],
       make_date(2022 + f % 3, 1 + f % 12, 1), make_date(2025 + f % 3, 1 + f % 12, 1),
       array[($2::text[])[1 + f % array_length($2::text[], 1)], ($2::text[])[1 + (f + 3) % array_length($2::text[], 1)]],
       array[($3::text[])[1 + f % array_length($3::text[], 1)]],
       $4::jsonb || jsonb_build_object('determinants', jsonb_build_array(($5::text[])[1 + f % array_length($5::text[], 1)]))
     from bench_contrats b cross join generate_series(1, b.fiches) f
       join axes a on a.contrat_id = b.id and a.ordre = 1 + f % 4`,
    [INTITULES, THEMATIQUES.map((t) => t.code), PUBLICS.map((t) => t.code), contenu, DETERMINANTS.map((t) => t.code)],
  );
  await etape(
    db,
    journal,
    'numéros des fiches',
    `insert into numeros_fiches (contrat_id, numero) select f.contrat_id, f.numero from fiches f join bench_contrats b on b.id = f.contrat_id`,
  );
  await etape(
    db,
    journal,
    'pilotes des fiches',
    `insert into fiche_pilotes (fiche_id, rang, organisation_id, service)
     select f.id, 1, o.id, 'Service prévention' from fiches f join bench_contrats b on b.id = f.contrat_id join contrats c on c.id = b.id
       join organisations o on o.type = case when f.numero % 2 = 0 then 'cpam' else 'hopital' end and o.departement_code = c.departements[1] and o.nom like '%(' || c.departements[1] || ')'
     union all
     select f.id, 2, co.organisation_id, null from fiches f join bench_contrats b on b.id = f.contrat_id join contrat_organisations co on co.contrat_id = b.id and co.qualite = 'porteur'
     where f.numero % 3 = 0`,
  );
  await etape(
    db,
    journal,
    'financements des fiches',
    `insert into financements (contrat_id, fiche_id, rang, financeur_id, dispositif, annee, montant_centimes, nature, statut)
     select f.contrat_id, f.id, l, case l when 1 then ars.organisation_id when 2 then cpam.id else porteur.organisation_id end,
       (array['FIR','FNPEIS','Fonds propres'])[l], 2023 + l % 3, (500000 + (f.numero * 7919 + l * 104729) % 3000000)::bigint,
       case when l = 3 then 'investissement' else 'fonctionnement' end, (array['prevu','sollicite','accorde','verse','refuse'])[1 + (f.numero + l) % 5]
     from fiches f join bench_contrats b on b.id = f.contrat_id join contrats c on c.id = b.id
       cross join generate_series(1, 2 + (abs(hashtext(f.id::text)) % 2)) l
       left join lateral (select organisation_id from contrat_organisations where contrat_id = c.id and qualite = 'ars' limit 1) ars on true
       left join lateral (select organisation_id from contrat_organisations where contrat_id = c.id and qualite = 'porteur' limit 1) porteur on true
       left join organisations cpam on cpam.type = 'cpam' and cpam.departement_code = c.departements[1] and cpam.nom like '%(' || c.departements[1] || ')'`,
  );
  await etape(
    db,
    journal,
    'financements du contrat (coordination)',
    `insert into financements (contrat_id, rang, financeur_libelle, dispositif, annee, montant_centimes, nature, statut, objet)
     select b.id, a, 'ARS', 'FIR', 2022 + a, 2500000, 'fonctionnement', 'verse', 'coordination' from bench_contrats b cross join generate_series(1, 3) a`,
  );
  await etape(
    db,
    journal,
    'historique des statuts',
    `insert into fiche_statuts (fiche_id, statut, le, par)
     select f.id, 'a_venir', f.cree_le - interval '300 days', 'Coordination' from fiches f join bench_contrats b on b.id = f.contrat_id
     union all select f.id, f.statut, f.cree_le - interval '30 days', 'Coordination' from fiches f join bench_contrats b on b.id = f.contrat_id where f.statut <> 'a_venir'`,
  );

  await etape(
    db,
    journal,
    'indicateurs de suivi',
    `insert into indicateurs_suivi (fiche_id, contrat_id, rang, libelle, type, unite, reference_valeur, reference_date, cibles)
     select f.id, f.contrat_id, r, (array['Nombre de permanences tenues','Nombre de personnes accompagnées'])[r], (array['activite','resultat'])[r], 'nombre',
       10 * r, '2023-01-01', jsonb_build_array(jsonb_build_object('periode', '2025', 'valeur', 40 * r), jsonb_build_object('periode', '2026', 'valeur', 60 * r))
     from fiches f join bench_contrats b on b.id = f.contrat_id cross join generate_series(1, 2) r`,
  );
  await etape(
    db,
    journal,
    'valeurs de suivi',
    `insert into valeurs_suivi (indicateur_id, periode, valeur, recit, etat)
     select i.id, p::text, 10 * i.rang + (p - 2022) * 7, 'Réalisé comme prévu.', case when p < 2025 then 'valide' else 'soumis' end
     from indicateurs_suivi i join bench_contrats b on b.id = i.contrat_id cross join generate_series(2023, 2025) p`,
  );
  await etape(
    db,
    journal,
    'bilans des fiches',
    `insert into bilans_fiche (fiche_id, periode, recit, difficultes, perspectives, statut_propose, etat)
     select f.id, p::text, 'Les actions prévues ont été menées.', 'Mobilisation inégale des communes.', 'Poursuivre en 2025.', f.statut, 'valide'
     from fiches f join bench_contrats b on b.id = f.contrat_id cross join generate_series(2023, 2024) p`,
  );

  // Governance: a COPIL and a COTECH per contract, meeting over the years, with members, attendance and decisions.
  await etape(
    db,
    journal,
    'instances',
    `insert into instances (contrat_id, type, nom, frequence_par_an, presidence)
     select b.id, t, case t when 'copil' then 'Comité de pilotage' else 'Comité technique' end, case t when 'copil' then 2 else 4 end, 'Président de l’EPCI'
     from bench_contrats b cross join unnest(array['copil', 'cotech']) t`,
  );
  await etape(
    db,
    journal,
    'membres des instances',
    `insert into membres_instance (instance_id, organisation_id, role, copresidence)
     select i.id, s.organisation_id, 'Membre', s.ordre = 1 from instances i join bench_contrats b on b.id = i.contrat_id join signataires s on s.contrat_id = b.id`,
  );
  await etape(
    db,
    journal,
    'séances',
    `insert into seances (instance_id, contrat_id, debut, fin, lieu, compte_rendu, statut)
     select i.id, i.contrat_id, make_timestamptz(2021 + k / 2, 3 + 6 * (k % 2), 10, 14, 0, 0, 'Europe/Paris'), make_timestamptz(2021 + k / 2, 3 + 6 * (k % 2), 10, 16, 30, 0, 'Europe/Paris'),
       'Salle du conseil', case when k < 7 then '<p>Compte rendu : les fiches ont été présentées et discutées.</p>' end, case when k < 7 then 'tenue' else 'prevue' end
     from instances i join bench_contrats b on b.id = i.contrat_id cross join generate_series(0, 7) k`,
  );
  await etape(
    db,
    journal,
    'présences',
    `insert into presences (seance_id, membre_id, etat)
     select s.id, m.id, (array['present','present','excuse','represente'])[1 + abs(hashtext(s.id::text || m.id::text)) % 4]
     from seances s join bench_contrats b on b.id = s.contrat_id join membres_instance m on m.instance_id = s.instance_id where s.statut = 'tenue'`,
  );
  await etape(
    db,
    journal,
    'décisions',
    `insert into decisions (seance_id, rang, texte)
     select s.id, r, 'Le comité valide la programmation de l’année.' from seances s join bench_contrats b on b.id = s.contrat_id cross join generate_series(1, 2) r where s.statut = 'tenue'`,
  );

  // Audit history: a creation per contract and fiche, and the edits of a few years.
  await etape(
    db,
    journal,
    'journal d’audit',
    `insert into audit_evenements (le, acteur_libelle, entite_type, entite_id, action, diff, contexte)
     select c.cree_le - interval '900 days', 'Coordination', 'contrat', c.id::text, 'creation', jsonb_build_object('apres', jsonb_build_object('intitule', c.intitule)), jsonb_build_object('contratId', c.id)
       from contrats c join bench_contrats b on b.id = c.id
     union all
     select f.cree_le - interval '600 days', 'Coordination', 'fiche', f.id::text, 'creation', jsonb_build_object('apres', jsonb_build_object('intitule', f.intitule)), jsonb_build_object('contratId', f.contrat_id)
       from fiches f join bench_contrats b on b.id = f.contrat_id
     union all
     select f.cree_le - (k || ' days')::interval, 'Pilote', 'fiche', f.id::text, 'modification',
       jsonb_build_object('avant', jsonb_build_object('statut', 'a_venir'), 'apres', jsonb_build_object('statut', f.statut)), jsonb_build_object('contratId', f.contrat_id)
       from fiches f join bench_contrats b on b.id = f.contrat_id cross join generate_series(1, 5) k`,
  );
}

/** 30 indicators of every aggregation method, and their values: communes × 10 years, plus published comparators. */
async function genererValeurs(db: pg.ClientBase, e: Echelle, journal: (m: string) => void) {
  await etape(
    db,
    journal,
    'indicateurs',
    `insert into indicateurs (code, libelle, famille, unite, facteur, polarite, methode_agregation, source, numerateur, denominateur)
     select 'bench_' || lpad(i::text, 2, '0'),
       case m when 'somme' then 'Effectif de bench n° ' || i when 'ratio' then 'Taux de bench n° ' || i when 'moyenne_ponderee' then 'Moyenne de bench n° ' || i else 'Indice standardisé de bench n° ' || i end,
       (array['Démographie','Offre de soins','État de santé','Conditions socio-économiques','Accès et recours aux soins'])[1 + i % 5],
       case m when 'somme' then 'effectif' when 'ratio' then '%' else 'indice' end, case m when 'ratio' then 100 else 1 end,
       (array['defavorable','favorable','neutre'])[1 + i % 3], m, $1,
       case when m = 'ratio' then 'Numérateur' end, case when m = 'ratio' then 'Population' end
     from generate_series(1, $2::int) i,
       lateral (select case when i <= 10 then 'somme' when i <= 22 then 'ratio' when i <= 28 then 'moyenne_ponderee' else 'non_agregeable' end as m) x
     on conflict do nothing`,
    [SOURCE_BENCH, NOMBRE_INDICATEURS],
  );

  await db.query(`drop table if exists bench_communes`);
  await etape(
    db,
    journal,
    'communes valorisées',
    `create table bench_communes as
     select code, population from territoires t where t.type = 'commune'
       and ($1::float8 >= 1 or abs(hashtext(code)) % 10 = 0
            or code in (select commune_code from contrat_communes) or code in (select commune_code from epci_membres where epci_code = $2))`,
    [e.partCommunes, EPCI_REDON],
  );

  // Index maintenance row by row costs more than building the indexes once: drop them for the bulk load, as pg_restore does.
  const { rows: index } = await db.query(
    `select indexname, indexdef, (select conname from pg_constraint where conindid = (quote_ident(indexname))::regclass and contype = 'u') as contrainte
     from pg_indexes where tablename = 'valeurs' and indexname <> 'valeurs_pkey'`,
  );
  for (const i of index) await db.query(i.contrainte ? `alter table valeurs drop constraint ${i.contrainte}` : `drop index ${i.indexname}`);
  // The foreign key to the catalogue holds by construction: skip its per-row trigger during the load.
  await db.query(`set session_replication_role = replica`);
  // Values: exact mostly, 3 % under statistical secrecy; ratios carry their numerator and denominator.
  await etape(
    db,
    journal,
    'valeurs communales',
    `insert into valeurs (indicateur_code, territoire_type, territoire_code, periode, periode_debut, periode_fin, nature, valeur, numerateur, denominateur, texte_publie, source)
     select i.code, 'commune', c.code, a::text, a, a,
       case when s.h < 3 then 'masquee' else 'exacte' end,
       case when s.h < 3 then null when i.methode_agregation = 'somme' then round(c.population * (s.h + 1) / 5000.0) else round((5 + s.h / 5.0 + (a - 2015) * 0.1)::numeric, 2)::float8 end,
       case when i.methode_agregation = 'ratio' and s.h >= 3 then round(c.population * (5 + s.h / 5.0) / 100.0) end,
       case when i.methode_agregation = 'ratio' and s.h >= 3 then c.population end,
       case when s.h < 3 then 's' end, $1
     from indicateurs i cross join generate_series(${ANNEES[0]}, ${ANNEES.at(-1)}) a cross join bench_communes c
       cross join lateral (select abs(hashtext(c.code || i.code || a)) % 100 as h) s
     where i.code like 'bench\\_%'`,
    [SOURCE_BENCH],
  );
  await db.query(`set session_replication_role = default`);
  for (const i of index) {
    const debut = performance.now();
    await db.query(i.indexdef);
    if (i.contrainte) await db.query(`alter table valeurs add constraint ${i.contrainte} unique using index ${i.indexname}`);
    journal(`  index ${i.indexname} : ${((performance.now() - debut) / 1000).toFixed(1)} s`);
  }
  await etape(
    db,
    journal,
    'valeurs publiées (comparateurs)',
    `insert into valeurs (indicateur_code, territoire_type, territoire_code, periode, periode_debut, periode_fin, nature, valeur, source)
     select i.code, t.type, t.code, a::text, a, a, 'exacte', round((6 + abs(hashtext(t.code || i.code || a)) % 100 / 10.0)::numeric, 1)::float8, $1
     from indicateurs i cross join generate_series(${ANNEES[0]}, ${ANNEES.at(-1)}) a
       cross join (select type, code from territoires where type in ('departement', 'region') union all values ('france_metro', 'FRM'), ('france', 'FRA')) t
     where i.code like 'bench\\_%'`,
    [SOURCE_BENCH],
  );
}

/** Counts of what the dataset holds, for the report. */
export async function compterJeu(db: pg.ClientBase): Promise<Record<string, number>> {
  const tables = [
    'territoires',
    'contrats',
    'contrat_communes',
    'fiches',
    'fiche_pilotes',
    'financements',
    'axes',
    'objectifs',
    'indicateurs_suivi',
    'valeurs_suivi',
    'indicateurs',
    'valeurs',
    'instances',
    'seances',
    'presences',
    'audit_evenements',
    'organisations',
  ];
  const r: Record<string, number> = {};
  for (const t of tables) r[t] = (await db.query(`select count(*)::int n from ${t}`)).rows[0].n;
  r.communes = (await db.query(`select count(*)::int n from territoires where type = 'commune'`)).rows[0].n;
  r.regionsAvecContrat = (await db.query(`select count(distinct r)::int n from contrats, unnest(regions) r`)).rows[0].n;
  return r;
}
