import { pluriel } from '../texte';
import type { Doctrine } from '../contrats/doctrine';
import type { StatutContrat } from '../contrats/statuts';

export type TypeAlerte =
  | 'copil_insuffisants'
  | 'premier_copil_tardif'
  | 'coordination_vacante'
  | 'elaboration_longue'
  | 'fiches_sans_pilote';

export interface Alerte {
  type: TypeAlerte;
  gravite: 'info' | 'attention' | 'critique';
  message: string;
}

/** What the alert rules need to know of a contract, on a given day. */
export interface SituationContrat {
  statut: StatutContrat;
  aujourdhui: string;
  dateSignature: string | null;
  debutElaboration: string | null;
  /** Dates of COPIL meetings held (past) or planned. */
  seancesCopil: readonly string[];
  /** Coordinator posts: a vacancy is a post without a person today. */
  postesCoordination: readonly { personne: string | null; debut: string | null; fin: string | null }[];
  fichesSansPilote: readonly number[];
}

/** Months between two ISO dates, counted as calendar months (a day short of a month is not a month). */
export function moisEntre(debut: string, fin: string): number {
  const a = new Date(`${debut.slice(0, 10)}T00:00:00Z`);
  const b = new Date(`${fin.slice(0, 10)}T00:00:00Z`);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + (b.getUTCMonth() - a.getUTCMonth()) - (b.getUTCDate() < a.getUTCDate() ? 1 : 0);
}

/** Default thresholds where the region's doctrine is silent: the sources' own rules of thumb. */
export const SEUILS_PAR_DEFAUT = { copilParAn: 2, premierCopilMois: 3, elaborationMoisMax: 12 };

const EN_VIGUEUR: StatutContrat[] = ['signe', 'evaluation'];

/**
 * The alerts of domain.md §3 and §6, pure and dated: too few COPIL in the last twelve months, first COPIL long
 * after signature (Belle-Île: five months, "trop de temps"), coordinator post vacant, élaboration longer than the
 * doctrine allows, fiches without a pilote.
 */
export function alertesContrat(
  s: SituationContrat,
  doctrine: Pick<Doctrine, 'copilParAn' | 'elaborationMoisMax'> & { premierCopilMois?: number | null },
): Alerte[] {
  const alertes: Alerte[] = [];
  const copilParAn = doctrine.copilParAn ?? SEUILS_PAR_DEFAUT.copilParAn;
  const premierCopilMois = doctrine.premierCopilMois ?? SEUILS_PAR_DEFAUT.premierCopilMois;
  const elaborationMax = doctrine.elaborationMoisMax ?? SEUILS_PAR_DEFAUT.elaborationMoisMax;
  const passees = s.seancesCopil.filter((d) => d <= s.aujourdhui).sort();

  // A first COPIL held late stays a fact of the contract once it has ended (Belle-Île, seed 000: signed in January
  // 2013, first COPIL in June, « trop de temps »): told as information, since nothing can be done about it any more.
  // A closed contract with no COPIL recorded raises nothing: its history may simply not have been entered.
  if (s.statut === 'echu' || s.statut === 'renouvele') {
    const premier = s.dateSignature ? passees.find((d) => d >= s.dateSignature!) : undefined;
    if (s.dateSignature && premier && moisEntre(s.dateSignature, premier) > premierCopilMois)
      alertes.push({
        type: 'premier_copil_tardif',
        gravite: 'info',
        message: `Le premier COPIL s’est tenu ${moisEntre(s.dateSignature, premier)} mois après la signature (au plus ${premierCopilMois} mois attendus).`,
      });
  }

  if (EN_VIGUEUR.includes(s.statut) && s.dateSignature) {
    const premier = passees.find((d) => d >= s.dateSignature!);
    const depuisSignature = moisEntre(s.dateSignature, s.aujourdhui);
    if (premier ? moisEntre(s.dateSignature, premier) > premierCopilMois : depuisSignature > premierCopilMois) {
      alertes.push({
        type: 'premier_copil_tardif',
        gravite: 'critique',
        message: premier
          ? `Le premier COPIL s’est tenu ${moisEntre(s.dateSignature, premier)} mois après la signature (au plus ${premierCopilMois} mois attendus).`
          : `Aucun COPIL depuis la signature, il y a ${depuisSignature} mois (le premier est attendu dans les ${premierCopilMois} mois).`,
      });
    }
    // Only once the contract has run a full year can a yearly count be judged.
    if (copilParAn > 0 && depuisSignature >= 12) {
      const ilYaUnAn = new Date(`${s.aujourdhui}T00:00:00Z`);
      ilYaUnAn.setUTCFullYear(ilYaUnAn.getUTCFullYear() - 1);
      const recents = passees.filter((d) => d > ilYaUnAn.toISOString().slice(0, 10));
      if (recents.length < copilParAn)
        alertes.push({
          type: 'copil_insuffisants',
          gravite: 'attention',
          message: `${recents.length} COPIL au cours des douze derniers mois ; la doctrine en demande au moins ${copilParAn} par an.`,
        });
    }
  }

  if (['diagnostic', 'elaboration', 'signe', 'evaluation'].includes(s.statut)) {
    const enPoste = s.postesCoordination.filter((p) => (!p.debut || p.debut <= s.aujourdhui) && (!p.fin || p.fin >= s.aujourdhui));
    if (!enPoste.some((p) => p.personne))
      alertes.push({
        type: 'coordination_vacante',
        gravite: 'critique',
        message: s.postesCoordination.length ? 'Le poste de coordination est vacant.' : 'Aucun poste de coordination n’est enregistré.',
      });
  }

  if (s.statut === 'elaboration' && s.debutElaboration) {
    const mois = moisEntre(s.debutElaboration, s.aujourdhui);
    if (mois > elaborationMax)
      alertes.push({
        type: 'elaboration_longue',
        gravite: 'attention',
        message: `L’élaboration dure depuis ${mois} mois ; la doctrine prévoit au plus ${elaborationMax} mois.`,
      });
  }

  if (s.fichesSansPilote.length && s.statut !== 'echu' && s.statut !== 'renouvele' && s.statut !== 'abandonne') {
    const liste = s.fichesSansPilote.slice(0, 10).join(', ') + (s.fichesSansPilote.length > 10 ? '…' : '');
    alertes.push({
      type: 'fiches_sans_pilote',
      gravite: 'info',
      message: `${pluriel(s.fichesSansPilote.length, 'fiche')} sans pilote : n° ${liste}.`,
    });
  }
  return alertes;
}
