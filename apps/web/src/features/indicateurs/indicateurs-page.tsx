import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { can, FAMILLES_INDICATEUR, formaterNombre, normaliser, pluriel, type MethodeAgregation, type Polarite } from '@maillage/domain';
import { Link, useLocation } from 'react-router';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useIndicateurs } from '../../api/indicateurs';
import type { Indicateur } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFiltresUrl } from '../../components/filtres-url';
import { useTitrePage } from '../../components/titre-page';
import { METHODES_COURTES, METHODES_EXPLIQUEES, POLARITES_COURTES, POLARITES_EXPLIQUEES } from '../../components/libelles-indicateurs';
import { TableauDefilant } from '../../components/tableau-defilant';

const FILTRES = ['q', 'famille', 'polarite', 'methode'] as const;

function filtrer(liste: Indicateur[], f: Record<(typeof FILTRES)[number], string>) {
  const q = normaliser(f.q);
  return liste.filter(
    (i) =>
      (!q || normaliser(`${i.code} ${i.libelle} ${i.source ?? ''}`).includes(q)) &&
      (!f.famille || i.famille === f.famille) &&
      (!f.polarite || i.polarite === f.polarite) &&
      (!f.methode || i.methodeAgregation === f.methode),
  );
}

/** The indicator catalogue, grouped by famille; the data roles create indicators and import values and contours. */
export default function IndicateursPage() {
  useTitrePage('Indicateurs');
  const indicateurs = useIndicateurs();
  const { sujet } = useSession();
  const { state } = useLocation() as { state: { message?: string } | null };
  const gestion = can(sujet, 'creer', { type: 'catalogue' });
  const filtres = useFiltresUrl(FILTRES);
  const resultats = indicateurs.data ? filtrer(indicateurs.data, filtres.valeurs) : [];

  return (
    <>
      <Breadcrumb currentPageLabel="Indicateurs" homeLinkProps={{ to: '/' }} segments={[]} />
      <div className="maillage-titre-avec-action">
        <h1>Indicateurs</h1>
        {gestion && (
          <Button iconId="fr-icon-add-line" linkProps={{ to: '/indicateurs/nouveau' }}>
            Nouvel indicateur
          </Button>
        )}
      </div>
      <p className={fr.cx('fr-text--lead')}>
        Le catalogue des indicateurs des diagnostics locaux de santé : leur définition, leur source, leur polarité et la façon de les
        calculer sur le périmètre d’un contrat.
      </p>
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      {gestion && (
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left', 'fr-mb-3w')}>
          <li>
            <Button priority="secondary" iconId="fr-icon-upload-line" linkProps={{ to: '/indicateurs/import-valeurs' }}>
              Importer des valeurs
            </Button>
          </li>
          <li>
            <Button priority="secondary" iconId="fr-icon-map-pin-2-line" linkProps={{ to: '/indicateurs/import-contours' }}>
              Importer des contours
            </Button>
          </li>
          <li>
            <Button priority="tertiary" iconId="fr-icon-bar-chart-box-line" linkProps={{ to: '/vulnerabilite' }}>
              Vulnérabilité des territoires
            </Button>
          </li>
        </ul>
      )}

      <form onSubmit={filtres.soumettre} className={fr.cx('fr-mb-4w')} aria-label="Filtrer le catalogue">
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Input label="Rechercher" hintText="Code, libellé ou source" nativeInputProps={{ ...filtres.champ('q'), type: 'search' }} />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
            <Select label="Famille" nativeSelectProps={filtres.champ('famille')}>
              <option value="">Toutes</option>
              {FAMILLES_INDICATEUR.map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
            <Select label="Polarité" nativeSelectProps={filtres.champ('polarite')}>
              <option value="">Toutes</option>
              {(Object.keys(POLARITES_EXPLIQUEES) as Polarite[]).map((p) => (
                <option key={p} value={p}>
                  {POLARITES_COURTES[p]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
            <Select label="Agrégation" nativeSelectProps={filtres.champ('methode')}>
              <option value="">Toutes</option>
              {(Object.keys(METHODES_EXPLIQUEES) as MethodeAgregation[]).map((m) => (
                <option key={m} value={m}>
                  {METHODES_COURTES[m]}
                </option>
              ))}
            </Select>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-2')}>
            <Button type="submit" iconId="fr-icon-filter-line">
              Filtrer
            </Button>
          </div>
        </div>
      </form>

      {indicateurs.isPending ? (
        <Chargement />
      ) : indicateurs.error ? (
        <AlerteErreur erreur={indicateurs.error} titre="Impossible de charger le catalogue" />
      ) : indicateurs.data.length === 0 ? (
        <EtatVide
          titre="Le catalogue est vide"
          action={gestion ? { children: 'Créer le premier indicateur', linkProps: { to: '/indicateurs/nouveau' } } : undefined}
        >
          <p>
            Un indicateur décrit une mesure du territoire (densité de médecins, taux de pauvreté, mortalité…) : sa source, son unité, sa
            polarité et sa méthode de calcul. Ses valeurs s’importent ensuite par fichier et nourrissent les diagnostics de tous les
            contrats.
          </p>
        </EtatVide>
      ) : (
        <>
          <p role="status">
            {resultats.length === indicateurs.data.length
              ? `${formaterNombre(resultats.length)} indicateurs au catalogue.`
              : `${pluriel(resultats.length, 'indicateur')} sur ${formaterNombre(indicateurs.data.length)} ${resultats.length > 1 ? 'correspondent' : 'correspond'} aux filtres.`}
          </p>
          {resultats.length === 0 && <p>Aucun indicateur ne correspond à ces filtres : retirez un filtre ou changez la recherche.</p>}
          {FAMILLES_INDICATEUR.map((famille) => {
            const liste = resultats.filter((i) => i.famille === famille);
            if (!liste.length) return null;
            return (
              <section key={famille} aria-labelledby={`famille-${normaliser(famille).replace(/\W+/g, '-')}`}>
                <h2 id={`famille-${normaliser(famille).replace(/\W+/g, '-')}`} className={fr.cx('fr-h4')}>
                  {famille} ({formaterNombre(liste.length)})
                </h2>
                <TableauDefilant
                  noCaption
                  caption={`${famille} : ${formaterNombre(liste.length)} indicateur${liste.length > 1 ? 's' : ''}`}
                  headers={['Indicateur', 'Unité', 'Polarité', 'Agrégation', 'Source', 'Valeurs']}
                  data={liste.map((i) => [
                    <>
                      <Link to={`/indicateurs/${i.code}`}>{i.libelle}</Link>
                      <br />
                      <span className={fr.cx('fr-text--xs')}>{i.code}</span>
                    </>,
                    i.unite,
                    POLARITES_COURTES[i.polarite],
                    METHODES_COURTES[i.methodeAgregation],
                    [i.source, i.millesime].filter(Boolean).join(', ') || '—',
                    formaterNombre(i.nombreValeurs ?? 0),
                  ])}
                />
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
