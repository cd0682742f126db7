import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Link, useSearchParams } from 'react-router';
import { type EquipeAppui, useDemandes, useMesEquipesAppui, useSituations } from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { PageAccesRefuse } from '../../components/pages-erreur';
import { TableauDefilant } from '../../components/tableau-defilant';
import { useTitrePage } from '../../components/titre-page';
import { BadgeNiveau, BadgeUrgence, formaterDelai, libelleOrigine } from './libelles-appui';

/** The team the page shows (?equipe=…), the first one of the user by default. */
export function useEquipeChoisie() {
  const mesEquipes = useMesEquipesAppui();
  const [params, definirParams] = useSearchParams();
  const demandee = params.get('equipe');
  const equipe = mesEquipes.mes.find((e) => e.id === demandee) ?? mesEquipes.mes[0];
  return { ...mesEquipes, equipe, choisir: (id: string) => definirParams({ equipe: id }) };
}

export function ChoixEquipe({ equipes, equipe, choisir }: { equipes: EquipeAppui[]; equipe: EquipeAppui; choisir: (id: string) => void }) {
  if (equipes.length < 2) return null;
  return (
    <Select
      label="Équipe"
      nativeSelectProps={{ value: equipe.id, onChange: (e) => choisir(e.target.value) }}
      className={fr.cx('fr-col-md-6')}
    >
      {equipes.map((e) => (
        <option key={e.id} value={e.id}>
          {e.nom}
        </option>
      ))}
    </Select>
  );
}

function DemandesATraiter({ equipeId }: { equipeId: string }) {
  const demandes = useDemandes(equipeId);
  if (demandes.isPending) return <Chargement libelle="Chargement des demandes…" />;
  if (demandes.error) return <AlerteErreur erreur={demandes.error} titre="Les demandes n’ont pas pu être chargées" as="h3" />;
  const aTraiter = demandes.data.elements.filter((d) => d.statut === 'recue');
  if (aTraiter.length === 0)
    return (
      <EtatVide
        titre="Aucune demande en attente"
        titreAs="h3"
        action={{ children: 'Saisir une demande reçue par téléphone', linkProps: { to: '/appui/demande' } }}
      >
        <p>Les demandes adressées au guichet unique arrivent ici : accusez-les, désignez un référent, puis ouvrez la situation.</p>
      </EtatVide>
    );
  return (
    <TableauDefilant
      caption={`Demandes à traiter (${aTraiter.length})`}
      headers={['Demande', 'Reçue le', 'Qui demande', 'Urgence', 'Référent', 'Premier contact']}
      data={aTraiter.map((d) => [
        d.acces === 'complet' ? (
          <Link key="n" to={`/appui/demandes/${d.id}`}>
            Demande n° {d.numero}
            {d.personne ? ` — ${d.personne}` : ''}
          </Link>
        ) : (
          `Demande n° ${d.numero} (suivie par un collègue)`
        ),
        formaterDateHeure(d.recueLe),
        libelleOrigine(d.origine),
        <BadgeUrgence key="u" urgence={d.urgence} />,
        d.referent?.libelle ?? 'À désigner',
        d.premierContactLe ? (
          `Après ${formaterDelai(d.delaiPremierContactHeures)}`
        ) : d.premierContactEnRetard ? (
          <Badge key="r" small severity="error" as="span">
            En retard
          </Badge>
        ) : (
          'À faire'
        ),
      ])}
    />
  );
}

function SituationsOuvertes({ equipeId }: { equipeId: string }) {
  const situations = useSituations(equipeId);
  if (situations.isPending) return <Chargement libelle="Chargement des situations…" />;
  if (situations.error) return <AlerteErreur erreur={situations.error} titre="Les situations n’ont pas pu être chargées" as="h3" />;
  const ouvertes = situations.data.elements.filter((s) => s.statut === 'ouverte');
  if (ouvertes.length === 0)
    return (
      <EtatVide titre="Aucune situation ouverte" titreAs="h3">
        <p>
          Une situation s’ouvre depuis une demande : elle porte l’évaluation, les orientations, le plan personnalisé et les concertations.
        </p>
      </EtatVide>
    );
  return (
    <TableauDefilant
      caption={`Situations ouvertes (${ouvertes.length})`}
      headers={['Situation', 'Niveau de réponse', 'Référent', 'Ouverte le']}
      data={ouvertes.map((s) => [
        <Link key="n" to={`/appui/situations/${s.id}`}>
          Situation n° {s.numero}
          {s.acces === 'complet' && s.personne ? ` — ${s.personne}` : ' (accès restreint)'}
        </Link>,
        <BadgeNiveau key="niv" niveau={s.niveau} />,
        s.referent?.libelle ?? 'À désigner',
        formaterDate(s.ouverteLe),
      ])}
    />
  );
}

/** /appui: the team's inbox — requests to acknowledge and assign, open cases — for the team's staff only. */
export default function GuichetPage() {
  useTitrePage('Guichet de l’équipe d’appui');
  const { equipe, mes, choisir, isPending, error } = useEquipeChoisie();
  if (isPending) return <Chargement />;
  if (error) return <AlerteErreur erreur={error} />;
  if (!equipe) return <PageAccesRefuse />;
  return (
    <>
      <h1>Guichet — {equipe.nom}</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes à accuser et à confier à un référent, puis les situations que l’équipe accompagne.
      </p>
      <ChoixEquipe equipes={mes} equipe={equipe} choisir={choisir} />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
        <li>
          <Button iconId="fr-icon-phone-line" linkProps={{ to: '/appui/demande' }}>
            Saisir une demande
          </Button>
        </li>
        <li>
          <Button priority="secondary" iconId="fr-icon-team-line" linkProps={{ to: `/appui/charge?equipe=${equipe.id}` }}>
            Charge des gestionnaires
          </Button>
        </li>
        <li>
          <Button priority="secondary" iconId="fr-icon-bar-chart-box-line" linkProps={{ to: `/appui/activite?equipe=${equipe.id}` }}>
            Activité
          </Button>
        </li>
      </ul>
      <h2>Demandes à traiter</h2>
      <DemandesATraiter equipeId={equipe.id} />
      <h2 className={fr.cx('fr-mt-4w')}>Situations ouvertes</h2>
      <SituationsOuvertes equipeId={equipe.id} />
    </>
  );
}
