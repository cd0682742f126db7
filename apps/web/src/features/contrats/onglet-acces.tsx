import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { RoleContrat } from '@maillage/domain';
import { useId, useState } from 'react';
import type { PersonneDuContrat } from '@maillage/domain/api';
import { useAcces, useGestionAcces } from '../../api/acces';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonLigne } from '../../components/boutons-element';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { pluriel } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';
import { FormulaireInvitation } from './formulaire-invitation';

const retrait = creerConfirmation('confirmation-retrait-acces');
const nomComplet = (p: PersonneDuContrat) => `${p.prenom} ${p.nom}`;

function Personne({ p }: { p: PersonneDuContrat }) {
  return (
    <>
      <span className={fr.cx('fr-text--bold')}>{nomComplet(p)}</span>
      {p.email && <span className={fr.cx('fr-text--xs')}> — {p.email}</span>}
      {p.invitationEnAttente && (
        <>
          {' '}
          <Badge small noIcon severity="new" as="span">
            Invitation envoyée
          </Badge>
        </>
      )}
      {!p.actif && (
        <>
          {' '}
          <Badge small noIcon severity="warning" as="span">
            Compte désactivé
          </Badge>
        </>
      )}
    </>
  );
}

function Role({ p }: { p: PersonneDuContrat }) {
  if (p.role !== 'pilote') return <>{p.roleLibelle}</>;
  return (
    <>
      {p.roleLibelle}
      <br />
      <span className={fr.cx('fr-text--xs')}>
        {p.fichesPilotees
          ? `Son organisation pilote ${pluriel(p.fichesPilotees, 'fiche')}`
          : 'Son organisation ne pilote encore aucune fiche de ce contrat'}
      </span>
    </>
  );
}

/** « Personnes et accès »: who holds which role, invitations by e-mail, changes and removals (issue 12). */
export default function OngletAcces({ contrat }: { contrat: ContratDetail }) {
  const acces = useAcces(contrat.id);
  const gestion = useGestionAcces(contrat.id);
  const [invitation, setInvitation] = useState(false);
  const [enEdition, setEnEdition] = useState<PersonneDuContrat | null>(null);
  const [cible, setCible] = useState<PersonneDuContrat | null>(null);
  const [message, setMessage] = useState('');
  const idRole = useId();
  const [nouveauRole, setNouveauRole] = useState<RoleContrat | ''>('');

  if (acces.isPending) return <Chargement />;
  if (acces.error) return <AlerteErreur erreur={acces.error} titre="Impossible de charger les personnes du contrat" />;
  const { personnes, rolesAttribuables } = acces.data;
  const gerer = rolesAttribuables.length > 0;
  const erreurAction = gestion.retrait.error ?? gestion.changement.error;

  const actions = (p: PersonneDuContrat) =>
    p.modifiable ? (
      <div className="maillage-actions">
        <BoutonLigne
          libelle="Changer le rôle"
          etiquette={`Changer le rôle de ${nomComplet(p)}`}
          icone="fr-icon-edit-line"
          onClick={() => {
            setEnEdition(p);
            setNouveauRole(p.role);
          }}
        />
        <BoutonLigne
          libelle="Retirer"
          etiquette={`Retirer son rôle à ${nomComplet(p)}`}
          icone="fr-icon-delete-line"
          onClick={() => {
            setCible(p);
            retrait.ouvrir();
          }}
        />
      </div>
    ) : (
      <span className={fr.cx('fr-text--xs')}>
        {p.role === 'coordonnateur' ? 'Seul·e coordonnateur·rice : nommez-en un·e autre avant' : 'Géré par l’ARS'}
      </span>
    );

  return (
    <>
      <h2>Personnes et accès</h2>
      <p className={fr.cx('fr-text--sm')}>
        Chaque personne a un rôle sur le contrat : la coordination modifie tout le contrat, le référent ARS le valide pour l’ARS, un pilote
        renseigne les fiches-action que pilote son organisation et répond aux campagnes de suivi, un membre lit et commente, un lecteur lit.{' '}
        {gerer ? 'Les changements sont tracés dans l’historique du contrat.' : 'La coordination du contrat et son ARS gèrent cette liste.'}
      </p>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {erreurAction ? <AlerteErreur erreur={erreurAction} as="h3" titre="Le changement n’a pas abouti" /> : null}
      {personnes.length === 0 ? (
        <p>Personne n’a encore de rôle sur ce contrat.</p>
      ) : (
        <TableauDefilant
          caption="Personnes qui ont un rôle sur le contrat"
          headers={['Personne', 'Organisation', 'Rôle', ...(gerer ? ['Actions'] : [])]}
          data={personnes.map((p) => [
            <Personne key="p" p={p} />,
            p.organisation?.nom ?? '—',
            <Role key="r" p={p} />,
            ...(gerer ? [actions(p)] : []),
          ])}
        />
      )}
      {enEdition && (
        <form
          className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}
          aria-labelledby={`${idRole}-titre`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!nouveauRole) return;
            gestion.changement
              .mutateAsync({ utilisateurId: enEdition.utilisateurId, role: nouveauRole })
              .then(() => {
                setMessage(
                  `${nomComplet(enEdition)} a désormais le rôle « ${rolesAttribuables.find((r) => r.role === nouveauRole)?.libelle} ».`,
                );
                setEnEdition(null);
              })
              .catch(() => {});
          }}
        >
          <p id={`${idRole}-titre`} className={fr.cx('fr-text--bold')}>
            Changer le rôle de {nomComplet(enEdition)}
          </p>
          <Select
            label="Nouveau rôle"
            nativeSelectProps={{ value: nouveauRole, onChange: (e) => setNouveauRole(e.target.value as RoleContrat) }}
          >
            {rolesAttribuables.map((r) => (
              <option key={r.role} value={r.role}>
                {r.libelle}
              </option>
            ))}
          </Select>
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
            <li>
              <Button type="submit" disabled={gestion.changement.isPending}>
                Enregistrer le rôle
              </Button>
            </li>
            <li>
              <Button type="button" priority="secondary" onClick={() => setEnEdition(null)}>
                Annuler
              </Button>
            </li>
          </ul>
        </form>
      )}
      {gerer &&
        (invitation ? (
          <FormulaireInvitation
            roles={rolesAttribuables}
            erreur={gestion.invitation.error}
            enCours={gestion.invitation.isPending}
            onAnnuler={() => setInvitation(false)}
            onInviter={(saisie) =>
              gestion.invitation.mutateAsync(saisie).then((r) => {
                setMessage(r.message);
                setInvitation(false);
              })
            }
          />
        ) : (
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-user-add-line"
            className={fr.cx('fr-mb-4w')}
            onClick={() => setInvitation(true)}
          >
            Inviter une personne
          </Button>
        ))}
      <retrait.Confirmation
        titre="Retirer ce rôle ?"
        libelleConfirmer="Retirer le rôle"
        onConfirmer={() => {
          if (!cible) return;
          gestion.retrait.mutate(cible.utilisateurId, {
            onSuccess: () => setMessage(`${nomComplet(cible)} n’a plus de rôle sur ce contrat.`),
          });
        }}
      >
        <p>
          {cible ? `${nomComplet(cible)} perdra son rôle « ${cible.roleLibelle} » sur ce contrat.` : ''} Son compte reste ouvert ; ce
          retrait est tracé dans l’historique du contrat.
        </p>
      </retrait.Confirmation>
    </>
  );
}
