import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterNombre } from '@maillage/domain';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useValeursPubliees } from '../api/diagnostics';
import { AlerteErreur } from './alerte-erreur';
import { Chargement } from './chargement';
import { avecUnite, libelleTiret, TYPES_TERRITOIRE_VALEUR } from './libelles-indicateurs';
import { TableauDefilant } from './tableau-defilant';

const PAR_PAGE = 50;
const AVEC_PAGE = new Set(['commune', 'epci', 'departement', 'region']);

interface Props {
  /** The indicator's page lists its values by territory; a territory's page lists its values by indicator. */
  indicateur?: { code: string; libelle: string };
  territoire?: { type: string; code: string; nom: string };
  titreAs?: 'h2' | 'h3';
}

/**
 * The stored values exactly as the sources published them: an interval class keeps its brackets ("[856 à 932["), a
 * masked value reads "secret statistique". Nothing here is computed: that is the diagnostic's job.
 */
export function ValeursPubliees({ indicateur, territoire, titreAs: Titre = 'h2' }: Props) {
  const id = useId();
  const [type, setType] = useState('');
  const [decalage, setDecalage] = useState(0);
  const valeurs = useValeursPubliees(
    { indicateur: indicateur?.code, territoire: territoire ? `${territoire.type}:${territoire.code}` : undefined, type: type || undefined },
    PAR_PAGE,
    decalage,
  );
  const d = valeurs.data;
  const classes = d?.valeurs.some((v) => v.valeur.nature === 'intervalle');
  const tirets = [...new Set((d?.valeurs ?? []).map((v) => libelleTiret(v.tiret)).filter(Boolean))];
  const objet = indicateur ? `de l’indicateur « ${indicateur.libelle} »` : `de ${territoire?.nom}`;

  return (
    <section aria-labelledby={`${id}-titre`} className={fr.cx('fr-mt-4w')}>
      <Titre id={`${id}-titre`}>Valeurs publiées</Titre>
      <p className={fr.cx('fr-text--sm')}>
        Les valeurs importées, telles que les sources les publient : une classe d’intervalle est reproduite avec ses crochets (« [856 à 932[
        » : de 856 inclus à 932 exclu), une valeur masquée est signalée « secret statistique ».
      </p>
      {indicateur && (
        <Select
          label="Type de territoire"
          nativeSelectProps={{
            value: type,
            onChange: (e) => {
              setType(e.target.value);
              setDecalage(0);
            },
          }}
        >
          <option value="">Tous</option>
          {Object.entries(TYPES_TERRITOIRE_VALEUR).map(([valeur, libelle]) => (
            <option key={valeur} value={valeur}>
              {libelle}
            </option>
          ))}
        </Select>
      )}
      {valeurs.isPending ? (
        <Chargement libelle="Chargement des valeurs…" />
      ) : valeurs.error ? (
        <AlerteErreur erreur={valeurs.error} as="h3" titre="Les valeurs n’ont pas pu être chargées" />
      ) : !d || d.total === 0 ? (
        <p>Aucune valeur importée {type ? 'pour ce type de territoire' : `pour ${territoire ? 'ce territoire' : 'cet indicateur'}`}.</p>
      ) : (
        <>
          <p role="status" className={fr.cx('fr-text--sm')}>
            {d.total > d.valeurs.length
              ? `Valeurs ${formaterNombre(d.decalage + 1)} à ${formaterNombre(d.decalage + d.valeurs.length)} sur ${formaterNombre(d.total)}.`
              : `${formaterNombre(d.total)} valeur${d.total > 1 ? 's' : ''}.`}
          </p>
          <TableauDefilant
            caption={`Valeurs publiées ${objet}`}
            headers={[indicateur ? 'Territoire' : 'Indicateur', 'Période', 'Valeur publiée', 'Source']}
            data={d.valeurs.map((v) => [
              indicateur ? (
                AVEC_PAGE.has(v.territoire.type) ? (
                  <Link key="t" to={`/territoires/${v.territoire.type}/${v.territoire.code}`}>
                    {v.territoire.nom}
                  </Link>
                ) : (
                  v.territoire.nom
                )
              ) : (
                <Link key="i" to={`/indicateurs/${v.indicateur.code}`}>
                  {v.indicateur.libelle}
                </Link>
              ),
              v.periode,
              avecUnite(v.valeur.texte, v.indicateur.unite),
              v.source ?? '—',
            ])}
          />
          {classes && (
            <p className={fr.cx('fr-text--sm')}>
              Les classes d’intervalle sont publiées ainsi par la source : la valeur exacte n’est pas connue.
            </p>
          )}
          {tirets.length > 0 && (
            <p className={fr.cx('fr-text--sm')}>Dans les fichiers de ces valeurs, « - » signifiait : {tirets.join(', ')}.</p>
          )}
          {d.total > PAR_PAGE && (
            <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm')}>
              <li>
                <Button
                  priority="secondary"
                  size="small"
                  disabled={d.decalage === 0}
                  onClick={() => setDecalage(Math.max(0, d.decalage - PAR_PAGE))}
                >
                  Valeurs précédentes
                </Button>
              </li>
              <li>
                <Button
                  priority="secondary"
                  size="small"
                  disabled={d.decalage + d.valeurs.length >= d.total}
                  onClick={() => setDecalage(d.decalage + PAR_PAGE)}
                >
                  Valeurs suivantes
                </Button>
              </li>
            </ul>
          )}
        </>
      )}
    </section>
  );
}
