import { normaliserRoles, PUBLICS_RESSOURCE, ROLES_COOPERATION, type RoleCooperation } from '@maillage/domain';
import type { CelluleSaisie, GrilleCooperation } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { enTransaction } from '../../platform/database';
import { conflit, invalide } from '../../platform/errors';
import { nomDeFichier } from '../../platform/nom-fichier';
import { rendreDocument } from '../documents/documents.service';
import type { Bloc } from '../documents/modele-document';
import { ecrireXlsx } from '../plans/tableur';
import * as queries from './parcours.queries';
import * as repository from './parcours.repository';
import { exigerSurParcours, peutModifier } from './parcours.service';

/**
 * The grille de coopération locale of a parcours (seed 001, issue 17 item 6): actors × steps, each cell the roles the
 * actor holds at the step. The actors are the resources placed on the steps, and any organisation or resource a cell
 * names. Exported as XLSX, DOCX and PDF, and as an annex of the contract document.
 */

type Sujet = Utilisateur | null;
const VERSION_CELLULE = 'Cette case de la grille a été modifiée entre-temps : rechargez la grille avant d’enregistrer.';

async function construireGrille(db: Queryable, parcours: queries.ParcoursLu) {
  const [etapes, cellules] = await Promise.all([queries.etapesDuParcours(db, parcours.id), queries.cellulesDuParcours(db, parcours.id)]);
  const surLesEtapes = new Set(etapes.flatMap((e) => e.ressources.map((r) => r.id)));
  const organisations = [...new Set(cellules.filter((c) => c.acteurType === 'organisation').map((c) => c.acteurId))];
  const ressources = [...new Set([...surLesEtapes, ...cellules.filter((c) => c.acteurType === 'ressource').map((c) => c.acteurId)])];
  const noms = await queries.nomsActeurs(db, organisations, ressources);
  const acteurs = noms
    .map((a) => ({ ...a, surLesEtapes: a.type === 'ressource' && surLesEtapes.has(a.id) }))
    .sort((a, b) => a.nom.localeCompare(b.nom, 'fr') || a.id.localeCompare(b.id));
  return {
    parcoursId: parcours.id,
    titre: parcours.titre,
    etapes: etapes.map((e) => ({ id: e.id, position: e.position, libelle: e.libelle })),
    acteurs,
    cellules,
  };
}

export async function lireGrille(ctx: Contexte, utilisateur: Sujet, parcoursId: string): Promise<GrilleCooperation> {
  const { parcours, contrat } = await exigerSurParcours(ctx.db, utilisateur, 'lire', parcoursId);
  return { ...(await construireGrille(ctx.db, parcours)), modifiable: peutModifier(utilisateur, contrat) };
}

/** Writes one cell: the roles the actor holds at the step (none empties it). */
export async function modifierCellule(ctx: Contexte, utilisateur: Utilisateur, parcoursId: string, saisie: CelluleSaisie) {
  return enTransaction(ctx.db, async (tx) => {
    const { parcours, contrat } = await exigerSurParcours(tx, utilisateur, 'modifier', parcoursId, { verrouiller: true });
    const etape = await queries.lireEtape(tx, parcoursId, saisie.etapeId);
    if (!etape) throw invalide('Cette étape n’est pas dans ce parcours.', [{ champ: 'etapeId', message: 'Étape inconnue' }]);
    const [acteur] = await queries.nomsActeurs(
      tx,
      saisie.acteurType === 'organisation' ? [saisie.acteurId] : [],
      saisie.acteurType === 'ressource' ? [saisie.acteurId] : [],
    );
    if (!acteur)
      throw invalide(`${saisie.acteurType === 'organisation' ? 'Cette organisation' : 'Cette ressource'} n’existe pas.`, [
        { champ: 'acteurId', message: 'Acteur inconnu' },
      ]);
    const avant = await queries.lireCellule(tx, saisie.etapeId, saisie.acteurType, saisie.acteurId);
    const roles = normaliserRoles(saisie.roles);
    const version = await repository.ecrireCellule(tx, { ...saisie, roles }, saisie.version);
    if (version === null) throw conflit(VERSION_CELLULE);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'cellule_grille',
      entiteId: parcoursId,
      action: 'modification',
      avant: { roles: (avant?.roles ?? []).map((r) => ROLES_COOPERATION[r]) },
      apres: { roles: roles.map((r) => ROLES_COOPERATION[r]) },
      contexte: { contratId: parcours.contratId, parcoursId, parcours: parcours.titre, acteur: acteur.nom, etape: etape.libelle },
    });
    return { ...(await construireGrille(tx, parcours)), modifiable: peutModifier(utilisateur, contrat) };
  });
}

