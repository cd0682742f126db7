import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ApercuImport, Indicateur, ModeImport, OptionsImportSaisie as OptionsImport } from '@maillage/domain/api';
import type { ReactNode } from 'react';

/**
 * The mapping step of Santé publique France (Odissé) and INSEE files (décision 0040): which column is the territory and
 * the period, and which columns become which indicator (and, for INSEE, which period: P21 → 2021, editable).
 */
export interface ReglagesOdisse {
  territoire: string;
  /** "" = from the header ("Département Code") or each code's shape. */
  territoireType: string;
  periode: string;
  /** Value column → indicator code ("" = ignored). */
  colonnes: Record<string, string>;
  /** Or a column naming the indicator of each row ("" = none), its texts → codes, and the value column. */
  indicateur: string;
  indicateurs: Record<string, string>;
  valeur: string;
}
export interface ReglagesInsee {
  territoire: string;
  territoireType: string;
  /** Variable column → indicator ("" = ignored) and period. */
  colonnes: Record<string, { indicateur: string; periode: string }>;
}
export interface ReglagesProfil {
  odisse?: ReglagesOdisse;
  insee?: ReglagesInsee;
}

const TYPES = { commune: 'Communes', epci: 'EPCI', departement: 'Départements', region: 'Régions' };
export const estModeProfil = (mode: ModeImport): mode is 'odisse' | 'insee' => mode === 'odisse' || mode === 'insee';

/** What the preview proposed, as editable settings. */
export function reglagesProfilInitiaux(a: ApercuImport): ReglagesProfil {
  const p = a.profil;
  if (p?.type === 'odisse')
    return {
      odisse: {
        territoire: p.territoire ?? '',
        territoireType: '',
        periode: p.periode ?? '',
        colonnes: Object.fromEntries(p.colonnesValeurs.map((c) => [c.entete, c.indicateur ?? ''])),
        indicateur: p.indicateur ?? '',
        indicateurs: {},
        valeur: p.valeur ?? '',
      },
    };
  if (p?.type === 'insee')
    return {
      insee: {
        territoire: p.territoire,
        territoireType: 'commune',
        colonnes: Object.fromEntries(p.variables.map((v) => [v.entete, { indicateur: v.indicateur ?? '', periode: v.periode }])),
      },
    };
  return {};
}

const choisis = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).filter(([, code]) => code));

/** The import's `options` for these files. */
export function optionsProfil(mode: 'odisse' | 'insee', r: ReglagesProfil, base: Pick<OptionsImport, 'tiret' | 'source'>): OptionsImport {
  const commun = { tiret: base.tiret, source: base.source?.trim() || undefined };
  if (mode === 'insee' && r.insee)
    return {
      ...commun,
      insee: {
        territoire: r.insee.territoire,
        territoireType: r.insee.territoireType as 'commune',
        colonnes: Object.fromEntries(Object.entries(r.insee.colonnes).filter(([, c]) => c.indicateur)),
      },
    };
  const o = r.odisse;
  if (!o) return commun;
  return {
    ...commun,
    odisse: {
      territoire: o.territoire,
      territoireType: (o.territoireType || undefined) as 'commune' | undefined,
      periode: o.periode,
      colonnes: o.indicateur ? {} : choisis(o.colonnes),
      ...(o.indicateur ? { indicateur: o.indicateur, valeur: o.valeur, indicateurs: choisis(o.indicateurs) } : {}),
    },
  };
}

/** What is still missing before the file can be checked. */
export function manquesProfil(mode: 'odisse' | 'insee', r: ReglagesProfil): string[] {
  const m: string[] = [];
  if (mode === 'insee') {
    if (!r.insee?.territoire) m.push('Colonne du code géographique');
    const choisies = Object.values(r.insee?.colonnes ?? {}).filter((c) => c.indicateur);
    if (!choisies.length) m.push('au moins une variable associée à un indicateur');
    if (choisies.some((c) => !c.periode.trim())) m.push('la période de chaque variable choisie');
    return m;
  }
  const o = r.odisse;
  if (!o?.territoire) m.push('Colonne du code du territoire');
  if (!o?.periode) m.push('Colonne de la période');
  if (o?.indicateur ? !o.valeur : !Object.values(o?.colonnes ?? {}).some(Boolean)) m.push('au moins une colonne de valeurs');
  return m;
}

interface Props {
  apercu: ApercuImport;
  mode: 'odisse' | 'insee';
  reglages: ReglagesProfil;
  onChange: (r: ReglagesProfil) => void;
  catalogue: Indicateur[];
}

function ChoixIndicateur({
  label,
  hint,
  value,
  onChange,
  catalogue,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (v: string) => void;
  catalogue: Indicateur[];
}) {
  return (
    <Select label={label} hint={hint} nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}>
      <option value="">Ignorer</option>
      {catalogue.map((i) => (
        <option key={i.code} value={i.code}>
          {i.libelle} ({i.code})
        </option>
      ))}
    </Select>
  );
}

function ChoixColonne({
  label,
  value,
  onChange,
  entetes,
  requis,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  entetes: string[];
  requis: boolean;
}) {
  return (
    <Select
      label={requis ? label : `${label} (facultatif)`}
      nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value), required: requis }}
    >
      <option value="">{requis ? '— Choisir une colonne —' : '— Aucune colonne —'}</option>
      {entetes.map((e) => (
        <option key={e} value={e}>
          {e}
        </option>
      ))}
    </Select>
  );
}

function ChoixType({ value, onChange, vide }: { value: string; onChange: (v: string) => void; vide?: string }) {
  return (
    <Select label="Les lignes sont des" nativeSelectProps={{ value, onChange: (e) => onChange(e.target.value) }}>
      {vide && <option value="">{vide}</option>}
      {Object.entries(TYPES).map(([v, l]) => (
        <option key={v} value={v}>
          {l}
        </option>
      ))}
    </Select>
  );
}

