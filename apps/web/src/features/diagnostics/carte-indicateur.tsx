import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Card } from '@codegouvfr/react-dsfr/Card';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterNombre } from '@maillage/domain';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useAgregat } from '../../api/diagnostics';
import type { AgregatIndicateur, ResultatAgregat, TerritoireCode } from '@maillage/domain/api';
import { avecUnite, libelleTiret, METHODES_EXPLIQUEES } from '../../components/libelles-indicateurs';
import { BadgeSens, ecartEnMots, estComparable, sensAffiche, texteFigurePartielle, valeurComparee } from './ecarts';
import { GraphiqueComparaison, GraphiqueSerie } from './graphiques-indicateur';

interface Props {
  agregat: AgregatIndicateur;
  territoires: TerritoireCode[];
  nomPerimetre: string;
  /** The constats that cite this indicator (the chain, read backwards). */
  constats: { id: string; intitule: string }[];
}

function libelleOrigine(r: ResultatAgregat): string {
  if (r.origine === 'publiee') return 'Publiée pour ce territoire';
  if (r.partiel)
    return `Calculée sur ${formaterNombre(r.partiel.couverture.renseignees)} communes sur ${formaterNombre(r.partiel.couverture.communes)}`;
  const n = r.valeur.couverture?.communes ?? 0;
  return `Calculée sur ${formaterNombre(n)} commune${n > 1 ? 's' : ''}`;
}

function Couverture({ r }: { r: ResultatAgregat }) {
  const c = r.valeur.couverture;
  if (r.origine !== 'agregee' || !c) return null;
  const sans = c.masquees + c.manquantes;
  return (
    <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
      <strong>Couverture :</strong> {formaterNombre(c.renseignees)} commune{c.renseignees > 1 ? 's' : ''} renseignée
      {c.renseignees > 1 ? 's' : ''} sur {formaterNombre(c.communes)}
      {sans > 0 && (
        <>
          {' '}
          ({formaterNombre(c.masquees)} sous secret statistique, {formaterNombre(c.manquantes)} sans valeur)
        </>
      )}
      , soit {formaterNombre(Math.floor(c.partPopulationRenseignee * 100))} % de la population.
    </p>
  );
}

