import {
  normaliser,
  organisationSaisieSchema,
  pluriel,
  porteeAnnuaire,
  TYPES_ORGANISATION,
  type TableDeplacee,
  type TypeOrganisation,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { ErreurMetier, introuvable, invalide } from '../../platform/errors';
import { lireFichier } from '../../platform/lecture-tableur';
import { LIMITES } from '../../platform/limites-fichiers';
import * as repository from './comptes.repository';
import { personnesVisibles } from './personnes.queries';

// ---------- Services (branches) of an organisation

export async function listerServices(ctx: Contexte, utilisateur: Utilisateur | null, organisationId: string) {
  exiger(utilisateur, 'lire', { type: 'organisation', id: organisationId });
  const { rows } = await ctx.db.query('select id, nom from services where organisation_id = $1 order by nom', [organisationId]);
  return rows;
}

export async function ajouterService(ctx: Contexte, utilisateur: Utilisateur, organisationId: string, nom: string) {
  exiger(utilisateur, 'modifier', { type: 'organisation', id: organisationId });
  return enTransaction(ctx.db, async (tx) => {
    const { rows } = await tx.query('insert into services (organisation_id, nom) values ($1, $2) on conflict do nothing returning id', [
      organisationId,
      nom,
    ]);
    if (!rows[0]) throw invalide('Ce service existe déjà.', [{ champ: 'nom', message: 'Service déjà présent' }]);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'service',
      entiteId: rows[0].id,
      action: 'creation',
      apres: { nom },
      contexte: { organisationId },
    });
    return { id: rows[0].id as string };
  });
}

// ---------- Merging duplicates

/** Where an organisation can be referenced; a merge moves every reference to the organisation that is kept. */
const REFERENCES: [table: TableDeplacee, colonne: string, cleUnique?: string][] = [
  ['personnes', 'organisation_id'],
  ['habilitations', 'organisation_id'],
  ['contrat_organisations', 'organisation_id', 'contrat_id, qualite'],
  ['signataires', 'organisation_id', 'contrat_id'],
  ['confirmations_parties', 'organisation_id', 'contrat_id, role'],
  ['partenaires', 'organisation_id', 'contrat_id'],
  ['fiche_pilotes', 'organisation_id'],
  ['financements', 'financeur_id'],
  ['membres_instance', 'organisation_id'],
  ['postes_coordination', 'employeur_id'],
  ['services', 'organisation_id', 'nom'],
  ['offres_service', 'organisation_id', 'intitule'],
  ['engagements_moyens', 'organisation_id'],
  ['financements_territoire', 'financeur_id'],
  ['ressources', 'organisation_id'],
];

/** Merges a duplicate into the organisation that is kept, then deletes it; the audit event lists what moved. */
export async function fusionnerOrganisations(ctx: Contexte, utilisateur: Utilisateur, doublonId: string, gardeeId: string) {
  exiger(utilisateur, 'administrer', { type: 'organisation', id: null });
  if (doublonId === gardeeId)
    throw invalide('Choisissez deux organisations différentes.', [{ champ: 'dansId', message: 'Organisation identique' }]);
  return enTransaction(ctx.db, async (tx) => {
    const doublon = await repository.obtenirOrganisation(tx, doublonId);
    const gardee = await repository.obtenirOrganisation(tx, gardeeId);
    if (!doublon || !gardee) throw introuvable('Organisation introuvable.');
    const deplaces: Record<string, number> = {};
    for (const [table, colonne, cleUnique] of REFERENCES) {
      // Where both already hold the same place (both sign the same contract), the duplicate's row goes.
      if (cleUnique)
        await tx.query(
          `delete from ${table} d where d.${colonne} = $1 and exists (select 1 from ${table} g where g.${colonne} = $2 and (${cleUnique
            .split(', ')
            .map((c) => `g.${c} = d.${c}`)
            .join(' and ')}))`,
          [doublonId, gardeeId],
        );
      const { rowCount } = await tx.query(`update ${table} set ${colonne} = $2 where ${colonne} = $1`, [doublonId, gardeeId]);
      if (rowCount) deplaces[table] = rowCount;
    }
    // Fiche partners are kept inside the fiche's content.
    const { rowCount } = await tx.query(
      `update fiches set contenu = jsonb_set(contenu, '{partenaires}', (select jsonb_agg(case when e ->> 'organisationId' = $1 then jsonb_set(e, '{organisationId}', to_jsonb($2::text)) else e end) from jsonb_array_elements(contenu -> 'partenaires') e))
       where contenu -> 'partenaires' @> jsonb_build_array(jsonb_build_object('organisationId', $1::text))`,
      [doublonId, gardeeId],
    );
    if (rowCount) deplaces.fiches = rowCount;
    await tx.query('delete from organisations where id = $1', [doublonId]);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'organisation',
      entiteId: doublonId,
      action: 'fusion',
      avant: doublon as never,
      contexte: { dans: gardeeId, dansNom: gardee.nom, deplaces },
    });
    return { gardee: gardee.nom, deplaces };
  });
}

