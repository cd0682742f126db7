import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ApercuImport, ChampColonne, Indicateur, ModeImport, OptionsImportSaisie as OptionsImport } from '@maillage/domain/api';
import {
  CorrespondanceProfil,
  estModeProfil,
  manquesProfil,
  optionsProfil,
  reglagesProfilInitiaux,
  type ReglagesProfil,
} from './correspondance-profil';

/** What the user decided about the file's columns, starting from what the preview proposed. */
export interface Reglages extends ReglagesProfil {
  mode: ModeImport;
  colonnes: Partial<Record<ChampColonne, string>>;
  /** Wide tables: header → indicator code ("" = ignore the column). */
  parColonne: Record<string, string>;
  /** "" = from each code's shape (5 characters a commune, 9 digits an EPCI…). */
  territoireType: string;
  periode: string;
  typeOrgUnit: string;
}

export function reglagesInitiaux(a: ApercuImport): Reglages {
  return {
    mode: a.mode,
    colonnes: { ...a.colonnes },
    // Suggestions from the headers are preselected; the user confirms them by checking the file.
    parColonne: Object.fromEntries(
      a.entetes.map((e) => [e, a.indicateursParColonne[e] ?? a.suggestions?.find((s) => s.entete === e)?.code ?? '']),
    ),
    territoireType: '',
    periode: '',
    typeOrgUnit: 'commune',
    ...reglagesProfilInitiaux(a),
  };
}

/** The `options` of the preview and the import, from the user's settings. */
export function versOptions(r: Reglages, base: Pick<OptionsImport, 'tiret' | 'source'>): OptionsImport {
  const source = base.source?.trim() || undefined;
  if (estModeProfil(r.mode)) return optionsProfil(r.mode, r, base);
  if (r.mode === 'dhis2') return { tiret: base.tiret, source, typeOrgUnit: r.typeOrgUnit };
  if (r.mode === 'long') return { tiret: base.tiret, source, colonnes: r.colonnes };
  const { territoireCode, periode, source: colonneSource } = r.colonnes;
  return {
    tiret: base.tiret,
    source,
    colonnes: { territoireCode, periode, source: colonneSource },
    large: {
      indicateurs: Object.fromEntries(Object.entries(r.parColonne).filter(([, code]) => code)),
      territoireType: r.territoireType || undefined,
      periode: r.periode.trim() || undefined,
    },
  };
}

const CHAMPS_LONG: { champ: ChampColonne; libelle: string; requis: boolean }[] = [
  { champ: 'indicateur', libelle: 'Code de l’indicateur', requis: true },
  { champ: 'territoireCode', libelle: 'Code du territoire (INSEE ou SIREN)', requis: true },
  { champ: 'territoireType', libelle: 'Type de territoire (sinon : déduit du code)', requis: false },
  { champ: 'periode', libelle: 'Période', requis: true },
  { champ: 'valeur', libelle: 'Valeur', requis: true },
  { champ: 'source', libelle: 'Source', requis: false },
  { champ: 'numerateur', libelle: 'Numérateur', requis: false },
  { champ: 'denominateur', libelle: 'Dénominateur', requis: false },
];

export const TYPES_TERRITOIRE_IMPORT = { commune: 'Communes', epci: 'EPCI', departement: 'Départements', region: 'Régions' };

/** What is still missing before the file can be read. */
export function manques(r: Reglages): string[] {
  if (estModeProfil(r.mode)) return manquesProfil(r.mode, r);
  if (r.mode === 'dhis2') return [];
  if (r.mode === 'long') return CHAMPS_LONG.filter((c) => c.requis && !r.colonnes[c.champ]).map((c) => c.libelle);
  const m: string[] = [];
  if (!r.colonnes.territoireCode) m.push('Code du territoire');
  if (!Object.values(r.parColonne).some(Boolean)) m.push('au moins une colonne d’indicateur');
  if (!r.colonnes.periode && !r.periode.trim()) m.push('Période (colonne ou valeur commune)');
  return m;
}

interface Props {
  apercu: ApercuImport;
  reglages: Reglages;
  onChange: (r: Reglages) => void;
  catalogue: Indicateur[];
}

