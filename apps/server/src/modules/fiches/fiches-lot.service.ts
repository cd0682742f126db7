/**
 * Many fiches of one contract created or changed in one go (a plan import), inside the caller's transaction. Each
 * fiche is checked as creerFiche and modifierFiche check it — permission, signed-contract rule, references, number,
 * indicators — and refused with the same errors, but what those checks read (the contract, its avenant, numbers,
 * ranks, axes, organisations, indicators) is read once; `enregistrer` then writes every fiche and its indicators in a
 * few statements and audits each one as the services do. The cost grows with the number of fiches, not with its square.
 */
import { randomUUID } from 'node:crypto';
import { can, estSigne, prochainNumero, type FicheSaisie, type RefContrat, type StatutContrat } from '@maillage/domain';
import { auditerLot, type EvenementAudit } from '../../platform/audit';
import { parTranches } from '../../platform/ceder';
import { acteurDe, type Utilisateur } from '../../platform/contexte';
import type { Queryable } from '../../platform/database';
import { conflit, interdit, introuvable, invalide } from '../../platform/errors';
import { exigerModifiable, referenceContrat, verifierSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrat-partage.service';
import * as lot from './fiches-lot.repository';
import * as repository from './fiches.repository';
import { aplatir, seulementLeStatut, verifierReferences, verifierSurFiche, numeroterAxes, vueFiche } from './fiches.service';
import { planifierIndicateurs, type IndicateurLigne, type PlanIndicateurs } from './indicateurs-fiche';
import { ecrirePlans, indicateursParFiche, verifierPlans } from './indicateurs-fiche-lot';

type Operation = { creation: lot.FicheACreer } | { modification: { avant: repository.FicheLigne; saisie: FicheSaisie } };

export class LotFiches {
  private operations: Operation[] = [];
  private organisations = new Set<string>();
  /** Ranks as one creation at a time would leave them: a fiche created at a rank pushes the following ones down. */
  private ordres: Map<string, number>;
  private ordreMax: number;
  private numeroMax: number;
  private modifiable: Promise<unknown> | null = null;
  /** Catalogue codes named by indicators, looked up once each. */
  private codes = new Map<string, boolean>();

  private constructor(
    private tx: Queryable,
    private utilisateur: Utilisateur,
    private contratId: string,
    private ref: RefContrat & { statut: StatutContrat },
    private axes: contrats.AxeLigne[],
    /** The contract's fiches as they were when the lot opened, by id. */
    readonly fiches: Map<string, repository.FicheLigne>,
    private numeros: Set<number>,
    /** The fiches' indicators as they were when the lot opened, by fiche. */
    private indicateurs: Map<string, IndicateurLigne[]>,
  ) {
    this.ordres = new Map([...fiches.values()].map((f) => [f.id, f.ordre]));
    this.ordreMax = Math.max(0, ...this.ordres.values());
    this.numeroMax = prochainNumero([...numeros]) - 1;
  }

  /** Locks the contract (one import or creation at a time), then reads what every check needs, once. */
  static async ouvrir(tx: Queryable, utilisateur: Utilisateur, contratId: string) {
    await tx.query('select 1 from contrats where id = $1 for update', [contratId]);
    const ref = await referenceContrat(tx, contratId);
    const axes = await contrats.listerAxes(tx, contratId);
    const liste = await repository.listerFiches(tx, contratId, {
      axeId: null,
      statut: null,
      piloteId: null,
      thematique: null,
      financeurId: null,
      public: null,
      q: null,
      tri: 'ordre',
    });
    const numeros = await repository.numerosAttribues(tx, contratId);
    const indicateurs = await indicateursParFiche(tx, contratId);
    return new LotFiches(tx, utilisateur, contratId, ref, axes, new Map(liste.map((f) => [f.id, f])), new Set(numeros), indicateurs);
  }

  /** The fiches as the API gives them (fichesCompletes), in their order. */
  vues() {
    const numeros = numeroterAxes(this.axes);
    return parTranches([...this.fiches.values()], (f) => vueFiche(f, numeros));
  }

  /** The signed-contract rule depends only on the contract and its avenant: asked once, its answer kept. */
  private async exigerModifiable() {
    this.modifiable ??= exigerModifiable(this.tx, this.contratId, this.ref.statut).then(
      () => null,
      (e: unknown) => e,
    );
    const refus = await this.modifiable;
    if (refus) throw refus;
  }

  /** The indicators' plan of a fiche (synchroniserIndicateurs' checks): none when the saisie leaves them out. */
  private async planifier(existants: IndicateurLigne[], saisie: FicheSaisie): Promise<PlanIndicateurs | null> {
    if (!saisie.indicateurs) return null;
    const plan = planifierIndicateurs(existants, saisie.indicateurs);
    await verifierPlans(this.tx, [plan], this.codes);
    return plan;
  }

  /** As creerFiche: the next number never used, at the end of the list or at `position`. */
  async creer(saisie: FicheSaisie, options: { numero?: number; position?: number } = {}) {
    verifierSurContrat(this.utilisateur, 'lire', this.ref);
    if (!can(this.utilisateur, 'creer', { type: 'fiche', contrat: this.ref, piloteOrganisationIds: [], partenaireOrganisationIds: [] }))
      throw interdit();
    await this.exigerModifiable();
    await verifierReferences(this.tx, this.contratId, saisie, { axes: this.axes, organisations: this.organisations });
    if (options.numero !== undefined && this.numeros.has(options.numero))
      throw invalide(`Le numéro ${options.numero} a déjà été attribué dans ce contrat.`, [
        { champ: 'numero', message: 'Numéro déjà attribué dans ce contrat' },
      ]);
    const numero = options.numero ?? this.numeroMax + 1;
    await this.planifier([], saisie);
    const total = this.ordres.size;
    const ordre = Math.min(Math.max(1, options.position ?? total + 1), total + 1);
    if (ordre <= this.ordreMax) {
      for (const [id, o] of this.ordres) if (o >= ordre) this.ordres.set(id, o + 1);
      this.ordreMax++;
    }
    const id = randomUUID();
    this.ordres.set(id, ordre);
    this.ordreMax = Math.max(this.ordreMax, ordre);
    this.numeros.add(numero);
    this.numeroMax = Math.max(this.numeroMax, numero);
    this.operations.push({ creation: { id, numero, ordre, saisie } });
    return { id, numero };
  }

  /** As modifierFiche, for a fiche of the contract as the lot read it (its version is checked when written). */
  async modifier(id: string, saisie: FicheSaisie) {
    const avant = this.fiches.get(id);
    if (!avant) throw introuvable('Cette fiche n’existe pas.');
    verifierSurFiche(this.utilisateur, 'modifier', avant, this.ref);
    if (!(estSigne(this.ref.statut) && seulementLeStatut(avant, saisie))) await this.exigerModifiable();
    await verifierReferences(this.tx, this.contratId, saisie, { axes: this.axes, organisations: this.organisations });
    await this.planifier(this.indicateurs.get(id) ?? [], saisie);
    this.operations.push({ modification: { avant, saisie } });
  }

  /** Writes and audits every fiche checked, in their order; a fiche changed meanwhile by someone else: 409. */
  async enregistrer() {
    if (!this.operations.length) return;
    const { tx, contratId, utilisateur } = this;
    const creations = this.operations.flatMap((o) => ('creation' in o ? [{ ...o.creation, ordre: this.ordres.get(o.creation.id)! }] : []));
    const modifications = this.operations.flatMap((o) =>
      'modification' in o ? [{ id: o.modification.avant.id, version: o.modification.avant.version, saisie: o.modification.saisie }] : [],
    );
    const modifiees = modifications.map((m) => m.id);

    const versions = await lot.verrouillerVersions(tx, modifiees);
    for (const { id, version } of modifications) {
      if (!versions.has(id)) throw introuvable('Cette fiche n’existe pas.');
      if (versions.get(id) !== version)
        throw conflit(
          'Cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte.',
          vueFiche((await repository.obtenirFiche(tx, id))!, this.axes),
        );
    }
    // The fiches as they are now, indicators included (the follow-up may have changed those since the lot opened).
    const avants = new Map((await lot.obtenirFiches(tx, modifiees)).map((f) => [f.id, f]));
    // Indicators locked and planned again against what they are now, then checked together (the same refusals).
    const avecIndicateurs = [...creations, ...modifications].filter((f) => f.saisie.indicateurs);
    const existants = await indicateursParFiche(
      tx,
      contratId,
      avecIndicateurs.flatMap((f) => (avants.has(f.id) ? [f.id] : [])),
    );
    const plans = await parTranches(avecIndicateurs, (f) => ({
      ficheId: f.id,
      plan: planifierIndicateurs(existants.get(f.id) ?? [], f.saisie.indicateurs!),
    }));
    await verifierPlans(
      tx,
      plans.map((p) => p.plan),
      this.codes,
    );

    await lot.creerFiches(tx, contratId, creations);
    await lot.modifierFiches(tx, modifications);
    await lot.remplacerLiens(tx, contratId, [...creations, ...modifications], modifiees);
    const evenementsIndicateurs = await ecrirePlans(tx, utilisateur, contratId, plans);
    const statuts = this.operations.flatMap((o) => {
      if ('creation' in o) return [{ ficheId: o.creation.id, statut: o.creation.saisie.statut }];
      const { avant, saisie } = o.modification;
      return avant.statut !== saisie.statut ? [{ ficheId: avant.id, statut: saisie.statut }] : [];
    });
    await lot.noterStatuts(tx, statuts, utilisateur.libelle);
    // Read back before the ranks move, as modifierFiche reads the fiche it has just written.
    const apres = new Map((await lot.obtenirFiches(tx, modifiees)).map((f) => [f.id, f]));
    const deplacees = [...this.fiches.values()].flatMap((f) =>
      this.ordres.get(f.id) !== f.ordre ? [{ id: f.id, ordre: this.ordres.get(f.id)! }] : [],
    );
    await lot.reordonner(tx, deplacees);
    await contrats.toucherContrat(tx, contratId, this.operations.length);

    const acteur = acteurDe(utilisateur);
    // As the services: a fiche's indicator events, then the fiche's own.
    const evenements: EvenementAudit[] = (
      await parTranches(this.operations, (o): EvenementAudit[] => {
        const id = 'creation' in o ? o.creation.id : o.modification.avant.id;
        const fiche: EvenementAudit =
          'creation' in o
            ? {
                acteur,
                entiteType: 'fiche',
                entiteId: id,
                action: 'creation',
                apres: { numero: o.creation.numero, ...o.creation.saisie } as never,
                contexte: { contratId },
              }
            : {
                acteur,
                entiteType: 'fiche',
                entiteId: id,
                action: 'modification',
                avant: aplatir(avants.get(id)!) as never,
                apres: aplatir(apres.get(id)!) as never,
                contexte: { contratId, numero: o.modification.avant.numero },
              };
        return [...(evenementsIndicateurs.get(id) ?? []), fiche];
      })
    ).flat();
    await auditerLot(tx, evenements);
    this.operations = [];
  }
}
