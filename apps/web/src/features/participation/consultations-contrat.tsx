import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { pluriel } from '@maillage/domain';
import type { ContratDetail } from '@maillage/domain/api';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useConsultations, useCreationConsultation } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFocusPremierChamp } from '../../components/focus';
import { TableauDefilant } from '../../components/tableau-defilant';
import { BadgeStatutConsultation, textePeriode } from './libelles-participation';

/** The new consultation: a title, then the builder (its own page). */
function FormulaireNouvelle({ contratId, onAnnuler }: { contratId: string; onAnnuler: () => void }) {
  const creation = useCreationConsultation(contratId);
  const naviguer = useNavigate();
  const [titre, setTitre] = useState('');
  const ref = useFocusPremierChamp<HTMLFormElement>();
  return (
    <form
      ref={ref}
      className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-encart'}
      onSubmit={(e) => {
        e.preventDefault();
        creation.mutate({ titre, codesRequis: false }, { onSuccess: (c) => naviguer(`/consultations/${c.id}`) });
      }}
    >
      <h4>Nouvelle consultation</h4>
      {creation.error && <AlerteErreur erreur={creation.error} as="h4" titre="La consultation n’a pas été créée" />}
      <Input
        label="Titre de la consultation"
        hintText="Ce que verront les habitants, par exemple « Votre santé à Redon : donnez votre avis »"
        nativeInputProps={{ value: titre, onChange: (e) => setTitre(e.target.value), required: true, minLength: 3, maxLength: 300 }}
      />
      <BoutonsFormulaire libelle="Créer et composer le questionnaire" enCours={creation.isPending} onAnnuler={onAnnuler} />
    </form>
  );
}

/** The consultations of a contract: their state, period and answers, and the way to prepare a new one. */
export function ConsultationsContrat({ contrat, editable }: { contrat: ContratDetail; editable: boolean }) {
  const liste = useConsultations(contrat.id);
  const [creation, setCreation] = useState(false);
  if (liste.isPending) return <Chargement libelle="Chargement des consultations…" />;
  if (liste.error) return <AlerteErreur erreur={liste.error} as="h4" titre="Impossible de charger les consultations" />;
  const consultations = liste.data;
  const boutonNouvelle = editable && !creation && (
    <Button type="button" iconId="fr-icon-add-line" priority="secondary" size="small" onClick={() => setCreation(true)}>
      Préparer une consultation
    </Button>
  );
  return (
    <>
      {consultations.length === 0 && !creation && (
        <EtatVide
          titre="Aucune consultation des habitants"
          titreAs="h4"
          action={
            editable ? { children: 'Préparer une consultation', onClick: () => setCreation(true), iconId: 'fr-icon-add-line' } : undefined
          }
        >
          <p>
            Un questionnaire en ligne, ouvert pour une période, recueille l’avis des habitants sans compte et sans les identifier. Ses
            résultats s’affichent en graphiques et en tableaux, et ses réponses libres deviennent des verbatims du diagnostic.
          </p>
        </EtatVide>
      )}
      {consultations.length > 0 && (
        <TableauDefilant
          caption={`Consultations du contrat (${consultations.length})`}
          headers={['Consultation', 'État', 'Période', 'Questions', 'Réponses']}
          data={consultations.map((c) => [
            <Link key="titre" to={`/consultations/${c.id}`}>
              {c.titre}
            </Link>,
            <BadgeStatutConsultation key="statut" statut={c.statut} />,
            textePeriode(c.debut, c.fin),
            pluriel(c.nombreQuestions, 'question', 'questions', 'f'),
            c.statut === 'brouillon' ? '—' : pluriel(c.nombreReponses, 'réponse', 'réponses', 'f'),
          ])}
        />
      )}
      {creation && <FormulaireNouvelle contratId={contrat.id} onAnnuler={() => setCreation(false)} />}
      {consultations.length > 0 && boutonNouvelle}
    </>
  );
}
