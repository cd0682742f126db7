import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type MaDemande, useMesDemandes } from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';
import { useTitrePage } from '../../components/titre-page';

/** Where a request stands, in the sender's words: received, taken up as a case (open, closed), or not followed up. */
function Etat({ d }: { d: MaDemande }) {
  if (d.situation?.statut === 'close')
    return (
      <>
        <Badge small noIcon as="span">
          {`Accompagnement terminé${d.situation.closeLe ? ` le ${formaterDate(d.situation.closeLe.slice(0, 10))}` : ''}`}
        </Badge>
        {d.situation.courrierCloture && (
          <a className={fr.cx('fr-link', 'fr-link--sm', 'fr-ml-1w')} href={d.situation.courrierCloture} download>
            Courrier de retour (PDF)<span className={fr.cx('fr-sr-only')}>{` de la demande n° ${d.numero}`}</span>
          </a>
        )}
      </>
    );
  if (d.situation)
    return (
      <Badge small noIcon severity="info" as="span">
        Accompagnement en cours
      </Badge>
    );
  if (d.statut === 'sans_suite')
    return (
      <Badge small noIcon as="span">
        Classée sans suite
      </Badge>
    );
  return (
    <Badge small noIcon severity="new" as="span">
      Reçue, en attente de prise en charge
    </Badge>
  );
}

/**
 * /appui/mes-demandes: the requests the user sent to a support team, where the opening and closing e-mails lead.
 * Nothing of the person nor of the case: the sender sees the number, the team, its référent and the step reached.
 */
export default function MesDemandesPage() {
  useTitrePage('Mes demandes d’appui');
  const demandes = useMesDemandes();
  return (
    <>
      <h1>Mes demandes d’appui</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les demandes que vous avez adressées à une équipe d’appui, ou dont vous êtes le médecin traitant, et où elles en sont. Une fois
        l’accompagnement terminé, le courrier de retour de l’équipe s’y télécharge. Le détail de chaque situation reste auprès de l’équipe :
        pour en parler, appelez son référent.
      </p>
      <Button iconId="fr-icon-add-line" linkProps={{ to: '/appui/demande' }} className={fr.cx('fr-mb-3w')}>
        Faire une demande
      </Button>
      {demandes.isPending ? (
        <Chargement libelle="Chargement de vos demandes…" />
      ) : demandes.error ? (
        <AlerteErreur erreur={demandes.error} titre="Vos demandes n’ont pas pu être chargées" />
      ) : demandes.data.elements.length === 0 ? (
        <EtatVide titre="Aucune demande envoyée">
          <p>Les demandes que vous envoyez depuis le formulaire apparaissent ici, avec l’équipe qui les suit.</p>
        </EtatVide>
      ) : (
        <TableauDefilant
          caption={`Demandes envoyées (${demandes.data.elements.length})`}
          headers={['Demande', 'Équipe', 'Envoyée le', 'Référent', 'Premier contact', 'État']}
          data={demandes.data.elements.map((d) => [
            `Demande n° ${d.numero}${d.situation ? ` (situation n° ${d.situation.numero})` : ''}`,
            `${d.equipe}${d.telephoneEquipe ? ` — ${d.telephoneEquipe}` : ''}`,
            formaterDateHeure(d.recueLe),
            d.referent ?? 'À désigner',
            d.premierContactLe ? formaterDateHeure(d.premierContactLe) : 'Pas encore',
            <Etat key="e" d={d} />,
          ])}
        />
      )}
    </>
  );
}
