import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { SegmentedControl } from '@codegouvfr/react-dsfr/SegmentedControl';
import { useQueries } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { requete } from '../../api/client';
import type { DoctrineRegion } from '@maillage/domain/api';
import { useFiches } from '../../api/fiches';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFiltresUrl } from '../../components/filtres-url';
import { ArbreStrategie } from './arbre-strategie';
import { CalendrierFiches } from './calendrier-fiches';
import { FILTRES_FICHES, FiltresFiches } from './filtres-fiches';
import { editionStructure } from '../../components/statuts-contrat';
import { TableauFiches } from './tableau-fiches';

const VUES = { arbre: 'Arborescence', tableau: 'Tableau', calendrier: 'Calendrier' } as const;
type Vue = keyof typeof VUES;

/** The PRS axes listed by the doctrines of the contract's regions, to align each axe on one. */
function useAxesPrs(regions: string[]): string[] {
  const doctrines = useQueries({
    queries: regions.map((code) => ({
      queryKey: ['doctrine', code],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<DoctrineRegion>(`/api/doctrines/${code}`, { signal }),
      staleTime: 300_000,
    })),
  });
  return [...new Set(doctrines.flatMap((d) => d.data?.regles.axesPrs ?? []))];
}

/** Axes → objectifs → fiches as a tree, a filterable table, and a calendar. */
export default function OngletStrategie({ contrat }: { contrat: ContratDetail }) {
  const [params, definirParams] = useSearchParams();
  const vue: Vue = (params.get('vue') as Vue) in VUES ? (params.get('vue') as Vue) : 'arbre';
  const filtres = useFiltresUrl(FILTRES_FICHES, ['onglet', 'vue']);
  const toutes = useFiches(contrat.id);
  const filtre = FILTRES_FICHES.some((f) => f !== 'tri' && filtres.valeurs[f]);
  const filtrees = useFiches(contrat.id, filtres.valeurs);
  const axesPrs = useAxesPrs(contrat.regions);
  const edition = editionStructure(contrat);
  const peutCreerFiche = contrat.droits.creerFiche && edition.possible;

  const segment = (v: Vue) => ({ label: VUES[v], nativeInputProps: { checked: vue === v, onChange: () => changerVue(v), value: v } });
  const changerVue = (v: Vue) => {
    const suivants = new URLSearchParams(params);
    if (v === 'arbre') suivants.delete('vue');
    else suivants.set('vue', v);
    definirParams(suivants);
  };

  return (
    <>
      <div className={fr.cx('fr-mb-2w') + ' maillage-titre-avec-action'}>
        <h2 className={fr.cx('fr-mb-0')}>Stratégie et fiches-action</h2>
        {peutCreerFiche && (
          <Button iconId="fr-icon-add-line" linkProps={{ to: `/contrats/${contrat.id}/fiches/nouvelle` }}>
            Nouvelle fiche
          </Button>
        )}
      </div>
      {edition.raison && <Notice className={fr.cx('fr-mb-3w')} title={edition.raison} />}
      <SegmentedControl
        className={fr.cx('fr-mb-3w')}
        legend="Affichage"
        inlineLegend
        segments={[segment('arbre'), segment('tableau'), segment('calendrier')]}
      />

      {toutes.isPending ? (
        <Chargement />
      ) : toutes.error ? (
        <AlerteErreur erreur={toutes.error} titre="Impossible de charger les fiches-action" />
      ) : (
        <>
          {toutes.data.length === 0 && (
            <EtatVide
              titre="Aucune fiche-action"
              titreAs="h3"
              action={
                peutCreerFiche
                  ? { children: 'Créer la première fiche', linkProps: { to: `/contrats/${contrat.id}/fiches/nouvelle` } }
                  : undefined
              }
            >
              <p>
                Une fiche-action décrit une action du contrat : son pilote, son public, ses objectifs opérationnels, ses étapes, ses
                partenaires, ses indicateurs et son financement. Rattachée à un axe et à un objectif stratégiques, elle reçoit un numéro qui
                ne change plus.
              </p>
            </EtatVide>
          )}
          {vue === 'arbre' && <ArbreStrategie contrat={contrat} fiches={toutes.data} editable={edition.possible} axesPrs={axesPrs} />}
          {vue === 'tableau' && toutes.data.length > 0 && (
            <>
              <FiltresFiches contrat={contrat} toutes={toutes.data} filtres={filtres} />
              {filtrees.isPending ? (
                <Chargement />
              ) : filtrees.error ? (
                <AlerteErreur erreur={filtrees.error} as="h3" titre="Impossible de filtrer les fiches" />
              ) : filtrees.data.length === 0 ? (
                <p role="status">Aucune fiche ne correspond à ces filtres. Retirez un filtre ou changez la recherche.</p>
              ) : (
                <TableauFiches
                  contrat={contrat}
                  fiches={filtrees.data}
                  toutes={toutes.data}
                  filtre={filtre}
                  tri={filtres.valeurs.tri}
                  editable={edition.possible}
                />
              )}
            </>
          )}
          {vue === 'calendrier' && toutes.data.length > 0 && <CalendrierFiches fiches={toutes.data} />}
        </>
      )}
    </>
  );
}
