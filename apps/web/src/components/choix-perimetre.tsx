import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { useDeferredValue, useId, useState } from 'react';
import { useDepartements, usePerimetre, useRechercheTerritoires, useRegions } from '../api/territoires';
import { formaterNombre, formaterPopulation, pluriel } from './format';
import { NATURES_EPCI } from './libelles';

export interface ValeurPerimetre {
  epci: string[];
  communes: string[];
}

interface Props {
  valeur: ValeurPerimetre;
  onChange: (p: ValeurPerimetre) => void;
  /** Names already known (EPCI of the contract), by code. */
  noms: Map<string, string>;
  erreur?: string;
  /** Another use of the picker (a resource's intervention zone) names it otherwise. */
  legende?: string;
  indication?: string;
}

/** The perimeter of a contract: EPCI and communes searched in the référentiel, chosen as tags, summarised live. */
export function ChoixPerimetre({
  valeur,
  onChange,
  noms,
  erreur,
  legende = 'Périmètre',
  indication = 'Un ou plusieurs EPCI, et des communes isolées si besoin.',
}: Props) {
  const id = useId();
  const [recherche, setRecherche] = useState('');
  const [annonce, setAnnonce] = useState('');
  const [connus, setConnus] = useState(() => new Map(noms));
  const q = useDeferredValue(recherche.trim());
  const resultats = useRechercheTerritoires({ q: q.length >= 2 ? q : undefined, limite: 20 });
  const resume = usePerimetre(valeur);
  const regions = useRegions();
  const departements = useDepartements();

  const nomsCommunes = new Map(resume.data?.communes.map((c) => [c.code, c.nom]));
  const nom = (code: string) => connus.get(code) ?? nomsCommunes.get(code) ?? code;
  const choisis = new Set([...valeur.epci, ...valeur.communes]);
  const trouves =
    q.length >= 2 ? (resultats.data ?? []).filter((t) => (t.type === 'epci' || t.type === 'commune') && !choisis.has(t.code)) : [];

  const ajouter = (type: 'epci' | 'commune', code: string, libelle: string) => {
    setConnus((m) => new Map(m).set(code, libelle));
    onChange(type === 'epci' ? { ...valeur, epci: [...valeur.epci, code] } : { ...valeur, communes: [...valeur.communes, code] });
    setAnnonce(`${libelle} ajouté au périmètre.`);
    // The result list empties: the search field takes the focus back, ready for the next territory.
    setRecherche('');
    document.getElementById(`${id}-recherche`)?.focus();
  };
  const retirer = (type: 'epci' | 'commune', code: string) => {
    onChange(
      type === 'epci'
        ? { ...valeur, epci: valeur.epci.filter((c) => c !== code) }
        : { ...valeur, communes: valeur.communes.filter((c) => c !== code) },
    );
    setAnnonce(`${nom(code)} retiré du périmètre.`);
    document.getElementById(`${id}-recherche`)?.focus();
  };

  const nomRegion = (code: string) => regions.data?.find((r) => r.code === code)?.nom ?? code;
  const nomDepartement = (code: string) => departements.data?.find((d) => d.code === code)?.nom ?? code;
  const vide = choisis.size === 0;

  return (
    <fieldset className={fr.cx('fr-fieldset', erreur ? 'fr-fieldset--error' : undefined)}>
      <legend className={fr.cx('fr-fieldset__legend')}>
        {legende}
        <span className={fr.cx('fr-hint-text')}>{indication}</span>
      </legend>
      <div className={fr.cx('fr-fieldset__element')}>
        {vide ? (
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>Aucun territoire choisi.</p>
        ) : (
          <ul className={fr.cx('fr-tags-group')} aria-label="Territoires du périmètre">
            {valeur.epci.map((code) => (
              <li key={code}>
                <Tag
                  dismissible
                  nativeButtonProps={{ type: 'button', 'aria-label': `Retirer ${nom(code)} (EPCI)`, onClick: () => retirer('epci', code) }}
                >
                  {nom(code)} (EPCI)
                </Tag>
              </li>
            ))}
            {valeur.communes.map((code) => (
              <li key={code}>
                <Tag
                  dismissible
                  nativeButtonProps={{
                    type: 'button',
                    'aria-label': `Retirer ${nom(code)} (commune)`,
                    onClick: () => retirer('commune', code),
                  }}
                >
                  {nom(code)} (commune)
                </Tag>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className={fr.cx('fr-fieldset__element')}>
        <Input
          label="Ajouter un EPCI ou une commune"
          hintText="Au moins deux lettres du nom, ou le code (SIREN de l’EPCI, code INSEE de la commune)"
          nativeInputProps={{
            id: `${id}-recherche`,
            type: 'search',
            value: recherche,
            autoComplete: 'off',
            'aria-controls': `${id}-resultats`,
            onChange: (e) => setRecherche(e.target.value),
            onKeyDown: (e) => e.key === 'Enter' && e.preventDefault(),
          }}
        />
        <div id={`${id}-resultats`}>
          {trouves.length > 0 && (
            <ul className={fr.cx('fr-raw-list', 'fr-mb-2w')} aria-label="Territoires trouvés">
              {trouves.map((t) => (
                <li key={`${t.type}-${t.code}`} className={fr.cx('fr-py-1v')}>
                  <span className={fr.cx('fr-mr-2w')}>
                    <strong>{t.nom}</strong>{' '}
                    <span className={fr.cx('fr-text--sm')}>
                      — {t.type === 'epci' ? (NATURES_EPCI[t.nature ?? ''] ?? 'EPCI') : `Commune (${t.departementCode})`},{' '}
                      {formaterPopulation(t.population)}
                    </span>
                  </span>
                  <Button
                    type="button"
                    size="small"
                    priority="secondary"
                    iconId="fr-icon-add-line"
                    onClick={() => ajouter(t.type as 'epci' | 'commune', t.code, t.nom)}
                    nativeButtonProps={{ 'aria-label': `Ajouter ${t.nom} au périmètre` }}
                  >
                    Ajouter
                  </Button>
                </li>
              ))}
            </ul>
          )}
          {q.length >= 2 && resultats.data && trouves.length === 0 && (
            <p className={fr.cx('fr-text--sm')}>Aucun EPCI ni commune ne correspond à « {q} ».</p>
          )}
        </div>
      </div>
      {erreur && (
        <div className={fr.cx('fr-messages-group')}>
          <p className={fr.cx('fr-message', 'fr-message--error')}>{erreur}</p>
        </div>
      )}
      <div className={fr.cx('fr-fieldset__element')} role="status">
        {!vide && resume.data && (
          <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>
            <strong>Le périmètre compte {pluriel(resume.data.communes.length, 'commune')}</strong> et{' '}
            {formaterPopulation(resume.data.population)} ; {pluriel(resume.data.departements.length, 'département')} (
            {resume.data.departements.map((d) => `${nomDepartement(d)} (${d})`).join(', ')}) ;{' '}
            {resume.data.regions.length > 1 ? `${formaterNombre(resume.data.regions.length)} régions` : 'région'} :{' '}
            {resume.data.regions.map(nomRegion).join(', ')}.
          </p>
        )}
        <span className={fr.cx('fr-sr-only')}>{annonce}</span>
      </div>
    </fieldset>
  );
}