const colonne = (enfant: ReactNode, cle?: string) => (
  <div key={cle} className={fr.cx('fr-col-12', 'fr-col-md-4')}>
    {enfant}
  </div>
);

/** INSEE: the key column, then for each variable an indicator and a period (proposed from the prefix). */
function CorrespondanceInsee({ apercu, reglages, onChange, catalogue }: Omit<Props, 'mode'>) {
  const r = reglages.insee!;
  const maj = (insee: Partial<ReglagesInsee>) => onChange({ ...reglages, insee: { ...r, ...insee } });
  const variables = apercu.profil?.type === 'insee' ? apercu.profil.variables : [];
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Territoire</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            {colonne(
              <ChoixColonne
                label="Colonne du code géographique"
                value={r.territoire}
                onChange={(territoire) => maj({ territoire })}
                entetes={apercu.entetes}
                requis
              />,
            )}
            {colonne(<ChoixType value={r.territoireType} onChange={(territoireType) => maj({ territoireType })} />)}
          </div>
        </div>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Variables : indicateur et période de chaque colonne</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          {variables.map((v) => {
            const c = r.colonnes[v.entete] ?? { indicateur: '', periode: v.periode };
            const majColonne = (x: Partial<typeof c>) => maj({ colonnes: { ...r.colonnes, [v.entete]: { ...c, ...x } } });
            return (
              <div key={v.entete} className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                {colonne(
                  <ChoixIndicateur
                    label={`Variable « ${v.entete} »`}
                    hint={v.indicateur && v.indicateur === c.indicateur ? 'Proposé d’après la variable : vérifiez-le' : undefined}
                    value={c.indicateur}
                    onChange={(indicateur) => majColonne({ indicateur })}
                    catalogue={catalogue}
                  />,
                )}
                {colonne(
                  <Input
                    label={`Période de « ${v.entete} »`}
                    hintText={`Proposée d’après le préfixe : ${v.periode}`}
                    nativeInputProps={{ value: c.periode, onChange: (e) => majColonne({ periode: e.target.value }), maxLength: 20 }}
                  />,
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </>
  );
}

/** Odissé: territory and period columns, then the value columns (or the indicator column and its texts). */
function CorrespondanceOdisse({ apercu, reglages, onChange, catalogue }: Omit<Props, 'mode'>) {
  const o = reglages.odisse!;
  const maj = (odisse: Partial<ReglagesOdisse>) => onChange({ ...reglages, odisse: { ...o, ...odisse } });
  const indexIndicateur = apercu.entetes.indexOf(o.indicateur);
  // The texts of the indicator column seen in the first rows; the dry run names any other.
  const textes =
    indexIndicateur < 0 ? [] : [...new Set(apercu.exemples.map((x) => String(x.cellules[indexIndicateur] ?? '').trim()).filter(Boolean))];
  const prises = new Set([o.territoire, o.periode, o.indicateur, o.valeur]);
  return (
    <>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>Territoire, période, indicateur</legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            {colonne(
              <ChoixColonne
                label="Colonne du code du territoire"
                value={o.territoire}
                onChange={(territoire) => maj({ territoire })}
                entetes={apercu.entetes}
                requis
              />,
            )}
            {colonne(
              <ChoixType
                value={o.territoireType}
                onChange={(territoireType) => maj({ territoireType })}
                vide="Déduit de l’en-tête ou de chaque code"
              />,
            )}
            {colonne(
              <ChoixColonne
                label="Colonne de la période"
                value={o.periode}
                onChange={(periode) => maj({ periode })}
                entetes={apercu.entetes}
                requis
              />,
            )}
            {colonne(
              <ChoixColonne
                label="Colonne qui nomme l’indicateur"
                value={o.indicateur}
                onChange={(indicateur) => maj({ indicateur })}
                entetes={apercu.entetes}
                requis={false}
              />,
            )}
            {o.indicateur &&
              colonne(
                <ChoixColonne
                  label="Colonne de la valeur"
                  value={o.valeur}
                  onChange={(valeur) => maj({ valeur })}
                  entetes={apercu.entetes}
                  requis
                />,
              )}
          </div>
        </div>
      </fieldset>
      <fieldset className={fr.cx('fr-fieldset')}>
        <legend className={fr.cx('fr-fieldset__legend')}>
          {o.indicateur ? `Indicateur de chaque texte de « ${o.indicateur} »` : 'Indicateur de chaque colonne de valeurs'}
        </legend>
        <div className={fr.cx('fr-fieldset__element')}>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            {o.indicateur
              ? textes.map((t) =>
                  colonne(
                    <ChoixIndicateur
                      label={`« ${t} »`}
                      value={o.indicateurs[t] ?? ''}
                      onChange={(code) => maj({ indicateurs: { ...o.indicateurs, [t]: code } })}
                      catalogue={catalogue}
                    />,
                    t,
                  ),
                )
              : apercu.entetes
                  .filter((e) => !prises.has(e))
                  .map((e) =>
                    colonne(
                      <ChoixIndicateur
                        label={`Colonne « ${e} »`}
                        value={o.colonnes[e] ?? ''}
                        onChange={(code) => maj({ colonnes: { ...o.colonnes, [e]: code } })}
                        catalogue={catalogue}
                      />,
                      e,
                    ),
                  )}
          </div>
        </div>
      </fieldset>
    </>
  );
}

export function CorrespondanceProfil({ mode, ...props }: Props) {
  if (mode === 'insee' && props.reglages.insee) return <CorrespondanceInsee {...props} />;
  if (mode === 'odisse' && props.reglages.odisse) return <CorrespondanceOdisse {...props} />;
  return null;
}
