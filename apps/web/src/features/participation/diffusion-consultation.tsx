import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { pluriel } from '@maillage/domain';
import type { ConsultationVue } from '@maillage/domain/api';
import { useState } from 'react';
import { useClotureConsultation, useOuvertureConsultation } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonCopier } from '../../components/bouton-copier';
import { creerConfirmation } from '../../components/confirmation';
import { Telechargement } from '../../components/telechargement';
import { CodesConsultation } from './codes-consultation';
import { aujourdhuiParis, textePeriode } from './libelles-participation';

const confirmationCloture = creerConfirmation('confirmation-cloture-consultation');

/** Brouillon → ouverte: the first and last days when the public can answer. */
function FormulaireOuverture({ consultation: c }: { consultation: ConsultationVue }) {
  const ouverture = useOuvertureConsultation(c.id);
  const [debut, setDebut] = useState(aujourdhuiParis());
  const [fin, setFin] = useState(aujourdhuiParis(30));
  return (
    <form
      className={fr.cx('fr-mb-4w')}
      onSubmit={(e) => {
        e.preventDefault();
        ouverture.mutate({ debut, fin, version: c.version });
      }}
    >
      <h3>Ouvrir la consultation</h3>
      <p className={fr.cx('fr-text--sm')}>
        Une fois ouverte, la consultation reçoit des réponses pendant sa période et son questionnaire ne change plus (les réponses déjà
        données portent sur lui).
      </p>
      {ouverture.error && <AlerteErreur erreur={ouverture.error} as="h4" titre="La consultation n’a pas été ouverte" />}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Premier jour"
            nativeInputProps={{ type: 'date', value: debut, onChange: (e) => setDebut(e.target.value), required: true }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Dernier jour"
            nativeInputProps={{ type: 'date', value: fin, onChange: (e) => setFin(e.target.value), required: true }}
          />
        </div>
      </div>
      <Button type="submit" iconId="fr-icon-send-plane-line" disabled={ouverture.isPending || c.nombreQuestions === 0}>
        Ouvrir au public
      </Button>
      {c.nombreQuestions === 0 && (
        <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>Le questionnaire n’a aucune question : composez-le d’abord.</p>
      )}
    </form>
  );
}

/** The public link and its QR code (drawn by the server), to print on a poster or a flyer. */
function LienPublic({ consultation: c }: { consultation: ConsultationVue }) {
  const adresse = `${window.location.origin}${c.lienPublic}`;
  const qr = `/api/consultations/${c.id}/qrcode`;
  return (
    <section aria-labelledby="diffusion-lien" className={fr.cx('fr-mb-4w')}>
      <h3 id="diffusion-lien">Lien public et QR code</h3>
      <p className={fr.cx('fr-mb-1w')}>
        Adresse à diffuser :{' '}
        <a href={c.lienPublic} target="_blank" rel="noreferrer" title={`${adresse} — nouvelle fenêtre`}>
          {adresse}
        </a>
      </p>
      <BoutonCopier texte={adresse} libelle="Copier le lien" />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mt-2w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <img src={`${qr}?format=svg`} alt={`QR code menant à ${adresse}`} width={200} height={200} className="maillage-qrcode" />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Telechargement libelle="QR code" details="SVG – pour une affiche, à toute taille" chemin={`${qr}?format=svg`} />
          <Telechargement libelle="QR code" details="PNG – pour un document bureautique" chemin={`${qr}?format=png`} />
        </div>
      </div>
    </section>
  );
}

/** Opening, the public link and QR code, one-time codes, closing. */
export function DiffusionConsultation({ consultation: c, editable }: { consultation: ConsultationVue; editable: boolean }) {
  const cloture = useClotureConsultation(c.id);
  return (
    <>
      {c.statut === 'brouillon' && editable && <FormulaireOuverture consultation={c} />}
      {c.statut === 'brouillon' && !editable && <p>La consultation est en préparation : elle n’est pas encore ouverte au public.</p>}
      {c.statut !== 'brouillon' && (
        <p>
          {c.statut === 'ouverte' ? 'Ouverte' : 'Était ouverte'} {textePeriode(c.debut, c.fin)} ·{' '}
          {pluriel(c.nombreReponses, 'réponse reçue', 'réponses reçues', 'f')}.
          {c.statut === 'ouverte' && !c.enCours && ' Le public ne peut pas répondre aujourd’hui : la date du jour est hors de la période.'}
        </p>
      )}
      {c.statut === 'ouverte' && <LienPublic consultation={c} />}
      {c.codesRequis && <CodesConsultation consultation={c} editable={editable && c.statut !== 'close'} />}
      {c.statut === 'ouverte' && editable && (
        <section aria-labelledby="diffusion-cloture">
          <h3 id="diffusion-cloture">Clore la consultation</h3>
          {cloture.error && <AlerteErreur erreur={cloture.error} as="h4" titre="La consultation n’a pas été clôturée" />}
          <Button type="button" priority="secondary" iconId="fr-icon-lock-line" onClick={() => confirmationCloture.ouvrir()}>
            Clore la consultation
          </Button>
        </section>
      )}
      {c.statut === 'close' && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-2w')}
          description="La consultation est clôturée : elle ne reçoit plus de réponse."
        />
      )}
      <confirmationCloture.Confirmation
        titre="Clore la consultation ?"
        libelleConfirmer="Clore"
        iconeConfirmer="fr-icon-lock-line"
        onConfirmer={() => cloture.mutate(c.version)}
      >
        <p>
          Le lien public cessera d’accepter des réponses, dès maintenant et pour de bon : une consultation clôturée ne se rouvre pas. Les{' '}
          {pluriel(c.nombreReponses, 'réponse', 'réponses', 'f')} reçues sont gardées. La clôture est tracée dans l’historique du contrat.
        </p>
      </confirmationCloture.Confirmation>
    </>
  );
}
