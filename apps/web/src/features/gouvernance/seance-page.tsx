import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import { useContrat } from '../../api/contrats';
import { useFiches } from '../../api/fiches';
import { useGestionSeance, useInstances, useSeance, type SaisieSeance, type Seance } from '../../api/gouvernance';
import { telecharger } from '../../api/telechargement';
import type { ContratDetail, Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { pluriel } from '../../components/format';
import { avantEdition } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import { FichiersContrat } from '../../components/fichiers-contrat';
import { CompteRenduSeance } from './compte-rendu-seance';
import { jourParis, quandSeance } from './dates';
import { DecisionsSeance } from './decisions-seance';
import { FormulaireSeance } from './formulaire-seance';
import '../../components/styles/gouvernance.css';
import { BadgeStatutSeance, libelleTypeInstance, STATUTS_SEANCE } from './libelles';
import { PresencesSeance } from './presences-seance';
import { InvitationsSeance } from './invitations-seance';

type Comparable = Pick<SaisieSeance, 'debut' | 'fin' | 'lieu' | 'visio' | 'statut'> & { ordreDuJour: { intitule: string }[] };
const CHAMPS_COMPARES = [
  { libelle: 'Date et heure', valeur: (x: Comparable) => quandSeance(x.debut, x.fin) },
  { libelle: 'Lieu', valeur: (x: Comparable) => x.lieu ?? '' },
  { libelle: 'Visioconférence', valeur: (x: Comparable) => x.visio ?? '' },
  { libelle: 'Statut', valeur: (x: Comparable) => STATUTS_SEANCE[x.statut]?.libelle ?? x.statut },
  { libelle: 'Ordre du jour', valeur: (x: Comparable) => x.ordreDuJour.map((p, i) => `${i + 1}. ${p.intitule}`).join(' ; ') },
];

function OrdreDuJour({ seance, fiches }: { seance: Seance; fiches: Fiche[] }) {
  const parId = new Map(fiches.map((f) => [f.id, f]));
  const duree = seance.ordreDuJour.reduce((t, p) => t + (p.dureeMinutes ?? 0), 0);
  return (
    <section aria-labelledby="seance-odj" className={fr.cx('fr-mb-6w')}>
      <h2 id="seance-odj">Ordre du jour</h2>
      {seance.ordreDuJour.length === 0 ? (
        <p>L’ordre du jour n’est pas encore fixé. Modifiez la séance pour y ajouter des points avant d’envoyer les invitations.</p>
      ) : (
        <>
          <ol>
            {seance.ordreDuJour.map((p) => (
              <li key={p.id} className={fr.cx('fr-mb-1w')}>
                {p.intitule}
                {p.dureeMinutes ? <span className={fr.cx('fr-text--sm')}> ({p.dureeMinutes} min)</span> : null}
                {p.ficheIds.length > 0 && (
                  <ul className={fr.cx('fr-text--sm', 'fr-mb-0')}>
                    {p.ficheIds.map((id) => {
                      const f = parId.get(id);
                      return (
                        <li key={id}>
                          {f ? (
                            <Link to={`/fiches/${id}`}>
                              Fiche {f.numero} — {f.intitule}
                            </Link>
                          ) : (
                            'Fiche supprimée'
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {duree > 0 && <p className={fr.cx('fr-text--sm')}>Durée prévue des points : {pluriel(duree, 'minute')}.</p>}
        </>
      )}
    </section>
  );
}

/** The séance's statut and instance, then when, where, the video link and the contract. */
function DetailsSeance({ seance: s, contrat }: { seance: Seance; contrat: ContratDetail | undefined }) {
  return (
    <>
      <ul className={fr.cx('fr-badges-group', 'fr-mb-2w')} aria-label="Statut et instance">
        <li>
          <BadgeStatutSeance statut={s.statut} />
        </li>
        <li>
          <Badge small noIcon as="span">
            {libelleTypeInstance(s.instanceType)}
          </Badge>
        </li>
      </ul>
      <ul className={fr.cx('fr-raw-list', 'fr-mb-3w')}>
        <li>
          <strong>Quand :</strong> {quandSeance(s.debut, s.fin)} (heure de Paris)
        </li>
        <li>
          <strong>Lieu :</strong> {s.lieu ?? 'non précisé'}
        </li>
        {s.visio && (
          <li>
            <strong>Visioconférence :</strong>{' '}
            {/^https?:\/\//.test(s.visio) ? (
              <a href={s.visio} target="_blank" rel="noopener noreferrer" title={`${s.visio} — nouvelle fenêtre`}>
                {s.visio}
              </a>
            ) : (
              s.visio
            )}
          </li>
        )}
        {contrat && (
          <li>
            <strong>Contrat :</strong> <Link to={`/contrats/${contrat.id}?onglet=gouvernance`}>{contrat.intitule}</Link>
          </li>
        )}
      </ul>
    </>
  );
}

/** A séance: agenda, invitations, attendance, compte rendu and decisions (which apply to the fiches). */
export default function SeancePage() {
  const { id = '' } = useParams();
  const { state } = useLocation() as { state: { message?: string } | null };
  const seance = useSeance(id);
  const contratId = seance.data?.contratId;
  const contrat = useContrat(contratId);
  const instances = useInstances(contratId);
  const fiches = useFiches(contratId);
  const gestion = useGestionSeance(id);
  const [edition, setEdition] = useState(false);
  const [conflit, setConflit] = useState<{ saisie: SaisieSeance; courant: Seance } | null>(null);
  const [erreurIcs, setErreurIcs] = useState<unknown>(null);
  const titre = seance.data ? `${seance.data.instanceNom} du ${jourParis(seance.data.debut)}` : 'Séance';
  useTitrePage(titre);

  const filAriane = (
    <Breadcrumb
      currentPageLabel={titre}
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(contrat.data ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${contrat.data.id}?onglet=gouvernance` } }] : []),
      ]}
    />
  );
  const attente = avantEdition(filAriane, seance, 'Séance introuvable');
  if (attente || !seance.data) return attente;
  const s = seance.data;
  const modifiable = contrat.data?.droits.completer ?? false;
  const instance = instances.data?.find((i) => i.id === s.instanceId);
  const enregistrer = (saisie: SaisieSeance, version = s.version) =>
    gestion.modification.mutateAsync({ ...saisie, version }).then(
      () => {
        setEdition(false);
        setConflit(null);
      },
      (e) => {
        // A stale edit: keep what was typed, show what changed, let the user choose.
        if (estErreurApi(e, 409) && e.probleme.courant) return setConflit({ saisie, courant: e.probleme.courant as Seance });
        throw e;
      },
    );

  return (
    <>
      {filAriane}
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      <h1 className={fr.cx('fr-mb-2w')}>{titre}</h1>
      <DetailsSeance seance={s} contrat={contrat.data} />
      <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left', 'fr-mb-2w')}>
        <li>
          <Button
            type="button"
            priority="secondary"
            iconId="fr-icon-calendar-line"
            onClick={() => {
              setErreurIcs(null);
              telecharger(`/api/seances/${s.id}.ics`).catch(setErreurIcs);
            }}
          >
            Ajouter à mon agenda (.ics)
          </Button>
        </li>
        {modifiable && !edition && (
          <li>
            <Button type="button" priority="secondary" iconId="fr-icon-edit-line" onClick={() => setEdition(true)}>
              Modifier la séance
            </Button>
          </li>
        )}
      </ul>
      {erreurIcs ? <AlerteErreur erreur={erreurIcs} titre="Le fichier d’agenda n’a pas pu être produit" /> : null}
      {edition && conflit && (
        <ConflitVersion
          entite="Cette séance"
          diffs={differences(CHAMPS_COMPARES, conflit.saisie, conflit.courant)}
          enCours={gestion.modification.isPending}
          onReprendre={() => {
            setConflit(null);
            setEdition(false);
            gestion.modification.reset();
            void seance.refetch();
          }}
          onEcraser={() => void enregistrer(conflit.saisie, conflit.courant.version).catch(() => undefined)}
        />
      )}
      {edition && !conflit && instances.data && (
        <FormulaireSeance
          key={s.version}
          instances={instances.data}
          fiches={fiches.data ?? []}
          seance={s}
          erreur={gestion.modification.error && !estErreurApi(gestion.modification.error, 409) ? gestion.modification.error : null}
          enCours={gestion.modification.isPending}
          onAnnuler={() => {
            setEdition(false);
            gestion.modification.reset();
          }}
          onEnregistrer={(saisie) => enregistrer(saisie)}
        />
      )}

      <OrdreDuJour seance={s} fiches={fiches.data ?? []} />
      <InvitationsSeance seance={s} modifiable={modifiable} instance={instance} />
      {instance && <PresencesSeance seance={s} instance={instance} modifiable={modifiable} />}
      <CompteRenduSeance seance={s} modifiable={modifiable} />
      <DecisionsSeance seance={s} fiches={fiches.data ?? []} modifiable={modifiable} />
      <section aria-labelledby="seance-documents">
        <h2 id="seance-documents">Documents de la séance</h2>
        <FichiersContrat contratId={s.contratId} seanceId={s.id} modifiable={modifiable} />
      </section>
    </>
  );
}
