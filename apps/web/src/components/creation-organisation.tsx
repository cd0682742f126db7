import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LIBELLES_MOTIF_DOUBLON, organisationSaisieSchema, TYPES_ORGANISATION } from '@maillage/domain';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { ErreurApi } from '../api/client';
import type { DoublonOrganisation } from '@maillage/domain/api';
import { useCreationOrganisation } from '../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { libelleTypeOrganisation } from './libelles';

/** What the creation form starts from: a typed name, or a collectivité of the référentiel. */
export interface Brouillon {
  nom: string;
  type: string;
  sigle?: string | null;
  siren?: string | null;
  siret?: string | null;
  finess?: string | null;
  regionCode?: string | null;
  departementCode?: string | null;
  territoireCode?: string | null;
}

interface Props {
  brouillon: Brouillon;
  types?: readonly string[];
  /** The organisation to use: created (cree) or an existing one the user picked among the duplicates. */
  onChoisie: (o: Organisation, cree: boolean) => void;
  onAnnuler: () => void;
}

const CHAMPS = ['nom', 'sigle', 'type', 'siren', 'siret', 'finess'] as const;
type Champ = (typeof CHAMPS)[number];
type Doublons = { liste: DoublonOrganisation[]; creationPossible: boolean; detail: string };

/**
 * Creating a missing organisation beside a picker. Not a <form>: it sits inside the page's form, so Enter and the
 * buttons act on it alone. The server checks for duplicates; a 409 lists them, each with "Choisir", and — when none
 * is surely the same — "Créer quand même".
 */
