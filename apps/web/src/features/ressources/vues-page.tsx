import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import type { MissionRessource, PublicRessource } from '@maillage/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { cheminExportVue, type FiltresRessources, useVueRessources, type VueCle } from '../../api/ressources';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';
import { Telechargement } from '../../components/telechargement';
import { useTitrePage } from '../../components/titre-page';
import { CarteRessources } from './carte-ressources';
import { FILTRES_RESSOURCES, FormulaireFiltres, filtresApi } from './filtres-ressources';
import { BadgeStatutRessource, libelleNiveau, libellesPublics, libellesSolliciteurs, useTerritoiresChoisis } from './libelles-ressources';
import { ChoixPublicMission } from './zones-blanches';

const VUES: { tabId: VueCle; label: string; intro: string }[] = [
  {
    tabId: 'public',
    label: 'Par public',
    intro: 'Les ressources rangées par public ou pathologie (une ressource sert parfois plusieurs publics).',
  },
  {
    tabId: 'niveau',
    label: 'Par niveau',
    intro: 'La graduation de l’offre : portes d’entrée, dispositifs de coordination de proximité, effecteurs, coopération territoriale.',
  },
  {
    tabId: 'sollicitant',
    label: 'Qui sollicite ?',
    intro: 'L’entrée pour le public (usager, aidant) et l’entrée pour les professionnels.',
  },
];

/** One view as a table per group, and its exports. */
function Vue({ vue, filtres }: { vue: VueCle; filtres: FiltresRessources }) {
  const donnees = useVueRessources(vue, filtres);
  if (donnees.isPending) return <Chargement libelle="Chargement de la vue…" />;
  if (donnees.error) return <AlerteErreur erreur={donnees.error} as="h3" titre="La vue n’a pas pu être chargée" />;
  const groupes = donnees.data.groupes;
  const libelle = VUES.find((v) => v.tabId === vue)?.label.toLowerCase() ?? vue;
  return (
    <>
      <p>{VUES.find((v) => v.tabId === vue)?.intro}</p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement libelle={`Vue ${libelle}`} details="XLSX – tableur" chemin={cheminExportVue(vue, filtres, 'xlsx')} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement libelle={`Vue ${libelle}`} details="CSV – données ouvertes" chemin={cheminExportVue(vue, filtres, 'csv')} />
        </div>
      </div>
      {groupes.every((g) => g.ressources.length === 0) ? (
        <p>Aucune ressource ne correspond à ces filtres : retirez-en un, ou ajoutez les ressources du territoire au répertoire.</p>
      ) : (
        groupes
          .filter((g) => g.ressources.length > 0)
          .map((g) => (
            <TableauDefilant
              key={g.cle}
              caption={`${g.libelle} (${formaterNombre(g.ressources.length)})`}
              headers={['Ressource', 'Type', 'Organisation', 'Commune', 'Niveau', 'Publics', 'Qui sollicite', 'Statut']}
              data={g.ressources.map((r) => [
                <Link key="r" to={`/ressources/${r.id}`}>
                  {r.nom}
                </Link>,
                r.typeLibelle,
                r.organisationNom,
                r.communeNom ?? '—',
                libelleNiveau(r.niveau),
                libellesPublics(r.publics),
                libellesSolliciteurs(r.sollicitablePar),
                <BadgeStatutRessource key="s" statut={r.statut} />,
              ])}
            />
          ))
      )}
    </>
  );
}

/** /ressources/vues: the three views of seed 004 for a contract's perimeter, a département or a région, their map and exports. */
export default function VuesRessourcesPage() {
  useTitrePage('Vues et carte des ressources');
  const [params, definirParams] = useSearchParams();
  const filtres = useFiltresUrl(FILTRES_RESSOURCES, ['vue']);
  const { valeurs } = filtres;
  const vue = (VUES.find((v) => v.tabId === params.get('vue'))?.tabId ?? 'public') as VueCle;
  const { territoires, nom } = useTerritoiresChoisis(valeurs);
  const [couverture, setCouverture] = useState<{ public: PublicRessource; mission: MissionRessource }>(() => ({
    public: (valeurs.public || 'personnes_agees') as PublicRessource,
    mission: (valeurs.mission || 'information_orientation') as MissionRessource,
  }));
  const api = filtresApi(valeurs, territoires);

  return (
    <>
      <Breadcrumb
        currentPageLabel="Vues et carte"
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Répertoire des ressources', linkProps: { to: '/ressources' } }]}
      />
      <h1>Vues et carte des ressources</h1>
      <p className={fr.cx('fr-text--lead')}>
        La cartographie de l’offre d’un territoire en trois vues — par public, par niveau, qui sollicite —, sa carte et ses zones blanches.
      </p>
      <FormulaireFiltres filtres={filtres} nom="Filtrer les vues" compact />
      {territoires === null ? (
        <Chargement libelle="Chargement du périmètre…" />
      ) : (
        <>
          <h2>Les trois vues{nom ? ` — ${nom}` : ' — tout le répertoire'}</h2>
          <Tabs
            label="Vues de la cartographie"
            selectedTabId={vue}
            onTabChange={(tabId) => {
              const suivants = new URLSearchParams(params);
              suivants.set('vue', tabId);
              definirParams(suivants);
            }}
            tabs={VUES.map((v) => ({ tabId: v.tabId, label: v.label }))}
          >
            <Vue vue={vue} filtres={api} />
          </Tabs>
          <h2 className={fr.cx('fr-mt-6w')}>Carte et zones blanches</h2>
          {territoires ? (
            <>
              <p>
                Pour un public et une mission : combien de ressources actives atteignent chaque commune du {nom}, où elles sont situées, et
                les communes qu’aucune n’atteint.
              </p>
              <ChoixPublicMission publicChoisi={couverture.public} mission={couverture.mission} onChange={setCouverture} />
              <CarteRessources choix={{ territoires, ...couverture }} as="h3" />
            </>
          ) : (
            <p>
              Choisissez le périmètre d’un contrat, un département ou une région dans les filtres pour voir la carte et les zones blanches.
            </p>
          )}
        </>
      )}
    </>
  );
}
