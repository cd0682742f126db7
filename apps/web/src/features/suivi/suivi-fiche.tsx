import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { comparerPeriodes, LIBELLES_STATUT_FICHE, LIBELLES_TYPE_INDICATEUR, libellePeriodeSuivi, type ActionSuivi } from '@maillage/domain';
import { useEffect, useRef, useState } from 'react';
import { useSession } from '../../app/session';
import { useGestionIndicateurs, useSuiviFiche, useTransitionValeur, type BilanFiche, type DiagnosticLie, type IndicateurSuivi, type SuiviFiche as DonneesSuivi, type ValeurSuivi } from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { EtatVide } from '../../components/etat-vide';
import { FormulaireIndicateurSuivi } from './formulaire-indicateur';
import { FormulaireValeurSuivi } from './formulaire-valeur';
import { BadgeEtatSuivi, ecrireCible, ecrireMesure, ecrireReference, HistoriqueEtapes, nombreFr, PHRASES_TENDANCE } from './libelles-suivi';
import { creerModaleRenvoi } from './modale-renvoi';
import './suivi.css';

const renvoi = creerModaleRenvoi('modale-renvoi-valeur');
const reouverture = creerModaleRenvoi('modale-reouverture-valeur');
const suppression = creerConfirmation('confirmation-suppression-indicateur');

type Edition = { type: 'indicateur'; id: string | null } | { type: 'valeur'; indicateurId: string; periode: string | null } | null;

const anneeCourante = () => String(new Date().getFullYear());

/** The periods of an indicator: its targets' and its values', in order. */
function periodesDe(i: IndicateurSuivi): string[] {
  return [...new Set([...i.cibles.map((c) => c.periode), ...i.valeurs.map((v) => v.periode)])].sort(comparerPeriodes);
}

/** The first period with a target and no value yet, else the current year. */
function periodeAProposer(i: IndicateurSuivi): string {
  return i.cibles.find((c) => !i.valeurs.some((v) => v.periode === c.periode))?.periode ?? anneeCourante();
}

function Diagnostic({ d }: { d: DiagnosticLie }) {
  const ecart = (e: NonNullable<DiagnosticLie['ecartInitial']>) => `${e.ecart > 0 ? '+' : ''}${nombreFr(e.ecart)} avec ${e.region} en ${e.periode}`;
  return (
    <div className={fr.cx('fr-mb-2w', 'fr-p-2w') + ' maillage-encart'}>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <strong>Lié au diagnostic :</strong> {d.libelle}
        {d.unite ? ` (${d.unite})` : ''}.
      </p>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <strong>{PHRASES_TENDANCE[d.tendance]}</strong>
        {d.ecartInitial && d.ecartActuel && d.tendance !== 'indeterminee' ? ` Écart : ${ecart(d.ecartInitial)}, puis ${ecart(d.ecartActuel)}.` : ''}
      </p>
      {d.serie.length > 0 && (
        <details className="maillage-details">
          <summary>Série du territoire ({d.serie.length} période{d.serie.length > 1 ? 's' : ''})</summary>
          <Table caption={`${d.libelle} sur le territoire du contrat`} headers={['Période', 'Valeur']} data={d.serie.map((s) => [s.periode, s.texte])} />
        </details>
      )}
    </div>
  );
}

interface PropsIndicateur {
  i: IndicateurSuivi;
  suivi: DonneesSuivi;
  edition: Edition;
  setEdition: (e: Edition) => void;
  onMessage: (m: string) => void;
  onTransition: (valeur: ValeurSuivi, action: ActionSuivi) => void;
  onSupprimer: (i: IndicateurSuivi) => void;
  transitionEnCours: boolean;
  /** The account looking at the page: under four eyes, it does not validate what it submitted. */
  moi: string | null;
}

