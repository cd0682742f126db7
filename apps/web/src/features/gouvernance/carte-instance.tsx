import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterPeriode, QUALITES_MEMBRE } from '@maillage/domain';
import { useState } from 'react';
import { useLienCalendrier, type Instance, type useGestionInstances } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonCopier } from '../../components/bouton-copier';
import { BoutonLigne } from '../../components/boutons-element';
import { pluriel } from '../../components/format';
import { FormulaireCourrielMembre, PorteeInvitations, QUI_EST_INVITE } from './courriel-membre';
import { quandSeance } from './dates';
import { FormulaireInstance, FormulaireMembre } from './formulaires-instance';
import { libelleTypeInstance, nomMembre } from './libelles';

type Membre = Instance['membres'][number];

/** Which form of the instances section is open (one at a time). */
export type FormulaireInstances =
  | { type: 'instance'; id?: string }
  | { type: 'membre'; instanceId: string }
  | { type: 'courriel'; instanceId: string; membreId: string }
  | null;

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

interface PropsMembres {
  instance: Instance;
  edition: boolean;
  onCourriel: (m: Membre) => void;
  onRetirer: (m: Membre) => void;
}

/** The members of an instance, with who is invited and, for editors, the invitation address and removal. */
function MembresInstance({ instance: i, edition, onCourriel, onRetirer }: PropsMembres) {
  if (i.membres.length === 0)
    return <p>Aucun membre : ajoutez les organisations ou les personnes qui y siègent, pour pouvoir les inviter.</p>;
  const colonnes = ['Membre', 'Qualité', 'Rôle', 'Co-présidence', 'Période', 'Invitations'];
  return (
    <>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{QUI_EST_INVITE}</p>
      <Table
        caption={`Membres de « ${i.nom} » (${i.membres.length})`}
        headers={edition ? [...colonnes, 'Actions'] : colonnes}
        data={i.membres.map((m) => {
          const ligne = [
            nomMembre(m),
            m.qualite ? QUALITES_MEMBRE[m.qualite] : '—',
            m.role ?? '—',
            m.copresidence ? 'Oui, co-préside' : 'Non',
            m.debut || m.fin ? formaterPeriode(m.debut, m.fin) : '—',
            <PorteeInvitations key="i" membre={m} />,
          ];
          if (!edition) return ligne;
          return [
            ...ligne,
            <span key="a">
              <BoutonLigne
                libelle="Adresse d’invitation"
                etiquette={`Adresse d’invitation de ${nomMembre(m)} (« ${i.nom} »)`}
                icone="fr-icon-mail-line"
                onClick={() => onCourriel(m)}
              />
              <BoutonLigne
                libelle="Retirer"
                etiquette={`Retirer ${nomMembre(m)} de « ${i.nom} »`}
                icone="fr-icon-delete-line"
                onClick={() => onRetirer(m)}
              />
            </span>,
          ];
        })}
      />
    </>
  );
}

interface Props {
  instance: Instance;
  contratId: string;
  /** The user may complete the contract (edit instances and members). */
  edition: boolean;
  ajoutMembre: boolean;
  gestion: ReturnType<typeof useGestionInstances>;
  formulaire: FormulaireInstances;
  setFormulaire: (f: FormulaireInstances) => void;
  fermer: (message?: string) => void;
  onRetirerMembre: (m: Membre) => void;
  onSupprimer: () => void;
}

