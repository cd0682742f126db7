import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import { formaterPeriode, LIBELLES_STATUT_FICHE, PUBLICS, STATUTS_FICHE, THEMATIQUES } from '@maillage/domain';
import { Fragment, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { ResultatBibliotheque, Segment } from '@maillage/domain/api';
import { useBibliotheque, useDestinations } from '../../api/bibliotheque';
import { useRegions } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { FiltreListe } from '../../components/filtre-liste';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';
import { useTitrePage } from '../../components/titre-page';
import { BadgeStatutContrat, BadgeStatutFiche, libelleGeneration } from '../../components/statuts-contrat';
import '../../components/styles/portefeuille.css';
import { ModaleReprise, ouvrirReprise } from './modale-reprise';

const FILTRES = ['q', 'thematique', 'statut', 'region', 'public'] as const;

/** Text with the words found set in <mark>: segments come from the server as plain text, never as HTML. */
function Surligne({ segments }: { segments: Segment[] }) {
  return (
    <>
      {segments.map((s, i) =>
        s.surligne ? (
          <mark key={i} className="maillage-surligne">
            {s.texte}
          </mark>
        ) : (
          <Fragment key={i}>{s.texte}</Fragment>
        ),
      )}
    </>
  );
}

function Resultat({ r, peutReprendre, onReprendre }: { r: ResultatBibliotheque; peutReprendre: boolean; onReprendre: () => void }) {
  const extrait = r.extrait.length > 0;
  return (
    <li className={fr.cx('fr-py-3w') + ' maillage-resultat'}>
      <h2 className={fr.cx('fr-h5', 'fr-mb-1w')}>
        <Link to={`/fiches/${r.id}`}>
          Fiche {r.numero} : <Surligne segments={r.intituleSurligne} />
        </Link>
      </h2>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <BadgeStatutFiche statut={r.statut} /> Contrat : <Link to={`/contrats/${r.contrat.id}`}>{r.contrat.intitule}</Link>{' '}
        <BadgeStatutContrat statut={r.contrat.statut} /> — {libelleGeneration(r.contrat.generation)},{' '}
        {r.contrat.periode.debut || r.contrat.periode.fin
          ? formaterPeriode(r.contrat.periode.debut, r.contrat.periode.fin)
          : 'période non renseignée'}{' '}
        — départements {r.contrat.departements.join(', ') || 'non renseignés'}, {formaterNombre(r.contrat.population)} habitants
      </p>
      {extrait && (
        <p className={fr.cx('fr-mb-1w')}>
          <Surligne segments={r.extrait} />
        </p>
      )}
      {(r.thematiques.length > 0 || r.publics.length > 0) && (
        <ul className={fr.cx('fr-tags-group', 'fr-mb-1w')} aria-label={`Thématiques et publics de la fiche ${r.numero}`}>
          {[...r.thematiques, ...r.publics].map((t) => (
            <li key={t.code}>
              <Tag small>{t.libelle}</Tag>
            </li>
          ))}
        </ul>
      )}
      {peutReprendre && (
        <Button
          size="small"
          priority="secondary"
          iconId="fr-icon-file-add-line"
          onClick={onReprendre}
          nativeButtonProps={{ 'aria-label': `Reprendre la fiche « ${r.intitule} »` }}
        >
          Reprendre cette fiche
        </Button>
      )}
    </li>
  );
}

/**
 * /bibliotheque: every fiche of every contract the user may read, searched in French (stemming: "vaccin" finds
 * "vaccination"), filtered, and reusable in one of the user's contracts.
 */
export default function BibliothequePage() {
  useTitrePage('Bibliothèque d’actions');
  const { valeurs, champ, soumettre, appliquer } = useFiltresUrl(FILTRES);
  const page = usePageUrl();
  const recherche = useBibliotheque({ ...valeurs, page });
  const destinations = useDestinations();
  const regions = useRegions();
  const [choisie, setChoisie] = useState<ResultatBibliotheque | null>(null);
  const [reprise, setReprise] = useState<{ id: string; numero: number; contratIntitule: string; source: ResultatBibliotheque } | null>(
    null,
  );
  const succes = useRef<HTMLDivElement>(null);
  const filtre = FILTRES.some((f) => valeurs[f]);
  const peutReprendre = (destinations.data?.length ?? 0) > 0;

  // After a copy, the confirmation (and its link to the new fiche) takes the focus.
  useEffect(() => {
    if (reprise) succes.current?.focus();
  }, [reprise]);

  return (
    <>
      <h1>Bibliothèque d’actions</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les fiches-action de tous les contrats que vous pouvez consulter : cherchez une action menée ailleurs, lisez-la, et reprenez-la
        comme point de départ dans votre contrat.
      </p>

      <form onSubmit={soumettre} role="search" aria-label="Rechercher dans les fiches-action" className={fr.cx('fr-mb-4w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <Input
              label="Rechercher une action"
              hintText="Des mots de l’intitulé, de la description ou des objectifs : « vaccination », « santé mentale jeunes »…"
              nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 200 }}
            />
          </div>
          <FiltreListe
            label="Thématique"
            champ={champ('thematique')}
            tous="Toutes"
            options={THEMATIQUES.map((t) => ({ valeur: t.code, libelle: t.libelle }))}
          />
          <FiltreListe
            label="Statut de la fiche"
            champ={champ('statut')}
            tous="Tous"
            options={STATUTS_FICHE.map((s) => ({ valeur: s, libelle: LIBELLES_STATUT_FICHE[s] }))}
          />
          <FiltreListe
            label="Région du contrat"
            champ={champ('region')}
            tous="Toutes"
            options={regions.data?.map((r) => ({ valeur: r.code, libelle: r.nom }))}
          />
          <FiltreListe
            label="Public visé"
            champ={champ('public')}
            tous="Tous"
            options={PUBLICS.map((p) => ({ valeur: p.code, libelle: p.libelle }))}
          />
        </div>
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline', 'fr-btns-group--icon-left', 'fr-mt-2w')}>
          <li>
            <Button type="submit" iconId="fr-icon-search-line">
              Rechercher
            </Button>
          </li>
          {filtre && (
            <li>
              <Button type="button" priority="secondary" onClick={() => appliquer({})}>
                Effacer la recherche
              </Button>
            </li>
          )}
        </ul>
      </form>

      {reprise && (
        <div ref={succes} tabIndex={-1} className={fr.cx('fr-mb-3w')}>
          <Alert
            severity="success"
            as="h2"
            title="Fiche reprise"
            closable
            onClose={() => setReprise(null)}
            description={
              <>
                « {reprise.source.intitule} » est copiée comme brouillon, fiche n° {reprise.numero} du contrat « {reprise.contratIntitule}{' '}
                ». <Link to={`/fiches/${reprise.id}`}>Ouvrir la fiche n° {reprise.numero}</Link> pour définir ses pilotes, dates et
                financements.
              </>
            }
          />
        </div>
      )}

      {recherche.isPending ? (
        <Chargement libelle="Recherche…" />
      ) : recherche.error ? (
        <AlerteErreur erreur={recherche.error} titre="La recherche n’a pas abouti" />
      ) : (
        <section aria-labelledby="resultats">
          <p id="resultats" role="status" className={fr.cx('fr-text--bold')}>
            {recherche.data.total === 0
              ? filtre
                ? 'Aucune fiche ne correspond : essayez un autre mot, ou retirez un filtre.'
                : 'Aucune fiche-action dans les contrats que vous pouvez consulter.'
              : `${formaterNombre(recherche.data.total)} fiche${recherche.data.total > 1 ? 's' : ''} trouvée${recherche.data.total > 1 ? 's' : ''}${valeurs.q ? ', les plus pertinentes d’abord' : ''}.`}
          </p>
          {recherche.data.resultats.length > 0 && (
            <ul className="maillage-liste-sans-puce">
              {recherche.data.resultats.map((r) => (
                <Resultat
                  key={r.id}
                  r={r}
                  peutReprendre={peutReprendre}
                  onReprendre={() => {
                    setChoisie(r);
                    ouvrirReprise();
                  }}
                />
              ))}
            </ul>
          )}
          <PaginationUrl total={recherche.data.total} parPage={recherche.data.parPage} />
        </section>
      )}
      <ModaleReprise fiche={choisie} onReprise={setReprise} />
    </>
  );
}
