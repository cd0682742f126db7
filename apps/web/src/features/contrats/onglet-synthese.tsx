import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMontant, STATUTS_FICHE } from '@maillage/domain';
import type { ReactNode } from 'react';
import { useFiches } from '../../api/fiches';
import type { ContratDetail, Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre } from '../../components/format';
import { BadgeStatutFiche } from '../../components/statuts-contrat';
import { Chiffre } from '../../components/chiffre';

const pourcentage = (n: number, total: number) => (total ? `${formaterNombre(Math.round((n / total) * 100))} %` : '—');
const total = (fiches: Fiche[]) => fiches.reduce((s, f) => s + f.totalFinancementCentimes, 0);

interface Props {
  contrat: ContratDetail;
  /** The sections other features own (alerts, séances and decisions, progress), placed by the page that assembles them. */
  alertes: ReactNode;
  gouvernance: ReactNode;
  avancement: ReactNode;
}

/** Key figures, progress of the fiches by statut, and the axes with their fiches. */
export function OngletSynthese({ contrat, alertes, gouvernance, avancement }: Props) {
  const fiches = useFiches(contrat.id);
  if (fiches.isPending) return <Chargement />;
  if (fiches.error) return <AlerteErreur erreur={fiches.error} titre="Impossible de charger les fiches-action" />;
  const liste = fiches.data;
  const realisees = liste.filter((f) => f.statut === 'realisee').length;

  if (liste.length === 0 && contrat.axes.length === 0) {
    return (
      <>
        {alertes}
        <EtatVide
          titre="Ce contrat n’a encore ni axe ni fiche-action"
          action={{ children: 'Définir la stratégie', linkProps: { to: `/contrats/${contrat.id}?onglet=strategie` } }}
        >
          <p>
            La stratégie d’un contrat part des priorités du diagnostic : des axes stratégiques (2 à 6, alignés sur le projet régional de
            santé), déclinés en objectifs, puis en fiches-action écrites par les groupes de travail. La synthèse montrera ici l’avancement
            des fiches et leurs financements.
          </p>
        </EtatVide>
        {gouvernance}
      </>
    );
  }

  return (
    <>
      {alertes}
      <h2>Chiffres clés</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-4w')}>
        <Chiffre valeur={formaterNombre(liste.length)} libelle={liste.length > 1 ? 'fiches-action' : 'fiche-action'} />
        <Chiffre valeur={pourcentage(realisees, liste.length)} libelle="des fiches réalisées" />
        <Chiffre valeur={formaterNombre(contrat.axes.length)} libelle={contrat.axes.length > 1 ? 'axes stratégiques' : 'axe stratégique'} />
        <Chiffre valeur={formaterMontant(total(liste))} libelle="de financements inscrits" />
      </div>

      <h2>Avancement des fiches-action</h2>
      <Table
        caption="Fiches-action par statut"
        headers={['Statut', 'Fiches', 'Part']}
        data={STATUTS_FICHE.map((s) => {
          const n = liste.filter((f) => f.statut === s).length;
          return [<BadgeStatutFiche key="b" statut={s} />, formaterNombre(n), pourcentage(n, liste.length)];
        })}
      />

      {avancement}

      <h2>Axes stratégiques</h2>
      {contrat.axes.length === 0 ? (
        <p>
          Aucun axe stratégique : les {formaterNombre(liste.length)} fiches ne sont rattachées à aucun axe. Définissez les axes dans
          l’onglet « Stratégie et fiches ».
        </p>
      ) : (
        <Table
          caption="Fiches-action et financements par axe"
          headers={['Axe', 'Objectifs', 'Fiches', 'Réalisées', 'Financements']}
          data={[
            ...contrat.axes.map((a) => {
              const duAxe = liste.filter((f) => f.axe?.id === a.id);
              return [
                `${a.numero}. ${a.intitule}`,
                formaterNombre(a.objectifs.length),
                formaterNombre(duAxe.length),
                `${formaterNombre(duAxe.filter((f) => f.statut === 'realisee').length)} (${pourcentage(duAxe.filter((f) => f.statut === 'realisee').length, duAxe.length)})`,
                formaterMontant(total(duAxe)),
              ];
            }),
            ...(liste.some((f) => !f.axe)
              ? [
                  [
                    'Sans axe',
                    '—',
                    formaterNombre(liste.filter((f) => !f.axe).length),
                    formaterNombre(liste.filter((f) => !f.axe && f.statut === 'realisee').length),
                    formaterMontant(total(liste.filter((f) => !f.axe))),
                  ],
                ]
              : []),
          ]}
        />
      )}
      {gouvernance}
    </>
  );
}
