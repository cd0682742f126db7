import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterPeriode } from '@maillage/domain';
import { useState } from 'react';
import { useGestionInstances, useLienCalendrier, type Instance } from '../../api/gouvernance';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonCopier } from '../../components/bouton-copier';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { pluriel } from '../../components/format';
import { FormulaireCourrielMembre, PorteeInvitations, QUI_EST_INVITE } from './courriel-membre';
import { quandSeance } from './dates';
import { FormulaireInstance, FormulaireMembre } from './formulaires-instance';
import { libelleTypeInstance, nomMembre } from './libelles';
import { peutAjouter } from '../../components/statuts-contrat';

const suppression = creerConfirmation('confirmation-suppression-instance');
const retraitMembre = creerConfirmation('confirmation-retrait-membre');

/** The secret ICS feed of an instance: shown on demand, to copy into an agenda. */
function LienCalendrier({ contratId, instance }: { contratId: string; instance: Instance }) {
  const [ouvert, setOuvert] = useState(false);
  const lien = useLienCalendrier(contratId, instance.id, ouvert);
  if (!ouvert)
    return (
      <Button type="button" size="small" priority="tertiary" iconId="fr-icon-calendar-line" onClick={() => setOuvert(true)}>
        Abonner un agenda aux séances<span className={fr.cx('fr-sr-only')}> de « {instance.nom} »</span>
      </Button>
    );
  if (lien.error) return <AlerteErreur erreur={lien.error} as="h4" titre="Le lien du calendrier n’est pas disponible" />;
  return (
    <div className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-encart'}>
      <Input
        label={`Lien d’abonnement au calendrier de « ${instance.nom} »`}
        hintText="Collez ce lien dans votre agenda (Outlook, Thunderbird, Google Agenda…) : les séances de l’instance s’y ajoutent et s’y mettent à jour. Ce lien est secret : ne le partagez qu’avec les membres."
        nativeInputProps={{ readOnly: true, value: lien.data?.url ?? 'Chargement…', onFocus: (e) => e.target.select() }}
      />
      {lien.data && <BoutonCopier texte={lien.data.url} libelle="Copier le lien" />}
    </div>
  );
}

type Formulaire = { type: 'instance'; id?: string } | { type: 'membre'; instanceId: string } | { type: 'courriel'; instanceId: string; membreId: string } | null;

