import { fr } from '@codegouvfr/react-dsfr';
import { Card } from '@codegouvfr/react-dsfr/Card';
import { Link } from 'react-router';
import { useTerritoire } from '../api/territoires';
import type { Organisation } from '@maillage/domain/api';
import { libelleTypeOrganisation } from './libelles';

/** An organisation's identity card: type, identifiers, territory. */
export function FicheOrganisation({ organisation, titreAs = 'h2' }: { organisation: Organisation; titreAs?: 'h2' | 'h3' }) {
  const o = organisation;
  const region = useTerritoire('region', o.regionCode ?? undefined);
  const departement = useTerritoire('departement', o.departementCode ?? undefined);
  const lignes: [string, React.ReactNode][] = [
    ['Type', libelleTypeOrganisation(o.type)],
    ['Sigle', o.sigle],
    ['SIREN', o.siren],
    ['SIRET', o.siret],
    ['FINESS', o.finess],
    ['Région', o.regionCode && <Link to={`/territoires/region/${o.regionCode}`}>{region.data?.nom ?? o.regionCode}</Link>],
    [
      'Département',
      o.departementCode && (
        <>
          <Link to={`/territoires/departement/${o.departementCode}`}>{departement.data?.nom ?? o.departementCode}</Link> (
          {o.departementCode})
        </>
      ),
    ],
  ];
  return (
    <Card
      title={o.nom}
      titleAs={titreAs}
      border
      end={
        <ul className={fr.cx('fr-raw-list')}>
          {lignes
            .filter(([, valeur]) => valeur)
            .map(([libelle, valeur]) => (
              <li key={libelle} className={fr.cx('fr-mb-1v')}>
                <span className={fr.cx('fr-text--bold')}>{libelle} : </span>
                {valeur}
              </li>
            ))}
        </ul>
      }
    />
  );
}
