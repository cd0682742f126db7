import { Badge, type BadgeProps } from '@codegouvfr/react-dsfr/Badge';
import {
  MISSIONS_RESSOURCE,
  NIVEAUX_RESSOURCE,
  PUBLICS_RESSOURCE,
  SOLLICITEURS_RESSOURCE,
  STATUTS_RESSOURCE,
  type StatutRessource,
} from '@maillage/domain';
import { useContrat } from '../../api/contrats';
import { texteTerritoires } from '../../api/diagnostics';
import { useSession } from '../../app/session';

/** The words of the directory (packages/domain vocabulary), as select options. */
const options = (o: Record<string, string>) => Object.entries(o).map(([valeur, libelle]) => ({ valeur, libelle }));
export const OPTIONS_PUBLICS = options(PUBLICS_RESSOURCE);
export const OPTIONS_MISSIONS = options(MISSIONS_RESSOURCE);
export const OPTIONS_NIVEAUX = options(NIVEAUX_RESSOURCE);
export const OPTIONS_SOLLICITEURS = options(SOLLICITEURS_RESSOURCE);
export const OPTIONS_STATUTS = options(STATUTS_RESSOURCE);

const libelles =
  <T extends Record<string, string>>(o: T) =>
  (codes: readonly string[]) =>
    codes.length ? codes.map((c) => o[c as keyof T] ?? c).join(', ') : 'Non renseigné';
export const libellesPublics = libelles(PUBLICS_RESSOURCE);
export const libellesMissions = libelles(MISSIONS_RESSOURCE);
export const libellesSolliciteurs = libelles(SOLLICITEURS_RESSOURCE);
export const libelleNiveau = (n: string) => NIVEAUX_RESSOURCE[n as keyof typeof NIVEAUX_RESSOURCE] ?? n;

const SEVERITE: Record<StatutRessource, BadgeProps['severity'] | undefined> = {
  active: 'success',
  suspendue: 'warning',
  fermee: undefined,
};
export function BadgeStatutRessource({ statut }: { statut: StatutRessource }) {
  return (
    <Badge small noIcon severity={SEVERITE[statut]} as="span">
      {STATUTS_RESSOURCE[statut]}
    </Badge>
  );
}

/** The territory filters of the directory and the views: a contract's perimeter, a département or a région. */
export const CLES_TERRITOIRE = ['contrat', 'departement', 'region'] as const;
export type ChoixTerritoire = Record<(typeof CLES_TERRITOIRE)[number], string>;

/**
 * The `territoires` parameter of the API for the chosen territory (the contract's perimeter first, then the
 * département, then the région); undefined when none is chosen, null while the contract loads.
 */
export function useTerritoiresChoisis(choix: Partial<ChoixTerritoire>): { territoires: string | undefined | null; nom: string | null } {
  const contrat = useContrat(choix.contrat || undefined);
  if (choix.contrat) {
    if (!contrat.data) return { territoires: null, nom: null };
    const { perimetre } = contrat.data;
    return {
      territoires: texteTerritoires([
        ...perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
        ...perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
      ]),
      nom: `périmètre du contrat « ${contrat.data.intitule} »`,
    };
  }
  if (choix.departement) return { territoires: `departement:${choix.departement}`, nom: `département ${choix.departement}` };
  if (choix.region) return { territoires: `region:${choix.region}`, nom: `région ${choix.region}` };
  return { territoires: undefined, nom: null };
}

/**
 * Whether the user may record a resource somewhere (decision 0027): administrators, ARS agents, organisations'
 * referents, a contract's coordination. Each resource still says whether this user may edit it (`modifiable`).
 */
export function usePeutAjouterRessources(): boolean {
  const { roles } = useSession();
  return roles.some((r) => ['admin', 'ars_regional', 'referent_organisation', 'coordonnateur', 'referent_ars'].includes(r.role));
}
