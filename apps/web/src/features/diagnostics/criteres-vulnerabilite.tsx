import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { FAMILLES_INDICATEUR, pluriel } from '@maillage/domain';
import { useState, type FormEvent } from 'react';
import type { Territoire } from '@maillage/domain/api';
import type { Indicateur } from '@maillage/domain/api';
import { POLARITES_COURTES } from '../../components/libelles-indicateurs';

export interface Criteres {
  region: string;
  indicateurs: string[];
  poids: number[];
  /** Parallel to `indicateurs`: a period, or empty for each EPCI's latest value. */
  periodes: string[];
}

interface Props {
  valeur: Criteres;
  regions: Territoire[];
  catalogue: Indicateur[];
  onCalculer: (c: Criteres) => void;
}

/** The region, the indicators of the index and their weights (1 each by default). */
export function CriteresVulnerabilite({ valeur, regions, catalogue, onCalculer }: Props) {
  const [region, setRegion] = useState(valeur.region);
  const [poids, setPoids] = useState<Record<string, string>>(() =>
    Object.fromEntries(valeur.indicateurs.map((c, i) => [c, String(valeur.poids[i] ?? 1)])),
  );
  const [periodes, setPeriodes] = useState<Record<string, string>>(() =>
    Object.fromEntries(valeur.indicateurs.map((c, i) => [c, valeur.periodes[i] ?? ''])),
  );
  const [erreur, setErreur] = useState<string | undefined>();
  const choisis = Object.keys(poids);

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const lus = choisis.map((c) => Number(poids[c].replace(',', '.')));
    if (!region) return setErreur('Choisissez une région.');
    if (!choisis.length) return setErreur('Choisissez au moins un indicateur orienté (défavorable ou favorable).');
    if (lus.some((p) => !Number.isFinite(p) || p <= 0)) return setErreur('Chaque poids doit être un nombre positif (1 par défaut).');
    const lues = choisis.map((c) => (periodes[c] ?? '').trim());
    if (lues.some((p) => p && !/^\d{4}(-\d{4})?$/.test(p)))
      return setErreur('Chaque période doit être une année (2018) ou une période (2011-2015), ou rester vide pour la plus récente.');
    setErreur(undefined);
    onCalculer({ region, indicateurs: choisis, poids: lus, periodes: lues });
  };

  return (
    <form onSubmit={soumettre} noValidate aria-labelledby="criteres-titre" className={fr.cx('fr-mb-4w')}>
      <h2 id="criteres-titre">Critères</h2>
      <Select label="Région" nativeSelectProps={{ value: region, onChange: (e) => setRegion(e.target.value), required: true }}>
        <option value="">— Choisir une région —</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.nom}
          </option>
        ))}
      </Select>
      <p className={fr.cx('fr-text--sm')}>
        Retenez les indicateurs qui disent la vulnérabilité (pauvreté, chômage, mortalité, offre de soins…). Chacun compte selon son poids :
        1 par défaut, 2 pour qu’il compte double. Les indicateurs neutres ne disent ni mieux ni moins bien : ils n’entrent pas dans le
        score. Sans période choisie, chaque EPCI compte avec sa valeur la plus récente, dont l’année est affichée.
      </p>
      {FAMILLES_INDICATEUR.map((famille) => {
        const liste = catalogue.filter((i) => i.famille === famille);
        if (!liste.length) return null;
        return (
          <fieldset key={famille} className={fr.cx('fr-fieldset', 'fr-mb-1w')}>
            <legend className={fr.cx('fr-fieldset__legend', 'fr-text--bold')}>{famille}</legend>
            {liste.map((i) => {
              const coche = i.code in poids;
              return (
                <div key={i.code} className={fr.cx('fr-fieldset__element')}>
                  <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--middle')}>
                    <div className={fr.cx('fr-col-12', 'fr-col-md-9')}>
                      <Checkbox
                        small
                        className={fr.cx('fr-mb-0')}
                        options={[
                          {
                            label: i.libelle,
                            hintText:
                              i.polarite === 'neutre'
                                ? 'Neutre : n’entre pas dans le score'
                                : `${POLARITES_COURTES[i.polarite]} — ${pluriel(i.nombreValeurs ?? 0, 'valeur')} au catalogue`,
                            nativeInputProps: {
                              checked: coche,
                              disabled: i.polarite === 'neutre',
                              onChange: (e) =>
                                setPoids((p) => {
                                  const suivant = { ...p };
                                  if (e.target.checked) suivant[i.code] = '1';
                                  else delete suivant[i.code];
                                  return suivant;
                                }),
                            },
                          },
                        ]}
                      />
                    </div>
                    {coche && (
                      <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
                        <Input
                          className={fr.cx('fr-mb-0')}
                          label={
                            <>
                              Période<span className={fr.cx('fr-sr-only')}> de « {i.libelle} »</span>
                            </>
                          }
                          hintText="Vide : la plus récente"
                          nativeInputProps={{
                            value: periodes[i.code] ?? '',
                            onChange: (e) => setPeriodes((p) => ({ ...p, [i.code]: e.target.value })),
                            inputMode: 'numeric',
                            size: 9,
                          }}
                        />
                      </div>
                    )}
                    {coche && (
                      <div className={fr.cx('fr-col-6', 'fr-col-md-1')}>
                        <Input
                          className={fr.cx('fr-mb-0')}
                          label={
                            <>
                              Poids<span className={fr.cx('fr-sr-only')}> de « {i.libelle} »</span>
                            </>
                          }
                          nativeInputProps={{
                            value: poids[i.code],
                            onChange: (e) => setPoids((p) => ({ ...p, [i.code]: e.target.value })),
                            inputMode: 'decimal',
                            size: 4,
                          }}
                        />
                      </div>
                    )}
                  </div>
                </div>
              );
            })}
          </fieldset>
        );
      })}
      {erreur && (
        <p className={fr.cx('fr-error-text', 'fr-mb-2w')} role="alert">
          {erreur}
        </p>
      )}
      <Button type="submit" iconId="fr-icon-bar-chart-box-line">
        Calculer l’indice
      </Button>
    </form>
  );
}