/** The column mapping, editable: a select per field (long tables), or an indicator per column (wide tables). */
export function CorrespondanceColonnes({ apercu, reglages: r, onChange, catalogue }: Props) {
  const colonne = (champ: ChampColonne, libelle: string, requis: boolean) => (
    <div key={champ} className={fr.cx('fr-col-12', 'fr-col-md-4')}>
      <Select
        label={`${libelle}${requis ? '' : ' (facultatif)'}`}
        nativeSelectProps={{
          value: r.colonnes[champ] ?? '',
          onChange: (e) => onChange({ ...r, colonnes: { ...r.colonnes, [champ]: e.target.value || undefined } }),
          required: requis,
        }}
      >
        <option value="">{requis ? '— Choisir une colonne —' : '— Aucune colonne —'}</option>
        {apercu.entetes.map((e) => (
          <option key={e} value={e}>
            {e}
          </option>
        ))}
      </Select>
    </div>
  );
  const reservees = new Set([r.colonnes.territoireCode, r.colonnes.periode, r.colonnes.source].filter(Boolean));

  if (r.mode === 'dhis2') {
    return (
      <Select
        label="Type des unités d’organisation (orgUnit) du fichier"
        hint="Les identifiants DHIS2 ne disent pas s’il s’agit de communes, d’EPCI…"
        nativeSelectProps={{ value: r.typeOrgUnit, onChange: (e) => onChange({ ...r, typeOrgUnit: e.target.value }) }}
      >
        {Object.entries(TYPES_TERRITOIRE_IMPORT).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    );
  }
  return (
    <>
      <RadioButtons
        legend="Organisation du fichier"
        orientation="horizontal"
        options={[
          {
            label: 'Une ligne par valeur',
            hintText: 'Colonnes indicateur, territoire, période, valeur',
            nativeInputProps: { checked: r.mode === 'long', onChange: () => onChange({ ...r, mode: 'long' }) },
          },
          {
            label: 'Une colonne par indicateur',
            hintText: 'Une ligne par territoire, une colonne par indicateur',
            nativeInputProps: { checked: r.mode === 'large', onChange: () => onChange({ ...r, mode: 'large' }) },
          },
          ...(apercu.profil ? [optionProfil(apercu.profil.type, r, onChange)] : []),
        ]}
      />
      {estModeProfil(r.mode) ? (
        <CorrespondanceProfil apercu={apercu} mode={r.mode} reglages={r} onChange={(p) => onChange({ ...r, ...p })} catalogue={catalogue} />
      ) : r.mode === 'long' ? (
        <fieldset className={fr.cx('fr-fieldset')}>
          <legend className={fr.cx('fr-fieldset__legend')}>Colonne du fichier pour chaque information</legend>
          <div className={fr.cx('fr-fieldset__element')}>
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
              {CHAMPS_LONG.map((c) => colonne(c.champ, c.libelle, c.requis))}
            </div>
          </div>
        </fieldset>
      ) : (
        <>
          <fieldset className={fr.cx('fr-fieldset')}>
            <legend className={fr.cx('fr-fieldset__legend')}>Territoire et période</legend>
            <div className={fr.cx('fr-fieldset__element')}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                {colonne('territoireCode', 'Colonne du code du territoire', true)}
                <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                  <Select
                    label="Les lignes sont des"
                    nativeSelectProps={{ value: r.territoireType, onChange: (e) => onChange({ ...r, territoireType: e.target.value }) }}
                  >
                    <option value="">Déduit de chaque code (commune, EPCI, département, France)</option>
                    {Object.entries(TYPES_TERRITOIRE_IMPORT).map(([v, l]) => (
                      <option key={v} value={v}>
                        {l}
                      </option>
                    ))}
                  </Select>
                </div>
                {colonne('source', 'Colonne de la source', false)}
                {colonne('periode', 'Colonne de la période', false)}
                <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                  <Input
                    label="Période de toutes les valeurs"
                    hintText="2020, ou 2011-2015 : si le fichier n’a pas de colonne période (elle l’emporte sur la colonne)"
                    nativeInputProps={{ value: r.periode, onChange: (e) => onChange({ ...r, periode: e.target.value }), maxLength: 20 }}
                  />
                </div>
              </div>
            </div>
          </fieldset>
          <fieldset className={fr.cx('fr-fieldset')}>
            <legend className={fr.cx('fr-fieldset__legend')}>Indicateur de chaque colonne</legend>
            <div className={fr.cx('fr-fieldset__element')}>
              <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                {apercu.entetes
                  .filter((e) => !reservees.has(e))
                  .map((e) => (
                    <div key={e} className={fr.cx('fr-col-12', 'fr-col-md-4')}>
                      <Select
                        label={`Colonne « ${e} »`}
                        hint={
                          apercu.suggestions?.some((s) => s.entete === e && s.code === r.parColonne[e])
                            ? 'Proposé d’après l’en-tête : vérifiez-le avant d’importer'
                            : undefined
                        }
                        nativeSelectProps={{
                          value: r.parColonne[e] ?? '',
                          onChange: (x) => onChange({ ...r, parColonne: { ...r.parColonne, [e]: x.target.value } }),
                        }}
                      >
                        <option value="">Ignorer cette colonne</option>
                        {catalogue.map((i) => (
                          <option key={i.code} value={i.code}>
                            {i.libelle} ({i.code})
                          </option>
                        ))}
                      </Select>
                    </div>
                  ))}
              </div>
            </div>
          </fieldset>
        </>
      )}
    </>
  );
}

/** The file's own mapping, when the preview recognised an Odissé export or an INSEE wide file. */
function optionProfil(type: 'odisse' | 'insee', r: Reglages, onChange: (r: Reglages) => void) {
  return {
    label: type === 'odisse' ? 'Fichier Odissé (Santé publique France)' : 'Fichier large de l’INSEE',
    hintText:
      type === 'odisse'
        ? 'Une ligne par territoire et période ; des colonnes de valeurs'
        : 'Une ligne par commune (CODGEO), une colonne par variable (P21_POP…)',
    nativeInputProps: { checked: r.mode === type, onChange: () => onChange({ ...r, mode: type }) },
  };
}
