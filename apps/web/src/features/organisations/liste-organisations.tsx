import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { TYPES_ORGANISATION } from '@maillage/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useOrganisations } from '../../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { libelleTypeOrganisation } from '../../components/libelles';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';

const PAR_PAGE = 20;

interface Props {
  /** Extra last column (admin actions). */
  actions?: { entete: string; cellule: (o: Organisation) => ReactNode };
  /** What to show when nothing matches and no filter is set. */
  vide: ReactNode;
}

/** Search (name, sigle, identifiers) + type filter + paginated table, all in the URL. */
export function ListeOrganisations({ actions, vide }: Props) {
  const { valeurs, champ, soumettre } = useFiltresUrl(['q', 'type'] as const);
  const page = usePageUrl();
  const liste = useOrganisations({ q: valeurs.q, type: valeurs.type, page, parPage: PAR_PAGE });

  const filtre = Boolean(valeurs.q || valeurs.type);
  return (
    <>
      <form onSubmit={soumettre} role="search" aria-label="Rechercher une organisation" className={fr.cx('fr-mb-4w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
            <Input
              label="Nom, sigle, SIRET ou FINESS"
              nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 100 }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Select label="Type d’organisation" nativeSelectProps={champ('type')}>
              <option value="">Tous les types</option>
              {Object.entries(TYPES_ORGANISATION).map(([code, libelle]) => (
                <option key={code} value={code}>
                  {libelle}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-3', 'fr-mb-3w')}>
            <Button type="submit" iconId="fr-icon-search-line">
              Rechercher
            </Button>
          </div>
        </div>
      </form>

      {liste.isPending ? (
        <Chargement />
      ) : liste.error ? (
        <AlerteErreur erreur={liste.error} />
      ) : liste.data.total === 0 ? (
        filtre ? (
          <div role="status">
            <h2>Aucune organisation ne correspond</h2>
            <p>Essayez un autre mot, le sigle (« CPAM », « IREPS ») ou retirez le filtre de type.</p>
          </div>
        ) : (
          vide
        )
      ) : (
        <>
          <Table
            caption={`Organisations${filtre ? ' trouvées' : ''} (${formaterNombre(liste.data.total)})${
              liste.data.total > PAR_PAGE ? `, page ${page} sur ${Math.ceil(liste.data.total / PAR_PAGE)}` : ''
            }`}
            headers={['Nom', 'Type', 'SIRET', 'FINESS', 'Région', 'Département', ...(actions ? [actions.entete] : [])]}
            data={liste.data.elements.map((o) => [
              <>
                <Link to={`/organisations/${o.id}`}>{o.nom}</Link>
                {o.sigle && <span className={fr.cx('fr-text--sm')}> ({o.sigle})</span>}
              </>,
              libelleTypeOrganisation(o.type),
              o.siret ?? '—',
              o.finess ?? '—',
              o.regionCode ?? '—',
              o.departementCode ?? '—',
              ...(actions ? [actions.cellule(o)] : []),
            ])}
          />
          <PaginationUrl total={liste.data.total} parPage={PAR_PAGE} />
        </>
      )}
    </>
  );
}
