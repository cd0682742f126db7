import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { LIBELLES_STATUT_CONTRAT, STATUTS_CONTRAT } from '@maillage/domain';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useLocation } from 'react-router';
import { useContrats } from '../../api/contrats';
import { useDepartements, useRegions } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { FiltreListe } from '../../components/filtre-liste';
import { useFiltresUrl } from '../../components/filtres-url';
import { pluriel } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { usePeutCreerContrat } from '../../components/droits-contrat';
import { TableauContrats } from '../../components/tableau-contrats';
import { BoutonsFiltrer } from '../../components/boutons-filtrer';

const FILTRES = ['q', 'region', 'departement', 'statut', 'generation'] as const;

export default function ContratsPage() {
  useTitrePage('Contrats');
  const { valeurs, champ, soumettre, appliquer } = useFiltresUrl(FILTRES);
  const contrats = useContrats(valeurs);
  const regions = useRegions();
  const departements = useDepartements();
  const peutCreer = usePeutCreerContrat();
  const filtre = FILTRES.some((f) => valeurs[f]);
  const { state } = useLocation() as { state: { message?: string } | null };

  return (
    <>
      <div className={fr.cx('fr-mb-2w') + ' maillage-titre-avec-action'}>
        <h1 className={fr.cx('fr-mb-0')}>Contrats locaux de santé</h1>
        {peutCreer && (
          <Button iconId="fr-icon-add-line" linkProps={{ to: '/contrats/nouveau' }}>
            Créer un contrat
          </Button>
        )}
      </div>
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <p className={fr.cx('fr-text--lead')}>
        Les contrats que vous pouvez consulter : ceux où vous avez un rôle, ceux de votre région pour l’ARS, ceux où votre organisation est
        engagée.
      </p>

      <form onSubmit={soumettre} aria-label="Filtrer les contrats" className={fr.cx('fr-mb-4w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input label="Rechercher" hintText="Intitulé du contrat" nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 200 }} />
          </div>
          <FiltreListe
            label="Région"
            champ={champ('region')}
            tous="Toutes"
            options={regions.data?.map((r) => ({ valeur: r.code, libelle: r.nom }))}
          />
          <FiltreListe
            label="Département"
            champ={champ('departement')}
            tous="Tous"
            options={departements.data?.map((d) => ({
              valeur: d.code,
              libelle: (
                <>
                  {d.code} – {d.nom}
                </>
              ),
            }))}
          />
          <FiltreListe
            label="Statut"
            champ={champ('statut')}
            tous="Tous"
            options={STATUTS_CONTRAT.map((s) => ({ valeur: s, libelle: LIBELLES_STATUT_CONTRAT[s] }))}
          />
          <FiltreListe
            label="Génération"
            champ={champ('generation')}
            tous="Toutes"
            options={[1, 2, 3, 4, 5].map((g) => ({ valeur: String(g), libelle: <>{g === 1 ? '1re' : `${g}e`} génération</> }))}
          />
          <BoutonsFiltrer effacer={filtre && { libelle: 'Tout afficher', onClick: () => appliquer({}) }} />
        </div>
      </form>

      {contrats.isPending ? (
        <Chargement />
      ) : contrats.error ? (
        <AlerteErreur erreur={contrats.error} titre="Impossible de charger les contrats" />
      ) : contrats.data.length === 0 && filtre ? (
        <div role="status">
          <h2>Aucun contrat ne correspond</h2>
          <p>Aucun contrat ne correspond à ces filtres. Retirez un filtre ou cherchez un autre mot de l’intitulé.</p>
        </div>
      ) : contrats.data.length === 0 ? (
        <EtatVide
          titre="Aucun contrat local de santé à afficher"
          action={peutCreer ? { children: 'Créer le premier contrat', linkProps: { to: '/contrats/nouveau' } } : undefined}
        >
          <p>
            Un contrat local de santé (CLS) engage l’ARS et une ou plusieurs collectivités sur un programme d’actions pour réduire les
            inégalités de santé d’un territoire. Il naît d’une initiative (préparation), s’appuie sur un diagnostic partagé, s’élabore en
            axes et fiches-action, puis se signe, se suit et s’évalue avant son renouvellement.
          </p>
          <p>
            {peutCreer
              ? 'Créez-le en choisissant son territoire (EPCI, communes), son ARS et sa ou ses collectivités porteuses : vous en deviendrez coordonnateur·rice.'
              : 'Un contrat est créé par une collectivité, par l’ARS ou par un administrateur ; il apparaîtra ici dès que vous y aurez un rôle.'}
          </p>
        </EtatVide>
      ) : (
        <TableauContrats
          contrats={contrats.data}
          caption={`${filtre ? 'Contrats filtrés' : 'Contrats'} (${pluriel(contrats.data.length, 'contrat')})`}
        />
      )}
    </>
  );
}
