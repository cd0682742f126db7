import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { TYPES_TERRITOIRE_DHIS2, type TypeTerritoireDhis2 } from '@maillage/domain/api';

export interface LigneElement {
  dataElement: string;
  categoryOptionCombo: string;
  indicateur: string;
}
export interface LigneUnite {
  orgUnit: string;
  territoireType: TypeTerritoireDhis2;
  territoireCode: string;
}

const LIBELLES_TYPE: Record<TypeTerritoireDhis2, string> = {
  commune: 'Commune',
  epci: 'EPCI',
  departement: 'Département',
  region: 'Région',
};

/** One editable cell: a labelled field (the label for screen readers names the row) and the server's error under it. */
function Champ({
  id,
  libelle,
  erreur,
  children,
}: {
  id: string;
  libelle: string;
  erreur?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean; className: string }) => React.ReactNode;
}) {
  const idErreur = `${id}-erreur`;
  return (
    <div className={fr.cx('fr-input-group', erreur ? 'fr-input-group--error' : undefined, 'fr-mb-0')}>
      <label className={fr.cx('fr-label', 'fr-sr-only')} htmlFor={id}>
        {libelle}
      </label>
      {children({
        id,
        className: fr.cx('fr-input', erreur ? 'fr-input--error' : undefined),
        ...(erreur ? { 'aria-describedby': idErreur, 'aria-invalid': true } : {}),
      })}
      {erreur && (
        <p id={idErreur} className={fr.cx('fr-error-text')}>
          {erreur}
        </p>
      )}
    </div>
  );
}

/** dataElement (+ categoryOptionCombo) → indicator of the catalogue, one row each. */
export function TableElements({
  lignes,
  onLignes,
  indicateurs,
  erreurs,
}: {
  lignes: LigneElement[];
  onLignes: (l: LigneElement[]) => void;
  indicateurs: { code: string; libelle: string }[];
  erreurs: Map<string, string>;
}) {
  const changer = (i: number, champ: keyof LigneElement, valeur: string) =>
    onLignes(lignes.map((l, j) => (j === i ? { ...l, [champ]: valeur } : l)));
  return (
    <div className={fr.cx('fr-table')}>
      <table>
        <caption>Éléments de données ({lignes.length})</caption>
        <thead>
          <tr>
            <th scope="col">dataElement</th>
            <th scope="col">categoryOptionCombo (facultatif)</th>
            <th scope="col">Indicateur du catalogue</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity.
            <tr key={i}>
              <td>
                <Champ
                  id={`element-${i}-de`}
                  libelle={`dataElement de la ligne ${i + 1}`}
                  erreur={erreurs.get(`elements.${i}.dataElement`)}
                >
                  {(p) => (
                    <input {...p} value={l.dataElement} spellCheck={false} onChange={(e) => changer(i, 'dataElement', e.target.value)} />
                  )}
                </Champ>
              </td>
              <td>
                <Champ
                  id={`element-${i}-coc`}
                  libelle={`categoryOptionCombo de la ligne ${i + 1}`}
                  erreur={erreurs.get(`elements.${i}.categoryOptionCombo`)}
                >
                  {(p) => (
                    <input
                      {...p}
                      value={l.categoryOptionCombo}
                      spellCheck={false}
                      onChange={(e) => changer(i, 'categoryOptionCombo', e.target.value)}
                    />
                  )}
                </Champ>
              </td>
              <td>
                <Champ id={`element-${i}-ind`} libelle={`Indicateur de la ligne ${i + 1}`} erreur={erreurs.get(`elements.${i}.indicateur`)}>
                  {(p) => (
                    <select
                      {...p}
                      className={p.className.replaceAll('fr-input', 'fr-select')}
                      value={l.indicateur}
                      onChange={(e) => changer(i, 'indicateur', e.target.value)}
                    >
                      <option value="">Choisir un indicateur</option>
                      {indicateurs.map((ind) => (
                        <option key={ind.code} value={ind.code}>
                          {ind.libelle} ({ind.code})
                        </option>
                      ))}
                    </select>
                  )}
                </Champ>
              </td>
              <td>
                <Button
                  priority="tertiary"
                  size="small"
                  iconId="fr-icon-delete-line"
                  onClick={() => onLignes(lignes.filter((_, j) => j !== i))}
                >
                  Retirer<span className={fr.cx('fr-sr-only')}> la ligne {i + 1}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        priority="secondary"
        iconId="fr-icon-add-line"
        onClick={() => onLignes([...lignes, { dataElement: '', categoryOptionCombo: '', indicateur: '' }])}
      >
        Ajouter un élément de données
      </Button>
    </div>
  );
}

/** orgUnit → territory of the référentiel, one row each. */
export function TableUnites({
  lignes,
  onLignes,
  erreurs,
}: {
  lignes: LigneUnite[];
  onLignes: (l: LigneUnite[]) => void;
  erreurs: Map<string, string>;
}) {
  const changer = (i: number, champ: keyof LigneUnite, valeur: string) =>
    onLignes(lignes.map((l, j) => (j === i ? { ...l, [champ]: valeur } : l)));
  return (
    <div className={fr.cx('fr-table')}>
      <table>
        <caption>Unités d’organisation ({lignes.length})</caption>
        <thead>
          <tr>
            <th scope="col">orgUnit</th>
            <th scope="col">Type de territoire</th>
            <th scope="col">Code du territoire (INSEE, SIREN)</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {lignes.map((l, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; their position is their identity.
            <tr key={i}>
              <td>
                <Champ id={`unite-${i}-ou`} libelle={`orgUnit de la ligne ${i + 1}`} erreur={erreurs.get(`unites.${i}.orgUnit`)}>
                  {(p) => <input {...p} value={l.orgUnit} spellCheck={false} onChange={(e) => changer(i, 'orgUnit', e.target.value)} />}
                </Champ>
              </td>
              <td>
                <Champ
                  id={`unite-${i}-type`}
                  libelle={`Type de territoire de la ligne ${i + 1}`}
                  erreur={erreurs.get(`unites.${i}.territoireType`)}
                >
                  {(p) => (
                    <select
                      {...p}
                      className={p.className.replaceAll('fr-input', 'fr-select')}
                      value={l.territoireType}
                      onChange={(e) => changer(i, 'territoireType', e.target.value)}
                    >
                      {TYPES_TERRITOIRE_DHIS2.map((t) => (
                        <option key={t} value={t}>
                          {LIBELLES_TYPE[t]}
                        </option>
                      ))}
                    </select>
                  )}
                </Champ>
              </td>
              <td>
                <Champ
                  id={`unite-${i}-code`}
                  libelle={`Code du territoire de la ligne ${i + 1}`}
                  erreur={erreurs.get(`unites.${i}.territoireCode`)}
                >
                  {(p) => <input {...p} value={l.territoireCode} onChange={(e) => changer(i, 'territoireCode', e.target.value)} />}
                </Champ>
              </td>
              <td>
                <Button
                  priority="tertiary"
                  size="small"
                  iconId="fr-icon-delete-line"
                  onClick={() => onLignes(lignes.filter((_, j) => j !== i))}
                >
                  Retirer<span className={fr.cx('fr-sr-only')}> la ligne {i + 1}</span>
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button
        priority="secondary"
        iconId="fr-icon-add-line"
        onClick={() => onLignes([...lignes, { orgUnit: '', territoireType: 'commune', territoireCode: '' }])}
      >
        Ajouter une unité d’organisation
      </Button>
    </div>
  );
}
