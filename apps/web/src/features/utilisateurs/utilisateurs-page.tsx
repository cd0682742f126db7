import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Link, useLocation } from 'react-router';
import { useUtilisateurs } from '../../api/comptes';
import { useRegions } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterDate, formaterNombre } from '../../components/format';
import { libelleHabilitation } from '../../components/libelles';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';
import { useTitrePage } from '../../components/titre-page';
import { FormulaireRecherche } from '../../components/formulaire-recherche';

const PAR_PAGE = 20;

export default function UtilisateursPage() {
  useTitrePage('Utilisateurs — Administration');
  const { valeurs, champ, soumettre } = useFiltresUrl(['q'] as const);
  const page = usePageUrl();
  const liste = useUtilisateurs({ q: valeurs.q, page, parPage: PAR_PAGE });
  const regions = useRegions();
  const nomsRegions = new Map(regions.data?.map((r) => [r.code, r.nom]));
  const { state } = useLocation() as { state: { message?: string } | null };

  return (
    <>
      <h1>Utilisateurs</h1>
      <div className={fr.cx('fr-mb-4w')}>
        <Button iconId="fr-icon-add-line" linkProps={{ to: '/administration/utilisateurs/nouveau' }}>
          Créer un compte
        </Button>
      </div>
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <FormulaireRecherche onSubmit={soumettre} libelle="Rechercher un compte" colonneBouton="fr-col-md-6">
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input label="Nom, prénom ou adresse e-mail" nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 100 }} />
        </div>
      </FormulaireRecherche>
      {liste.isPending ? (
        <Chargement />
      ) : liste.error ? (
        <AlerteErreur erreur={liste.error} />
      ) : liste.data.total === 0 ? (
        valeurs.q ? (
          <div role="status">
            <h2>Aucun compte ne correspond à « {valeurs.q} »</h2>
            <p>Essayez le nom de famille seul, ou le début de l’adresse e-mail.</p>
          </div>
        ) : (
          <EtatVide
            titre="Aucun compte"
            action={{ children: 'Créer le premier compte', linkProps: { to: '/administration/utilisateurs/nouveau' } }}
          >
            <p>Invitez les personnes qui travaillent sur les contrats : elles recevront un lien pour choisir leur mot de passe.</p>
          </EtatVide>
        )
      ) : (
        <>
          <Table
            caption={`Comptes${valeurs.q ? ' trouvés' : ''} (${formaterNombre(liste.data.total)})${
              liste.data.total > PAR_PAGE ? `, page ${page} sur ${Math.ceil(liste.data.total / PAR_PAGE)}` : ''
            }`}
            headers={['Nom', 'Adresse e-mail', 'Organisation', 'Rôles', 'État', 'Dernière connexion']}
            data={liste.data.elements.map((u) => [
              <Link key="n" to={`/administration/utilisateurs/${u.id}`}>
                {u.prenom} {u.nom}
              </Link>,
              u.email,
              u.organisationNom ?? '—',
              u.habilitations.length === 0
                ? 'aucun'
                : u.habilitations
                    .map((h) =>
                      libelleHabilitation(h, {
                        regions: nomsRegions,
                        organisations: u.organisationId && u.organisationNom ? new Map([[u.organisationId, u.organisationNom]]) : undefined,
                      }),
                    )
                    .join(' ; '),
              u.actif ? (
                <Badge key="e" severity="success" small as="span">
                  Actif
                </Badge>
              ) : (
                <Badge key="e" small as="span">
                  Désactivé
                </Badge>
              ),
              u.derniereConnexion ? formaterDate(u.derniereConnexion) : 'jamais',
            ])}
          />
          <PaginationUrl total={liste.data.total} parPage={PAR_PAGE} />
        </>
      )}
    </>
  );
}