function BlocIndicateur({ i, suivi, edition, setEdition, onMessage, onTransition, onSupprimer, transitionEnCours, moi }: PropsIndicateur) {
  const { droits } = suivi;
  const periodes = periodesDe(i);
  const fermer = (m?: string) => {
    setEdition(null);
    if (m) onMessage(m);
  };
  const enEdition = edition?.type === 'indicateur' && edition.id === i.id;
  const editionValeur = edition?.type === 'valeur' && edition.indicateurId === i.id ? edition : null;
  const aDesValidees = i.valeurs.some((v) => v.etat === 'valide');
  const titreId = `indicateur-${i.id}-titre`;

  if (enEdition)
    return <FormulaireIndicateurSuivi ficheId={suivi.fiche.id} indicateur={i} periodeSuggeree={anneeCourante()} aDesValeursValidees={aDesValidees} onFermer={fermer} />;

  const actions = (v: ValeurSuivi | undefined, periode: string) => {
    const boutons: React.ReactNode[] = [];
    const nom = `la valeur ${libellePeriodeSuivi(periode)} de « ${i.libelle} »`;
    const modifiable = droits.saisir && (!v || v.etat === 'brouillon' || v.etat === 'a_corriger');
    if (modifiable)
      boutons.push(
        <Button key="s" type="button" size="small" priority="secondary" disabled={edition !== null} onClick={() => setEdition({ type: 'valeur', indicateurId: i.id, periode })} nativeButtonProps={{ 'aria-label': `${v ? 'Corriger' : 'Saisir'} ${nom}` }}>
          {v ? 'Corriger' : 'Saisir'}
        </Button>,
      );
    if (v && droits.saisir && (v.etat === 'brouillon' || v.etat === 'a_corriger'))
      boutons.push(
        <Button key="o" type="button" size="small" disabled={transitionEnCours} onClick={() => onTransition(v, 'soumettre')} nativeButtonProps={{ 'aria-label': `Soumettre ${nom}` }}>
          Soumettre
        </Button>,
      );
    const soumiseParMoi = Boolean(droits.quatreYeux && v?.soumisPar && v.soumisPar === moi);
    if (v && droits.valider && v.etat === 'soumis') {
      boutons.push(
        soumiseParMoi ? (
          <span key="v" className={fr.cx('fr-text--xs')}>
            Vous l’avez soumise : une autre personne la valide (validation à quatre yeux).
          </span>
        ) : (
          <Button key="v" type="button" size="small" iconId="fr-icon-check-line" disabled={transitionEnCours} onClick={() => onTransition(v, 'valider')} nativeButtonProps={{ 'aria-label': `Valider ${nom}` }}>
            Valider
          </Button>
        ),
        <Button key="r" type="button" size="small" priority="secondary" disabled={transitionEnCours} onClick={() => onTransition(v, 'renvoyer')} nativeButtonProps={{ 'aria-label': `Renvoyer pour correction ${nom}` }}>
          Renvoyer pour correction
        </Button>,
      );
    }
    if (v?.etat === 'valide') boutons.push(<span key="l" className={fr.cx('fr-text--xs')}>Période verrouillée</span>);
    if (v?.etat === 'valide' && droits.rouvrir)
      boutons.push(
        <Button key="o" type="button" size="small" priority="secondary" iconId="fr-icon-arrow-go-back-line" disabled={transitionEnCours} onClick={() => onTransition(v, 'rouvrir')} nativeButtonProps={{ 'aria-label': `Rouvrir ${nom}` }}>
          Rouvrir
        </Button>,
      );
    if (v?.etat === 'soumis' && !droits.valider) boutons.push(<span key="a" className={fr.cx('fr-text--xs')}>En attente de validation</span>);
    return boutons.length ? <div className="maillage-actions">{boutons}</div> : '—';
  };

  return (
    <article className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-bloc-suivi'} aria-labelledby={titreId}>
      <div className="maillage-entete-section">
        <h4 id={titreId} className={fr.cx('fr-h6', 'fr-mb-0')}>
          {i.libelle}{' '}
          <Badge small noIcon severity="info" as="span">
            {LIBELLES_TYPE_INDICATEUR[i.type]}
          </Badge>
        </h4>
        {droits.definir && (
          <div className="maillage-actions">
            <Button type="button" size="small" priority="secondary" iconId="fr-icon-edit-line" disabled={edition !== null} onClick={() => setEdition({ type: 'indicateur', id: i.id })} nativeButtonProps={{ 'aria-label': `Modifier l’indicateur « ${i.libelle} »` }}>
              Modifier
            </Button>
            <Button type="button" size="small" priority="tertiary" iconId="fr-icon-delete-line" disabled={edition !== null || aDesValidees} onClick={() => onSupprimer(i)} nativeButtonProps={{ 'aria-label': `Supprimer l’indicateur « ${i.libelle} »`, title: aDesValidees ? 'Des valeurs sont validées : l’indicateur ne peut plus être supprimé' : undefined }}>
              Supprimer
            </Button>
          </div>
        )}
      </div>
      <dl className={fr.cx('fr-mt-2w') + ' maillage-definitions'}>
        <div>
          <dt>Mesure :</dt>
          <dd>{i.pourcentage ? 'pourcentage (numérateur / dénominateur)' : i.unite ? `valeur en ${i.unite}` : 'valeur'}</dd>
        </div>
        <div>
          <dt>Méthode de recueil :</dt>
          <dd>{i.methode || 'non précisée'}</dd>
        </div>
        <div>
          <dt>Source :</dt>
          <dd>{i.source || 'non précisée'}</dd>
        </div>
        <div>
          <dt>Référence :</dt>
          <dd>{ecrireReference(i)}</dd>
        </div>
        {i.poids !== 1 && (
          <div>
            <dt>Poids dans l’avancement :</dt>
            <dd>{nombreFr(i.poids)}</dd>
          </div>
        )}
      </dl>
      {i.diagnostic && <Diagnostic d={i.diagnostic} />}
      {periodes.length === 0 ? (
        <p className={fr.cx('fr-text--sm')}>Aucune cible ni valeur : fixez des cibles par période (bouton « Modifier ») pour que l’indicateur compte dans l’avancement.</p>
      ) : (
        <div className="maillage-defilement">
          <Table
            caption={`Cibles et valeurs de « ${i.libelle} »`}
            headers={['Période', 'Cible', 'Valeur', 'État', 'Récit et étapes', 'Actions']}
            data={periodes.map((p) => {
              const v = i.valeurs.find((x) => x.periode === p);
              const cible = i.cibles.find((c) => c.periode === p);
              return [
                libellePeriodeSuivi(p),
                ecrireCible(cible, i),
                v ? ecrireMesure(v, i) : '—',
                <BadgeEtatSuivi key="e" etat={v?.etat ?? null} />,
                v ? (
                  <div key="r">
                    {v.recit && <p className={fr.cx('fr-text--sm', 'fr-mb-1w') + ' maillage-texte-long'}>{v.recit}</p>}
                    <HistoriqueEtapes etapes={v.etapes} titre={`Étapes de la valeur ${libellePeriodeSuivi(p)}`} />
                  </div>
                ) : (
                  '—'
                ),
                actions(v, p),
              ];
            })}
          />
        </div>
      )}
      {editionValeur && <FormulaireValeurSuivi indicateur={i} periode={editionValeur.periode} periodeSuggeree={periodeAProposer(i)} onFermer={fermer} />}
      {droits.saisir && !editionValeur && (
        <Button type="button" size="small" priority="tertiary" iconId="fr-icon-add-line" disabled={edition !== null} onClick={() => setEdition({ type: 'valeur', indicateurId: i.id, periode: null })} nativeButtonProps={{ 'aria-label': `Saisir une valeur pour une autre période de « ${i.libelle} »` }}>
          Saisir une valeur pour une autre période
        </Button>
      )}
    </article>
  );
}

