import {
  can,
  canonique,
  estSigne,
  LIBELLES_STATUT_FICHE,
  prochainNumero,
  type Action,
  type FicheSaisie,
  type RefContrat,
  type StatutFiche,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { publierEvenement } from '../../platform/evenements';
import { conflit, interdit, introuvable, invalide, nonAuthentifie } from '../../platform/errors';
import {
  avenantOuvert,
  exigerModifiable,
  exigerSurContrat,
  exigerSurContratAvecAxes,
  raisonVerrou,
  referenceContrat,
} from '../contrats/acces';
import * as contrats from '../contrats/contrat-partage.service';
import * as repository from './fiches.repository';
import { synchroniserIndicateurs } from './indicateurs-fiche';

type Axes = Awaited<ReturnType<typeof contrats.listerAxes>>;

/** Each axe and objectif of a contract with its number as on the contract page, found by id: built once per list. */
export type NumerotationAxes = Map<
  string,
  { id: string; numero: number; intitule: string; objectifs: Map<string, { id: string; numero: string; intitule: string }> }
>;

export function numeroterAxes(axes: Axes): NumerotationAxes {
  return new Map(
    axes.map((a, i) => [
      a.id,
      {
        id: a.id,
        numero: i + 1,
        intitule: a.intitule,
        objectifs: new Map(a.objectifs.map((o, j) => [o.id, { id: o.id, numero: `${i + 1}.${j + 1}`, intitule: o.intitule }])),
      },
    ]),
  );
}

/** What every view of a fiche adds to its columns: status label, axe and objectif numbered as on the contract page, pilots named, total funding. */
function ajoutsDeVue(
  f: Pick<repository.FicheLigne, 'axeId' | 'objectifId' | 'statut' | 'pilotes' | 'financements'>,
  numeros: NumerotationAxes,
) {
  const axe = f.axeId ? numeros.get(f.axeId) : undefined;
  const objectif = axe && f.objectifId ? axe.objectifs.get(f.objectifId) : undefined;
  return {
    statutLibelle: LIBELLES_STATUT_FICHE[f.statut as StatutFiche] ?? f.statut,
    axe: axe ? { id: axe.id, numero: axe.numero, intitule: axe.intitule } : null,
    objectif: objectif ?? null,
    pilotes: f.pilotes.map((p) => ({
      ...p,
      libelle: p.organisationId ? `${p.organisationSigle ?? p.organisationNom}${p.service ? ` (${p.service})` : ''}` : 'À définir',
    })),
    totalFinancementCentimes: f.financements.filter((l) => l.statut !== 'refuse').reduce((t, l) => t + l.montantCentimes, 0),
  };
}

/** The fiche as the API gives it: its columns and content, with its axe and objectif numbered as on the contract page. */
export function vueFiche(f: repository.FicheLigne, axes: Axes | NumerotationAxes) {
  const { contenu, ...colonnes } = f;
  return { ...contenu, ...colonnes, ...ajoutsDeVue(f, Array.isArray(axes) ? numeroterAxes(axes) : axes) };
}
export type VueFiche = ReturnType<typeof vueFiche>;

export async function exigerSurFiche(db: Queryable, utilisateur: Utilisateur | null, action: Action, fiche: repository.FicheLigne) {
  const ref = await referenceContrat(db, fiche.contratId);
  verifierSurFiche(utilisateur, action, fiche, ref);
  return ref;
}

/** The same check with the contract already read (a plan import reads it once for all its fiches). */
export function verifierSurFiche(utilisateur: Utilisateur | null, action: Action, fiche: repository.FicheLigne, ref: RefContrat) {
  const partenaires = (fiche.contenu.partenaires ?? []).flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const ressource = {
    type: 'fiche' as const,
    contrat: ref,
    piloteOrganisationIds: fiche.pilotes.flatMap((p) => (p.organisationId ? [p.organisationId] : [])),
    partenaireOrganisationIds: partenaires,
  };
  if (!can(utilisateur, 'lire', ressource)) throw utilisateur ? introuvable('Cette fiche n’existe pas.') : nonAuthentifie();
  if (action !== 'lire' && !can(utilisateur, action, ressource)) throw interdit();
}

export async function chargerFiche(db: Queryable, id: string, verrouiller = false) {
  const fiche = await repository.obtenirFiche(db, id, verrouiller);
  if (!fiche) throw introuvable('Cette fiche n’existe pas.');
  return fiche;
}

export async function listerFiches(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  contratId: string,
  filtre: Partial<repository.FiltreFiches>,
) {
  // The check (with the axes) and the list in parallel: nothing is answered before the check.
  const [{ axes }, fiches] = await Promise.all([
    exigerSurContratAvecAxes(ctx.db, utilisateur, 'lire', contratId),
    repository.listerFichesListees(ctx.db, contratId, {
      axeId: filtre.axeId ?? null,
      statut: filtre.statut ?? null,
      piloteId: filtre.piloteId ?? null,
      thematique: filtre.thematique ?? null,
      financeurId: filtre.financeurId ?? null,
      public: filtre.public ?? null,
      q: filtre.q?.trim() || null,
      tri: filtre.tri ?? 'ordre',
    }),
  ]);
  const numeros = numeroterAxes(axes);
  // The rows are this request's own: completed in place rather than copied (a list of fiches is read under load).
  return fiches.map((f) => Object.assign(f, ajoutsDeVue(f, numeros)));
}

export async function obtenirFiche(ctx: Contexte, utilisateur: Utilisateur | null, id: string) {
  const fiche = await chargerFiche(ctx.db, id);
  const ref = await exigerSurFiche(ctx.db, utilisateur, 'lire', fiche);
  const [axes, historique] = await Promise.all([contrats.listerAxes(ctx.db, fiche.contratId), repository.historiqueStatuts(ctx.db, id)]);
  const pilotes = fiche.pilotes.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  const avenant = await avenantOuvert(ctx.db, fiche.contratId);
  return {
    ...vueFiche(fiche, axes),
    verrou: raisonVerrou(ref.statut, avenant !== null),
    historiqueStatuts: historique,
    modifiable: can(utilisateur, 'modifier', {
      type: 'fiche',
      contrat: ref,
      piloteOrganisationIds: pilotes,
      partenaireOrganisationIds: [],
    }),
  };
}

/**
 * Axe, objectif and organisations named by a fiche must belong to its contract / exist. `connus` (a plan import):
 * the contract's axes already read, and the organisations already found, so that only new ids are looked up.
 */
export async function verifierReferences(
  tx: Queryable,
  contratId: string,
  f: FicheSaisie,
  connus?: { axes: Axes; organisations: Set<string> },
) {
  const axeDuContrat = async (id: string) => (connus ? connus.axes.some((a) => a.id === id) : contrats.axeDuContrat(tx, contratId, id));
  const objectifDuContrat = async (id: string) =>
    connus ? (connus.axes.flatMap((a) => a.objectifs).find((o) => o.id === id) ?? null) : contrats.objectifDuContrat(tx, contratId, id);
  if (f.axeId && !(await axeDuContrat(f.axeId)))
    throw invalide('Axe inconnu dans ce contrat.', [{ champ: 'axeId', message: 'Axe inconnu dans ce contrat' }]);
  if (f.objectifId) {
    const objectif = await objectifDuContrat(f.objectifId);
    if (!objectif)
      throw invalide('Objectif inconnu dans ce contrat.', [{ champ: 'objectifId', message: 'Objectif inconnu dans ce contrat' }]);
    if (f.axeId && objectif.axeId !== f.axeId)
      throw invalide('L’objectif n’appartient pas à l’axe choisi.', [
        { champ: 'objectifId', message: 'L’objectif n’appartient pas à l’axe choisi' },
      ]);
  }
  const ids = [
    ...f.pilotes.map((p) => p.organisationId),
    ...f.financements.map((l) => l.financeurId),
    ...f.partenaires.map((p) => p.organisationId),
  ].filter((x): x is string => !!x);
  const aChercher = [...new Set(ids)].filter((id) => !connus?.organisations.has(id));
  if (!aChercher.length) return;
  const connues = await contrats.organisationsParIds(tx, aChercher);
  connues.forEach((o) => connus?.organisations.add(o.id));
  if (connues.length !== aChercher.length) throw invalide('Une organisation citée (pilote, partenaire ou financeur) est inconnue.');
}

async function enregistrerLiens(tx: Queryable, utilisateur: Utilisateur, contratId: string, id: string, f: FicheSaisie) {
  await repository.remplacerPilotes(tx, id, f.pilotes);
  await repository.remplacerFinancements(tx, contratId, id, f.financements);
  // Indicators left out of the saisie stay as they are.
  if (f.indicateurs) await synchroniserIndicateurs(tx, utilisateur, { id, contratId }, f.indicateurs);
}

/** Creates a fiche with the next number never used in this contract, at the end of the list or at `position`. */
export async function creerFiche(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  saisie: FicheSaisie,
  options: { numero?: number; position?: number } = {},
  tx?: Queryable,
) {
  const ref = await exigerSurContrat(tx ?? ctx.db, utilisateur, 'lire', contratId);
  if (!can(utilisateur, 'creer', { type: 'fiche', contrat: ref, piloteOrganisationIds: [], partenaireOrganisationIds: [] }))
    throw interdit();
  const travail = async (t: Queryable) => {
    await exigerModifiable(t, contratId, ref.statut);
    await t.query('select 1 from contrats where id = $1 for update', [contratId]);
    await verifierReferences(t, contratId, saisie);
    const numeros = await repository.numerosAttribues(t, contratId);
    if (options.numero !== undefined && numeros.includes(options.numero))
      throw invalide(`Le numéro ${options.numero} a déjà été attribué dans ce contrat.`, [
        { champ: 'numero', message: 'Numéro déjà attribué dans ce contrat' },
      ]);
    const numero = options.numero ?? prochainNumero(numeros);
    const total = await repository.nombreFiches(t, contratId);
    const ordre = Math.min(Math.max(1, options.position ?? total + 1), total + 1);
    const id = await repository.creerFiche(t, contratId, numero, ordre, saisie);
    await enregistrerLiens(t, utilisateur, contratId, id, saisie);
    await repository.noterStatut(t, id, saisie.statut, utilisateur.libelle);
    await contrats.toucherContrat(t, contratId);
    await auditer(t, {
      acteur: acteurDe(utilisateur),
      entiteType: 'fiche',
      entiteId: id,
      action: 'creation',
      apres: { numero, ...saisie } as never,
      contexte: { contratId },
    });
    return { id, numero };
  };
  return tx ? travail(tx) : enTransaction(ctx.db, travail);
}

/**
 * Only the statut, the notes and the indicators (the follow-up's, decision 0007) of a signed contract's fiche follow
 * the action's life; anything else is an amendment.
 */
export function seulementLeStatut(avant: repository.FicheLigne, saisie: FicheSaisie): boolean {
  const courant: Record<string, unknown> = {
    ...avant.contenu,
    intitule: avant.intitule,
    axeId: avant.axeId,
    objectifId: avant.objectifId,
    priorite: avant.priorite,
    debut: avant.debut,
    fin: avant.fin,
    thematiques: avant.thematiques,
    publics: avant.publics,
    pilotes: avant.pilotes.map((p) => ({ organisationId: p.organisationId, service: p.service })),
    financements: avant.financements.map(({ id, financeurNom, ...l }) => l),
  };
  const { statut, notes, indicateurs, ...reste } = saisie;
  const normalise = {
    ...reste,
    pilotes: reste.pilotes.map((p) => ({ organisationId: p.organisationId, service: p.service ?? null })),
    financements: reste.financements.map((l) => ({
      financeurId: l.financeurId ?? null,
      financeurLibelle: l.financeurLibelle ?? null,
      dispositif: l.dispositif,
      annee: l.annee,
      montantCentimes: l.montantCentimes,
      nature: l.nature,
      statut: l.statut,
      valorisationNature: l.valorisationNature ?? null,
    })),
  };
  return Object.entries(normalise).every(([cle, valeur]) => canonique(valeur) === canonique(courant[cle]));
}

export async function modifierFiche(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  version: number,
  saisie: FicheSaisie,
  tx?: Queryable,
) {
  const fiche = await chargerFiche(tx ?? ctx.db, id);
  const ref = await exigerSurFiche(tx ?? ctx.db, utilisateur, 'modifier', fiche);
  const travail = async (tx: Queryable) => {
    const avant = await chargerFiche(tx, id, true);
    if (avant.version !== version) {
      const axes = await contrats.listerAxes(tx, avant.contratId);
      throw conflit('Cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.', vueFiche(avant, axes));
    }
    if (!(estSigne(ref.statut) && seulementLeStatut(avant, saisie))) await exigerModifiable(tx, avant.contratId, ref.statut);
    await verifierReferences(tx, avant.contratId, saisie);
    await repository.modifierFiche(tx, id, version, saisie);
    await enregistrerLiens(tx, utilisateur, avant.contratId, id, saisie);
    if (avant.statut !== saisie.statut) {
      await repository.noterStatut(tx, id, saisie.statut, utilisateur.libelle);
      await publierEvenement(tx, {
        type: 'fiche.statut_modifie',
        contratId: avant.contratId,
        donnees: { ficheId: id, numero: avant.numero, statutAvant: avant.statut, statut: saisie.statut },
      });
    }
    await contrats.toucherContrat(tx, avant.contratId);
    const apres = (await repository.obtenirFiche(tx, id))!;
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'fiche',
      entiteId: id,
      action: 'modification',
      avant: aplatir(avant) as never,
      apres: aplatir(apres) as never,
      contexte: { contratId: avant.contratId, numero: avant.numero },
    });
    return vueFiche(apres, await contrats.listerAxes(tx, avant.contratId));
  };
  return tx ? travail(tx) : enTransaction(ctx.db, travail);
}