/** One indicator on the contract's perimeter: value, origin, coverage, comparators, charts with their tables. */
export function CarteIndicateur({ agregat: initial, territoires, nomPerimetre, constats }: Props) {
  const id = useId();
  const [periode, setPeriode] = useState<string | null>(null);
  const autre = useAgregat(initial.indicateur.code, territoires, periode, periode !== null && periode !== initial.periode);
  const agregat = periode !== null && periode !== initial.periode && autre.data ? autre.data : initial;
  const { indicateur, resultat, comparaisons } = agregat;
  const periodes = initial.serie.map((s) => s.periode);
  const comparable = estComparable(indicateur);
  const tiret = libelleTiret(resultat?.tiret);
  const partiel = resultat?.partiel;

  return (
    <div id={`indicateur-${indicateur.code}`} tabIndex={-1} className={fr.cx('fr-col-12', 'fr-col-lg-6')}>
      <Card
        titleAs="h5"
        title={indicateur.libelle}
        size="small"
        start={<BadgesResultat resultat={resultat} partiel={!!partiel} />}
        desc={
          resultat && partiel ? (
            // The figure on the communes with a value, never shown without the word "partiel" and its coverage.
            <>
              <span className={fr.cx('fr-text--lead', 'fr-text--bold')}>{texteFigurePartielle(partiel, indicateur.unite)}</span>{' '}
              <span>({agregat.periode})</span>
              <br />
              <span className="maillage-partiel">Chiffre partiel : {partiel.couverture.texte}.</span>
            </>
          ) : resultat ? (
            <>
              <span className={fr.cx('fr-text--lead', 'fr-text--bold')}>{avecUnite(resultat.valeur.texte, indicateur.unite)}</span>{' '}
              <span>({agregat.periode})</span>
            </>
          ) : (
            // An empty result always says why: a blank is neither a zero nor a fault.
            <span className="maillage-raison-vide">
              {agregat.raison ?? `Aucune valeur pour la période ${agregat.periode ?? 'choisie'}.`}
            </span>
          )
        }
        end={
          <div className="maillage-carte-indicateur">
            {periodes.length > 1 && (
              <Select
                label="Période"
                className={fr.cx('fr-mb-2w')}
                nativeSelectProps={{
                  id: `${id}-periode`,
                  value: periode ?? initial.periode ?? '',
                  onChange: (e) => setPeriode(e.target.value),
                }}
              >
                {[...periodes].reverse().map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </Select>
            )}
            {autre.isFetching && <p role="status">Chargement de la période…</p>}
            {resultat?.valeur.raison && (
              <p className={fr.cx('fr-mb-1w')}>
                <span className={fr.cx('fr-icon-warning-line', 'fr-icon--sm', 'fr-mr-1v')} aria-hidden="true" />
                {resultat.valeur.raison}
              </p>
            )}
            {resultat && <Couverture r={resultat} />}
            {resultat?.origine === 'publiee' && resultat.agregatCommunes && (
              <div className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
                <p className={fr.cx('fr-mb-0')}>
                  <strong>Total publié pour le territoire :</strong> {resultat.valeur.texte} ({resultat.source ?? 'source non précisée'}).{' '}
                  <strong>Somme des communes :</strong> {avecUnite(resultat.agregatCommunes.valeur.texte, indicateur.unite)}
                  {resultat.agregatCommunes.source ? ` (${resultat.agregatCommunes.source})` : ''}.
                </p>
                <Couverture r={{ ...resultat, origine: 'agregee', valeur: resultat.agregatCommunes.valeur }} />
              </div>
            )}
            {resultat && resultat.autresSources.length > 0 && (
              <div className={fr.cx('fr-mb-1w')}>
                <p className={fr.cx('fr-mb-0')}>
                  <span className={fr.cx('fr-icon-error-warning-line', 'fr-icon--sm', 'fr-mr-1v')} aria-hidden="true" />
                  <strong>Les sources divergent</strong> (valeur retenue : {resultat.valeur.texte},{' '}
                  {resultat.source ?? 'source non précisée'}) :
                </p>
                <ul className={fr.cx('fr-mb-0')}>
                  {resultat.autresSources.map((a) => (
                    <li key={a.source}>
                      {avecUnite(a.texte, indicateur.unite)} selon {a.source || 'une source non précisée'}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {resultat && comparaisons.length > 0 && (
              <Comparaisons resultat={resultat} agregat={agregat} nomPerimetre={nomPerimetre} comparable={comparable} />
            )}
            {resultat && comparaisons.length === 0 && (
              <p className={fr.cx('fr-mb-1w')}>Aucune valeur de comparaison (département, région, France) pour cette période.</p>
            )}
            <GraphiqueComparaison agregat={agregat} nomPerimetre={nomPerimetre} comparable={comparable} />
            <GraphiqueSerie agregat={agregat} />
            <p className={fr.cx('fr-mb-1w')}>
              <strong>Source :</strong> {resultat?.source ?? indicateur.source ?? 'non précisée'}
              {tiret && <> — dans ce fichier, « - » signifiait : {tiret}</>}.{' '}
              {resultat?.origine === 'agregee' && (
                <>Méthode : {METHODES_EXPLIQUEES[indicateur.methodeAgregation].libelle.toLowerCase()}. </>
              )}
              {indicateur.standardisation && <>{indicateur.standardisation}. </>}
              <Link to={`/indicateurs/${indicateur.code}`}>Définition de l’indicateur</Link>
            </p>
            {constats.length > 0 && (
              <p className={fr.cx('fr-mb-0')}>
                Cité par {constats.length > 1 ? 'les constats' : 'le constat'} :{' '}
                {constats.map((c, i) => (
                  <span key={c.id}>
                    {i > 0 && ', '}
                    <a href={`#constat-${c.id}`}>{c.intitule}</a>
                  </span>
                ))}
              </p>
            )}
          </div>
        }
      />
    </div>
  );
}

/** Where the figure comes from and what it lacks, as badges. */
function BadgesResultat({ resultat, partiel }: { resultat: ResultatAgregat | null | undefined; partiel: boolean }) {
  const nature = resultat?.valeur.nature;
  return (
    <ul className={fr.cx('fr-badges-group')}>
      {resultat && (
        <li>
          <Badge small noIcon severity={resultat.origine === 'publiee' ? 'info' : 'new'} as="span">
            {libelleOrigine(resultat)}
          </Badge>
        </li>
      )}
      {partiel && (
        <li>
          <Badge small severity="warning" as="span">
            Partiel
          </Badge>
        </li>
      )}
      {nature === 'borne_inferieure' && !partiel && (
        <li>
          <Badge small severity="warning" as="span">
            Borne inférieure
          </Badge>
        </li>
      )}
      {((nature === 'indisponible' && !partiel) || !resultat) && (
        <li>
          <Badge small severity="warning" as="span">
            Non disponible
          </Badge>
        </li>
      )}
    </ul>
  );
}

interface PropsComparaisons {
  resultat: ResultatAgregat;
  agregat: AgregatIndicateur;
  nomPerimetre: string;
  comparable: boolean;
}

/** The perimeter's gap to each comparator (département, région, France). */
function Comparaisons({ resultat, agregat, nomPerimetre, comparable }: PropsComparaisons) {
  const { indicateur, comparaisons } = agregat;
  const partiel = resultat.partiel;
  return (
    <>
      <p className={fr.cx('fr-mb-0', 'fr-mt-1w')}>
        <strong>Comparaisons</strong> (écart de {nomPerimetre} à chacun)
      </p>
      <ul className={fr.cx('fr-mb-1w')}>
        {comparaisons.map((c) => (
          <li key={`${c.territoire.type}-${c.territoire.code}`}>
            {c.territoire.nom} : {avecUnite(c.valeur.texte, indicateur.unite)} — écart :{' '}
            {ecartEnMots(valeurComparee(resultat, c), c, indicateur)}{' '}
            <BadgeSens sens={sensAffiche(c, comparable)} indicatif={c.indicatif} />
          </li>
        ))}
      </ul>
      {comparaisons.some((c) => c.indicatif) && (
        <p className={fr.cx('fr-mb-1w')}>Comparaisons indicatives : faites avec le chiffre partiel, sur les seules communes renseignées.</p>
      )}
      {partiel && !comparaisons.some((c) => c.indicatif) && comparable && (
        <p className={fr.cx('fr-mb-1w')}>
          Pas de comparaison : les communes renseignées ne réunissent pas assez de la population pour que le chiffre partiel soit comparé.
        </p>
      )}
    </>
  );
}