export function CreationOrganisation({ brouillon, types, onChoisie, onAnnuler }: Props) {
  const id = useId();
  const [saisie, setSaisie] = useState<Record<Champ, string>>({
    nom: brouillon.nom,
    sigle: brouillon.sigle ?? '',
    type: brouillon.type,
    siren: brouillon.siren ?? '',
    siret: brouillon.siret ?? '',
    finess: brouillon.finess ?? '',
  });
  const [erreurs, setErreurs] = useState<Partial<Record<Champ, string>>>({});
  const [doublons, setDoublons] = useState<Doublons | null>(null);
  const [erreurGenerale, setErreurGenerale] = useState<string | null>(null);
  const creation = useCreationOrganisation();
  const titre = useRef<HTMLHeadingElement>(null);
  const alerte = useRef<HTMLDivElement>(null);

  useEffect(() => titre.current?.focus(), []);
  useEffect(() => {
    if (doublons) alerte.current?.focus();
  }, [doublons]);

  const typesProposes = Object.keys(TYPES_ORGANISATION).filter((t) => !types || types.includes(t));
  const modifier = (champ: Champ, v: string) => {
    setSaisie((s) => ({ ...s, [champ]: v }));
    setDoublons(null);
  };

  const creer = (accepterDoublonsProches = false) => {
    const corps = {
      ...saisie,
      sigle: saisie.sigle || null,
      regionCode: brouillon.regionCode ?? null,
      departementCode: brouillon.departementCode ?? null,
      territoireCode: brouillon.territoireCode ?? null,
    };
    const verifie = organisationSaisieSchema.safeParse(corps);
    if (!verifie.success) {
      setErreurs(Object.fromEntries(verifie.error.issues.map((i) => [String(i.path[0]), i.message])));
      document.getElementById(`${id}-${String(verifie.error.issues[0].path[0])}`)?.focus();
      return;
    }
    setErreurs({});
    setErreurGenerale(null);
    creation.mutate(
      { ...verifie.data, accepterDoublonsProches },
      {
        onSuccess: (o) => onChoisie(o, true),
        onError: (e) => {
          if (e instanceof ErreurApi && e.statut === 409 && Array.isArray(e.probleme.doublons)) {
            setDoublons({
              liste: e.probleme.doublons as DoublonOrganisation[],
              creationPossible: !!e.probleme.creationPossible,
              detail: e.probleme.detail,
            });
          } else if (e instanceof ErreurApi && e.probleme.erreurs?.length) {
            setErreurs(Object.fromEntries(e.probleme.erreurs.map((x) => [x.champ.split('.')[0], x.message])));
          } else setErreurGenerale(e.message);
        },
      },
    );
  };

  // Enter in a field creates: it must not submit the page's form.
  const entree = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') {
      e.preventDefault();
      creer();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onAnnuler();
    }
  };

  const champTexte = (champ: Exclude<Champ, 'type'>, label: string, indication?: string) => (
    <Input
      label={label}
      hintText={indication}
      state={erreurs[champ] ? 'error' : 'default'}
      stateRelatedMessage={erreurs[champ]}
      nativeInputProps={{
        id: `${id}-${champ}`,
        value: saisie[champ],
        onChange: (e) => modifier(champ, e.target.value),
        autoComplete: 'off',
      }}
    />
  );

  return (
    <div className={fr.cx('fr-p-2w', 'fr-mt-1w') + ' maillage-encart'} role="group" aria-labelledby={`${id}-titre`} onKeyDown={entree}>
      <h3 className={fr.cx('fr-h6', 'fr-mb-1w')} id={`${id}-titre`} tabIndex={-1} ref={titre}>
        Créer une organisation dans l’annuaire
      </h3>
      <p className={fr.cx('fr-text--sm')}>
        {brouillon.territoireCode
          ? 'Pré-remplie depuis le référentiel des collectivités : vérifiez-la avant de la créer.'
          : 'Elle sera proposée à tous les contrats. L’annuaire vérifie qu’elle n’y est pas déjà.'}
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>{champTexte('nom', 'Nom de l’organisation')}</div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>{champTexte('sigle', 'Sigle (facultatif)')}</div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Type d’organisation"
            state={erreurs.type ? 'error' : 'default'}
            stateRelatedMessage={erreurs.type}
            nativeSelectProps={{ id: `${id}-type`, value: saisie.type, onChange: (e) => modifier('type', e.target.value) }}
          >
            {typesProposes.map((t) => (
              <option key={t} value={t}>
                {libelleTypeOrganisation(t)}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>{champTexte('siren', 'SIREN (facultatif)', '9 chiffres')}</div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>{champTexte('siret', 'SIRET (facultatif)', '14 chiffres')}</div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          {champTexte('finess', 'FINESS (facultatif)', 'Établissements sanitaires et médico-sociaux')}
        </div>
      </div>
      {doublons && <AlerteDoublons doublons={doublons} reference={alerte} onChoisie={onChoisie} />}
      {erreurGenerale && <Alert severity="error" small description={erreurGenerale} className={fr.cx('fr-mb-2w')} />}
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm')}>
        <li>
          {doublons?.creationPossible ? (
            <Button type="button" onClick={() => creer(true)} disabled={creation.isPending}>
              Créer quand même
            </Button>
          ) : (
            <Button
              type="button"
              onClick={() => creer()}
              disabled={creation.isPending || (doublons !== null && !doublons.creationPossible)}
            >
              Créer et choisir
            </Button>
          )}
        </li>
        <li>
          <Button type="button" priority="secondary" onClick={onAnnuler}>
            Annuler
          </Button>
        </li>
      </ul>
    </div>
  );
}

interface PropsDoublons {
  doublons: Doublons;
  reference: RefObject<HTMLDivElement | null>;
  onChoisie: Props['onChoisie'];
}

/** The organisations the server found alike, each with "Choisir". */
function AlerteDoublons({ doublons, reference, onChoisie }: PropsDoublons) {
  return (
    <div ref={reference} tabIndex={-1} className={fr.cx('fr-mb-2w')}>
      <Alert
        severity="warning"
        small
        title={
          doublons.creationPossible
            ? 'Cette organisation est peut-être déjà dans l’annuaire'
            : 'Cette organisation est déjà dans l’annuaire'
        }
        description={doublons.detail}
      />
      <ul className={fr.cx('fr-mt-1w')} aria-label="Organisations déjà présentes">
        {doublons.liste.map((d) => (
          <li key={d.id} className={fr.cx('fr-mb-1w')}>
            <strong>{d.nom}</strong> — {libelleTypeOrganisation(d.type)}
            {d.siret ? `, SIRET ${d.siret}` : d.siren ? `, SIREN ${d.siren}` : ''}
            {d.finess ? `, FINESS ${d.finess}` : ''} ({d.motifs.map((m) => LIBELLES_MOTIF_DOUBLON[m]).join(', ')}){' '}
            <Button type="button" size="small" priority="secondary" onClick={() => onChoisie(d, false)}>
              Choisir « {d.nom} »
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
