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
import { toutesLesOrganisations } from '../comptes/organisations-lot.service';
import { exigerModifiable, referenceContrat } from '../contrats/acces';
import { axesDuContrat } from '../contrats/lecture.service';
import { verrouillerContrat } from '../contrats/strategie-lot.service';
import { LotFiches } from '../fiches/fiches-lot.service';
import type * as fiches from '../fiches/fiches.service';
import type { Champs, FormatPlan, LigneLue } from './plan-format';
import { Annuaire, egal, Rejet, Strategie } from './resolution';
import { assembler, completerEtapes, grouper, titresNumeros, type RangLu } from './sous-actions';
import type { Valeur } from './tableur';

export interface LigneRapport {
  ligne: number;
  statut: 'cree' | 'mis_a_jour' | 'inchange' | 'rejete';
  numero?: number;
  intitule?: string;
  /** A sub-action row: the étape it gives the fiche. */
  sousAction?: string;
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
  /** What the import read otherwise than written: titles that are only a number. */
  remarques: string[];
  /** Fiches created, updated, unchanged; rows rejected; sub-action rows taken as étapes. */
  resume: { crees: number; misAJour: number; inchanges: number; rejetes: number; sousActions: number };
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
  const saisie: Record<string, unknown> = Object.fromEntries(
    Object.keys(ficheSaisieSchema.shape).map((k) => [k, (f as unknown as Record<string, unknown>)[k]]),
  );
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
      s.strategie.ids(c.axe, c.objectif === undefined ? objectifActuel : c.objectif, (cible.axeId as string | null) ?? null, {
        axe: colonne('axeId'),
        objectif: colonne('objectifId'),
      }),
    );
  }
  for (const [cle, valeur] of Object.entries(c) as [keyof Champs, unknown][]) {
    if (cle === 'axe' || cle === 'objectif' || cle === 'financements' || !change(cle)) continue;
    if (cle === 'pilotes') cible.pilotes = await enSuite(c.pilotes!, (p) => s.annuaire.pilote(p, colonne('pilotes')));
    else if (cle === 'partenaires')
      cible.partenaires = await enSuite(c.partenaires!, (p) => s.annuaire.partenaire(p, colonne('partenaires')));
    // An étape keeps only what is said of it (a sub-action row gives every key, null for an empty cell).
    else if (cle === 'etapes')
      cible.etapes = completerEtapes(c.etapes!, existant?.etapes ?? []).map((e) =>
        Object.fromEntries(Object.entries(e).filter(([, v]) => v != null)),
      );
    else cible[cle] = valeur;
  }
  // Last: a financing line without a year takes the fiche's start year.
  if (change('financements'))
    cible.financements = await enSuite(c.financements!, (l) =>
      s.annuaire.financement(l, cible.debut as string | null, colonne('financements')),
    );

  const resultat = ficheSaisieSchema.safeParse(cible);
  if (!resultat.success)
    throw new Rejet(
      resultat.error.issues
        .map(
          (i) =>
            `${colonne(String(i.path[0] ?? ''))}${i.path.length > 1 && typeof i.path[1] === 'number' ? ` (n° ${i.path[1] + 1})` : ''} : ${i.message}`,
        )
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
  const rattache = memes.filter(
    (f) =>
      cleTexte(f.axe?.intitule ?? '') === cleTexte(lue.champs.axe?.titre ?? '') &&
      cleTexte(f.objectif?.intitule ?? '') === cleTexte(lue.champs.objectif?.titre ?? ''),
  );
  if (rattache.length === 1) return rattache[0];
  throw new Rejet(
    `${memes.length} fiches du contrat portent ce titre (n° ${memes.map((f) => f.numero).join(', ')}) : numérotez la ligne (« Fiche action 12. Titre »)`,
  );
}

/** What the report says of a rejected row: the services' own messages when they refuse. */
function raisonDe(e: unknown): string {
  if (e instanceof Rejet) return e.message;
  const erreur = e as ErreurMetier;
  const champs = (erreur.extra?.erreurs as { champ: string; message: string }[] | undefined) ?? [];
  return [erreur.message, ...champs.map((c) => `${c.champ} : ${c.message}`)].join(' ; ');
}

