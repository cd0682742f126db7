import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { lazy, Suspense } from 'react';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useContrat } from '../../api/contrats';
import { useRegions } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { useTitrePage } from '../../components/titre-page';
import { CycleContrat } from '../../features/contrats/cycle-contrat';
import { EnTeteContrat } from '../../features/contrats/en-tete-contrat';
import { OngletSynthese } from '../../features/contrats/onglet-synthese';
import { AlertesContrat, GouvernanceSynthese } from '../../features/gouvernance/alertes-contrat';
import { AvancementSynthese } from '../../features/suivi/avancement-contrat';

const OngletDiagnostic = lazy(() => import('../../features/diagnostics/onglet-diagnostic'));
const ZonesBlanchesContrat = lazy(() => import('../../features/ressources/zones-blanches-contrat'));
const OngletStrategie = lazy(() => import('../../features/contrats/onglet-strategie'));
const OngletParticipation = lazy(() => import('../../features/participation/onglet-participation'));
const OngletGouvernance = lazy(() => import('../../features/gouvernance/onglet-gouvernance'));
const OngletParcours = lazy(() => import('../../features/parcours/onglet-parcours'));
const OngletFinancements = lazy(() => import('../../features/financements/onglet-financements'));
const OngletSuivi = lazy(() => import('../../features/suivi/onglet-suivi'));
const OngletParties = lazy(() => import('../../features/contrats/onglet-parties'));
const OngletAcces = lazy(() => import('../../features/contrats/onglet-acces'));
const OngletDocuments = lazy(() => import('../../features/contrats/onglet-documents'));
const OngletAvenants = lazy(() => import('../../features/contrats/onglet-avenants'));
const OngletHistorique = lazy(() => import('../../features/contrats/onglet-historique'));

export const ONGLETS = [
  { tabId: 'synthese', label: 'Synthèse' },
  { tabId: 'diagnostic', label: 'Territoire et diagnostic' },
  { tabId: 'strategie', label: 'Stratégie et fiches' },
  { tabId: 'parcours', label: 'Parcours' },
  { tabId: 'participation', label: 'Participation' },
  { tabId: 'gouvernance', label: 'Gouvernance' },
  { tabId: 'financements', label: 'Financements' },
  { tabId: 'suivi', label: 'Suivi et évaluation' },
  { tabId: 'parties', label: 'Parties' },
  { tabId: 'acces', label: 'Personnes et accès' },
  { tabId: 'documents', label: 'Documents' },
  { tabId: 'avenants', label: 'Avenants' },
  { tabId: 'historique', label: 'Historique' },
] as const;
export type Onglet = (typeof ONGLETS)[number]['tabId'];

/**
 * The contract page: header, life cycle, doctrine warnings, and its tabs (?onglet=…, shareable). It assembles the tabs
 * of several features, so it lives in app/ (features share only through components/, api/ and the domain).
 */
export default function ContratPage() {
  const { id = '' } = useParams();
  const contrat = useContrat(id);
  const regions = useRegions();
  const [params, definirParams] = useSearchParams();
  const { state } = useLocation() as { state: { message?: string } | null };
  const demande = params.get('onglet');
  // The people of a contract are shown to those who hold a role in it and to its ARS.
  const onglets = ONGLETS.filter((o) => o.tabId !== 'acces' || contrat.data?.droits.voirAcces);
  const onglet: Onglet = onglets.some((o) => o.tabId === demande) ? (demande as Onglet) : 'synthese';
  const libelleOnglet = ONGLETS.find((o) => o.tabId === onglet)!.label;
  useTitrePage(contrat.data ? `${libelleOnglet} — ${contrat.data.intitule}` : 'Contrat');

  const filAriane = (
    <Breadcrumb
      currentPageLabel={contrat.data?.intitule ?? 'Contrat'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Contrats', linkProps: { to: '/contrats' } }]}
    />
  );
  if (contrat.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (contrat.error) {
    return (
      <>
        {filAriane}
        <h1>Contrat introuvable</h1>
        <AlerteErreur erreur={contrat.error} />
      </>
    );
  }
  const c = contrat.data;
  const nomRegion = (code: string) => regions.data?.find((r) => r.code === code)?.nom ?? `région ${code}`;

  return (
    <>
      {filAriane}
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <EnTeteContrat contrat={c} />
      <CycleContrat contrat={c} />
      {c.ecartsDoctrine.length > 0 && (
        <Alert
          severity="warning"
          as="h2"
          className={fr.cx('fr-mb-4w')}
          title="Écarts à la doctrine régionale"
          description={
            <>
              <ul className={fr.cx('fr-mb-1w')}>
                {c.ecartsDoctrine.map((e) => (
                  <li key={`${e.region}-${e.regle}`}>
                    {c.regions.length > 1 ? `${nomRegion(e.region)} : ` : ''}
                    {e.message}
                  </li>
                ))}
              </ul>
              <span className={fr.cx('fr-text--sm')}>
                Ces écarts sont signalés pour information : ils n’empêchent aucune étape du contrat.
              </span>
            </>
          }
        />
      )}
      <Tabs
        label="Sections du contrat"
        selectedTabId={onglet}
        onTabChange={(tabId) => definirParams(tabId === 'synthese' ? {} : { onglet: tabId })}
        tabs={onglets.map((o) => ({ tabId: o.tabId, label: o.label }))}
      >
        <Suspense fallback={<Chargement />}>
          {onglet === 'synthese' && (
            <OngletSynthese
              contrat={c}
              alertes={<AlertesContrat contratId={c.id} />}
              gouvernance={<GouvernanceSynthese contrat={c} />}
              avancement={<AvancementSynthese contratId={c.id} />}
            />
          )}
          {onglet === 'diagnostic' && <OngletDiagnostic contrat={c} zonesBlanches={<ZonesBlanchesContrat contrat={c} />} />}
          {onglet === 'strategie' && <OngletStrategie contrat={c} />}
          {onglet === 'parcours' && <OngletParcours contrat={c} />}
          {onglet === 'participation' && <OngletParticipation contrat={c} />}
          {onglet === 'gouvernance' && <OngletGouvernance contrat={c} />}
          {onglet === 'financements' && <OngletFinancements contrat={c} />}
          {onglet === 'suivi' && <OngletSuivi contrat={c} />}
          {onglet === 'parties' && <OngletParties contrat={c} />}
          {onglet === 'acces' && <OngletAcces contrat={c} />}
          {onglet === 'documents' && <OngletDocuments contrat={c} />}
          {onglet === 'avenants' && <OngletAvenants contrat={c} />}
          {onglet === 'historique' && <OngletHistorique contrat={c} />}
        </Suspense>
      </Tabs>
    </>
  );
}
