import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { peutRecevoir } from '@maillage/domain';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { useContrat } from '../../api/contrats';
import { useParcours } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { useTitrePage } from '../../components/titre-page';
import { EditeurEtapes } from './editeur-etapes';
import { EnTeteParcours } from './en-tete-parcours';
import { GrilleCooperationParcours } from './grille-cooperation';
import { RupturesParcours } from './ruptures-parcours';
import { VueEnsembleParcours } from './vue-ensemble';

const ONGLETS = [
  { tabId: 'ensemble', label: 'Vue d’ensemble' },
  { tabId: 'etapes', label: 'Étapes, ressources et fiches' },
  { tabId: 'ruptures', label: 'Ruptures' },
  { tabId: 'grille', label: 'Grille de coopération' },
] as const;
type Onglet = (typeof ONGLETS)[number]['tabId'];

/** A parcours de santé: at a glance, its step editor, its ruptures and its grille de coopération locale (?onglet=…). */
export default function ParcoursPage() {
  const { id = '' } = useParams();
  const parcours = useParcours(id);
  const contrat = useContrat(parcours.data?.contratId);
  const [params, definirParams] = useSearchParams();
  const { state } = useLocation() as { state: { message?: string } | null };
  const demande = params.get('onglet');
  const onglet: Onglet = ONGLETS.some((o) => o.tabId === demande) ? (demande as Onglet) : 'ensemble';
  const libelleOnglet = ONGLETS.find((o) => o.tabId === onglet)!.label;
  useTitrePage(parcours.data ? `${libelleOnglet} — Parcours « ${parcours.data.titre} »` : 'Parcours');

  const segments = [{ label: 'Contrats', linkProps: { to: '/contrats' } }];
  if (contrat.data) segments.push({ label: contrat.data.intitule, linkProps: { to: `/contrats/${contrat.data.id}?onglet=parcours` } });
  const filAriane = <Breadcrumb currentPageLabel={parcours.data?.titre ?? 'Parcours'} homeLinkProps={{ to: '/' }} segments={segments} />;
  if (parcours.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (parcours.error)
    return (
      <>
        {filAriane}
        <h1>Parcours introuvable</h1>
        <AlerteErreur erreur={parcours.error} />
      </>
    );
  // A closed contract keeps its parcours as they are; only its ruptures may still change status (decision 0028).
  const decision = contrat.data
    ? peutRecevoir({ statut: contrat.data.statut, periodeFin: contrat.data.periode?.fin ?? null }, 'parcours')
    : { ok: true as const };
  const p = { ...parcours.data, modifiable: parcours.data.modifiable && decision.ok };

  return (
    <>
      {filAriane}
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <EnTeteParcours parcours={p} contratIntitule={contrat.data?.intitule} />
      {!decision.ok && parcours.data.modifiable && (
        <Notice className={fr.cx('fr-mb-3w')} title={`${decision.raison} Les ruptures peuvent encore changer de statut.`} />
      )}
      <Tabs
        label="Sections du parcours"
        selectedTabId={onglet}
        onTabChange={(tabId) => definirParams(tabId === 'ensemble' ? {} : { onglet: tabId })}
        tabs={ONGLETS.map((o) => ({ tabId: o.tabId, label: o.label }))}
      >
        {onglet === 'ensemble' && <VueEnsembleParcours parcours={p} />}
        {onglet === 'etapes' && <EditeurEtapes parcours={p} />}
        {onglet === 'ruptures' && <RupturesParcours parcours={p} statutModifiable={parcours.data.modifiable} />}
        {onglet === 'grille' && <GrilleCooperationParcours parcours={p} />}
      </Tabs>
    </>
  );
}