function Bilans({ bilans }: { bilans: BilanFiche[] }) {
  if (!bilans.length) return null;
  return (
    <>
      <h3 className={fr.cx('fr-h5', 'fr-mt-4w')}>Bilans par période</h3>
      {bilans.map((b) => (
        <article key={b.id} className={fr.cx('fr-p-3w', 'fr-mb-2w') + ' maillage-bloc-suivi'} aria-labelledby={`bilan-${b.id}`}>
          <h4 id={`bilan-${b.id}`} className={fr.cx('fr-h6', 'fr-mb-1w')}>
            Bilan {libellePeriodeSuivi(b.periode)} <BadgeEtatSuivi etat={b.etat} />
          </h4>
          <dl className="maillage-definitions">
            {(
              [
                ['Réalisations', b.recit],
                ['Difficultés', b.difficultes],
                ['Perspectives', b.perspectives],
                ['Statut proposé', b.statutPropose ? LIBELLES_STATUT_FICHE[b.statutPropose] : null],
              ] as const
            ).map(([l, t]) => (
              <div key={l}>
                <dt>{l} :</dt>
                <dd className="maillage-texte-long">{t || 'non renseigné'}</dd>
              </div>
            ))}
          </dl>
          {b.etapes && <HistoriqueEtapes etapes={b.etapes} titre={`Étapes du bilan ${libellePeriodeSuivi(b.periode)}`} />}
        </article>
      ))}
    </>
  );
}