/** One instance: its kind, rhythm and presidency, its members, its forms and its calendar feed. */
export function CarteInstance({
  instance: i,
  contratId,
  edition,
  ajoutMembre,
  gestion,
  formulaire,
  setFormulaire,
  fermer,
  onRetirerMembre,
  onSupprimer,
}: Props) {
  const enEdition = formulaire?.type === 'instance' && formulaire.id === i.id;
  const ajoutEnCours = formulaire?.type === 'membre' && formulaire.instanceId === i.id;
  const courriel =
    formulaire?.type === 'courriel' && formulaire.instanceId === i.id ? i.membres.find((m) => m.id === formulaire.membreId) : undefined;
  return (
    <article className={fr.cx('fr-mb-5w')} aria-labelledby={`instance-${i.id}`}>
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
        {i.frequenceParAn ? `${pluriel(i.frequenceParAn, 'séance')} par an attendue${i.frequenceParAn > 1 ? 's' : ''}` : 'Rythme non fixé'}{' '}
        · {pluriel(i.nombreSeances, 'séance enregistrée', 'séances enregistrées')} ·{' '}
        {i.prochaineSeance ? `prochaine séance le ${quandSeance(i.prochaineSeance)}` : 'aucune séance à venir'}
      </p>
      <p className={fr.cx('fr-mb-1w')}>
        <strong>Représentants des usagers :</strong>{' '}
        {i.representantsUsagers
          ? `${pluriel(i.representantsUsagers, 'membre')} ; ${pluriel(i.presencesRepresentantsUsagers, 'présence', 'présences')} aux séances tenues, ${pluriel(i.seancesAvecRepresentantsUsagers, 'séance tenue', 'séances tenues')} avec au moins l’un d’eux`
          : 'aucun parmi les membres (indiquez la qualité « Représentant des usagers » en ajoutant un membre)'}
      </p>
      {i.presidence && (
        <p className={fr.cx('fr-mb-1w')}>
          <strong>Présidence :</strong> {i.presidence}
        </p>
      )}
      <MembresInstance
        instance={i}
        edition={edition}
        onCourriel={(m) => setFormulaire({ type: 'courriel', instanceId: i.id, membreId: m.id })}
        onRetirer={onRetirerMembre}
      />
      {courriel && (
        <FormulaireCourrielMembre
          membre={courriel}
          instanceNom={i.nom}
          erreur={gestion.courrielMembre.error}
          enCours={gestion.courrielMembre.isPending}
          onAnnuler={() => fermer()}
          onEnregistrer={(email) =>
            gestion.courrielMembre
              .mutateAsync({ instanceId: i.id, membreId: courriel.id, email })
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
          onEnregistrer={(s) =>
            gestion.modification.mutateAsync({ id: i.id, ...s }).then(() => fermer(`L’instance « ${s.nom} » est enregistrée.`))
          }
        />
      )}
      {ajoutEnCours && (
        <FormulaireMembre
          instance={i}
          erreur={gestion.ajoutMembre.error}
          enCours={gestion.ajoutMembre.isPending}
          onAnnuler={() => fermer()}
          onEnregistrer={(m) =>
            gestion.ajoutMembre.mutateAsync({ instanceId: i.id, ...m }).then(() => fermer(`Le membre est ajouté à « ${i.nom} ».`))
          }
        />
      )}
      {edition && !enEdition && !ajoutEnCours && (
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left')}>
          {ajoutMembre && (
            <li>
              <Button
                type="button"
                priority="secondary"
                iconId="fr-icon-user-add-line"
                onClick={() => setFormulaire({ type: 'membre', instanceId: i.id })}
              >
                Ajouter un membre<span className={fr.cx('fr-sr-only')}> à « {i.nom} »</span>
              </Button>
            </li>
          )}
          <li>
            <Button
              type="button"
              priority="tertiary"
              iconId="fr-icon-edit-line"
              onClick={() => setFormulaire({ type: 'instance', id: i.id })}
            >
              Modifier l’instance<span className={fr.cx('fr-sr-only')}> « {i.nom} »</span>
            </Button>
          </li>
          <li>
            <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={onSupprimer}>
              Supprimer l’instance<span className={fr.cx('fr-sr-only')}> « {i.nom} »</span>
            </Button>
          </li>
        </ul>
      )}
      {edition && <LienCalendrier contratId={contratId} instance={i} />}
    </article>
  );
}