// ---------- Import of a directory file

const ALIAS: Record<string, string[]> = {
  nom: ['nom', 'raison sociale', 'organisation', 'denomination', 'dénomination'],
  sigle: ['sigle', 'acronyme'],
  type: ['type', 'categorie', 'catégorie'],
  siren: ['siren'],
  siret: ['siret'],
  finess: ['finess', 'n° finess', 'numero finess'],
  regionCode: ['region', 'région', 'code region', 'code région'],
  departementCode: ['departement', 'département', 'code departement', 'code département'],
};

/** "Centre hospitalier" or "hopital" both mean our type `hopital`. */
function lireType(texte: string): TypeOrganisation | null {
  const t = normaliser(texte);
  const code = Object.keys(TYPES_ORGANISATION).find((c) => c === t.replace(/\s+/g, '_'));
  if (code) return code as TypeOrganisation;
  const parLibelle = Object.entries(TYPES_ORGANISATION).find(
    ([, libelle]) => normaliser(libelle).startsWith(t) || t.startsWith(normaliser(libelle).split(' (')[0]),
  );
  return (parLibelle?.[0] as TypeOrganisation) ?? null;
}

/**
 * Imports organisations from CSV or XLSX: one row each, matched by SIRET then by name. Every row gets its outcome;
 * with any rejection nothing is written; a dry run gives the same report.
 */
