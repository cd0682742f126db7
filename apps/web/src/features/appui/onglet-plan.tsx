import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { STATUTS_ACTION_PLAN } from '@maillage/domain';
import { useState } from 'react';
import type { SituationComplete } from '../../api/appui';
import { cheminPdfPlan, type PlanVersion, usePlan, useVersionPlan } from '../../api/appui-plan';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterDate, formaterDateHeure } from '../../components/format';
import { Telechargement } from '../../components/telechargement';
import { TableauDefilant } from '../../components/tableau-defilant';
import { EditeurPlan } from './editeur-plan';

/** One version of the plan, read. */
function LecturePlan({ plan }: { plan: PlanVersion }) {
  const c = plan.contenu;
  return (
    <>
      <p className={fr.cx('fr-text--sm')}>
        Version {plan.version}, enregistrée le {formaterDateHeure(plan.enregistreLe)} par {plan.auteur}
        {plan.origine === 'concertation' ? ' à l’issue d’une concertation' : ''}
        {plan.prochaineRevision ? ` · prochaine révision le ${formaterDate(plan.prochaineRevision)}` : ''}
      </p>
      <dl className="maillage-appui-faits">
        <dt>Référent</dt>
        <dd>{c.referent}</dd>
        <dt>Évaluation globale</dt>
        <dd className="maillage-texte-long">{c.evaluationGlobale || '—'}</dd>
        <dt>Problèmes et besoins</dt>
        <dd>
          {c.problemes.length === 0 ? (
            '—'
          ) : (
            <ul>
              {c.problemes.map((p) => (
                <li key={p.id}>
                  {p.probleme}
                  {p.besoins ? ` — besoins : ${p.besoins}` : ''}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Priorités</dt>
        <dd>
          {c.priorites.length === 0 ? (
            '—'
          ) : (
            <ol>
              {c.priorites.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ol>
          )}
        </dd>
        <dt>Objectifs</dt>
        <dd>
          {c.objectifs.length === 0 ? (
            '—'
          ) : (
            <ul>
              {c.objectifs.map((o) => (
                <li key={o.id}>{o.libelle}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Dates de révision</dt>
        <dd>{c.datesRevision.length === 0 ? '—' : c.datesRevision.map(formaterDate).join(', ')}</dd>
        {c.avisPersonne && (
          <>
            <dt>Avis de la personne</dt>
            <dd>{c.avisPersonne}</dd>
          </>
        )}
      </dl>
      {c.actions.length > 0 && (
        <TableauDefilant
          caption={`Actions du plan (version ${plan.version})`}
          headers={['Action', 'Qui la porte', 'Échéance', 'Statut']}
          data={c.actions.map((a) => [a.libelle, a.porteur, a.echeance ? formaterDate(a.echeance) : '—', STATUTS_ACTION_PLAN[a.statut]])}
        />
      )}
      {c.suivi.length > 0 && (
        <>
          <h3 className={fr.cx('fr-h6')}>Suivi</h3>
          <ul>
            {c.suivi.map((n, i) => (
              <li key={i}>
                {formaterDate(n.date)} : {n.note}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** The plan personnalisé: its last version, its earlier versions on demand, the PDF for the care team, the editor. */
export function OngletPlan({ situation: s }: { situation: SituationComplete }) {
  const plan = usePlan(s.id);
  const [edition, setEdition] = useState(false);
  const [versionVue, setVersionVue] = useState<number | null>(null);
  const ancienne = useVersionPlan(s.id, versionVue);
  if (plan.isPending) return <Chargement libelle="Chargement du plan…" />;
  if (plan.error) return <AlerteErreur erreur={plan.error} titre="Le plan n’a pas pu être chargé" as="h3" />;
  const courant = plan.data.plan;
  if (edition)
    return <EditeurPlan situationId={s.id} plan={courant} referentParDefaut={s.referent?.libelle ?? ''} onFini={() => setEdition(false)} />;
  return (
    <>
      <h2>Plan personnalisé de coordination en santé</h2>
      {!courant ? (
        <EtatVide
          titre="Aucun plan écrit"
          titreAs="h3"
          action={s.statut === 'ouverte' ? { children: 'Écrire le plan personnalisé', onClick: () => setEdition(true) } : undefined}
        >
          <p>
            Le plan réunit, dans la structure de la HAS, l’évaluation globale, les problèmes et besoins, les priorités, les objectifs et les
            actions avec qui les porte et quand. Chaque enregistrement en garde une version.
          </p>
        </EtatVide>
      ) : (
        <>
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
            {s.statut === 'ouverte' && (
              <li>
                <Button iconId="fr-icon-edit-line" onClick={() => setEdition(true)}>
                  Modifier le plan
                </Button>
              </li>
            )}
          </ul>
          <Telechargement
            libelle="Plan personnalisé de coordination en santé"
            details="PDF – dernière version, pour l’équipe de soins"
            chemin={cheminPdfPlan(s.id)}
          />
          <LecturePlan plan={courant} />
          {plan.data.versions.length > 1 && (
            <section aria-labelledby="versions-plan" className={fr.cx('fr-mt-4w')}>
              <h3 id="versions-plan">Versions précédentes</h3>
              <Select
                label="Voir une version"
                nativeSelectProps={{
                  value: versionVue ?? '',
                  onChange: (e) => setVersionVue(e.target.value ? Number(e.target.value) : null),
                }}
              >
                <option value="">Choisir une version</option>
                {plan.data.versions
                  .filter((v) => v.version !== courant.version)
                  .map((v) => (
                    <option key={v.version} value={v.version}>
                      Version {v.version} — {formaterDateHeure(v.enregistreLe)}, {v.auteur}
                    </option>
                  ))}
              </Select>
              {ancienne.data && <LecturePlan plan={ancienne.data} />}
              {ancienne.error && <AlerteErreur erreur={ancienne.error} as="h4" />}
            </section>
          )}
        </>
      )}
    </>
  );
}
