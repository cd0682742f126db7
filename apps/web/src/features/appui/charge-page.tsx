import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useChargeEquipe } from '../../api/appui-plan';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre, pluriel } from '../../components/format';
import { PageAccesRefuse } from '../../components/pages-erreur';
import { TableauDefilant } from '../../components/tableau-defilant';
import { useTitrePage } from '../../components/titre-page';
import { ChoixEquipe, useEquipeChoisie } from './guichet-page';

/** /appui/charge: open cases per case manager, with the warning past the team's threshold (30 by default). */
export default function ChargePage() {
  useTitrePage('Charge des gestionnaires');
  const { equipe, mes, choisir, isPending, error } = useEquipeChoisie();
  const charge = useChargeEquipe(equipe?.id);
  const fil = (
    <Breadcrumb
      currentPageLabel="Charge des gestionnaires"
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Guichet', linkProps: { to: '/appui' } }]}
    />
  );
  if (isPending) return <Chargement />;
  if (error) return <AlerteErreur erreur={error} />;
  if (!equipe) return <PageAccesRefuse />;
  return (
    <>
      {fil}
      <h1>Charge des gestionnaires — {equipe.nom}</h1>
      <ChoixEquipe equipes={mes} equipe={equipe} choisir={choisir} />
      {charge.isPending ? (
        <Chargement libelle="Calcul de la charge…" />
      ) : charge.error ? (
        <AlerteErreur erreur={charge.error} titre="La charge n’a pas pu être calculée" />
      ) : (
        <>
          <p className={fr.cx('fr-text--lead')}>
            Seuil d’alerte : {formaterNombre(charge.data.seuil)} situations ouvertes par gestionnaire
            {charge.data.source === 'equipe' ? ' (réglé par l’équipe)' : ' (valeur par défaut du déploiement)'}.
          </p>
          {charge.data.alertes > 0 && (
            <Alert
              severity="warning"
              className={fr.cx('fr-mb-3w')}
              title={`${pluriel(charge.data.alertes, 'gestionnaire')} au-delà du seuil`}
              description="Au-delà d’une trentaine de situations, la gestion de cas ne peut plus être intensive : répartissez les nouvelles situations ou réévaluez le niveau de réponse des plus anciennes."
            />
          )}
          {charge.data.gestionnaires.length === 0 ? (
            <EtatVide titre="Aucun gestionnaire dans l’équipe">
              <p>Les membres de l’équipe référents de situations ouvertes apparaissent ici avec leur nombre de situations.</p>
            </EtatVide>
          ) : (
            <TableauDefilant
              caption="Situations ouvertes par gestionnaire"
              headers={['Gestionnaire', 'Situations ouvertes', 'État']}
              data={charge.data.gestionnaires.map((g) => [
                g.libelle,
                formaterNombre(g.situationsOuvertes),
                g.alerte ? (
                  <Badge key="a" small severity="warning" as="span">
                    {g.message ?? 'Au-delà du seuil'}
                  </Badge>
                ) : (
                  'Sous le seuil'
                ),
              ])}
            />
          )}
        </>
      )}
    </>
  );
}
