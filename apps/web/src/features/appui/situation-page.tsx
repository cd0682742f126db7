import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { useLocation, useParams, useSearchParams } from 'react-router';
import { type SituationComplete, useMesEquipesAppui, useSituation } from '../../api/appui';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDate } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { AccesParMotif } from './acces-motif';
import './appui.css';
import { ChronologieSituation } from './chronologie';
import { JournalAccesSituation } from './journal-acces';
import { BadgeNiveau, nomPersonne } from './libelles-appui';
import { OngletConcertations } from './onglet-concertations';
import { OngletEvaluation } from './onglet-evaluation';
import { OngletOrientations } from './onglet-orientations';
import { OngletPersonne } from './onglet-personne';
import { OngletPlan } from './onglet-plan';
import { OngletSuivi } from './onglet-suivi';

const ONGLETS = [
  { tabId: 'personne', label: 'Personne et médecin traitant' },
  { tabId: 'evaluation', label: 'Évaluation' },
  { tabId: 'orientations', label: 'Orientations' },
  { tabId: 'plan', label: 'Plan personnalisé' },
  { tabId: 'concertations', label: 'Concertations' },
  { tabId: 'chronologie', label: 'Chronologie' },
  { tabId: 'suivi', label: 'Délais et clôture' },
  { tabId: 'acces', label: 'Journal des accès' },
] as const;
type Onglet = (typeof ONGLETS)[number]['tabId'];

function Contenu({ s, onglet }: { s: SituationComplete; onglet: Onglet }) {
  switch (onglet) {
    case 'personne':
      return <OngletPersonne situation={s} />;
    case 'evaluation':
      return <OngletEvaluation situation={s} />;
    case 'orientations':
      return <OngletOrientations situation={s} />;
    case 'plan':
      return <OngletPlan situation={s} />;
    case 'concertations':
      return <OngletConcertations situation={s} />;
    case 'chronologie':
      return <ChronologieSituation situation={s} />;
    case 'suivi':
      return <OngletSuivi situation={s} />;
    case 'acces':
      return <JournalAccesSituation situationId={s.id} />;
  }
}

/**
 * /appui/situations/:id: a case. Its référent and assigned staff read it whole (each read is logged); another member
 * of the team sees that it exists and may open it by declaring a reason, which the référent sees in the read log.
 */
export default function SituationPage() {
  const { id = '' } = useParams();
  const situation = useSituation(id);
  const { session } = useSession();
  const { mes } = useMesEquipesAppui();
  const [params, definirParams] = useSearchParams();
  const message = (useLocation().state as { message?: string } | null)?.message;
  const s = situation.data;
  const coordinateur = mes.some((e) => e.id === s?.organisationId && e.monRole === 'coordinateur_appui');
  // The read log: the référent and the team's coordinators (the server refuses the others).
  const voitJournal = !!s && (s.referent?.id === session?.utilisateur.id || coordinateur);
  const onglets = ONGLETS.filter((o) => o.tabId !== 'acces' || voitJournal);
  const demande = params.get('onglet');
  const onglet: Onglet = onglets.find((o) => o.tabId === demande)?.tabId ?? 'personne';
  const titre = s
    ? s.acces === 'complet'
      ? `Situation n° ${s.numero} — ${nomPersonne(s.personne)}`
      : `Situation n° ${s.numero}`
    : 'Situation';
  useTitrePage(s ? `${onglets.find((o) => o.tabId === onglet)?.label} — ${titre}` : titre);

  const fil = (
    <Breadcrumb currentPageLabel={titre} homeLinkProps={{ to: '/' }} segments={[{ label: 'Guichet', linkProps: { to: '/appui' } }]} />
  );
  if (situation.isPending)
    return (
      <>
        {fil}
        <Chargement />
      </>
    );
  if (situation.error || !s)
    return (
      <>
        {fil}
        <h1>Situation inaccessible</h1>
        <AlerteErreur erreur={situation.error} />
      </>
    );
  return (
    <>
      {fil}
      {message && <Alert severity="success" small description={message} className={fr.cx('fr-mb-3w')} />}
      <h1>{titre}</h1>
      <ul className={fr.cx('fr-badges-group', 'fr-mb-2w')} aria-label="État de la situation">
        <li>
          <Badge small noIcon severity={s.statut === 'ouverte' ? 'success' : undefined} as="span">
            {s.statut === 'ouverte' ? 'Ouverte' : 'Clôturée'}
          </Badge>
        </li>
        <li>
          <BadgeNiveau niveau={s.niveau} />
        </li>
      </ul>
      <p>
        Ouverte le {formaterDate(s.ouverteLe)}
        {s.closeLe ? `, close le ${formaterDate(s.closeLe)}` : ''} · Référent : {s.referent?.libelle ?? 'à désigner'}
      </p>
      {s.acces === 'existence' ? (
        <AccesParMotif situationId={s.id} />
      ) : (
        <Tabs
          label="Sections de la situation"
          selectedTabId={onglet}
          onTabChange={(tabId) => definirParams(tabId === 'personne' ? {} : { onglet: tabId })}
          tabs={onglets.map((o) => ({ tabId: o.tabId, label: o.label }))}
        >
          <Contenu s={s} onglet={onglet} />
        </Tabs>
      )}
    </>
  );
}
