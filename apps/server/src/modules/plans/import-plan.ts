/**
 * One import, inside the caller's transaction: rows read, axes and organisations completed, each row matched to
 * a fiche (by number, or in TeT without number by title), merged, validated, then created or updated through the
 * fiches services (permissions, signed-contract rule, audit). The report says what happened to each row.
 *
 * A plan holds up to 5 000 fiches: every step is done once per row against indexes built once (no scan of the
 * contract per row), the fiches are checked row by row but written together at the end (LotFiches), and the loop
 * yields to the event loop every few rows so that other users keep their answers.
 */
import { can, cleTexte, ficheSaisieSchema } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { cedeurPeriodique, parTranches } from '../../platform/ceder';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { ErreurMetier, interdit } from '../../platform/errors';
import * as comptes from '../comptes/comptes.repository';
import { exigerModifiable, referenceContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';
import { LotFiches } from '../fiches/fiches-lot.service';
import type * as fiches from '../fiches/fiches.service';
import type { Champs, FormatPlan, LigneLue } from './plan-format';
import { Annuaire, egal, Rejet, Strategie } from './resolution';
import type { Valeur } from './tableur';

export interface LigneRapport {
  ligne: number;
  statut: 'cree' | 'mis_a_jour' | 'inchange' | 'rejete';
  numero?: number;
  intitule?: string;
  raison?: string;
}

export interface Rapport {
  format: 'maillage' | 'tet';
  dryRun: boolean;
  applique: boolean;
  lignes: LigneRapport[];
  colonnesInconnues: string[];
  axesCrees: string[];
  objectifsCrees: string[];
  organisationsCreees: string[];
  resume: { crees: number; misAJour: number; inchanges: number; rejetes: number };
}

export interface Tableau {
  format: FormatPlan;
  entetes: Valeur[];
  lignes: { numero: number; cellules: Valeur[] }[];
}

interface Session {
  format: FormatPlan;
  annuaire: Annuaire;
  strategie: Strategie;
  projection: (f: fiches.VueFiche) => LigneLue;
}

/** The fiche as a saisie: every field of the schema, pilotes and financements as the services take them. */
function saisieActuelle(f: fiches.VueFiche): Record<string, unknown> {
  const saisie: Record<string, unknown> = Object.fromEntries(Object.keys(ficheSaisieSchema.shape).map((k) => [k, (f as unknown as Record<string, unknown>)[k]]));
  saisie.pilotes = f.pilotes.map((p) => ({ organisationId: p.organisationId, service: p.service }));
  saisie.financements = f.financements.map(({ id, financeurNom, ...l }) => l);
  return saisie;
}

/**
 * The fiche after the row: a field whose cell says what an export of the fiche would say keeps the fiche's value
 * (so that what a format cannot carry, such as étape dates in TeT, survives); a field the file does not have
 * keeps it too; any other field takes the file's value, names resolved.
 */
async function fusionner(s: Session, lue: LigneLue, existant: fiches.VueFiche | null) {
  const c = lue.champs;
  const cible = existant ? saisieActuelle(existant) : {};
  const projection: Champs = existant ? s.projection(existant).champs : {};
  const change = (cle: keyof Champs) => c[cle] !== undefined && (!existant || !egal(c[cle], projection[cle]));
  const colonne = (cle: string) => s.format.colonne(cle);

  if (change('axe') || change('objectif')) {
    const objectifActuel = existant?.objectif ? { numero: [], titre: existant.objectif.intitule } : null;
    Object.assign(
      cible,
      s.strategie.ids(c.axe, c.objectif === undefined ? objectifActuel : c.objectif, (cible.axeId as string | null) ?? null, { axe: colonne('axeId'), objectif: colonne('objectifId') }),
    );
  }
  for (const [cle, valeur] of Object.entries(c) as [keyof Champs, unknown][]) {
    if (cle === 'axe' || cle === 'objectif' || cle === 'financements' || !change(cle)) continue;
    if (cle === 'pilotes') cible.pilotes = await enSuite(c.pilotes!, (p) => s.annuaire.pilote(p, colonne('pilotes')));
    else if (cle === 'partenaires') cible.partenaires = await enSuite(c.partenaires!, (p) => s.annuaire.partenaire(p, colonne('partenaires')));
    else cible[cle] = valeur;
  }
  // Last: a financing line without a year takes the fiche's start year.
  if (change('financements')) cible.financements = await enSuite(c.financements!, (l) => s.annuaire.financement(l, cible.debut as string | null, colonne('financements')));

  const resultat = ficheSaisieSchema.safeParse(cible);
  if (!resultat.success)
    throw new Rejet(
      resultat.error.issues
        .map((i) => `${colonne(String(i.path[0] ?? ''))}${i.path.length > 1 && typeof i.path[1] === 'number' ? ` (n° ${i.path[1] + 1})` : ''} : ${i.message}`)
        .join(' ; '),
    );
  return resultat.data;
}

/**
 * One after the other: resolving a name may create an organisation, and a transaction's client runs one query at a
 * time (two rows naming the same new organisation must not both create it).
 */
async function enSuite<T, R>(elements: T[], f: (e: T) => Promise<R>): Promise<R[]> {
  const resultats: R[] = [];
  for (const e of elements) resultats.push(await f(e));
  return resultats;
}

/** The contract's fiches by number and by normalised title, built once for the whole file. */
async function indexer(existantes: fiches.VueFiche[]) {
  const parTitre = new Map<string, fiches.VueFiche[]>();
  await parTranches(existantes, (f) => {
    const cle = cleTexte(f.intitule);
    parTitre.set(cle, [...(parTitre.get(cle) ?? []), f]);
  });
  return { parNumero: new Map(existantes.map((f) => [f.numero, f])), parTitre };
}
type Index = Awaited<ReturnType<typeof indexer>>;

/** Which existing fiche a row is about: its number; in TeT without number, its title (then axe and objectif). */
function correspondance(s: Session, lue: LigneLue, index: Index) {
  if (lue.numero !== undefined) return index.parNumero.get(lue.numero) ?? null;
  if (s.format.nom !== 'tet') return null;
  const titre = cleTexte(lue.champs.intitule ?? '');
  const memes = index.parTitre.get(titre) ?? [];
  if (memes.length <= 1) return memes[0] ?? null;
  const rattache = memes.filter((f) => cleTexte(f.axe?.intitule ?? '') === cleTexte(lue.champs.axe?.titre ?? '') && cleTexte(f.objectif?.intitule ?? '') === cleTexte(lue.champs.objectif?.titre ?? ''));
  if (rattache.length === 1) return rattache[0];
  throw new Rejet(`${memes.length} fiches du contrat portent ce titre (n° ${memes.map((f) => f.numero).join(', ')}) : numérotez la ligne (« Fiche action 12. Titre »)`);
}

/** What the report says of a rejected row: the services' own messages when they refuse. */
function raisonDe(e: unknown): string {
  if (e instanceof Rejet) return e.message;
  const erreur = e as ErreurMetier;
  const champs = (erreur.extra?.erreurs as { champ: string; message: string }[] | undefined) ?? [];
  return [erreur.message, ...champs.map((c) => `${c.champ} : ${c.message}`)].join(' ; ');
}

export async function appliquerImport(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  tx: Queryable,
  tableau: Tableau,
  options: { dryRun: boolean; fichier: string },
): Promise<Rapport> {
  const { format } = tableau;
  const lecteur = format.lecteur(tableau.entetes);
  // One import at a time per contract: two would otherwise both create the same missing axe or organisation.
  await contrats.obtenirContrat(tx, contratId, true);
  const ref = await referenceContrat(tx, contratId);
  const { elements: organisations } = await comptes.listerOrganisations(tx, { q: null, types: null, limite: 1_000_000, decalage: 0 });
  const annuaire = new Annuaire(tx, utilisateur, contratId, organisations);
  const strategie = new Strategie(tx, utilisateur, contratId, await contrats.listerAxes(tx, contratId));
  const lecteurExport = format.lecteur(format.colonnes.map((c) => c.entete));
  const s: Session = { format, annuaire, strategie, projection: (f) => lecteurExport.lire(format.ecrire(f, annuaire.noms))! };

  const lues = (await parTranches(tableau.lignes, (l) => (l.cellules.some((c) => c !== null && c !== '') ? { ligne: l.numero, lue: lecteur.lire(l.cellules) } : null))).filter(
    (l): l is { ligne: number; lue: LigneLue } => l?.lue != null,
  );

  // Axes and objectifs first, in their numbers' order, so that the contract's numbering follows the file's.
  await strategie.completer(
    lues.flatMap(({ lue }) => (!lue.erreurs.length && lue.champs.axe ? [{ axe: lue.champs.axe, objectif: lue.champs.objectif }] : [])),
    async () => {
      if (!can(utilisateur, 'modifier', { type: 'contrat', contrat: ref })) throw interdit();
      await exigerModifiable(tx, contratId, ref.statut);
    },
  );

  // After the strategy is complete: the lot checks fiches against the contract's axes as they now are.
  const lot = await LotFiches.ouvrir(tx, utilisateur, contratId);
  const index = await indexer(await lot.vues());
  const lignes: LigneRapport[] = [];
  const vues = new Map<string, number>();
  const aTraiter = lues.filter(({ lue }) => !lue.structure).sort((a, b) => (a.lue.ordre ?? Infinity) - (b.lue.ordre ?? Infinity) || a.ligne - b.ligne);
  // A row is up to a millisecond of work when nothing waits for the database: let the others in every few.
  const ceder = cedeurPeriodique();
  for (const { ligne, lue } of aTraiter) {
    await ceder();
    const rapport: LigneRapport = { ligne, statut: 'rejete', numero: lue.numero, intitule: lue.champs.intitule ?? undefined };
    lignes.push(rapport);
    try {
      if (lue.erreurs.length) throw new Rejet(lue.erreurs.join(' ; '));
      const existant = correspondance(s, lue, index);
      const cle = existant ? `fiche:${existant.id}` : lue.numero !== undefined ? `numero:${lue.numero}` : `titre:${cleTexte(lue.champs.intitule ?? '')}|${cleTexte(lue.champs.axe?.titre ?? '')}|${cleTexte(lue.champs.objectif?.titre ?? '')}`;
      if (vues.has(cle)) throw new Rejet(`la ligne ${vues.get(cle)} du fichier porte déjà sur cette fiche${lue.numero !== undefined ? ` (n° ${lue.numero})` : ''}`);
      vues.set(cle, ligne);
      if (existant) Object.assign(rapport, { numero: existant.numero, intitule: existant.intitule });
      if (!existant && lue.champs.intitule === undefined) throw new Rejet(`${format.colonne('intitule')} : manquant pour une nouvelle fiche`);

      const saisie = await fusionner(s, lue, existant);
      rapport.intitule = saisie.intitule;
      if (existant) {
        const actuelle = ficheSaisieSchema.safeParse(saisieActuelle(existant));
        if (actuelle.success && egal(actuelle.data, saisie)) {
          rapport.statut = 'inchange';
          continue;
        }
      }
      // Checked now as the services check a fiche, written with the others at the end: a refused row writes nothing.
      try {
        if (existant) await lot.modifier(existant.id, saisie);
        else rapport.numero = (await lot.creer(saisie, { numero: lue.numero, position: lue.ordre })).numero;
      } catch (e) {
        if (e instanceof ErreurMetier && e.statut === 400) throw new Rejet(raisonDe(e));
        throw e; // 403, 409 (signed contract without avenant): the whole import answers so
      }
      rapport.statut = existant ? 'mis_a_jour' : 'cree';
    } catch (e) {
      if (!(e instanceof Rejet)) throw e;
      rapport.raison = e.message;
    }
  }

  // A file with a rejected row is rolled back whole: its fiches are not worth writing.
  if (!lignes.some((l) => l.statut === 'rejete')) await lot.enregistrer();

  lignes.sort((a, b) => a.ligne - b.ligne);
  const compte = (statut: LigneRapport['statut']) => lignes.filter((l) => l.statut === statut).length;
  const resume = { crees: compte('cree'), misAJour: compte('mis_a_jour'), inchanges: compte('inchange'), rejetes: compte('rejete') };
  const rapport: Rapport = {
    format: format.nom,
    dryRun: options.dryRun,
    applique: !options.dryRun && resume.rejetes === 0,
    lignes,
    colonnesInconnues: [...new Set(lecteur.inconnues.map((c) => c.trim()))],
    axesCrees: strategie.axesCrees,
    objectifsCrees: strategie.objectifsCrees,
    organisationsCreees: annuaire.creees,
    resume,
  };
  if (rapport.applique && resume.crees + resume.misAJour + strategie.axesCrees.length + strategie.objectifsCrees.length > 0)
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: contratId,
      action: 'import_plan',
      apres: { fichier: options.fichier, format: format.nom, ...resume },
      contexte: { contratId },
    });
  return rapport;
}
