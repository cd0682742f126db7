import { pluriel } from '../texte';

/** A signed state of a contract, as kept at signature and at each avenant. */
export interface EtatContrat {
  intitule: string;
  periode: { debut: string | null; fin: string | null };
  perimetre: { epci: string[]; communes: string[] };
  signataires: { organisationId: string; organisation: string; dateSignature: string | null }[];
  axes: { id: string; intitule: string; objectifs: { id: string; intitule: string }[] }[];
  fiches: { id: string; numero: number; intitule: string; [champ: string]: unknown }[];
  /** The planned evaluations (absent from snapshots taken before they existed: read as none). */
  planEvaluation?: unknown[];
}

export type TypeChangement =
  | 'fiche_ajoutee'
  | 'fiche_modifiee'
  | 'fiche_retiree'
  | 'axe_ajoute'
  | 'axe_modifie'
  | 'axe_retire'
  | 'periode'
  | 'perimetre'
  | 'signataire_ajoute'
  | 'signataire_retire'
  | 'intitule'
  | 'plan_evaluation';

export interface Changement {
  type: TypeChangement;
  libelle: string;
}

const formatPeriode = (p: EtatContrat['periode']) => `${p.debut ?? '?'} – ${p.fin ?? '?'}`;
// Follow-up fields move without amendment; they are not changes of the contract. The fiche's indicators are its
// follow-up indicators (decision 0007): their baseline and targets are refined during the contract's life.
// The links to the territory's schemes follow them as they come and go (decision 0017); `lienContratVille`, the
// yes/no box they replace, is gone from fiches but stays in older snapshots.
const CHAMPS_SUIVI = new Set([
  'statut',
  'statutLibelle',
  'notes',
  'version',
  'modifieLe',
  'ordre',
  'historiqueStatuts',
  'modifiable',
  'indicateurs',
  'dispositifsTerritoriaux',
  'lienContratVille',
]);

/** JSON with sorted keys at every level: snapshots come back from jsonb with their keys reordered. */
export function canonique(valeur: unknown): string {
  if (Array.isArray(valeur)) return `[${valeur.map(canonique).join(',')}]`;
  if (valeur && typeof valeur === 'object')
    return `{${Object.entries(valeur as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonique(v)}`)
      .join(',')}}`;
  return JSON.stringify(valeur ?? null);
}

function ficheSansSuivi(f: EtatContrat['fiches'][number]) {
  return canonique(Object.fromEntries(Object.entries(f).filter(([k]) => !CHAMPS_SUIVI.has(k))));
}

/** The list of changes between two signed states: what an avenant does to the contract. */
export function changementsEntre(avant: EtatContrat, apres: EtatContrat): Changement[] {
  const changements: Changement[] = [];
  if (avant.intitule !== apres.intitule)
    changements.push({ type: 'intitule', libelle: `Intitulé : « ${avant.intitule} » devient « ${apres.intitule} »` });
  if (formatPeriode(avant.periode) !== formatPeriode(apres.periode))
    changements.push({ type: 'periode', libelle: `Période : ${formatPeriode(avant.periode)} devient ${formatPeriode(apres.periode)}` });
  const codes = (p: EtatContrat['perimetre']) => [...p.epci, ...p.communes].sort().join(', ');
  if (codes(avant.perimetre) !== codes(apres.perimetre))
    changements.push({
      type: 'perimetre',
      libelle: `Périmètre : ${codes(avant.perimetre) || '—'} devient ${codes(apres.perimetre) || '—'}`,
    });

  if (canonique(avant.planEvaluation ?? []) !== canonique(apres.planEvaluation ?? []))
    changements.push({
      type: 'plan_evaluation',
      libelle: `Plan d’évaluation modifié : ${pluriel((apres.planEvaluation ?? []).length, 'évaluation prévue', 'évaluations prévues')}`,
    });

  const sigAvant = new Map(avant.signataires.map((s) => [s.organisationId, s]));
  const sigApres = new Map(apres.signataires.map((s) => [s.organisationId, s]));
  for (const [id, s] of sigApres)
    if (!sigAvant.has(id)) changements.push({ type: 'signataire_ajoute', libelle: `Nouveau signataire : ${s.organisation}` });
  for (const [id, s] of sigAvant)
    if (!sigApres.has(id)) changements.push({ type: 'signataire_retire', libelle: `Signataire retiré : ${s.organisation}` });

  const axesAvant = new Map(avant.axes.map((a) => [a.id, a]));
  const axesApres = new Map(apres.axes.map((a) => [a.id, a]));
  for (const [id, a] of axesApres) {
    const ancien = axesAvant.get(id);
    if (!ancien) changements.push({ type: 'axe_ajoute', libelle: `Axe ajouté : ${a.intitule}` });
    else if (canonique(ancien) !== canonique(a)) changements.push({ type: 'axe_modifie', libelle: `Axe modifié : ${a.intitule}` });
  }
  for (const [id, a] of axesAvant) if (!axesApres.has(id)) changements.push({ type: 'axe_retire', libelle: `Axe retiré : ${a.intitule}` });

  const fichesAvant = new Map(avant.fiches.map((f) => [f.id, f]));
  const fichesApres = new Map(apres.fiches.map((f) => [f.id, f]));
  for (const [id, f] of fichesApres) {
    const ancienne = fichesAvant.get(id);
    if (!ancienne) changements.push({ type: 'fiche_ajoutee', libelle: `Fiche ${f.numero} ajoutée : ${f.intitule}` });
    else if (ficheSansSuivi(ancienne) !== ficheSansSuivi(f))
      changements.push({ type: 'fiche_modifiee', libelle: `Fiche ${f.numero} modifiée : ${f.intitule}` });
  }
  for (const [id, f] of fichesAvant)
    if (!fichesApres.has(id)) changements.push({ type: 'fiche_retiree', libelle: `Fiche ${f.numero} retirée : ${f.intitule}` });
  return changements;
}
