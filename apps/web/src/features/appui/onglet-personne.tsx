import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { SEXES } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { type SituationComplete, useInformationPersonne, useModificationMedecin } from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { formaterDate } from '../../components/format';
import { appliquerErreursServeur, etatChamp } from '../../components/formulaire';
import { FormulaireEncart } from '../../components/formulaire-encart';
import { Telechargement } from '../../components/telechargement';

const vide = (v: string) => (v.trim() === '' ? null : v.trim());

function FormulaireMedecin({ s, onFini }: { s: SituationComplete; onFini: () => void }) {
  const modification = useModificationMedecin(s.id);
  const m = s.medecinTraitant;
  const { register, handleSubmit, setError, formState } = useForm({
    defaultValues: { nom: m?.nom ?? '', rpps: m?.rpps ?? '', courriel: m?.courriel ?? '' },
  });
  const soumettre = handleSubmit((v) => {
    if (!v.nom.trim()) {
      setError('nom', { message: 'Indiquez le nom du médecin traitant' }, { shouldFocus: true });
      return;
    }
    modification.mutate(
      { medecinTraitant: { nom: v.nom.trim(), rpps: vide(v.rpps), courriel: vide(v.courriel) }, version: s.version },
      { onSuccess: onFini, onError: (e) => appliquerErreursServeur(e, setError, ['nom', 'rpps', 'courriel']) },
    );
  });
  return (
    <FormulaireEncart idTitre="titre-medecin" titre="Médecin traitant" onSubmit={soumettre}>
      {modification.error ? <AlerteErreur erreur={modification.error} as="h3" titre="Le médecin traitant n’a pas été enregistré" /> : null}
      <Input label="Nom du médecin traitant" nativeInputProps={register('nom')} {...etatChamp(formState.errors.nom?.message)} />
      <Input
        label="Numéro RPPS (facultatif)"
        hintText="11 chiffres"
        nativeInputProps={{ ...register('rpps'), inputMode: 'numeric' }}
        {...etatChamp(formState.errors.rpps?.message)}
      />
      <Input
        label="Courriel (facultatif)"
        nativeInputProps={{ ...register('courriel'), type: 'email' }}
        {...etatChamp(formState.errors.courriel?.message)}
      />
      <Button type="submit" disabled={modification.isPending}>
        Enregistrer le médecin traitant
      </Button>{' '}
      <Button type="button" priority="secondary" onClick={onFini}>
        Annuler
      </Button>
    </FormulaireEncart>
  );
}

function FormulaireInformation({ s }: { s: SituationComplete }) {
  const information = useInformationPersonne(s.id);
  const { register, handleSubmit, setError, formState } = useForm({
    defaultValues: { informeeLe: s.informeeLe ?? '', oppositionLe: s.oppositionLe ?? '', oppositionMotif: s.oppositionMotif ?? '' },
  });
  const soumettre = handleSubmit((v) =>
    information.mutate(
      { informeeLe: vide(v.informeeLe), oppositionLe: vide(v.oppositionLe), oppositionMotif: vide(v.oppositionMotif), version: s.version },
      { onError: (e) => appliquerErreursServeur(e, setError, ['informeeLe', 'oppositionLe', 'oppositionMotif']) },
    ),
  );
  return (
    <FormulaireEncart idTitre="titre-information" titre="Information de la personne et opposition" onSubmit={soumettre}>
      {information.error ? <AlerteErreur erreur={information.error} as="h3" titre="L’information n’a pas été enregistrée" /> : null}
      {information.isSuccess && <p role="status">Information de la personne enregistrée.</p>}
      <Input
        label="Personne informée le"
        nativeInputProps={{ ...register('informeeLe'), type: 'date' }}
        {...etatChamp(formState.errors.informeeLe?.message)}
      />
      <Input
        label="Opposition exprimée le (facultatif)"
        nativeInputProps={{ ...register('oppositionLe'), type: 'date' }}
        {...etatChamp(formState.errors.oppositionLe?.message)}
      />
      <Input label="Ce à quoi la personne s’oppose (facultatif)" textArea nativeTextAreaProps={register('oppositionMotif')} />
      <Button type="submit" priority="secondary" disabled={information.isPending}>
        Enregistrer
      </Button>
    </FormulaireEncart>
  );
}

/** The person's minimal identity (the INS as entered, never qualified), their information, the médecin traitant. */
export function OngletPersonne({ situation: s }: { situation: SituationComplete }) {
  const [edition, setEdition] = useState(false);
  const p = s.personne;
  const m = s.medecinTraitant;
  return (
    <>
      <h2>Identité</h2>
      <dl className="maillage-appui-faits">
        <dt>Nom de naissance</dt>
        <dd>{p.nom}</dd>
        {p.nomUsage && (
          <>
            <dt>Nom d’usage</dt>
            <dd>{p.nomUsage}</dd>
          </>
        )}
        <dt>Prénoms</dt>
        <dd>{p.prenoms}</dd>
        <dt>Date de naissance</dt>
        <dd>{p.dateNaissance ? formaterDate(p.dateNaissance) : 'Non renseignée'}</dd>
        <dt>Sexe</dt>
        <dd>{p.sexe ? (SEXES[p.sexe as keyof typeof SEXES] ?? p.sexe) : 'Non renseigné'}</dd>
        <dt>Commune</dt>
        <dd>{p.communeNom ?? 'Non renseignée'}</dd>
        <dt>INS</dt>
        <dd>{p.ins ? `${p.ins} — identité non qualifiée (gardée telle que saisie)` : 'Non renseigné'}</dd>
      </dl>
      <FormulaireInformation s={s} />
      <h2>Médecin traitant</h2>
      <p className={fr.cx('fr-text--sm')}>Il reçoit un courriel à l’ouverture et à la clôture, sans aucun détail de santé.</p>
      {edition ? (
        <FormulaireMedecin s={s} onFini={() => setEdition(false)} />
      ) : (
        <>
          <p>
            {m
              ? `${m.nom ?? 'Médecin du répertoire'}${m.rpps ? ` — RPPS ${m.rpps}` : ''}${m.courriel ? ` — ${m.courriel}` : ''}`
              : 'Aucun médecin traitant connu.'}
          </p>
          <Button priority="secondary" size="small" onClick={() => setEdition(true)}>
            {m ? 'Changer le médecin traitant' : 'Indiquer le médecin traitant'}
          </Button>
        </>
      )}
      <h2 className={fr.cx('fr-mt-4w')}>Exports</h2>
      <p className={fr.cx('fr-text--sm')}>
        Le droit d’accès de la personne : tout ce que l’équipe détient sur elle. Le cercle de soins : l’équipe autour d’elle, au format FHIR
        du guide Cercle de soins.
      </p>
      <Telechargement
        libelle="Données détenues sur la personne"
        details="PDF – droit d’accès"
        chemin={`/api/appui/personnes/${s.personneId}/donnees.pdf`}
      />
      <Telechargement
        libelle="Données détenues sur la personne"
        details="JSON – droit d’accès"
        chemin={`/api/appui/personnes/${s.personneId}/donnees.json`}
      />
      <Telechargement libelle="Cercle de soins" details="JSON – FHIR CareTeam" chemin={`/api/appui/situations/${s.id}/cercle-de-soins`} />
      <h2 className={fr.cx('fr-mt-4w')}>Intervenants</h2>
      <p>
        Référent : {s.referent?.libelle ?? 'à désigner'}
        {s.intervenants.length > 0 ? ` · Intervenants : ${s.intervenants.map((i) => i.libelle).join(', ')}` : ''}
      </p>
    </>
  );
}
