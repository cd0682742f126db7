import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  type DemandeVue,
  useDemande,
  useMembresAppui,
  useOuvertureSituation,
  usePremierContact,
  useReferentDemande,
  useSansSuite,
} from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import './appui.css';
import { BadgeUrgence, formaterDelai, libelleOrigine, nomPersonne } from './libelles-appui';

function ChoixReferent({ demande }: { demande: DemandeVue }) {
  const membres = useMembresAppui(demande.organisationId);
  const designation = useReferentDemande(demande.id);
  const [choix, setChoix] = useState(demande.referent?.id ?? '');
  return (
    <form
      aria-label="Référent de la demande"
      onSubmit={(e) => {
        e.preventDefault();
        if (choix) designation.mutate({ referentId: choix, version: demande.version });
      }}
    >
      {designation.error ? <AlerteErreur erreur={designation.error} as="h3" titre="Le référent n’a pas été désigné" /> : null}
      <Select label="Référent" nativeSelectProps={{ value: choix, onChange: (e) => setChoix(e.target.value) }}>
        <option value="">Choisir un membre de l’équipe</option>
        {(membres.data?.elements ?? []).map((m) => (
          <option key={m.utilisateurId} value={m.utilisateurId}>
            {m.libelle}
          </option>
        ))}
      </Select>
      <Button type="submit" size="small" priority="secondary" disabled={!choix || designation.isPending}>
        Désigner le référent
      </Button>
    </form>
  );
}

function Actions({ demande }: { demande: DemandeVue }) {
  const naviguer = useNavigate();
  const contact = usePremierContact(demande.id);
  const ouverture = useOuvertureSituation(demande.id);
  const sansSuite = useSansSuite(demande.id);
  const erreur = contact.error ?? ouverture.error ?? sansSuite.error;
  if (demande.statut !== 'recue')
    return demande.situationId ? (
      <p>
        <Link to={`/appui/situations/${demande.situationId}`}>Voir la situation ouverte pour cette demande</Link>
      </p>
    ) : (
      <p>Demande classée sans suite.</p>
    );
  return (
    <>
      {erreur ? <AlerteErreur erreur={erreur} as="h3" /> : null}
      <ChoixReferent demande={demande} />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-mt-3w')}>
        {!demande.premierContactLe && (
          <li>
            <Button priority="secondary" disabled={contact.isPending} onClick={() => contact.mutate({ version: demande.version })}>
              Noter le premier contact (maintenant)
            </Button>
          </li>
        )}
        <li>
          <Button
            disabled={ouverture.isPending}
            onClick={() =>
              ouverture.mutate(
                { version: demande.version },
                { onSuccess: (s) => naviguer(`/appui/situations/${s.id}`, { state: { message: `Situation n° ${s.numero} ouverte.` } }) },
              )
            }
          >
            Ouvrir la situation
          </Button>
        </li>
        <li>
          <Button priority="tertiary" disabled={sansSuite.isPending} onClick={() => sansSuite.mutate({ version: demande.version })}>
            Classer sans suite
          </Button>
        </li>
      </ul>
    </>
  );
}

/** /appui/demandes/:id: a request to the guichet — who asks, for whom, why — and its triage (référent, contact, case). */
export default function DemandeTriagePage() {
  const { id = '' } = useParams();
  const demande = useDemande(id);
  useTitrePage(demande.data ? `Demande n° ${demande.data.numero}` : 'Demande d’appui');
  const fil = (
    <Breadcrumb
      currentPageLabel={demande.data ? `Demande n° ${demande.data.numero}` : 'Demande'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Guichet', linkProps: { to: '/appui' } }]}
    />
  );
  if (demande.isPending)
    return (
      <>
        {fil}
        <Chargement />
      </>
    );
  if (demande.error)
    return (
      <>
        {fil}
        <h1>Demande inaccessible</h1>
        <AlerteErreur erreur={demande.error} />
      </>
    );
  const d = demande.data;
  return (
    <>
      {fil}
      <h1>
        Demande n° {d.numero} — {nomPersonne(d.personne)}
      </h1>
      <p>
        <BadgeUrgence urgence={d.urgence} />
      </p>
      <dl className="maillage-appui-faits">
        <dt>Reçue le</dt>
        <dd>
          {formaterDateHeure(d.recueLe)} ({d.canal === 'telephone' ? 'par téléphone' : 'par le formulaire'})
        </dd>
        <dt>Qui demande</dt>
        <dd>
          {libelleOrigine(d.origine)}
          {d.demandeur
            ? ` : ${d.demandeur.nom}${d.demandeur.qualite ? `, ${d.demandeur.qualite}` : ''}`
            : d.saisiePar
              ? ` : ${d.saisiePar.libelle}`
              : ''}
          {d.demandeur?.telephone ? ` — ${d.demandeur.telephone}` : ''}
        </dd>
        <dt>Personne</dt>
        <dd>
          {nomPersonne(d.personne)}
          {d.personne.dateNaissance ? `, née ou né le ${formaterDate(d.personne.dateNaissance)}` : ''}
          {d.personne.communeNom ? `, ${d.personne.communeNom}` : ''}
        </dd>
        <dt>Médecin traitant</dt>
        <dd>{d.medecinTraitant?.nom ?? 'Non renseigné'}</dd>
        <dt>Référent</dt>
        <dd>{d.referent?.libelle ?? 'À désigner'}</dd>
        <dt>Premier contact</dt>
        <dd>
          {d.premierContactLe
            ? `${formaterDateHeure(d.premierContactLe)}, ${formaterDelai(d.delaiPremierContactHeures)} après la demande`
            : d.premierContactEnRetard
              ? 'Pas encore : le délai visé pour cette urgence est dépassé'
              : 'Pas encore'}
        </dd>
      </dl>
      <h2>Motif</h2>
      <p className="maillage-texte-long">{d.motif}</p>
      <h2>Suite à donner</h2>
      <Actions demande={d} />
    </>
  );
}
