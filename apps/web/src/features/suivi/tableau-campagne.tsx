import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { ETATS_FICHE_CAMPAGNE, LIBELLES_ETAT_FICHE_CAMPAGNE, LIBELLES_STATUT_FICHE, libellePeriodeSuivi } from '@maillage/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { telecharger } from '../../api/telechargement';
import { useClotureCampagne, useRelanceCampagne, useTransitionFiche, type FicheSaisieCampagne, type SaisieCampagne, type TableauCampagne } from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { formaterDateHeure, formaterNombre } from '../../components/format';
import { BadgeEtatCampagne, BadgeEtatSuivi, BarreAvancement, ecrireCible, ecrireMesure, LIBELLES_MOTIF_COURRIEL, nombreFr } from './libelles-suivi';
import { creerModaleRenvoi } from './modale-renvoi';

const cloture = creerConfirmation('confirmation-cloture-campagne');
const renvoi = creerModaleRenvoi('modale-renvoi-fiche-campagne');

const pilotesDe = (f: { pilotes: { nom: string | null; service: string | null }[] }) =>
  f.pilotes.map((p) => [p.nom ?? 'à définir', p.service].filter(Boolean).join(', ')).join(' ; ') || 'À définir';

/** What the pilote submitted, to read before deciding. */
function ContenuSoumis({ fiche, periode }: { fiche: FicheSaisieCampagne; periode: string }) {
  return (
    <>
      {fiche.indicateurs.length > 0 && (
        <div className="maillage-defilement">
          <Table
            caption={`Indicateurs de la fiche ${fiche.numero} pour ${libellePeriodeSuivi(periode)}`}
            headers={['Indicateur', 'Cible', 'Valeur', 'État', 'Récit']}
            data={fiche.indicateurs.map((i) => [i.libelle, ecrireCible(i.ciblePeriode, i), ecrireMesure(i.valeur, i), <BadgeEtatSuivi key="e" etat={i.valeur?.etat ?? null} />, i.valeur?.recit || '—'])}
          />
        </div>
      )}
      <dl className="maillage-definitions">
        {(
          [
            ['Réalisations', fiche.bilan?.recit],
            ['Difficultés', fiche.bilan?.difficultes],
            ['Perspectives', fiche.bilan?.perspectives],
            ['Statut proposé', fiche.bilan?.statutPropose ? `${LIBELLES_STATUT_FICHE[fiche.bilan.statutPropose]}${fiche.bilan.statutPropose !== fiche.statut ? ` (aujourd’hui : ${LIBELLES_STATUT_FICHE[fiche.statut]} ; appliqué à la validation)` : ''}` : null],
          ] as const
        ).map(([l, t]) => (
          <div key={l}>
            <dt>{l} :</dt>
            <dd className="maillage-texte-long">{t || 'non renseigné'}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

interface Props {
  tableau: TableauCampagne;
  /** The fiches this user may validate, with what was entered (from the campaign's form). */
  saisie: SaisieCampagne | undefined;
}

/**
 * The completion dashboard: rate and counts by state, the fiches waiting for validation (with what was submitted),
 * every fiche with its pilotes and state, by organisation, the mails sent; reminders, closing and the bilan annuel.
 */
export function TableauCampagneVue({ tableau: t, saisie }: Props) {
  const relance = useRelanceCampagne(t.id);
  const clore = useClotureCampagne(t.id);
  const transition = useTransitionFiche();
  const [message, setMessage] = useState('');
  const [erreurDoc, setErreurDoc] = useState<unknown>(null);
  const [aRenvoyer, setARenvoyer] = useState<FicheSaisieCampagne | null>(null);
  const ouverte = t.etat === 'ouverte';
  const aValider = (saisie?.fiches ?? []).filter((f) => f.droits.valider && f.etat === 'soumis');
  const completes = t.parEtat.soumis + t.parEtat.valide;

  const produireBilan = (format: 'docx' | 'pdf') => {
    setErreurDoc(null);
    setMessage(`Production du bilan annuel en ${format.toUpperCase()}…`);
    telecharger(`/api/campagnes/${t.id}/bilan.${format}`).then(
      (nom) => setMessage(`Bilan annuel « ${nom} » téléchargé.`),
      (e) => {
        setMessage('');
        setErreurDoc(e);
      },
    );
  };
  const valider = (f: FicheSaisieCampagne) => {
    setMessage('');
    transition.mutate(
      { ficheId: f.id, periode: t.periode, action: 'valider' },
      {
        onSuccess: (r) =>
          setMessage(
            `Fiche ${f.numero} validée (${r.elements ?? 0} élément${(r.elements ?? 0) > 1 ? 's' : ''}) : la période est verrouillée et compte dans l’avancement.${f.bilan?.statutPropose && f.bilan.statutPropose !== f.statut ? ` Statut de la fiche : ${LIBELLES_STATUT_FICHE[f.bilan.statutPropose]}.` : ''}`,
          ),
      },
    );
  };

  return (
    <>
      <p role="status" className={fr.cx('fr-text--bold')}>
        {message}
      </p>
      {erreurDoc ? <AlerteErreur erreur={erreurDoc} as="h3" titre="Le bilan annuel n’a pas pu être produit" /> : null}
      {transition.error ? <AlerteErreur erreur={transition.error} as="h3" titre="L’étape n’a pas été enregistrée" /> : null}

      <section aria-labelledby="titre-reponses" className={fr.cx('fr-mb-5w')}>
        <h2 id="titre-reponses">Réponses</h2>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
            <div className={fr.cx('fr-p-2w') + ' maillage-chiffre'}>
              <p className={fr.cx('fr-h3', 'fr-mb-1w')}>{nombreFr(t.taux, 1)} %</p>
              <BarreAvancement valeur={t.taux} libelle="Taux de réponse" />
              <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-mt-1w')}>
                de réponses : {formaterNombre(completes)} fiche{completes > 1 ? 's' : ''} soumise{completes > 1 ? 's' : ''} ou validée{completes > 1 ? 's' : ''} sur{' '}
                {formaterNombre(t.fiches.length)} suivie{t.fiches.length > 1 ? 's' : ''}.
              </p>
            </div>
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-7')}>
            <Table
              className={fr.cx('fr-mb-0')}
              caption="Fiches par état"
              headers={['État', 'Fiches']}
              data={ETATS_FICHE_CAMPAGNE.map((e) => [<BadgeEtatCampagne key="b" etat={e} />, formaterNombre(t.parEtat[e] ?? 0)])}
            />
          </div>
        </div>
      </section>

      {saisie?.fiches.some((f) => f.droits.valider) && (
        <section aria-labelledby="titre-a-valider" className={fr.cx('fr-mb-5w')}>
          <h2 id="titre-a-valider">À valider ({aValider.length})</h2>
          {aValider.length === 0 ? (
            <p>Aucune fiche n’attend votre validation. Les fiches soumises par les pilotes apparaîtront ici, avec ce qu’ils ont saisi.</p>
          ) : (
            aValider.map((f) => (
              <article key={f.id} className={fr.cx('fr-p-3w', 'fr-mb-3w') + ' maillage-bloc-suivi'} aria-labelledby={`a-valider-${f.id}`}>
                <h3 id={`a-valider-${f.id}`} className={fr.cx('fr-h5')}>
                  Fiche {f.numero} — {f.intitule}
                </h3>
                <p className={fr.cx('fr-text--sm')}>Pilotes : {pilotesDe(f)}.</p>
                <ContenuSoumis fiche={f} periode={t.periode} />
                <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
                  <li>
                    <Button type="button" iconId="fr-icon-check-line" disabled={transition.isPending} onClick={() => valider(f)} nativeButtonProps={{ 'aria-label': `Valider la fiche ${f.numero}` }}>
                      Valider
                    </Button>
                  </li>
                  <li>
                    <Button
                      type="button"
                      priority="secondary"
                      iconId="fr-icon-arrow-go-back-line"
                      disabled={transition.isPending}
                      onClick={() => {
                        setARenvoyer(f);
                        renvoi.ouvrir();
                      }}
                      nativeButtonProps={{ 'aria-label': `Renvoyer pour correction la fiche ${f.numero}` }}
                    >
                      Renvoyer pour correction
                    </Button>
                  </li>
                </ul>
              </article>
            ))
          )}
        </section>
      )}

      <section aria-labelledby="titre-fiches-campagne" className={fr.cx('fr-mb-5w')}>
        <h2 id="titre-fiches-campagne">Fiches de la campagne</h2>
        {t.fiches.length === 0 ? (
          <p>Le contrat n’a aucune fiche suivie (les fiches abandonnées ne le sont pas).</p>
        ) : (
          <div className="maillage-defilement">
            <Table
              caption={`État de chaque fiche pour ${libellePeriodeSuivi(t.periode)}`}
              headers={['Fiche', 'Pilotes', 'Valeurs saisies', 'Valeurs validées', 'Bilan', 'État']}
              data={t.fiches.map((f) => [
                <Link key="l" to={`/fiches/${f.id}#section-suivi`}>
                  {f.numero}. {f.intitule}
                </Link>,
                pilotesDe(f),
                f.indicateurs ? `${formaterNombre(f.valeursSaisies)} sur ${formaterNombre(f.indicateurs)}` : 'aucun indicateur',
                f.indicateurs ? formaterNombre(f.valeursValidees) : '—',
                <BadgeEtatSuivi key="b" etat={f.etatBilan} />,
                <BadgeEtatCampagne key="e" etat={f.etat} />,
              ])}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="titre-actions-campagne" className={fr.cx('fr-mb-5w')}>
        <h2 id="titre-actions-campagne">Relances et bilan annuel</h2>
        {t.organisationsSansCompte.length > 0 && (
          <Alert
            severity="warning"
            as="h3"
            className={fr.cx('fr-mb-3w')}
            title={`${t.organisationsSansCompte.length} organisation${t.organisationsSansCompte.length > 1 ? 's' : ''} pilote${t.organisationsSansCompte.length > 1 ? 'nt' : ''} des fiches sans compte pour répondre`}
            description={`${t.organisationsSansCompte.map((o) => o.nom).join(', ')} : personne n’y a le rôle de pilote sur ce contrat, aucun courriel ne leur parvient. Donnez ce rôle à une personne de chacune (onglet « Personnes et accès » du contrat), ou saisissez leur suivi vous-même (onglet « Saisie des fiches »).`}
          />
        )}
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
          <li>
            <Button type="button" priority="secondary" iconId="fr-icon-download-line" onClick={() => produireBilan('docx')}>
              Bilan annuel (DOCX)
            </Button>
          </li>
          <li>
            <Button type="button" priority="secondary" iconId="fr-icon-download-line" onClick={() => produireBilan('pdf')}>
              Bilan annuel (PDF)
            </Button>
          </li>
          {t.peutGerer && ouverte && (
            <>
              <li>
                <Button
                  type="button"
                  iconId="fr-icon-mail-line"
                  disabled={relance.isPending}
                  onClick={() => {
                    setMessage('');
                    relance.mutate(undefined, {
                      onSuccess: (r) =>
                        setMessage(
                          r.destinataires.length
                            ? `Relance envoyée à ${r.destinataires.length} pilote${r.destinataires.length > 1 ? 's' : ''} : ${r.destinataires.join(', ')}.`
                            : 'Personne à relancer : toutes les fiches des pilotes ayant un compte sont soumises ou validées.',
                        ),
                    });
                  }}
                >
                  {relance.isPending ? 'Envoi des relances…' : 'Relancer les pilotes'}
                </Button>
              </li>
              <li>
                <Button type="button" priority="tertiary" iconId="fr-icon-lock-line" onClick={() => cloture.ouvrir()}>
                  Clore la campagne
                </Button>
              </li>
            </>
          )}
        </ul>
        <p className={fr.cx('fr-text--xs')}>
          Le bilan annuel reprend l’avancement par axe, le taux de réponse et, fiche par fiche, le bilan et les valeurs validées :
          il est prêt pour le COPIL. {ouverte && t.peutGerer ? 'Des rappels partent automatiquement 7 jours puis 1 jour avant l’échéance aux pilotes dont les fiches ne sont pas complètes ; « Relancer les pilotes » écrit tout de suite aux mêmes.' : ''}
        </p>
        {relance.error ? <AlerteErreur erreur={relance.error} as="h3" titre="La relance n’est pas partie" /> : null}
        {clore.error ? <AlerteErreur erreur={clore.error} as="h3" titre="La campagne n’a pas été close" /> : null}
      </section>

      <section aria-labelledby="titre-organisations-campagne" className={fr.cx('fr-mb-5w')}>
        <h2 id="titre-organisations-campagne">Par organisation pilote</h2>
        {t.organisations.length === 0 ? (
          <p>Aucune organisation pilote.</p>
        ) : (
          <Table
            caption="Réponses par organisation pilote"
            headers={['Organisation', 'Fiches', 'Complètes', 'Validées', 'Taux de réponse']}
            data={t.organisations.map((o) => [
              o.nom,
              formaterNombre(o.fiches),
              formaterNombre(o.completes),
              formaterNombre(o.validees),
              <BarreAvancement key="b" valeur={o.fiches ? (o.completes / o.fiches) * 100 : null} libelle={`Taux de réponse de ${o.nom}`} />,
            ])}
          />
        )}
      </section>

      <section aria-labelledby="titre-courriels-campagne" className={fr.cx('fr-mb-5w')}>
        <h2 id="titre-courriels-campagne">Courriels envoyés</h2>
        {t.courriels.length === 0 ? (
          <p>Aucun courriel envoyé : aucun pilote n’avait de compte à l’ouverture, ou tous avaient déjà répondu.</p>
        ) : (
          <Table
            caption="Courriels de la campagne, du plus récent au plus ancien"
            headers={['Destinataire', 'Motif', 'Envoyé le']}
            data={t.courriels.map((c) => [c.email, LIBELLES_MOTIF_COURRIEL[c.motif] ?? c.motif, formaterDateHeure(c.envoyeLe)])}
          />
        )}
      </section>

      <renvoi.ModaleRenvoi
        titre={`Renvoyer la fiche ${aRenvoyer?.numero ?? ''} pour correction`}
        objet={`la fiche ${aRenvoyer?.numero ?? ''} (son bilan et ses valeurs ${libellePeriodeSuivi(t.periode)})`}
        onConfirmer={(commentaire) => {
          const f = aRenvoyer;
          if (!f) return;
          setMessage('');
          transition.mutate(
            { ficheId: f.id, periode: t.periode, action: 'renvoyer', commentaire },
            { onSuccess: () => setMessage(`Fiche ${f.numero} renvoyée pour correction : le pilote voit votre commentaire dans son formulaire.`) },
          );
        }}
      />
      <cloture.Confirmation
        titre={`Clore la campagne ${libellePeriodeSuivi(t.periode)} ?`}
        libelleConfirmer="Clore la campagne"
        iconeConfirmer="fr-icon-lock-line"
        onConfirmer={() => clore.mutate(undefined, { onSuccess: () => setMessage('La campagne est close : plus aucun rappel ne part.') })}
      >
        <p>
          Plus aucun rappel ne partira aux pilotes, et la campagne ne pourra plus être relancée. {LIBELLES_ETAT_FICHE_CAMPAGNE.a_faire} :{' '}
          {formaterNombre(t.parEtat.a_faire)} fiche{t.parEtat.a_faire > 1 ? 's' : ''} ; en cours ou à corriger :{' '}
          {formaterNombre(t.parEtat.en_cours + t.parEtat.a_corriger)}. Le bilan annuel reste téléchargeable.
        </p>
      </cloture.Confirmation>
    </>
  );
}
