import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useId, useState, type FormEvent } from 'react';
import { useOffres, type Engagements } from '../../api/annuaire';
import { ErreurApi } from '../../api/client';
import { AlerteErreur } from '../../components/alerte-erreur';
import { pluriel } from '../../components/format';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { useFocusPremierChamp } from '../../components/focus';
import { FormulaireEncart } from '../../components/formulaire-encart';

/** Adds an offer of service to the organisation's catalogue (CPAM: M’T dents, MISAS, SOPHIA, examens de santé…). */
function FormulaireOffre({ organisationId, onFermer }: { organisationId: string; onFermer: (message?: string) => void }) {
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const { ajout } = useOffres(organisationId);
  const [intitule, setIntitule] = useState('');
  const [description, setDescription] = useState('');
  const [erreur, setErreur] = useState<string | undefined>();
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (intitule.trim().length < 2) {
      setErreur('Donnez un intitulé d’au moins 2 caractères');
      document.getElementById(`${id}-intitule`)?.focus();
      return;
    }
    ajout.mutate(
      { intitule: intitule.trim(), description: description.trim() || null },
      {
        onSuccess: () => onFermer(`L’offre « ${intitule.trim()} » est ajoutée au catalogue.`),
        onError: (x) => setErreur(x instanceof ErreurApi ? x.probleme.erreurs?.find((c) => c.champ === 'intitule')?.message : undefined),
      },
    );
  };
  return (
    <FormulaireEncart cadre={cadre} idTitre={`${id}-titre`} titre={<>Ajouter une offre de service</>} onSubmit={soumettre}>
      {ajout.error ? <AlerteErreur erreur={ajout.error} as="h4" titre="L’offre n’a pas été ajoutée" /> : null}
      <Input
        label="Intitulé"
        hintText="Exemple : M’T dents, accompagnement santé (MISAS), centre d’examens de santé"
        nativeInputProps={{ id: `${id}-intitule`, value: intitule, onChange: (e) => setIntitule(e.target.value), maxLength: 300 }}
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur}
      />
      <Input
        label="Description (facultatif)"
        hintText="Public, contenu, comment la mobiliser sur un territoire"
        textArea
        nativeTextAreaProps={{ value: description, onChange: (e) => setDescription(e.target.value), rows: 3, maxLength: 5000 }}
      />
      <BoutonsFormulaire libelle="Ajouter l’offre" enCours={ajout.isPending} onAnnuler={() => onFermer()} />
    </FormulaireEncart>
  );
}

/** Links one of the organisation's offers to one of its fiches. */
function RattachementOffre({ engagements, onMessage }: { engagements: Engagements; onMessage: (m: string) => void }) {
  const { rattachement } = useOffres(engagements.organisation.id);
  const [ficheId, setFicheId] = useState('');
  const [offreId, setOffreId] = useState('');
  const [erreurs, setErreurs] = useState<{ fiche?: string; offre?: string }>({});
  const fiches = engagements.contrats.flatMap((c) => c.fiches.map((f) => ({ ...f, contrat: c.intitule })));
  const fiche = fiches.find((f) => f.id === ficheId);
  const offres = engagements.offres.filter((o) => !fiche?.offres.includes(o.intitule));
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const manque = {
      fiche: ficheId ? undefined : 'Choisissez la fiche-action',
      offre: offreId ? undefined : 'Choisissez l’offre de service',
    };
    setErreurs(manque);
    if (manque.fiche || manque.offre) return;
    const offre = engagements.offres.find((o) => o.id === offreId);
    rattachement.mutate(
      { ficheId, offreId, rattacher: true },
      {
        onSuccess: () => {
          onMessage(`L’offre « ${offre?.intitule} » est rattachée à la fiche ${fiche?.numero}.`);
          setOffreId('');
        },
      },
    );
  };
  if (fiches.length === 0)
    return <p className={fr.cx('fr-text--sm')}>Aucune fiche-action de l’organisation à laquelle rattacher une offre.</p>;
  return (
    <form
      onSubmit={soumettre}
      noValidate
      aria-label="Rattacher une offre à une fiche-action"
      className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}
    >
      <p className={fr.cx('fr-text--bold')}>Rattacher une offre à une fiche-action</p>
      {rattachement.error ? <AlerteErreur erreur={rattachement.error} as="h4" titre="L’offre n’a pas été rattachée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
          <Select
            label="Fiche-action"
            nativeSelectProps={{ value: ficheId, onChange: (e) => setFicheId(e.target.value) }}
            state={erreurs.fiche ? 'error' : 'default'}
            stateRelatedMessage={erreurs.fiche}
          >
            <option value="" disabled>
              Choisir une fiche
            </option>
            {engagements.contrats.map((c) => (
              <optgroup key={c.id} label={c.intitule}>
                {c.fiches.map((f) => (
                  <option key={f.id} value={f.id}>
                    Fiche {f.numero} — {f.intitule}
                  </option>
                ))}
              </optgroup>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Select
            label="Offre de service"
            nativeSelectProps={{ value: offreId, onChange: (e) => setOffreId(e.target.value) }}
            state={erreurs.offre ? 'error' : 'default'}
            stateRelatedMessage={erreurs.offre}
          >
            <option value="" disabled>
              {offres.length ? 'Choisir une offre' : 'Toutes les offres sont déjà rattachées'}
            </option>
            {offres.map((o) => (
              <option key={o.id} value={o.id}>
                {o.intitule}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Button type="submit" size="small" iconId="fr-icon-links-line" className={fr.cx('fr-mt-2w')} disabled={rattachement.isPending}>
        Rattacher l’offre
      </Button>
    </form>
  );
}

/** The organisation's catalogue of offers of service, and how each is used in the fiches. */
export function OffresOrganisation({
  engagements,
  modifiable,
  onMessage,
}: {
  engagements: Engagements;
  modifiable: boolean;
  onMessage: (m: string) => void;
}) {
  const [formulaire, setFormulaire] = useState(false);
  const { offres, organisation } = engagements;
  return (
    <section aria-labelledby="engagements-offres" className={fr.cx('fr-mb-6w')}>
      <h2 id="engagements-offres">Offres de service</h2>
      <p className={fr.cx('fr-text--sm')}>
        Ce que {organisation.sigle || organisation.nom} apporte aux contrats locaux de santé : programmes de prévention, accès aux droits,
        accompagnements, aides. Rattachée à une fiche-action, une offre montre comment l’organisation y contribue.
      </p>
      {offres.length === 0 ? (
        <p>Aucune offre de service au catalogue.</p>
      ) : (
        <Table
          caption={`Catalogue des offres de service (${offres.length})`}
          headers={['Offre', 'Description', 'Fiches-action']}
          data={offres.map((o) => [o.intitule, o.description ?? '—', pluriel(o.nombreFiches, 'fiche')])}
        />
      )}
      {modifiable &&
        (formulaire ? (
          <FormulaireOffre
            organisationId={organisation.id}
            onFermer={(m) => {
              setFormulaire(false);
              if (m) onMessage(m);
            }}
          />
        ) : (
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-add-line"
            className={fr.cx('fr-mb-3w')}
            onClick={() => setFormulaire(true)}
          >
            Ajouter une offre de service
          </Button>
        ))}
      {modifiable && offres.length > 0 && <RattachementOffre engagements={engagements} onMessage={onMessage} />}
    </section>
  );
}
