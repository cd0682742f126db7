import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { pluriel } from '@maillage/domain';
import { useParams, useSearchParams } from 'react-router';
import { useContrat } from '../../api/contrats';
import { useConsultation } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { peutAjouter } from '../../components/statuts-contrat';
import { useTitrePage } from '../../components/titre-page';
import { ApercuConsultation } from './apercu-consultation';
import { DiffusionConsultation } from './diffusion-consultation';
import { EditeurQuestionnaire } from './editeur-questionnaire';
import { BadgeStatutConsultation, textePeriode } from './libelles-participation';
import { ParametresConsultation } from './parametres-consultation';
import { ResultatsConsultation } from './resultats-consultation';
import './participation.css';

const VUES = [
  { tabId: 'questionnaire', label: 'Questionnaire' },
  { tabId: 'apercu', label: 'Aperçu' },
  { tabId: 'diffusion', label: 'Diffusion' },
  { tabId: 'resultats', label: 'Résultats' },
] as const;
type Vue = (typeof VUES)[number]['tabId'];

/** /consultations/:id — build the questionnaire, preview it, open and spread it, close it, read its results (?vue=…). */
export default function ConsultationPage() {
  const { id = '' } = useParams();
  const [params, definirParams] = useSearchParams();
  const consultation = useConsultation(id);
  const c = consultation.data;
  const contrat = useContrat(c?.contratId ?? '');
  const demande = params.get('vue');
  const vue: Vue = VUES.some((v) => v.tabId === demande) ? (demande as Vue) : c && c.statut !== 'brouillon' ? 'resultats' : 'questionnaire';
  useTitrePage(c ? `${VUES.find((v) => v.tabId === vue)!.label} — ${c.titre}` : 'Consultation');

  const filAriane = (
    <Breadcrumb
      currentPageLabel={c?.titre ?? 'Consultation'}
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(c && contrat.data
          ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${c.contratId}?onglet=participation` } }]
          : []),
      ]}
    />
  );
  if (consultation.isPending)
    return (
      <>
        {filAriane}
        <Chargement libelle="Chargement de la consultation…" />
      </>
    );
  if (consultation.error || !c)
    return (
      <>
        {filAriane}
        <h1>Consultation introuvable</h1>
        <AlerteErreur erreur={consultation.error} />
      </>
    );
  const editable = !!contrat.data && peutAjouter(contrat.data, 'diagnostic');

  return (
    <>
      {filAriane}
      <h1 className={fr.cx('fr-mb-1w')}>{c.titre}</h1>
      <p>
        <BadgeStatutConsultation statut={c.statut} /> · {textePeriode(c.debut, c.fin)} ·{' '}
        {pluriel(c.nombreQuestions, 'question', 'questions', 'f')}
        {c.statut !== 'brouillon' && ` · ${pluriel(c.nombreReponses, 'réponse', 'réponses', 'f')}`}
      </p>
      <Tabs
        label="Étapes de la consultation"
        selectedTabId={vue}
        onTabChange={(tabId) => definirParams({ vue: tabId }, { replace: true })}
        tabs={VUES.map((v) => ({ tabId: v.tabId, label: v.label }))}
      >
        {vue === 'questionnaire' && (
          <>
            <h2 className={fr.cx('fr-sr-only')}>Questionnaire</h2>
            {editable && c.statut !== 'close' && <ParametresConsultation key={c.version} consultation={c} />}
            {editable && c.modifiable ? (
              <>
                <h3>Questions</h3>
                <EditeurQuestionnaire key={c.id} consultation={c} />
              </>
            ) : (
              <>
                <p>
                  {c.modifiable
                    ? 'Seule la coordination du contrat compose le questionnaire.'
                    : 'Le questionnaire ne change plus depuis l’ouverture : les réponses portent sur lui.'}
                </p>
                <ApercuConsultation id={c.id} />
              </>
            )}
          </>
        )}
        {vue === 'apercu' && (
          <>
            <h2 className={fr.cx('fr-sr-only')}>Aperçu</h2>
            <p>
              <a href={`${c.lienPublic}?apercu`} target="_blank" rel="noreferrer">
                Voir la page publique en aperçu (nouvelle fenêtre)
              </a>
            </p>
            <ApercuConsultation id={c.id} />
          </>
        )}
        {vue === 'diffusion' && (
          <>
            <h2 className={fr.cx('fr-sr-only')}>Diffusion</h2>
            <DiffusionConsultation consultation={c} editable={editable} />
          </>
        )}
        {vue === 'resultats' && (
          <>
            <h2>Résultats</h2>
            {c.statut === 'brouillon' ? (
              <p>La consultation n’est pas encore ouverte : aucune réponse.</p>
            ) : (
              <ResultatsConsultation consultation={c} editable={editable} />
            )}
          </>
        )}
      </Tabs>
    </>
  );
}