export async function importerOrganisations(
  ctx: Contexte,
  utilisateur: Utilisateur,
  fichier: { nom: string; contenu: Buffer },
  dryRun: boolean,
) {
  // A bulk import stays with the platform's administration; creating one organisation is open wider (decision 0021).
  exiger(utilisateur, 'administrer', { type: 'organisation', id: null });
  let tableau: Awaited<ReturnType<typeof lireFichier>>;
  try {
    tableau = await lireFichier(fichier.nom, fichier.contenu, LIMITES.annuaire);
  } catch (e) {
    if (e instanceof ErreurMetier) throw e;
    throw invalide(`Fichier illisible : ${(e as Error).message}`, [{ champ: 'fichier', message: 'Fichier illisible' }]);
  }
  const entetes = tableau.entetes.map((e) => normaliser(e));
  const index = Object.fromEntries(Object.entries(ALIAS).map(([champ, alias]) => [champ, entetes.findIndex((e) => alias.includes(e))]));
  if (index.nom < 0)
    throw invalide('Colonne « nom » introuvable dans le fichier.', [{ champ: 'fichier', message: 'Colonne « nom » manquante' }]);
  const colonnesInconnues = tableau.entetes.filter((_, i) => !Object.values(index).includes(i));
  const lignes: { ligne: number; statut: 'cree' | 'mis_a_jour' | 'inchange' | 'rejete'; nom?: string; raison?: string }[] = [];
  const resultat = await enTransaction(ctx.db, async (tx) => {
    const vus = new Set<string>();
    for await (const { ligne, cellules } of tableau.lignes()) {
      const valeur = (champ: string) => (index[champ] >= 0 ? String(cellules[index[champ]] ?? '').trim() || null : null);
      const type = valeur('type') ? lireType(valeur('type')!) : 'autre';
      if (!type) {
        lignes.push({
          ligne,
          statut: 'rejete',
          nom: valeur('nom') ?? undefined,
          raison: `Type d’organisation inconnu : « ${valeur('type')} ».`,
        });
        continue;
      }
      const saisie = organisationSaisieSchema.safeParse({
        nom: valeur('nom') ?? '',
        sigle: valeur('sigle'),
        type,
        siren: valeur('siren') ?? '',
        siret: valeur('siret') ?? '',
        finess: valeur('finess') ?? '',
        regionCode: valeur('regionCode'),
        departementCode: valeur('departementCode'),
      });
      if (!saisie.success) {
        lignes.push({
          ligne,
          statut: 'rejete',
          nom: valeur('nom') ?? undefined,
          raison: saisie.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; '),
        });
        continue;
      }
      const cle = saisie.data.siret ?? normaliser(saisie.data.nom);
      if (vus.has(cle)) {
        lignes.push({ ligne, statut: 'rejete', nom: saisie.data.nom, raison: 'Doublon d’une ligne précédente du fichier.' });
        continue;
      }
      vus.add(cle);
      const existante = await trouver(tx, saisie.data.siret ?? null, saisie.data.nom);
      if (!existante) {
        const creee = await repository.creerOrganisation(tx, saisie.data);
        await auditer(tx, {
          acteur: acteurDe(utilisateur),
          entiteType: 'organisation',
          entiteId: creee.id,
          action: 'creation',
          apres: creee as never,
          contexte: { import: fichier.nom },
        });
        lignes.push({ ligne, statut: 'cree', nom: saisie.data.nom });
        continue;
      }
      const fusion = {
        ...saisie.data,
        siren: saisie.data.siren ?? existante.siren,
        sigle: saisie.data.sigle ?? existante.sigle,
        siret: saisie.data.siret ?? existante.siret,
        finess: saisie.data.finess ?? existante.finess,
        regionCode: saisie.data.regionCode ?? existante.regionCode,
        departementCode: saisie.data.departementCode ?? existante.departementCode,
        territoireCode: existante.territoireCode,
      };
      const identique = (['nom', 'sigle', 'type', 'siren', 'siret', 'finess', 'regionCode', 'departementCode'] as const).every(
        (k) => (fusion[k] ?? null) === (existante[k] ?? null),
      );
      if (identique) {
        lignes.push({ ligne, statut: 'inchange', nom: saisie.data.nom });
        continue;
      }
      const apres = await repository.modifierOrganisation(tx, existante.id, existante.version, fusion);
      await auditer(tx, {
        acteur: acteurDe(utilisateur),
        entiteType: 'organisation',
        entiteId: existante.id,
        action: 'modification',
        avant: existante as never,
        apres: apres as never,
        contexte: { import: fichier.nom },
      });
      lignes.push({ ligne, statut: 'mis_a_jour', nom: saisie.data.nom });
    }
    const rapport = {
      dryRun,
      applique: false,
      colonnesInconnues,
      lignes,
      resume: {
        crees: lignes.filter((l) => l.statut === 'cree').length,
        misAJour: lignes.filter((l) => l.statut === 'mis_a_jour').length,
        inchanges: lignes.filter((l) => l.statut === 'inchange').length,
        rejetes: lignes.filter((l) => l.statut === 'rejete').length,
      },
    };
    if (rapport.resume.rejetes || dryRun) throw new Annuler(rapport);
    return { ...rapport, applique: true };
  }).catch((e) => {
    if (e instanceof Annuler) return e.rapport;
    throw e;
  });
  if (!dryRun && !resultat.applique) throw conflitImport(resultat);
  return resultat;
}