/**
 * The fiche's follow-up: indicators (type, unit, method, source, baseline, targets), values per period with their
 * state and steps, the workflow buttons the user's rights allow, the link to the diagnostic, and the reports.
 */
export function SuiviFiche({ ficheId }: { ficheId: string }) {
  const suivi = useSuiviFiche(ficheId);
  const transition = useTransitionValeur();
  const gestion = useGestionIndicateurs(ficheId);
  const [edition, setEditionBrute] = useState<Edition>(null);
  const [message, setMessage] = useState('');
  const [cibleRenvoi, setCibleRenvoi] = useState<{ valeur: ValeurSuivi; nom: string } | null>(null);
  const [cibleReouverture, setCibleReouverture] = useState<{ valeur: ValeurSuivi; nom: string } | null>(null);
  const moi = useSession().sujet?.userId ?? null;
  const [aSupprimer, setASupprimer] = useState<IndicateurSuivi | null>(null);

  // Arriving from a link to « #section-suivi » (contract progress, campaign): the fiche loads first, then scroll here.
  const defile = useRef(false);
  useEffect(() => {
    if (!suivi.data || defile.current || window.location.hash !== '#section-suivi') return;
    defile.current = true;
    document.getElementById('section-suivi')?.scrollIntoView();
  }, [suivi.data]);

  const setEdition = (e: Edition) => {
    setMessage('');
    transition.reset();
    setEditionBrute(e);
  };
  if (suivi.isPending) return <Chargement libelle="Chargement du suivi…" />;
  if (suivi.error) return <AlerteErreur erreur={suivi.error} as="h3" titre="Impossible de charger le suivi de la fiche" />;
  const s = suivi.data;

  const nomValeur = (v: ValeurSuivi) => {
    const i = s.indicateurs.find((x) => x.id === v.indicateurId);
    return `la valeur ${libellePeriodeSuivi(v.periode)} de « ${i?.libelle ?? 'l’indicateur'} »`;
  };
  const onTransition = (v: ValeurSuivi, action: ActionSuivi) => {
    if (action === 'renvoyer') {
      setCibleRenvoi({ valeur: v, nom: nomValeur(v) });
      renvoi.ouvrir();
      return;
    }
    if (action === 'rouvrir') {
      setCibleReouverture({ valeur: v, nom: nomValeur(v) });
      reouverture.ouvrir();
      return;
    }
    setMessage('');
    transition.mutate(
      { valeurId: v.id, action },
      { onSuccess: () => setMessage(action === 'valider' ? `${nomValeur(v)} est validée : la période est verrouillée et compte dans l’avancement.` : `${nomValeur(v)} est soumise : la coordination va la valider.`) },
    );
  };

  return (
    <div className={fr.cx('fr-mt-4w') + ' maillage-suivi'}>
      <div className="maillage-titre-avec-action">
        <h3 className={fr.cx('fr-h5', 'fr-mb-1w')}>Indicateurs de suivi</h3>
        {s.droits.ajouterIndicateur && s.indicateurs.length > 0 && (
          <Button type="button" size="small" iconId="fr-icon-add-line" disabled={edition !== null} onClick={() => setEdition({ type: 'indicateur', id: null })}>
            Ajouter un indicateur
          </Button>
        )}
      </div>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message.charAt(0).toUpperCase() + message.slice(1)}
      </p>
      {transition.error ? <AlerteErreur erreur={transition.error} as="h4" titre="L’étape n’a pas été enregistrée" /> : null}
      {gestion.suppression.error ? <AlerteErreur erreur={gestion.suppression.error} as="h4" titre="L’indicateur n’a pas été supprimé" /> : null}
      {edition?.type === 'indicateur' && edition.id === null && (
        <FormulaireIndicateurSuivi
          ficheId={ficheId}
          periodeSuggeree={anneeCourante()}
          aDesValeursValidees={false}
          onFermer={(m) => {
            setEditionBrute(null);
            if (m) setMessage(m);
          }}
        />
      )}
      {s.indicateurs.length === 0 && edition === null ? (
        <EtatVide
          titre="Aucun indicateur de suivi"
          titreAs="h4"
          iconId="fr-icon-line-chart-line"
          action={s.droits.ajouterIndicateur ? { children: 'Ajouter un indicateur', onClick: () => setEdition({ type: 'indicateur', id: null }) } : undefined}
        >
          <p>
            Un indicateur de suivi dit si l’action avance : de <strong>processus</strong> (ce qui était prévu est-il fait ?),
            d’<strong>activité</strong> (combien de bénéficiaires, de séances ?) ou de <strong>résultat</strong> (qu’est-ce qui a
            changé ?). Il a une valeur de référence et des cibles par période ; le pilote saisit les valeurs réelles, la
            coordination les valide, et seules les valeurs validées comptent dans l’avancement. Lié à un indicateur du
            diagnostic, il montre si l’écart constaté se réduit.
          </p>
        </EtatVide>
      ) : (
        s.indicateurs.map((i) => (
          <BlocIndicateur
            key={i.id}
            i={i}
            suivi={s}
            edition={edition}
            setEdition={setEdition}
            onMessage={setMessage}
            onTransition={onTransition}
            onSupprimer={(x) => {
              setASupprimer(x);
              suppression.ouvrir();
            }}
            transitionEnCours={transition.isPending}
            moi={moi}
          />
        ))
      )}
      <Bilans bilans={s.bilans} />
      <renvoi.ModaleRenvoi
        titre="Renvoyer la valeur pour correction"
        objet={cibleRenvoi?.nom ?? 'la valeur'}
        onConfirmer={(commentaire) => {
          const cible = cibleRenvoi;
          if (!cible) return;
          transition.mutate(
            { valeurId: cible.valeur.id, action: 'renvoyer', commentaire },
            { onSuccess: () => setMessage(`${cible.nom} est renvoyée pour correction au pilote.`) },
          );
        }}
      />
      <reouverture.ModaleRenvoi
        reouverture
        titre="Rouvrir la valeur validée"
        objet={cibleReouverture?.nom ?? 'la valeur'}
        onConfirmer={(commentaire) => {
          const cible = cibleReouverture;
          if (!cible) return;
          transition.mutate(
            { valeurId: cible.valeur.id, action: 'rouvrir', commentaire },
            { onSuccess: () => setMessage(`${cible.nom} est rouverte : elle retourne au pilote pour correction, puis sera soumise et validée à nouveau.`) },
          );
        }}
      />
      <suppression.Confirmation
        titre={`Supprimer l’indicateur « ${aSupprimer?.libelle ?? ''} » ?`}
        libelleConfirmer="Supprimer l’indicateur"
        onConfirmer={() => {
          const x = aSupprimer;
          if (x) gestion.suppression.mutate(x.id, { onSuccess: () => setMessage(`Indicateur « ${x.libelle} » supprimé.`) });
        }}
      >
        <p>
          L’indicateur, ses cibles et ses valeurs non validées ({aSupprimer?.valeurs.length ?? 0} saisie{(aSupprimer?.valeurs.length ?? 0) > 1 ? 's' : ''}) seront
          supprimés. La suppression est tracée dans l’historique du contrat.
        </p>
      </suppression.Confirmation>
    </div>
  );
}