/** The contract's instances (COPIL, COTECH, coordination, groupes de travail…) with their members. */
export function InstancesContrat({ contrat, instances }: { contrat: ContratDetail; instances: Instance[] }) {
  const gestion = useGestionInstances(contrat.id);
  const edition = contrat.droits.completer;
  // A closed contract keeps its instances as they are (decision 0006).
  const ajoutInstance = peutAjouter(contrat, 'instance');
  const ajoutMembre = peutAjouter(contrat, 'membre_instance');
  const [formulaire, setFormulaire] = useState<Formulaire>(null);
  const [cible, setCible] = useState<{ instance: Instance; membreId?: string; nom: string } | null>(null);
  const [message, setMessage] = useState('');
  const fermer = (texte?: string) => {
    setFormulaire(null);
    if (texte) setMessage(texte);
  };
  const erreurRetrait = gestion.suppression.error ?? gestion.retraitMembre.error;

  return (
    <section aria-labelledby="gouvernance-instances" className={fr.cx('fr-mb-6w')}>
      <h2 id="gouvernance-instances">Instances</h2>
      <p className={fr.cx('fr-text--sm')}>
        Le comité de pilotage (COPIL) décide et valide, au moins deux fois par an ; le comité technique suit les travaux ; le
        duo ou trinôme de coordination anime ; les groupes de travail écrivent et suivent les fiches-action.
      </p>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {erreurRetrait ? <AlerteErreur erreur={erreurRetrait} as="h3" titre="Le retrait n’a pas abouti" /> : null}
      {instances.length === 0 && formulaire?.type !== 'instance' && (
        <EtatVide
          titre="Aucune instance de gouvernance"
          titreAs="h3"
          iconId="fr-icon-team-line"
          action={ajoutInstance ? { children: 'Créer le comité de pilotage', onClick: () => setFormulaire({ type: 'instance' }) } : undefined}
        >
          <p>
            Commencez par le COPIL : ses membres (ARS, collectivités, signataires) seront invités à chaque séance, et ses
            décisions s’appliqueront directement aux fiches-action.
          </p>
        </EtatVide>
      )}
      {instances.map((i) => {
        const enEdition = formulaire?.type === 'instance' && formulaire.id === i.id;
        return (
          <article key={i.id} className={fr.cx('fr-mb-5w')} aria-labelledby={`instance-${i.id}`}>
            <h3 id={`instance-${i.id}`} className={fr.cx('fr-mb-1w')}>
              {i.nom}
            </h3>
            <ul className={fr.cx('fr-badges-group', 'fr-mb-1w')} aria-label="Caractéristiques">
              <li>
                <Badge small noIcon as="span">
                  {libelleTypeInstance(i.type)}
                </Badge>
              </li>
            </ul>
            <p className={fr.cx('fr-mb-1w')}>
              {i.frequenceParAn ? `${pluriel(i.frequenceParAn, 'séance')} par an attendue${i.frequenceParAn > 1 ? 's' : ''}` : 'Rythme non fixé'} ·{' '}
              {pluriel(i.nombreSeances, 'séance enregistrée', 'séances enregistrées')} ·{' '}
              {i.prochaineSeance ? `prochaine séance le ${quandSeance(i.prochaineSeance)}` : 'aucune séance à venir'}
            </p>
            {i.presidence && (
              <p className={fr.cx('fr-mb-1w')}>
                <strong>Présidence :</strong> {i.presidence}
              </p>
            )}
            {i.membres.length === 0 ? (
              <p>Aucun membre : ajoutez les organisations ou les personnes qui y siègent, pour pouvoir les inviter.</p>
            ) : (
              <>
                <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{QUI_EST_INVITE}</p>
                <Table
                  caption={`Membres de « ${i.nom} » (${i.membres.length})`}
                  headers={edition ? ['Membre', 'Rôle', 'Co-présidence', 'Période', 'Invitations', 'Actions'] : ['Membre', 'Rôle', 'Co-présidence', 'Période', 'Invitations']}
                  data={i.membres.map((m) => {
                    const ligne = [
                      nomMembre(m),
                      m.role ?? '—',
                      m.copresidence ? 'Oui, co-préside' : 'Non',
                      m.debut || m.fin ? formaterPeriode(m.debut, m.fin) : '—',
                      <PorteeInvitations key="i" membre={m} />,
                    ];
                    if (!edition) return ligne;
                    return [
                      ...ligne,
                      <span key="a">
                        <Button
                          type="button"
                          size="small"
                          priority="tertiary no outline"
                          iconId="fr-icon-mail-line"
                          onClick={() => setFormulaire({ type: 'courriel', instanceId: i.id, membreId: m.id })}
                          nativeButtonProps={{ 'aria-label': `Adresse d’invitation de ${nomMembre(m)} (« ${i.nom} »)` }}
                        >
                          Adresse d’invitation
                        </Button>
                        <Button
                          type="button"
                          size="small"
                          priority="tertiary no outline"
                          iconId="fr-icon-delete-line"
                          onClick={() => {
                            setCible({ instance: i, membreId: m.id, nom: nomMembre(m) });
                            retraitMembre.ouvrir();
                          }}
                          nativeButtonProps={{ 'aria-label': `Retirer ${nomMembre(m)} de « ${i.nom} »` }}
                        >
                          Retirer
                        </Button>
                      </span>,
                    ];
                  })}
                />
              </>
            )}
            {formulaire?.type === 'courriel' && formulaire.instanceId === i.id && i.membres.some((m) => m.id === formulaire.membreId) && (
              <FormulaireCourrielMembre
                membre={i.membres.find((m) => m.id === formulaire.membreId)!}
                instanceNom={i.nom}
                erreur={gestion.courrielMembre.error}
                enCours={gestion.courrielMembre.isPending}
                onAnnuler={() => fermer()}
                onEnregistrer={(email) =>
                  gestion.courrielMembre
                    .mutateAsync({ instanceId: i.id, membreId: formulaire.membreId, email })
                    .then((r) => fermer(email ? `Les invitations partiront aussi à ${r.email}.` : 'L’adresse d’invitation est retirée.'))
                }
              />
            )}
            {enEdition && (
              <FormulaireInstance
                instance={i}
                erreur={gestion.modification.error}
                enCours={gestion.modification.isPending}
                onAnnuler={() => fermer()}
                onEnregistrer={(s) => gestion.modification.mutateAsync({ id: i.id, ...s }).then(() => fermer(`L’instance « ${s.nom} » est enregistrée.`))}
              />
            )}
            {formulaire?.type === 'membre' && formulaire.instanceId === i.id && (
              <FormulaireMembre
                instance={i}
                erreur={gestion.ajoutMembre.error}
                enCours={gestion.ajoutMembre.isPending}
                onAnnuler={() => fermer()}
                onEnregistrer={(m) => gestion.ajoutMembre.mutateAsync({ instanceId: i.id, ...m }).then(() => fermer(`Le membre est ajouté à « ${i.nom} ».`))}
              />
            )}
            {edition && !enEdition && !(formulaire?.type === 'membre' && formulaire.instanceId === i.id) && (
              <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left')}>
                {ajoutMembre && (
                  <li>
                    <Button type="button" priority="secondary" iconId="fr-icon-user-add-line" onClick={() => setFormulaire({ type: 'membre', instanceId: i.id })}>
                      Ajouter un membre<span className={fr.cx('fr-sr-only')}> à « {i.nom} »</span>
                    </Button>
                  </li>
                )}
                <li>
                  <Button type="button" priority="tertiary" iconId="fr-icon-edit-line" onClick={() => setFormulaire({ type: 'instance', id: i.id })}>
                    Modifier l’instance<span className={fr.cx('fr-sr-only')}> « {i.nom} »</span>
                  </Button>
                </li>
                <li>
                  <Button
                    type="button"
                    priority="tertiary"
                    iconId="fr-icon-delete-line"
                    onClick={() => {
                      setCible({ instance: i, nom: i.nom });
                      suppression.ouvrir();
                    }}
                  >
                    Supprimer l’instance<span className={fr.cx('fr-sr-only')}> « {i.nom} »</span>
                  </Button>
                </li>
              </ul>
            )}
            {edition && <LienCalendrier contratId={contrat.id} instance={i} />}
          </article>
        );
      })}
      {ajoutInstance &&
        (formulaire?.type === 'instance' && !formulaire.id ? (
          <FormulaireInstance
            typeInitial={instances.some((i) => i.type === 'copil') ? 'groupe_travail' : 'copil'}
            erreur={gestion.ajout.error}
            enCours={gestion.ajout.isPending}
            onAnnuler={() => fermer()}
            onEnregistrer={(s) => gestion.ajout.mutateAsync(s).then(() => fermer(`L’instance « ${s.nom} » est créée.`))}
          />
        ) : (
          instances.length > 0 && (
            <Button type="button" priority="secondary" iconId="fr-icon-add-line" onClick={() => setFormulaire({ type: 'instance' })}>
              Créer une instance
            </Button>
          )
        ))}

      <suppression.Confirmation
        titre={cible ? `Supprimer l’instance « ${cible.nom} » ?` : 'Supprimer l’instance'}
        libelleConfirmer="Supprimer l’instance et ses séances"
        onConfirmer={() => cible && gestion.suppression.mutate(cible.instance.id, { onSuccess: () => setMessage(`L’instance « ${cible.nom} » est supprimée.`) })}
      >
        <p>
          L’instance, ses {cible?.instance.membres.length ?? 0} membres et ses {cible?.instance.nombreSeances ?? 0} séances
          (ordres du jour, présences, comptes rendus et relevés de décisions) seront supprimés. Les changements déjà appliqués
          aux fiches restent. La suppression est tracée dans l’historique.
        </p>
      </suppression.Confirmation>
      <retraitMembre.Confirmation
        titre={cible ? `Retirer ${cible.nom} ?` : 'Retirer le membre'}
        libelleConfirmer="Retirer"
        onConfirmer={() =>
          cible?.membreId &&
          gestion.retraitMembre.mutate({ instanceId: cible.instance.id, membreId: cible.membreId }, { onSuccess: () => setMessage(`${cible.nom} ne siège plus à « ${cible.instance.nom} ».`) })
        }
      >
        <p>
          {cible?.nom} ne sera plus membre de « {cible?.instance.nom} » ni invité à ses séances ; ses présences aux séances
          passées sont effacées (pour garder l’historique, préférez laisser le membre en place). Le retrait est tracé dans l’historique.
        </p>
      </retraitMembre.Confirmation>
    </section>
  );
}

