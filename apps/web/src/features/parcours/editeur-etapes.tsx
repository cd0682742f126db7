import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ETAPES_SUGGEREES, type EtapeSuggeree } from '@maillage/domain';
import { type FormEvent, useEffect, useState } from 'react';
import { useFiches } from '../../api/fiches';
import { type EtapeVue, type ParcoursVue, useEditionParcours } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { AnnonceDeplacement, useDeplacement } from '../../components/deplacement';
import { EtatVide } from '../../components/etat-vide';
import { EtapeEditable } from './etape-editable';
import { ETAPES_PROPOSEES } from './libelles-parcours';

const retrait = creerConfirmation('confirmation-retrait-etape');
const LIBRE = 'libre';

/** Adds a step at the end: one of the suggested steps, or a free label. */
function AjoutEtape({ parcours, annoncer }: { parcours: ParcoursVue; annoncer: (texte: string) => void }) {
  const { ajoutEtape } = useEditionParcours(parcours.id);
  const presentes = new Set(parcours.etapes.map((e) => e.code));
  const premiereAbsente = ETAPES_PROPOSEES.find(([code]) => !presentes.has(code))?.[0] ?? LIBRE;
  const [choix, setChoix] = useState<string>(premiereAbsente);
  const [libelle, setLibelle] = useState('');
  const [erreur, setErreur] = useState('');
  const libre = choix === LIBRE;

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const texte = libelle.trim();
    if (libre && texte.length < 2) {
      setErreur('Donnez un libellé d’au moins 2 caractères à l’étape');
      document.getElementById('libelle-nouvelle-etape')?.focus();
      return;
    }
    setErreur('');
    const code = libre ? null : (choix as EtapeSuggeree);
    const nom = texte || (code ? ETAPES_SUGGEREES[code] : '');
    ajoutEtape.mutate(
      { code, ...(texte ? { libelle: texte } : {}), version: parcours.version },
      {
        onSuccess: () => {
          annoncer(`Étape « ${nom} » ajoutée en position ${parcours.etapes.length + 1}.`);
          setLibelle('');
          const suivante = ETAPES_PROPOSEES.find(([c]) => !presentes.has(c) && c !== code)?.[0] ?? LIBRE;
          setChoix(suivante);
        },
      },
    );
  };

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby="titre-ajout-etape" className={fr.cx('fr-p-2w', 'fr-mt-3w') + ' maillage-encart'}>
      <h3 id="titre-ajout-etape" className={fr.cx('fr-h6')}>
        Ajouter une étape
      </h3>
      {ajoutEtape.error ? <AlerteErreur erreur={ajoutEtape.error} as="h4" titre="L’étape n’a pas été ajoutée" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Select
            label="Étape"
            hint="Une étape suggérée, ou un libellé libre"
            nativeSelectProps={{ value: choix, onChange: (e) => setChoix(e.target.value) }}
          >
            {ETAPES_PROPOSEES.map(([code, nom]) => (
              <option key={code} value={code}>
                {nom}
                {presentes.has(code) ? ' (déjà dans le parcours)' : ''}
              </option>
            ))}
            <option value={LIBRE}>Autre étape (libellé libre)</option>
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
          <Input
            label={libre ? 'Libellé de l’étape' : 'Libellé de l’étape (facultatif)'}
            hintText={libre ? 'Par exemple : Sortie d’hospitalisation' : 'Laissez vide pour garder le libellé suggéré'}
            nativeInputProps={{
              id: 'libelle-nouvelle-etape',
              value: libelle,
              onChange: (e) => setLibelle(e.target.value),
              autoComplete: 'off',
            }}
            state={erreur ? 'error' : 'default'}
            stateRelatedMessage={erreur || undefined}
          />
        </div>
      </div>
      <Button type="submit" iconId="fr-icon-add-line" disabled={ajoutEtape.isPending}>
        Ajouter l’étape
      </Button>
    </form>
  );
}

/** The step editor: ordered steps, reorderable with the keyboard, each with its resources and its fiches-action. */
export function EditeurEtapes({ parcours }: { parcours: ParcoursVue }) {
  const edition = useEditionParcours(parcours.id);
  const fiches = useFiches(parcours.contratId);
  const deplacement = useDeplacement();
  const [annonce, setAnnonce] = useState('');
  // One live region says the latest change: an added or removed step, or where a step went.
  useEffect(() => {
    if (deplacement.annonce) setAnnonce(deplacement.annonce);
  }, [deplacement.annonce]);
  const [aRetirer, setARetirer] = useState<EtapeVue | null>(null);
  const etapes = [...parcours.etapes].sort((a, b) => a.position - b.position);
  const ids = etapes.map((e) => e.id);

  const deplacer = (etape: EtapeVue, nouvelIndex: number) =>
    deplacement.executer({
      ids,
      id: etape.id,
      nouvelIndex,
      nom: `Étape « ${etape.libelle} »`,
      idBase: `etape-${etape.id}`,
      enregistrer: () => edition.deplacementEtape.mutateAsync({ etapeId: etape.id, position: nouvelIndex + 1, version: parcours.version }),
    });

  return (
    <>
      <h2>Étapes du parcours</h2>
      <p className={fr.cx('fr-text--sm')}>
        Les étapes se suivent dans l’ordre de la liste. « Monter » et « Descendre » les réordonnent au clavier ; chaque étape dit les
        ressources du répertoire qui y agissent et les fiches-action du contrat qui la servent.
      </p>
      <AnnonceDeplacement texte={annonce} />
      {edition.deplacementEtape.error ? (
        <AlerteErreur erreur={edition.deplacementEtape.error} titre="L’étape n’a pas été déplacée" />
      ) : null}
      {edition.retraitEtape.error ? <AlerteErreur erreur={edition.retraitEtape.error} titre="L’étape n’a pas été retirée" /> : null}
      {etapes.length === 0 ? (
        <EtatVide titre="Aucune étape" titreAs="h3">
          <p>Ajoutez la première étape du parcours ci-dessous : repérage, information, accès aux droits…</p>
        </EtatVide>
      ) : (
        <ol className={fr.cx('fr-raw-list')} aria-label="Étapes dans l’ordre du parcours">
          {etapes.map((e, i) => (
            <EtapeEditable
              key={e.id}
              parcours={parcours}
              etape={e}
              index={i}
              total={etapes.length}
              fiches={fiches.data ?? []}
              deplacementEnCours={deplacement.enCours}
              onDeplacer={(n) => deplacer(e, n)}
              onRetirer={() => {
                setARetirer(e);
                retrait.ouvrir();
              }}
            />
          ))}
        </ol>
      )}
      {parcours.modifiable && <AjoutEtape parcours={parcours} annoncer={setAnnonce} />}
      <retrait.Confirmation
        titre={aRetirer ? `Retirer l’étape « ${aRetirer.libelle} » ?` : 'Retirer l’étape ?'}
        libelleConfirmer="Retirer l’étape"
        onConfirmer={() => {
          if (!aRetirer) return;
          const nom = aRetirer.libelle;
          edition.retraitEtape.mutate(
            { etapeId: aRetirer.id, version: parcours.version },
            { onSuccess: () => setAnnonce(`Étape « ${nom} » retirée du parcours.`) },
          );
        }}
      >
        <p>
          L’étape quitte le parcours avec ses liens aux ressources et aux fiches-action et sa colonne de la grille de coopération. Les
          ressources et les fiches elles-mêmes restent. Le retrait est tracé dans l’historique du contrat.
        </p>
      </retrait.Confirmation>
    </>
  );
}
