import { fr } from '@codegouvfr/react-dsfr';
import { formaterNombre, pluriel } from '@maillage/domain';
import { usePerimetre } from '../../api/territoires';
import type { ContratDetail } from '@maillage/domain/api';
import type { PerimetreResolu } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { CarteDepartements } from '../../components/carte-departements';

function Chiffre({ valeur, libelle }: { valeur: string; libelle: string }) {
  return (
    <div className={fr.cx('fr-col-6', 'fr-col-md-3')}>
      <p className={fr.cx('fr-mb-0', 'fr-p-2w') + ' maillage-chiffre'}>
        <span className={fr.cx('fr-h4', 'fr-mb-0')}>{valeur}</span>
        <span className={fr.cx('fr-text--sm', 'fr-mb-0')}>{libelle}</span>
      </p>
    </div>
  );
}

/** Communes and population of the perimeter in each of its départements. */
function parDepartement(perimetre: PerimetreResolu) {
  const resultat = new Map<string, { communes: number; population: number }>();
  for (const c of perimetre.communes) {
    const d = resultat.get(c.departement) ?? { communes: 0, population: 0 };
    resultat.set(c.departement, { communes: d.communes + 1, population: d.population + c.population });
  }
  return resultat;
}

/** The perimeter: key figures, and the départements it spans on a map (with its table). */
export function ResumeTerritoire({ contrat }: { contrat: ContratDetail }) {
  const perimetre = usePerimetre(contrat.perimetre);
  const { territoire } = contrat;
  const nomsDepartements = new Map(territoire.departements.map((d) => [d.code, d.nom]));
  return (
    <>
      <p>
        {territoire.epci.length > 0 ? (
          <>
            Périmètre : {territoire.epci.map((e) => e.nom).join(', ')}
            {contrat.perimetre.communes.length > 0 && (
              <> et {pluriel(contrat.perimetre.communes.length, 'commune choisie', 'communes choisies')}</>
            )}
            .
          </>
        ) : (
          <>Périmètre : {formaterNombre(territoire.nombreCommunes)} communes choisies une à une.</>
        )}{' '}
        Régions : {territoire.regions.map((r) => r.nom).join(', ') || '—'}.
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
        <Chiffre valeur={formaterNombre(territoire.nombreCommunes)} libelle={territoire.nombreCommunes > 1 ? 'communes' : 'commune'} />
        <Chiffre valeur={formaterNombre(territoire.population)} libelle="habitants" />
        <Chiffre
          valeur={formaterNombre(territoire.departements.length)}
          libelle={territoire.departements.length > 1 ? 'départements' : 'département'}
        />
        <Chiffre valeur={formaterNombre(territoire.regions.length)} libelle={territoire.regions.length > 1 ? 'régions' : 'région'} />
      </div>
      {perimetre.isPending ? (
        <Chargement libelle="Chargement du périmètre…" />
      ) : perimetre.error ? (
        <AlerteErreur erreur={perimetre.error} as="h4" titre="Impossible de charger les communes du périmètre" />
      ) : (
        <CarteDepartements
          titre="Communes du périmètre par département"
          departements={[...parDepartement(perimetre.data).keys()]}
          valeurs={
            new Map(
              [...parDepartement(perimetre.data)].map(([code, d]) => [
                code,
                {
                  valeur: d.communes,
                  texte: `${formaterNombre(d.communes)} commune${d.communes > 1 ? 's' : ''}`,
                  complement: [formaterNombre(d.population)],
                },
              ]),
            )
          }
          nommer={(code, nom) => `${nomsDepartements.get(code) ?? nom} (${code})`}
          libelleValeur="Communes du périmètre"
          enTetesComplement={['Habitants du périmètre']}
          nombreClasses={3}
        />
      )}
    </>
  );
}
