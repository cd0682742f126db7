import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { Fiche } from '@maillage/domain/api';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { estErreurApi } from '../../api/client';
import { type EtapeVue, type ParcoursVue, useEditionParcours } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonLigne } from '../../components/boutons-element';
import { BoutonsDeplacement } from '../../components/deplacement';
import { useFocusPremierChamp } from '../../components/focus';
import { RechercheRessource } from './recherche-ressource';

interface Props {
  parcours: ParcoursVue;
  etape: EtapeVue;
  index: number;
  total: number;
  fiches: Fiche[];
  deplacementEnCours: boolean;
  onDeplacer: (nouvelIndex: number) => void;
  onRetirer: () => void;
}

function Renommage({ etape, onFermer, parcoursId }: { etape: EtapeVue; onFermer: () => void; parcoursId: string }) {
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const { modificationEtape } = useEditionParcours(parcoursId);
  const [libelle, setLibelle] = useState(etape.libelle);
  const [erreur, setErreur] = useState('');
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (libelle.trim().length < 2) {
      setErreur('Donnez un libellé d’au moins 2 caractères à l’étape');
      return;
    }
    modificationEtape.mutate(
      { etapeId: etape.id, libelle: libelle.trim(), version: etape.version },
      {
        onSuccess: () => {
          onFermer();
          // The "Renommer" button comes back: the focus returns to it.
          requestAnimationFrame(() => document.getElementById(`renommer-${etape.id}`)?.focus());
        },
      },
    );
  };
  return (
    <form ref={cadre} onSubmit={soumettre} noValidate className={fr.cx('fr-mb-2w')} aria-label={`Renommer l’étape « ${etape.libelle} »`}>
      {modificationEtape.error ? (
        <AlerteErreur
          erreur={modificationEtape.error}
          as="h4"
          titre={
            estErreurApi(modificationEtape.error, 409) ? 'L’étape a changé entre-temps : rechargez la page' : 'L’étape n’a pas été renommée'
          }
        />
      ) : null}
      <Input
        label="Nouveau libellé de l’étape"
        nativeInputProps={{ value: libelle, onChange: (e) => setLibelle(e.target.value), autoComplete: 'off' }}
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur || undefined}
      />
      <div className="maillage-actions">
        <Button type="submit" size="small" disabled={modificationEtape.isPending}>
          Enregistrer le libellé
        </Button>
        <Button type="button" size="small" priority="secondary" onClick={onFermer}>
          Annuler
        </Button>
      </div>
    </form>
  );
}

