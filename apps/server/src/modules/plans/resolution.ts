/**
 * From what a row says (names, titles) to what a fiche holds (ids): organisations found by name or sigle and
 * created when unknown; axes and objectifs found by title and created when missing; fields merged with the fiche.
 */
import { axeSaisieSchema, canonique, cleTexte, objectifSaisieSchema, organisationSaisieSchema } from '@maillage/domain';
import type { Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { creerOrganisationImportee } from '../comptes/organisations-lot.service';
import { axesDuContrat } from '../contrats/lecture.service';
import { creerAxeImporte, creerObjectifImporte, toucherContrat } from '../contrats/strategie-lot.service';
import type { FinancementLu, PartenaireLu, PiloteLu, Rattachement } from './plan-format';

/** A row refused, with the reason (the column and the value). */
export class Rejet extends Error {}

interface Organisation {
  id: string;
  nom: string;
  sigle: string | null;
  type: string;
}

// A partner's sector, when the file does not give it, from its organisation's type.
const SECTEUR_PAR_TYPE: Record<string, string> = {
  ars: 'sante',
  ars_delegation: 'sante',
  hopital: 'sante',
  etablissement_medico_social: 'sante',
  msp: 'sante',
  cpts: 'sante',
  dac: 'sante',
  ireps: 'sante',
  ors: 'sante',
  cpam: 'sante',
  msa: 'sante',
  caf: 'social',
  carsat: 'social',
  education_nationale: 'education',
};

/** The organisations known to the platform, and those the import creates (type « autre », audited). */
export class Annuaire {
  private parNom = new Map<string, Organisation>();
  private parSigle = new Map<string, Organisation[]>();
  readonly noms = new Map<string, string>();
  readonly creees: string[] = [];

  constructor(
    private tx: Queryable,
    private utilisateur: Utilisateur,
    private contratId: string,
    organisations: Organisation[],
  ) {
    organisations.forEach((o) => this.ajouter(o));
  }

  private ajouter(o: Organisation) {
    this.parNom.set(cleTexte(o.nom), o);
    if (o.sigle) this.parSigle.set(cleTexte(o.sigle), [...(this.parSigle.get(cleTexte(o.sigle)) ?? []), o]);
    this.noms.set(o.id, o.nom);
  }

  /** By normalised name, else by sigle when a single organisation bears it. */
  trouver(nom: string): Organisation | null {
    const cle = cleTexte(nom);
    const parNom = this.parNom.get(cle);
    if (parNom) return parNom;
    const parSigle = this.parSigle.get(cle) ?? [];
    if (parSigle.length > 1)
      throw new Rejet(`« ${nom} » désigne plusieurs organisations (${parSigle.map((o) => o.nom).join(', ')}) : écrivez le nom complet`);
    return parSigle[0] ?? null;
  }

  async obtenir(nom: string, colonne: string): Promise<Organisation> {
    const connue = this.trouver(nom);
    if (connue) return connue;
    const saisie = organisationSaisieSchema.safeParse({ nom, type: 'autre' });
    if (!saisie.success) throw new Rejet(`${colonne} : « ${nom} » : ${saisie.error.issues[0].message}`);
    const creee = await creerOrganisationImportee(this.tx, this.utilisateur, saisie.data, this.contratId);
    this.ajouter(creee);
    this.creees.push(creee.nom);
    return creee;
  }

  async pilote(p: PiloteLu, colonne: string) {
    if (p.nom === null) return { organisationId: null, service: p.service };
    // "Mutualité (Bretagne)" may be an organisation's own name rather than a name and a service.
    const entiere = p.complet ? this.trouverSansRejet(p.complet) : null;
    if (entiere) return { organisationId: entiere.id, service: null };
    return { organisationId: (await this.obtenir(p.nom, colonne)).id, service: p.service };
  }

  async partenaire(p: PartenaireLu, colonne: string) {
    const o = p.organisation ? await this.obtenir(p.organisation, colonne) : null;
    return {
      secteur: p.secteur ?? (o && SECTEUR_PAR_TYPE[o.type]) ?? 'autre',
      acteur: p.acteur,
      ...(o ? { organisationId: o.id } : {}),
      participation: p.participation,
    };
  }

  async financement(l: FinancementLu, debut: string | null | undefined, colonne: string) {
    let financeurId: string | null = null;
    let financeurLibelle = l.financeurLibelle;
    if (l.financeur && l.souple) {
      const o = this.trouverSansRejet(l.financeur);
      if (o) financeurId = o.id;
      else financeurLibelle = l.financeur;
    } else if (l.financeur) financeurId = (await this.obtenir(l.financeur, colonne)).id;
    const { financeur, souple, ...reste } = l;
    return { ...reste, financeurId, financeurLibelle, annee: l.annee ?? Number((debut ?? new Date().toISOString()).slice(0, 4)) };
  }

  private trouverSansRejet(nom: string) {
    try {
      return this.trouver(nom);
    } catch {
      return null;
    }
  }
}

type Axes = Awaited<ReturnType<typeof axesDuContrat>>;

const ordreNumeros = (a: number[], b: number[]) => {
  if (!a.length || !b.length) return (a.length ? 0 : 1) - (b.length ? 0 : 1);
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
};

/** The contract's axes and objectifs, matched by title (numbers are only used to order the ones created). */
export class Strategie {
  readonly axesCrees: string[] = [];
  readonly objectifsCrees: string[] = [];
  private invalides = new Map<string, string>();
  /** Axes by normalised title (the first of a title), objectifs by axe and title: asked for every row. */
  private parTitre = new Map<string, Axes[number]>();
  private objectifs = new Map<string, Map<string, Axes[number]['objectifs'][number]>>();

  constructor(
    private tx: Queryable,
    private utilisateur: Utilisateur,
    private contratId: string,
    axes: Axes,
  ) {
    this.poser(axes);
  }

  private poser(axes: Axes) {
    const premiers = <T>(paires: [string, T][]) => new Map(paires.reverse());
    this.parTitre = premiers(axes.map((a) => [cleTexte(a.intitule), a]));
    this.objectifs = new Map(axes.map((a) => [a.id, premiers(a.objectifs.map((o) => [cleTexte(o.intitule), o]))]));
  }

  private axe(titre: string) {
    return this.parTitre.get(cleTexte(titre));
  }

  /**
   * Creates the axes and objectifs the rows name and the contract lacks, in their numbers' order.
   * `avantCreation` checks the right to change the contract, once, before the first creation.
   */
  async completer(rattachements: { axe: Rattachement; objectif?: Rattachement | null }[], avantCreation: () => Promise<void>) {
    const voulus = new Map<string, { r: Rattachement; objectifs: Map<string, Rattachement> }>();
    for (const { axe, objectif } of rattachements) {
      const v = voulus.get(cleTexte(axe.titre)) ?? { r: axe, objectifs: new Map() };
      voulus.set(cleTexte(axe.titre), v);
      if (objectif && !v.objectifs.has(cleTexte(objectif.titre))) v.objectifs.set(cleTexte(objectif.titre), objectif);
    }
    const manquants = [...voulus.values()].filter((v) => !this.axe(v.r.titre)).sort((a, b) => ordreNumeros(a.r.numero, b.r.numero));
    const objectifsManquants = [...voulus.values()].some((v) => [...v.objectifs.values()].some((o) => !this.objectif(v.r.titre, o.titre)));
    if (!manquants.length && !objectifsManquants) return;
    await avantCreation();
    for (const v of manquants) {
      const saisie = axeSaisieSchema.safeParse({ intitule: v.r.titre });
      if (!saisie.success) {
        this.invalides.set(`axe:${cleTexte(v.r.titre)}`, saisie.error.issues[0].message);
        continue;
      }
      await creerAxeImporte(this.tx, this.utilisateur, this.contratId, saisie.data);
      this.axesCrees.push(saisie.data.intitule);
    }
    this.poser(await axesDuContrat(this.tx, this.contratId));
    for (const v of voulus.values()) {
      const axe = this.axe(v.r.titre);
      if (!axe) continue;
      for (const o of [...v.objectifs.values()].sort((a, b) => ordreNumeros(a.numero, b.numero))) {
        if (this.objectif(v.r.titre, o.titre)) continue;
        const saisie = objectifSaisieSchema.safeParse({ intitule: o.titre });
        if (!saisie.success) {
          this.invalides.set(`objectif:${cleTexte(o.titre)}`, saisie.error.issues[0].message);
          continue;
        }
        await creerObjectifImporte(this.tx, this.utilisateur, this.contratId, axe.id, saisie.data);
        this.objectifsCrees.push(saisie.data.intitule);
      }
    }
    this.poser(await axesDuContrat(this.tx, this.contratId));
    await toucherContrat(this.tx, this.contratId);
  }

  private objectif(axe: string, titre: string) {
    const trouve = this.axe(axe);
    return trouve && this.objectifs.get(trouve.id)?.get(cleTexte(titre));
  }

  /** Ids of a row's axe and objectif; the objectif is looked for in the row's axe, else in the fiche's. */
  ids(
    axe: Rattachement | null | undefined,
    objectif: Rattachement | null | undefined,
    axeActuel: string | null,
    colonnes: { axe: string; objectif: string },
  ) {
    let axeId = axeActuel;
    if (axe !== undefined) {
      axeId = axe ? (this.axe(axe.titre)?.id ?? null) : null;
      if (axe && !axeId)
        throw new Rejet(`${colonnes.axe} : « ${axe.titre} » : ${this.invalides.get(`axe:${cleTexte(axe.titre)}`) ?? 'axe introuvable'}`);
    }
    if (!objectif) return { axeId, objectifId: null };
    const trouve = axeId ? this.objectifs.get(axeId)?.get(cleTexte(objectif.titre)) : undefined;
    if (!trouve)
      throw new Rejet(
        `${colonnes.objectif} : « ${objectif.titre} » : ${this.invalides.get(`objectif:${cleTexte(objectif.titre)}`) ?? 'objectif introuvable dans cet axe'}`,
      );
    return { axeId, objectifId: trouve.id };
  }
}

/** Equality of what two rows say, where null and absent are the same. */
export function egal(a: unknown, b: unknown): boolean {
  return canonique(sansNuls(a)) === canonique(sansNuls(b));
}

function sansNuls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sansNuls);
  if (v && typeof v === 'object' && !(v instanceof Date))
    return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (x === null || x === undefined ? [] : [[k, sansNuls(x)]])));
  return v;
}