export function aplatir(f: repository.FicheLigne) {
  const { contenu, version, modifieLe, ...reste } = f;
  return {
    ...contenu,
    ...reste,
    pilotes: f.pilotes.map((p) => ({ organisationId: p.organisationId, service: p.service })),
    financements: f.financements.map(({ id, financeurNom, ...l }) => l),
  };
}

export async function supprimerFiche(ctx: Contexte, utilisateur: Utilisateur, id: string) {
  const fiche = await chargerFiche(ctx.db, id);
  const ref = await exigerSurFiche(ctx.db, utilisateur, 'supprimer', fiche);
  await enTransaction(ctx.db, async (tx) => {
    await exigerModifiable(tx, fiche.contratId, ref.statut);
    await repository.supprimerFiche(tx, id);
    await contrats.toucherContrat(tx, fiche.contratId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'fiche',
      entiteId: id,
      action: 'suppression',
      avant: aplatir(fiche) as never,
      contexte: { contratId: fiche.contratId, numero: fiche.numero },
    });
  });
}

export async function ordonnerFiches(ctx: Contexte, utilisateur: Utilisateur, contratId: string, ids: string[]) {
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  await enTransaction(ctx.db, async (tx) => {
    await exigerModifiable(tx, contratId, ref.statut);
    if (!(await repository.ordonnerFiches(tx, contratId, ids))) throw invalide('La liste doit contenir chaque fiche du contrat, une fois.');
    await contrats.toucherContrat(tx, contratId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: contratId,
      action: 'ordre_fiches',
      apres: { ordre: ids },
    });
  });
}

/** Every fiche of a contract in full, for snapshots, documents and exports. */
export async function fichesCompletes(db: Queryable, contratId: string) {
  const fiches = await repository.listerFiches(db, contratId, {
    axeId: null,
    statut: null,
    piloteId: null,
    thematique: null,
    financeurId: null,
    public: null,
    q: null,
    tri: 'ordre',
  });
  const axes = await contrats.listerAxes(db, contratId);
  const numeros = numeroterAxes(axes);
  return fiches.map((f) => vueFiche(f, numeros));
}