export async function appliquerImport(
  _ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  tx: Queryable,
  tableau: Tableau,
  options: { dryRun: boolean; fichier: string; progression?: (lignesTraitees: number) => Promise<void> },
): Promise<Rapport> {
  const { format } = tableau;
  const lecteur = format.lecteur(tableau.entetes);
  // One import at a time per contract: two would otherwise both create the same missing axe or organisation.
  await verrouillerContrat(tx, contratId);
  const ref = await referenceContrat(tx, contratId);
  const annuaire = new Annuaire(tx, utilisateur, contratId, await toutesLesOrganisations(tx));
  const strategie = new Strategie(tx, utilisateur, contratId, await axesDuContrat(tx, contratId));
  const lecteurExport = format.lecteur(format.colonnes.map((c) => c.entete));
  // What the file would say of a fiche: its exported rows, read and grouped as the file's are.
  const projection = (f: fiches.VueFiche) => {
    const [propre, ...etapes] = format.ecrire(f, annuaire.noms).map((cellules, i) => ({ ligne: i, lue: lecteurExport.lire(cellules)! }));
    return assembler({ propre, sousActions: etapes });
  };
  const s: Session = { format, annuaire, strategie, projection };

  const lues = (
    await parTranches(tableau.lignes, (l) =>
      l.cellules.some((c) => c !== null && c !== '') ? { ligne: l.numero, lue: lecteur.lire(l.cellules) } : null,
    )
  ).filter((l): l is RangLu => l?.lue != null);
  const remarques = titresNumeros(lues);

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
  const tally = { crees: 0, misAJour: 0, inchanges: 0 };
  const aTraiter = lues
    .filter(({ lue }) => !lue.structure)
    .sort((a, b) => (a.lue.ordre ?? Infinity) - (b.lue.ordre ?? Infinity) || a.ligne - b.ligne);
  // An action's own row and its sub-action rows, wherever they are, make one fiche.
  const groupes = grouper(
    await parTranches(aTraiter, (rang) => {
      const { lue } = rang;
      if (lue.champs.intitule === undefined && lue.numero === undefined) return { rang, cle: null, existant: null };
      try {
        const existant = correspondance(s, lue, index);
        const cle = existant
          ? `fiche:${existant.id}`
          : lue.numero !== undefined
            ? `numero:${lue.numero}`
            : `titre:${cleTexte(lue.champs.intitule ?? '')}|${cleTexte(lue.champs.axe?.titre ?? '')}|${cleTexte(lue.champs.objectif?.titre ?? '')}`;
        return { rang, cle, existant };
      } catch (e) {
        if (!(e instanceof Rejet)) throw e;
        return { rang, cle: null, existant: null, refus: e.message };
      }
    }),
  );
  // A row is up to a millisecond of work when nothing waits for the database: let the others in every few.
  const ceder = cedeurPeriodique();
  let traitees = 0;
  for (const groupe of groupes) {
    await ceder();
    // Before the row's work, so that a `continue` below never skips it; the writer keeps it to once a second.
    await options.progression?.(traitees);
    traitees += groupe.rangs.length;
    const lue = assembler(groupe);
    const { existant } = groupe;
    const porteur = groupe.propre ?? groupe.rangs[0];
    const rapports = groupe.rangs.map((r) => {
      const rapport: LigneRapport = { ligne: r.ligne, statut: 'rejete', numero: lue.numero, intitule: lue.champs.intitule ?? undefined };
      if (r.lue.sousAction) rapport.sousAction = r.lue.sousAction.libelle;
      lignes.push(rapport);
      return rapport;
    });
    const poser = (statut: LigneRapport['statut'], extra: Partial<LigneRapport> = {}) =>
      rapports.forEach((r) => Object.assign(r, { statut }, extra));
    const fautives = groupe.rangs.filter((r) => r.lue.erreurs.length);
    if (fautives.length) {
      // Each faulty row says why; the action's other rows, that its fiche is not imported.
      const renvoi = `fiche non importée : ligne${fautives.length > 1 ? 's' : ''} ${fautives.map((r) => r.ligne).join(', ')} rejetée${fautives.length > 1 ? 's' : ''}`;
      groupe.rangs.forEach((r, i) => (rapports[i].raison = r.lue.erreurs.length ? r.lue.erreurs.join(' ; ') : renvoi));
      continue;
    }
    try {
      if (groupe.refus) throw new Rejet(groupe.refus);
      if (existant) poser('rejete', { numero: existant.numero, intitule: existant.intitule });
      if (!existant && lue.champs.intitule === undefined)
        throw new Rejet(`${format.colonne('intitule')} : manquant pour une nouvelle fiche`);

      const saisie = await fusionner(s, lue, existant);
      poser('rejete', { intitule: saisie.intitule });
      if (existant) {
        const actuelle = ficheSaisieSchema.safeParse(saisieActuelle(existant));
        if (actuelle.success && egal(actuelle.data, saisie)) {
          poser('inchange');
          tally.inchanges++;
          continue;
        }
      }
      // Checked now as the services check a fiche, written with the others at the end: a refused row writes nothing.
      try {
        if (existant) await lot.modifier(existant.id, saisie);
        else poser('rejete', { numero: (await lot.creer(saisie, { numero: lue.numero, position: lue.ordre })).numero });
      } catch (e) {
        if (e instanceof ErreurMetier && e.statut === 400) throw new Rejet(raisonDe(e));
        throw e; // 403, 409 (signed contract without avenant): the whole import answers so
      }
      poser(existant ? 'mis_a_jour' : 'cree');
      tally[existant ? 'misAJour' : 'crees']++;
    } catch (e) {
      if (!(e instanceof Rejet)) throw e;
      groupe.rangs.forEach(
        (r, i) => (rapports[i].raison = r === porteur ? e.message : `fiche non importée : voir la ligne ${porteur.ligne}`),
      );
    }
  }

  // A file with a rejected row is rolled back whole: its fiches are not worth writing.
  if (!lignes.some((l) => l.statut === 'rejete')) await lot.enregistrer();

  lignes.sort((a, b) => a.ligne - b.ligne);
  const resume = {
    ...tally,
    rejetes: lignes.filter((l) => l.statut === 'rejete').length,
    sousActions: lignes.filter((l) => l.sousAction && l.statut !== 'rejete').length,
  };
  const rapport: Rapport = {
    format: format.nom,
    dryRun: options.dryRun,
    applique: !options.dryRun && resume.rejetes === 0,
    lignes,
    colonnesInconnues: [...new Set(lecteur.inconnues.map((c) => c.trim()))],
    axesCrees: strategie.axesCrees,
    objectifsCrees: strategie.objectifsCrees,
    organisationsCreees: annuaire.creees,
    remarques,
    resume,
  };
  if (rapport.applique && resume.crees + resume.misAJour + strategie.axesCrees.length + strategie.objectifsCrees.length > 0)
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: contratId,
      action: 'import_plan',
      apres: {
        fichier: options.fichier,
        format: format.nom,
        crees: resume.crees,
        misAJour: resume.misAJour,
        inchanges: resume.inchanges,
        rejetes: resume.rejetes,
        ...(resume.sousActions ? { sousActions: resume.sousActions } : {}),
      },
      contexte: { contratId },
    });
  return rapport;
}
