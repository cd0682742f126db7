import { fr } from '@codegouvfr/react-dsfr';
import { formaterNombre, pluriel, TYPES_TEXTE } from '@maillage/domain';
import type { ConsultationVue } from '@maillage/domain/api';
import { useResultatsConsultation } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDate } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';
import { Telechargement } from '../../components/telechargement';
import { GraphiqueRepartition } from './graphique-repartition';
import { ReponsesLibres } from './reponses-libres';

/** « 3 personnes ont répondu », « Personne n’a répondu ». */
const repondu = (n: number) => (n === 0 ? 'Personne n’a répondu' : pluriel(n, 'personne a répondu', 'personnes ont répondu'));
const decimal = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });

/** Results: every question's chart with its table, scales' mean and median, free text to turn into verbatims, exports. */
export function ResultatsConsultation({ consultation: c, editable }: { consultation: ConsultationVue; editable: boolean }) {
  const resultats = useResultatsConsultation(c.id);
  if (resultats.isPending) return <Chargement libelle="Calcul des résultats…" />;
  if (resultats.error) return <AlerteErreur erreur={resultats.error} as="h3" titre="Impossible de calculer les résultats" />;
  const r = resultats.data;
  const export_ = `/api/consultations/${c.id}/resultats/export`;
  return (
    <>
      <p className={fr.cx('fr-text--lead')}>
        {repondu(r.nombreReponses)}
        {c.statut === 'ouverte' ? ' pour l’instant (la consultation est encore ouverte).' : '.'}
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement
            libelle="Résultats"
            details="XLSX – une feuille de synthèse et une des réponses"
            chemin={`${export_}?format=xlsx`}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement libelle="Réponses" details="CSV – une ligne par réponse" chemin={`${export_}?format=csv`} />
        </div>
      </div>
      {r.parJour.length > 0 && (
        <details className={fr.cx('fr-mb-4w') + ' maillage-details'}>
          <summary>Réponses reçues par jour</summary>
          <TableauDefilant
            caption="Réponses reçues par jour"
            headers={['Jour', 'Réponses']}
            data={r.parJour.map((j) => [formaterDate(j.jour), formaterNombre(j.nombre)])}
          />
        </details>
      )}
      {r.questions.map((q, i) => (
        <section key={q.question.id} aria-labelledby={`resultat-${q.question.id}`} className={fr.cx('fr-mb-6w')}>
          <h3 id={`resultat-${q.question.id}`} className={fr.cx('fr-h5')}>
            {i + 1}. {q.question.libelle}
          </h3>
          <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
            {q.section ? `${q.section} · ` : ''}
            {repondu(q.repondants)}
            {q.moyenne !== null && ` · moyenne ${decimal(q.moyenne)}`}
            {q.mediane !== null && ` · médiane ${decimal(q.mediane)}`}
            {q.question.echelle && ` (de ${q.question.echelle.min} à ${q.question.echelle.max})`}
          </p>
          {TYPES_TEXTE.includes(q.question.type) ? (
            <ReponsesLibres consultationId={c.id} contratId={c.contratId} resultat={q} editable={editable} />
          ) : q.repondants === 0 ? (
            <p>Aucune réponse à cette question.</p>
          ) : (
            <GraphiqueRepartition resultat={q} />
          )}
        </section>
      ))}
    </>
  );
}
