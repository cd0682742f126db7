import { fr } from '@codegouvfr/react-dsfr';
import { ButtonsGroup } from '@codegouvfr/react-dsfr/ButtonsGroup';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { GRAVITES_RUPTURE, PUBLICS_RESSOURCE, type GraviteRupture, type PreuveRupture, type PublicRessource } from '@maillage/domain';
import type { Fiche } from '@maillage/domain/api';
import { type FormEvent, useState } from 'react';
import { ErreurApi } from '../../api/client';
import { type ParcoursVue, useEditionParcours } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { useFocusPremierChamp } from '../../components/focus';
import { FormulaireEncart } from '../../components/formulaire-encart';
import { PreuvesRupture } from './preuves-rupture';

interface Props {
  parcours: ParcoursVue;
  fiches: Fiche[];
  onFermer: (message?: string) => void;
}

/** Records a rupture: at a step or between two steps, its description, evidence, publics, severity and treating fiche. */
export function FormulaireRupture({ parcours, fiches, onFermer }: Props) {
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const { ajoutRupture } = useEditionParcours(parcours.id);
  const etapes = [...parcours.etapes].sort((a, b) => a.position - b.position);
  const [entre, setEntre] = useState(false);
  const [etapeId, setEtapeId] = useState(etapes[0]?.id ?? '');
  const [versEtapeId, setVersEtapeId] = useState(etapes[1]?.id ?? '');
  const [description, setDescription] = useState('');
  const [gravite, setGravite] = useState<GraviteRupture>('moyenne');
  const [publics, setPublics] = useState<PublicRessource[]>(parcours.publics);
  const [preuves, setPreuves] = useState<PreuveRupture[]>([]);
  const [ficheId, setFicheId] = useState('');
  const [erreurs, setErreurs] = useState<Record<string, string>>({});

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const trouvees: Record<string, string> = {};
    if (description.trim().length < 3) trouvees.description = 'Décrivez la rupture (3 caractères au moins)';
    if (entre && versEtapeId === etapeId) trouvees.versEtapeId = 'Choisissez deux étapes différentes';
    setErreurs(trouvees);
    if (Object.keys(trouvees).length) return;
    ajoutRupture.mutate(
      {
        etapeId,
        versEtapeId: entre ? versEtapeId : null,
        description: description.trim(),
        gravite,
        publics,
        preuves,
        ficheId: ficheId || null,
      },
      {
        onSuccess: () => onFermer('La rupture est enregistrée.'),
        onError: (err) => {
          if (!(err instanceof ErreurApi)) return;
          const champs: Record<string, string> = {};
          for (const { champ, message } of err.probleme.erreurs ?? []) champs[champ.split('.')[0]] = message;
          setErreurs(champs);
        },
      },
    );
  };
  const optionsEtapes = etapes.map((e) => (
    <option key={e.id} value={e.id}>
      Étape {e.position} — {e.libelle}
    </option>
  ));
  const etat = (champ: string) =>
    erreurs[champ] ? { state: 'error' as const, stateRelatedMessage: erreurs[champ] } : { state: 'default' as const };

  return (
    <FormulaireEncart cadre={cadre} idTitre="titre-nouvelle-rupture" titre="Signaler une rupture" onSubmit={soumettre} grandTitre>
      {ajoutRupture.error ? <AlerteErreur erreur={ajoutRupture.error} as="h3" titre="La rupture n’a pas été enregistrée" /> : null}
      <Input
        label="Description de la rupture"
        hintText="Ce qui se passe : qui n’atteint pas quoi, à quel moment"
        textArea
        nativeTextAreaProps={{ value: description, onChange: (e) => setDescription(e.target.value), rows: 3 }}
        {...etat('description')}
      />
      <RadioButtons
        legend="Où le parcours se rompt-il ?"
        orientation="horizontal"
        options={[
          { label: 'À une étape', nativeInputProps: { checked: !entre, onChange: () => setEntre(false) } },
          {
            label: 'Entre deux étapes',
            nativeInputProps: { checked: entre, onChange: () => setEntre(true), disabled: etapes.length < 2 },
          },
        ]}
      />
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label={entre ? 'Étape d’où l’on part' : 'Étape'}
            nativeSelectProps={{ value: etapeId, onChange: (e) => setEtapeId(e.target.value) }}
            {...etat('etapeId')}
          >
            {optionsEtapes}
          </Select>
        </div>
        {entre && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Select
              label="Étape que l’on n’atteint pas"
              nativeSelectProps={{ value: versEtapeId, onChange: (e) => setVersEtapeId(e.target.value) }}
              {...etat('versEtapeId')}
            >
              {optionsEtapes}
            </Select>
          </div>
        )}
      </div>
      <Select label="Gravité" nativeSelectProps={{ value: gravite, onChange: (e) => setGravite(e.target.value as GraviteRupture) }}>
        {Object.entries(GRAVITES_RUPTURE).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      <Checkbox
        legend="Publics concernés"
        small
        orientation="horizontal"
        options={Object.entries(PUBLICS_RESSOURCE).map(([code, libelle]) => ({
          label: libelle,
          nativeInputProps: {
            checked: publics.includes(code as PublicRessource),
            onChange: (e) => setPublics(e.target.checked ? [...publics, code as PublicRessource] : publics.filter((p) => p !== code)),
          },
        }))}
      />
      <PreuvesRupture contratId={parcours.contratId} preuves={preuves} onChange={setPreuves} />
      <Select
        label="Fiche-action qui la traite (facultatif)"
        nativeSelectProps={{ value: ficheId, onChange: (e) => setFicheId(e.target.value) }}
        {...etat('ficheId')}
      >
        <option value="">Aucune pour l’instant</option>
        {[...fiches]
          .sort((a, b) => a.numero - b.numero)
          .map((f) => (
            <option key={f.id} value={f.id}>
              Fiche {f.numero} — {f.intitule}
            </option>
          ))}
      </Select>
      <ButtonsGroup
        inlineLayoutWhen="always"
        buttons={[
          { children: 'Enregistrer la rupture', type: 'submit', disabled: ajoutRupture.isPending },
          { children: 'Annuler', priority: 'secondary', type: 'button', onClick: () => onFermer() },
        ]}
      />
    </FormulaireEncart>
  );
}
