import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { libellePeriodeSuivi } from '@maillage/domain';
import { useParams, useSearchParams } from 'react-router';
import { useCampagne, useSaisieCampagne } from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDateHeure } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { formaterDateDuJour } from './libelles-suivi';
import { SaisieCampagneFiches } from './saisie-campagne';
import { TableauCampagneVue } from './tableau-campagne';
import './suivi.css';

const joursAvant = (echeance: string) => Math.round((new Date(`${echeance}T12:00:00`).getTime() - Date.now()) / 86_400_000);

/**
 * /campagnes/:id — the link of the pilotes' e-mail. A pilote sees the form of its fiches; the coordination (and the
 * validators) the completion dashboard, with the form of every fiche in a second tab.
 */
export default function CampagnePage() {
  const { id = '' } = useParams();
  const [params, definirParams] = useSearchParams();
  const tableau = useCampagne(id);
  const saisie = useSaisieCampagne(id);
  const t = tableau.data;
  useTitrePage(t ? `Campagne de suivi ${libellePeriodeSuivi(t.periode)} — ${t.contrat.intitule}` : 'Campagne de suivi');

  const filAriane = (
    <Breadcrumb
      currentPageLabel={t ? `Campagne ${libellePeriodeSuivi(t.periode)}` : 'Campagne de suivi'}
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(t ? [{ label: t.contrat.intitule, linkProps: { to: `/contrats/${t.contrat.id}?onglet=suivi` } }] : []),
      ]}
    />
  );
  if (tableau.isPending || saisie.isPending)
    return (
      <>
        {filAriane}
        <Chargement libelle="Chargement de la campagne…" />
      </>
    );
  if (tableau.error || !t) {
    return (
      <>
        {filAriane}
        <h1>Campagne introuvable</h1>
        <AlerteErreur erreur={tableau.error} />
      </>
    );
  }
  const s = saisie.data;
  const aSaisir = (s?.fiches ?? []).filter((f) => f.droits.saisir).length;
  const valideur = (s?.fiches ?? []).some((f) => f.droits.valider);
  const vueGestion = t.peutGerer || valideur || aSaisir === 0;
  const ouverte = t.etat === 'ouverte';
  const jours = joursAvant(t.echeance);
  const vue = params.get('vue') === 'saisie' && aSaisir > 0 ? 'saisie' : 'tableau';

  const formulaire = s ? (
    <SaisieCampagneFiches campagne={s} titre={vueGestion ? 'Fiches à renseigner' : 'Vos fiches à renseigner'} />
  ) : (
    <AlerteErreur erreur={saisie.error} titre="Impossible de charger vos fiches" />
  );

  return (
    <div className="maillage-suivi">
      {filAriane}
      <h1 className={fr.cx('fr-mb-1w')}>Campagne de suivi {libellePeriodeSuivi(t.periode)}</h1>
      <p className={fr.cx('fr-text--lead', 'fr-mb-1w')}>{t.contrat.intitule}</p>
      <p>
        {ouverte ? (
          <Badge severity="info" small as="span">
            Ouverte
          </Badge>
        ) : (
          <Badge noIcon small as="span">
            Close
          </Badge>
        )}{' '}
        À renseigner avant le <strong>{formaterDateDuJour(t.echeance)}</strong>
        {ouverte &&
          (jours > 1 ? ` (dans ${jours} jours)` : jours === 1 ? ' (demain)' : jours === 0 ? ' (aujourd’hui)' : ' (échéance passée)')}
        . Ouverte par {t.ouvertePar} le {formaterDateHeure(t.ouverteLe)}
        {t.closeLe ? `, close le ${formaterDateHeure(t.closeLe)}` : ''}.
      </p>
      {t.message && (
        <div className={fr.cx('fr-callout', 'fr-mb-4w')}>
          <p className={fr.cx('fr-callout__title', 'fr-h6')}>Le mot de la coordination</p>
          <p className={fr.cx('fr-callout__text', 'fr-text--md') + ' maillage-texte-long'}>{t.message}</p>
        </div>
      )}
      {!vueGestion ? (
        formulaire
      ) : aSaisir > 0 ? (
        <Tabs
          label="Vues de la campagne"
          selectedTabId={vue}
          onTabChange={(tabId) => definirParams(tabId === 'saisie' ? { vue: 'saisie' } : {})}
          tabs={[
            { tabId: 'tableau', label: 'Tableau de bord' },
            { tabId: 'saisie', label: `Saisie des fiches (${aSaisir})` },
          ]}
        >
          {vue === 'tableau' ? <TableauCampagneVue tableau={t} saisie={s} /> : formulaire}
        </Tabs>
      ) : (
        <TableauCampagneVue tableau={t} saisie={s} />
      )}
    </div>
  );
}