class Annuler extends Error {
  constructor(readonly rapport: any) {
    super('annulé');
  }
}

function conflitImport(rapport: any) {
  return new ErreurMetier(
    422,
    'Import refusé',
    `${pluriel(rapport.resume.rejetes, 'ligne rejetée', 'lignes rejetées')} : rien n’a été importé. Corrigez le fichier et recommencez.`,
    { rapport },
  );
}

async function trouver(tx: Queryable, siret: string | null, nom: string) {
  if (siret) {
    const { rows } = await tx.query('select id from organisations where siret = $1', [siret]);
    if (rows[0]) return repository.obtenirOrganisation(tx, rows[0].id);
  }
  return repository.organisationParNom(tx, nom);
}

// ---------- Persons (contacts of the directory)

export const personneSchemaChamps = ['prenom', 'nom', 'email', 'telephone', 'fonction', 'organisationId'] as const;

/**
 * The directory's persons, as far as the user's roles reach (`porteeAnnuaire`): e-mails and telephones only to those
 * who organise (admin, ARS of the region, referent of the organisation, coordination of the contract); pilotes,
 * members and readers get the names of the persons of their contracts; a user with no role, nobody.
 */
export async function listerPersonnes(ctx: Contexte, utilisateur: Utilisateur | null, filtre: { q?: string; organisationId?: string }) {
  exiger(utilisateur, 'lire', { type: 'organisation', id: filtre.organisationId ?? null });
  const portee = porteeAnnuaire(utilisateur)!;
  return personnesVisibles(ctx.db, portee, { q: filtre.q?.trim() || null, organisationId: filtre.organisationId ?? null });
}

type Personne = {
  prenom: string;
  nom: string;
  email?: string | null;
  telephone?: string | null;
  fonction?: string | null;
  organisationId?: string | null;
};

export async function enregistrerPersonne(ctx: Contexte, utilisateur: Utilisateur, p: Personne, id?: string, version?: number) {
  exiger(utilisateur, 'modifier', { type: 'organisation', id: p.organisationId ?? null });
  return enTransaction(ctx.db, async (tx) => {
    const valeurs = [p.prenom, p.nom, p.email?.toLowerCase() ?? null, p.telephone ?? null, p.fonction ?? null, p.organisationId ?? null];
    if (id) {
      const { rows: avant } = await tx.query(
        'select prenom, nom, email, telephone, fonction, organisation_id as "organisationId", version from personnes where id = $1',
        [id],
      );
      if (!avant[0]) throw introuvable('Cette personne n’existe pas.');
      // Moving someone needs the right over the organisation they leave too: belonging to an organisation lets one
      // confirm its role in a contract, so nobody may pull another organisation's people into their own.
      if (avant[0].organisationId !== (p.organisationId ?? null))
        exiger(utilisateur, 'modifier', { type: 'organisation', id: avant[0].organisationId });
      const { rowCount } = await tx.query(
        'update personnes set prenom = $3, nom = $4, email = $5, telephone = $6, fonction = $7, organisation_id = $8, version = version + 1, modifie_le = now() where id = $1 and version = $2',
        [id, version, ...valeurs],
      );
      if (!rowCount)
        throw new ErreurMetier(
          409,
          'Conflit de modification',
          'Cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.',
          { courant: avant[0] },
        );
      await auditer(tx, {
        acteur: acteurDe(utilisateur),
        entiteType: 'personne',
        entiteId: id,
        action: 'modification',
        avant: avant[0],
        apres: p,
      });
      return { id };
    }
    const { rows } = await tx.query(
      'insert into personnes (prenom, nom, email, telephone, fonction, organisation_id) values ($1, $2, $3, $4, $5, $6) returning id',
      valeurs,
    );
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'personne', entiteId: rows[0].id, action: 'creation', apres: p });
    return { id: rows[0].id as string };
  });
}
