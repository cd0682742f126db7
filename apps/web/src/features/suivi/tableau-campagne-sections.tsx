import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { LIBELLES_STATUT_FICHE, libellePeriodeSuivi } from '@maillage/domain';
import { Link } from 'react-router';
import type { FicheSaisieCampagne, TableauCampagne } from '../../api/suivi';
import { formaterDateHeure, formaterNombre } from '../../components/format';
import { ETATS_FICHE_CAMPAGNE } from '@maillage/domain';
import {
  BadgeEtatCampagne,
  BadgeEtatSuivi,
  BarreAvancement,
  ecrireCible,
  ecrireMesure,
  LIBELLES_MOTIF_COURRIEL,
  nombreFr,
} from './libelles-suivi';
import { DefinitionsBilan } from './bilans-suivi';

/** The sections of a campaign's completion dashboard. */

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
            data={fiche.indicateurs.map((i) => [
              i.libelle,
              ecrireCible(i.ciblePeriode, i),
              ecrireMesure(i.valeur, i),
              <BadgeEtatSuivi key="e" etat={i.valeur?.etat ?? null} />,
              i.valeur?.recit || '—',
            ])}
          />
        </div>
      )}
      <DefinitionsBilan
        bilan={fiche.bilan}
        statutPropose={
          fiche.bilan?.statutPropose
            ? `${LIBELLES_STATUT_FICHE[fiche.bilan.statutPropose]}${fiche.bilan.statutPropose !== fiche.statut ? ` (aujourd’hui : ${LIBELLES_STATUT_FICHE[fiche.statut]} ; appliqué à la validation)` : ''}`
            : null
        }
      />
    </>
  );
}

/** The response rate and the fiches by state. */
export function ReponsesCampagne({ tableau: t }: { tableau: TableauCampagne }) {
  const completes = t.parEtat.soumis + t.parEtat.valide;
  return (
    <section aria-labelledby="titre-reponses" className={fr.cx('fr-mb-5w')}>
      <h2 id="titre-reponses">Réponses</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <div className={fr.cx('fr-p-2w') + ' maillage-chiffre'}>
            <p className={fr.cx('fr-h3', 'fr-mb-1w')}>{nombreFr(t.taux, 1)} %</p>
            <BarreAvancement valeur={t.taux} libelle="Taux de réponse" />
            <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-mt-1w')}>
              de réponses : {formaterNombre(completes)} fiche{completes > 1 ? 's' : ''} soumise{completes > 1 ? 's' : ''} ou validée
              {completes > 1 ? 's' : ''} sur {formaterNombre(t.fiches.length)} suivie{t.fiches.length > 1 ? 's' : ''}.
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
  );
}

interface PropsAValider {
  aValider: FicheSaisieCampagne[];
  periode: string;
  enCours: boolean;
  onValider: (f: FicheSaisieCampagne) => void;
  onRenvoyer: (f: FicheSaisieCampagne) => void;
}

/** The fiches submitted and waiting for this user's validation, each with what the pilote entered. */
export function FichesAValider({ aValider, periode, enCours, onValider, onRenvoyer }: PropsAValider) {
  return (
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
            <ContenuSoumis fiche={f} periode={periode} />
            <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
              <li>
                <Button
                  type="button"
                  iconId="fr-icon-check-line"
                  disabled={enCours}
                  onClick={() => onValider(f)}
                  nativeButtonProps={{ 'aria-label': `Valider la fiche ${f.numero}` }}
                >
                  Valider
                </Button>
              </li>
              <li>
                <Button
                  type="button"
                  priority="secondary"
                  iconId="fr-icon-arrow-go-back-line"
                  disabled={enCours}
                  onClick={() => onRenvoyer(f)}
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
  );
}

/** Every fiche of the campaign with its pilotes and state. */
export function FichesCampagne({ tableau: t }: { tableau: TableauCampagne }) {
  return (
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
  );
}

/** The response rate of each pilot organisation. */
export function OrganisationsCampagne({ tableau: t }: { tableau: TableauCampagne }) {
  return (
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
  );
}

/** The mails the campaign sent, newest first. */
export function CourrielsCampagne({ tableau: t }: { tableau: TableauCampagne }) {
  return (
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
  );
}
