import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { TYPES_ORGANISATION } from '@maillage/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useOrganisations } from '../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { AlerteErreur } from './alerte-erreur';
import { Chargement } from './chargement';
import { useFiltresUrl } from './filtres-url';
import { formaterNombre } from './format';
import { libelleTypeOrganisation } from './libelles';
import { PaginationUrl, usePageUrl } from './pagination-url';
import { FiltreListe } from './filtre-liste';
import { FormulaireRecherche } from './formulaire-recherche';

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
      <FormulaireRecherche onSubmit={soumettre} libelle="Rechercher une organisation">
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Input label="Nom, sigle, SIRET ou FINESS" nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 100 }} />
        </div>
        <FiltreListe
          label="Type d’organisation"
          champ={champ('type')}
          tous="Tous les types"
          options={Object.entries(TYPES_ORGANISATION).map(([valeur, libelle]) => ({ valeur, libelle }))}
        />
      </FormulaireRecherche>

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
