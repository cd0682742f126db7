import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Link, useLocation } from 'react-router';
import { useRessources } from '../../api/ressources';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';
import { TableauDefilant } from '../../components/tableau-defilant';
import { useTitrePage } from '../../components/titre-page';
import { FILTRES_RESSOURCES, FormulaireFiltres, filtresApi } from './filtres-ressources';
import {
  BadgeStatutRessource,
  libelleNiveau,
  libellesPublics,
  usePeutAjouterRessources,
  useTerritoiresChoisis,
} from './libelles-ressources';

const PAR_PAGE = 50;

/** /ressources: the directory of the territory's resources (dispositifs and services), filtered, with the ways to fill it. */
export default function RepertoirePage() {
  useTitrePage('Répertoire des ressources');
  const filtres = useFiltresUrl(FILTRES_RESSOURCES);
  const { valeurs } = filtres;
  const page = usePageUrl();
  const { territoires } = useTerritoiresChoisis(valeurs);
  const liste = useRessources({ ...filtresApi(valeurs, territoires), page, parPage: PAR_PAGE }, territoires !== null);
  const message = (useLocation().state as { message?: string } | null)?.message;
  const filtre = FILTRES_RESSOURCES.some((f) => valeurs[f]);
  const editeur = usePeutAjouterRessources();

  return (
    <>
      <h1>Répertoire des ressources</h1>
      <p className={fr.cx('fr-text--lead')}>
        Qui fait quoi, pour qui, où : les dispositifs et services du territoire, leurs publics, leurs missions, leur niveau et qui peut les
        solliciter, pour qu’une personne trouve la bonne réponse, au bon endroit, au bon moment.
      </p>
      {message && <Alert severity="success" small className={fr.cx('fr-mb-3w')} description={message} />}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
        {editeur && (
          <>
            <li>
              <Button iconId="fr-icon-add-line" linkProps={{ to: '/ressources/nouvelle' }}>
                Ajouter une ressource
              </Button>
            </li>
            <li>
              <Button priority="secondary" iconId="fr-icon-upload-line" linkProps={{ to: '/ressources/import' }}>
                Importer (ROR, tableur)
              </Button>
            </li>
          </>
        )}
        <li>
          <Button priority="secondary" iconId="fr-icon-map-pin-2-line" linkProps={{ to: '/ressources/vues' }}>
            Vues et carte
          </Button>
        </li>
      </ul>

      <FormulaireFiltres filtres={filtres} nom="Filtrer le répertoire" />

      {liste.isPending ? (
        <Chargement libelle="Chargement du répertoire…" />
      ) : liste.error ? (
        <AlerteErreur erreur={liste.error} titre="Le répertoire n’a pas pu être chargé" />
      ) : liste.data.total === 0 && !filtre ? (
        <EtatVide
          titre="Aucune ressource dans le répertoire"
          action={editeur ? { children: 'Importer depuis le ROR ou un tableur', linkProps: { to: '/ressources/import' } } : undefined}
        >
          <p>
            Le répertoire recense les dispositifs et services du territoire (CLIC, DAC, CMP, SSIAD, équipes mobiles…) pour orienter les
            personnes et repérer les zones blanches.{' '}
            {editeur
              ? 'Ajoutez une ressource, ou importez l’offre du Répertoire opérationnel des ressources.'
              : 'Les référents des organisations, l’ARS et la coordination des contrats le remplissent.'}
          </p>
        </EtatVide>
      ) : (
        <section aria-labelledby="resultats-ressources">
          <p id="resultats-ressources" role="status" className={fr.cx('fr-text--bold')}>
            {liste.data.total === 0
              ? 'Aucune ressource ne correspond : retirez un filtre.'
              : `${formaterNombre(liste.data.total)} ressource${liste.data.total > 1 ? 's' : ''} trouvée${liste.data.total > 1 ? 's' : ''}.`}
          </p>
          {liste.data.elements.length > 0 && (
            <TableauDefilant
              caption="Ressources du répertoire"
              headers={['Ressource', 'Type', 'Organisation', 'Publics', 'Niveau', 'Commune', 'Statut']}
              data={liste.data.elements.map((r) => [
                <Link key="nom" to={`/ressources/${r.id}`}>
                  {r.nom}
                </Link>,
                r.typeLibelle,
                r.organisationNom,
                libellesPublics(r.publics),
                libelleNiveau(r.niveau),
                r.communeNom ?? '—',
                <BadgeStatutRessource key="statut" statut={r.statut} />,
              ])}
            />
          )}
          <PaginationUrl total={liste.data.total} parPage={PAR_PAGE} />
        </section>
      )}
    </>
  );
}