type Grille = Awaited<ReturnType<typeof construireGrille>>;

const libellesRoles = (roles: RoleCooperation[]) => roles.map((r) => ROLES_COOPERATION[r]).join(', ');

/** The grid as rows of text: one per actor, one column per step. */
export function tableauGrille(g: Grille) {
  const entetes = ['Acteur', ...g.etapes.map((e) => `${e.position}. ${e.libelle}`)];
  const lignes = g.acteurs.map((a) => [
    a.organisationNom ? `${a.nom} (${a.organisationNom})` : a.nom,
    ...g.etapes.map((e) =>
      libellesRoles(g.cellules.find((c) => c.acteurType === a.type && c.acteurId === a.id && c.etapeId === e.id)?.roles ?? []),
    ),
  ]);
  return { entetes, lignes };
}

function blocsGrille(g: Grille, parcours: queries.ParcoursLu, niveau: 1 | 2): Bloc[] {
  const { entetes, lignes } = tableauGrille(g);
  const publics = parcours.publics.map((p) => PUBLICS_RESSOURCE[p]).join(', ');
  return [
    { type: 'titre', niveau, texte: `Grille de coopération locale — ${parcours.titre}` },
    ...(publics ? [{ type: 'paragraphe' as const, texte: `Publics : ${publics}` }] : []),
    { type: 'paragraphe', texte: `Étapes du parcours : ${g.etapes.map((e) => e.libelle).join(' → ') || 'aucune'}.` },
    lignes.length
      ? { type: 'tableau', entetes, lignes }
      : { type: 'paragraphe', texte: 'Aucun acteur n’est encore placé sur les étapes de ce parcours.', italique: true },
    { type: 'paragraphe', texte: `Rôles : ${Object.values(ROLES_COOPERATION).join(', ')}.`, italique: true },
  ];
}

export async function exporterGrille(ctx: Contexte, utilisateur: Sujet, parcoursId: string, format: 'xlsx' | 'docx' | 'pdf') {
  const { parcours } = await exigerSurParcours(ctx.db, utilisateur, 'lire', parcoursId);
  const g = await construireGrille(ctx.db, parcours);
  if (format === 'xlsx') {
    const { entetes, lignes } = tableauGrille(g);
    const contenu = await ecrireXlsx([
      { nom: 'Grille de coopération', colonnes: entetes.map((entete, i) => ({ entete, largeur: i ? 22 : 40 })), lignes },
    ]);
    return {
      contenu,
      typeMime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      nom: nomDeFichier('grille', parcours.titre, 'xlsx'),
    };
  }
  return rendreDocument(
    { titre: `Grille de coopération — ${parcours.titre}`, blocs: blocsGrille(g, parcours, 1) },
    format,
    'grille',
    parcours.titre,
  );
}

/** The grids of every parcours of the contract, as the annex of the contract document (`?annexes=grilles`). */
export async function annexeGrilles(db: Queryable, contratId: string): Promise<Bloc[]> {
  const resumes = await queries.parcoursDuContrat(db, contratId);
  const blocs: Bloc[] = [{ type: 'titre', niveau: 1, texte: 'Annexe — Grilles de coopération locale', nouvellePage: true }];
  if (!resumes.length) blocs.push({ type: 'paragraphe', texte: 'Ce contrat ne décrit encore aucun parcours.', italique: true });
  for (const r of resumes) {
    const parcours = (await queries.lireParcours(db, r.id))!;
    blocs.push(...blocsGrille(await construireGrille(db, parcours), parcours, 2));
  }
  return blocs;
}