/** The fiches-action of the contract serving this step: listed, linked from a select, unlinked one by one. */
function FichesEtape({ parcours, etape, fiches }: { parcours: ParcoursVue; etape: EtapeVue; fiches: Fiche[] }) {
  const { modificationEtape } = useEditionParcours(parcours.id);
  const [choix, setChoix] = useState('');
  const liees = new Set(etape.fiches.map((f) => f.id));
  const disponibles = fiches.filter((f) => !liees.has(f.id)).sort((a, b) => a.numero - b.numero);
  const enregistrer = (ficheIds: string[]) => modificationEtape.mutate({ etapeId: etape.id, ficheIds, version: etape.version });
  const idSelect = `fiche-etape-${etape.id}`;
  return (
    <>
      <h4 className={fr.cx('fr-text--md', 'fr-text--bold', 'fr-mb-1w')}>Fiches-action qui servent cette étape</h4>
      {etape.fiches.length ? (
        <ul className={fr.cx('fr-text--sm')}>
          {etape.fiches.map((f) => (
            <li key={f.id}>
              <Link to={`/fiches/${f.id}`}>
                Fiche {f.numero} — {f.intitule}
              </Link>
              {parcours.modifiable && (
                <BoutonLigne
                  libelle="Délier"
                  etiquette={`Délier la fiche ${f.numero} de l’étape « ${etape.libelle} »`}
                  icone="fr-icon-close-line"
                  onClick={() => enregistrer(etape.fiches.filter((x) => x.id !== f.id).map((x) => x.id))}
                />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className={fr.cx('fr-text--sm')}>Aucune fiche-action reliée.</p>
      )}
      {parcours.modifiable && disponibles.length > 0 && (
        <form
          className="maillage-actions"
          onSubmit={(e) => {
            e.preventDefault();
            if (choix) enregistrer([...liees, choix]);
            setChoix('');
          }}
        >
          <Select
            label={`Relier une fiche-action à l’étape « ${etape.libelle} »`}
            nativeSelectProps={{ id: idSelect, value: choix, onChange: (e) => setChoix(e.target.value) }}
          >
            <option value="">Choisir une fiche</option>
            {disponibles.map((f) => (
              <option key={f.id} value={f.id}>
                Fiche {f.numero} — {f.intitule}
              </option>
            ))}
          </Select>
          <Button type="submit" size="small" priority="secondary" disabled={!choix || modificationEtape.isPending}>
            Relier la fiche
          </Button>
        </form>
      )}
      {modificationEtape.error ? <AlerteErreur erreur={modificationEtape.error} as="h4" titre="Le lien n’a pas changé" /> : null}
    </>
  );
}

/** The resources of the directory acting at this step. */
function RessourcesEtape({ parcours, etape }: { parcours: ParcoursVue; etape: EtapeVue }) {
  const { modificationEtape } = useEditionParcours(parcours.id);
  const [message, setMessage] = useState('');
  const ids = etape.ressources.map((r) => r.id);
  const enregistrer = (ressourceIds: string[], texte: string) =>
    modificationEtape.mutate({ etapeId: etape.id, ressourceIds, version: etape.version }, { onSuccess: () => setMessage(texte) });
  return (
    <>
      <h4 className={fr.cx('fr-text--md', 'fr-text--bold', 'fr-mb-1w')}>Ressources qui agissent à cette étape</h4>
      {etape.ressources.length ? (
        <ul className={fr.cx('fr-text--sm')}>
          {etape.ressources.map((r) => (
            <li key={r.id}>
              {r.nom}{' '}
              <span className={fr.cx('fr-text--xs')}>
                ({r.typeLibelle}, {r.organisationNom})
              </span>
              {parcours.modifiable && (
                <BoutonLigne
                  libelle="Retirer"
                  etiquette={`Retirer la ressource ${r.nom} de l’étape « ${etape.libelle} »`}
                  icone="fr-icon-close-line"
                  onClick={() =>
                    enregistrer(
                      ids.filter((x) => x !== r.id),
                      `${r.nom} retirée de l’étape « ${etape.libelle} ».`,
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className={fr.cx('fr-text--sm')}>Aucune ressource placée.</p>
      )}
      {parcours.modifiable && (
        <RechercheRessource
          etapeLibelle={etape.libelle}
          exclure={ids}
          enCours={modificationEtape.isPending}
          onChoisir={(r) => enregistrer([...ids, r.id], `${r.nom} ajoutée à l’étape « ${etape.libelle} ».`)}
        />
      )}
      <p role="status" className={fr.cx('fr-text--sm', 'fr-mb-0')}>
        {message}
      </p>
      {modificationEtape.error ? <AlerteErreur erreur={modificationEtape.error} as="h4" titre="Les ressources n’ont pas changé" /> : null}
    </>
  );
}

/** One step of the editor: its place (monter / descendre), its name, its resources and its fiches. */
export function EtapeEditable({ parcours, etape, index, total, fiches, deplacementEnCours, onDeplacer, onRetirer }: Props) {
  const [renommage, setRenommage] = useState(false);
  const nom = `l’étape « ${etape.libelle} »`;
  return (
    <li className={fr.cx('fr-mb-3w', 'fr-p-2w') + ' maillage-encart'}>
      <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>
        Étape {index + 1} — {etape.libelle}
      </h3>
      {parcours.modifiable && (
        <div className={fr.cx('fr-mb-2w') + ' maillage-actions'}>
          <BoutonsDeplacement
            idBase={`etape-${etape.id}`}
            index={index}
            total={total}
            libelle={nom}
            onDeplacer={onDeplacer}
            desactive={deplacementEnCours}
          />
          {!renommage && (
            <Button
              type="button"
              size="small"
              priority="tertiary no outline"
              iconId="fr-icon-edit-line"
              onClick={() => setRenommage(true)}
              nativeButtonProps={{ id: `renommer-${etape.id}`, 'aria-label': `Renommer ${nom}` }}
            >
              Renommer
            </Button>
          )}
          <Button
            type="button"
            size="small"
            priority="tertiary no outline"
            iconId="fr-icon-delete-line"
            onClick={onRetirer}
            nativeButtonProps={{ 'aria-label': `Retirer ${nom}` }}
          >
            Retirer
          </Button>
        </div>
      )}
      {renommage && <Renommage etape={etape} parcoursId={parcours.id} onFermer={() => setRenommage(false)} />}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <RessourcesEtape parcours={parcours} etape={etape} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <FichesEtape parcours={parcours} etape={etape} fiches={fiches} />
        </div>
      </div>
    </li>
  );
}
