import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { comparerPeriodes, LIBELLES_TYPE_INDICATEUR, libellePeriodeSuivi, type ActionSuivi } from '@maillage/domain';
import type { DiagnosticLie, IndicateurSuivi, SuiviFiche as DonneesSuivi, ValeurSuivi } from '../../api/suivi';
import { FormulaireIndicateurSuivi } from './formulaire-indicateur';
import { FormulaireValeurSuivi } from './formulaire-valeur';
import { BadgeEtatSuivi, ecrireCible, ecrireMesure, ecrireReference, HistoriqueEtapes, nombreFr, PHRASES_TENDANCE } from './libelles-suivi';

export type EditionSuivi =
  | { type: 'indicateur'; id: string | null }
  | { type: 'valeur'; indicateurId: string; periode: string | null }
  | null;

export const anneeCourante = () => String(new Date().getFullYear());

/** The periods of an indicator: its targets' and its values', in order. */
function periodesDe(i: IndicateurSuivi): string[] {
  return [...new Set([...i.cibles.map((c) => c.periode), ...i.valeurs.map((v) => v.periode)])].sort(comparerPeriodes);
}

/** The first period with a target and no value yet, else the current year. */
function periodeAProposer(i: IndicateurSuivi): string {
  return i.cibles.find((c) => !i.valeurs.some((v) => v.periode === c.periode))?.periode ?? anneeCourante();
}

function Diagnostic({ d }: { d: DiagnosticLie }) {
  const ecart = (e: NonNullable<DiagnosticLie['ecartInitial']>) =>
    `${e.ecart > 0 ? '+' : ''}${nombreFr(e.ecart)} avec ${e.region} en ${e.periode}`;
  return (
    <div className={fr.cx('fr-mb-2w', 'fr-p-2w') + ' maillage-encart'}>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <strong>Lié au diagnostic :</strong> {d.libelle}
        {d.unite ? ` (${d.unite})` : ''}.
      </p>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        <strong>{PHRASES_TENDANCE[d.tendance]}</strong>
        {d.ecartInitial && d.ecartActuel && d.tendance !== 'indeterminee'
          ? ` Écart : ${ecart(d.ecartInitial)}, puis ${ecart(d.ecartActuel)}.`
          : ''}
      </p>
      {d.serie.length > 0 && (
        <details className="maillage-details">
          <summary>
            Série du territoire ({d.serie.length} période{d.serie.length > 1 ? 's' : ''})
          </summary>
          <Table
            caption={`${d.libelle} sur le territoire du contrat`}
            headers={['Période', 'Valeur']}
            data={d.serie.map((s) => [s.periode, s.texte])}
          />
        </details>
      )}
    </div>
  );
}

interface PropsIndicateur {
  i: IndicateurSuivi;
  suivi: DonneesSuivi;
  edition: EditionSuivi;
  setEdition: (e: EditionSuivi) => void;
  onMessage: (m: string) => void;
  onTransition: (valeur: ValeurSuivi, action: ActionSuivi) => void;
  onSupprimer: (i: IndicateurSuivi) => void;
  transitionEnCours: boolean;
  /** The account looking at the page: under four eyes, it does not validate what it submitted. */
  moi: string | null;
}

export function BlocIndicateur({
  i,
  suivi,
  edition,
  setEdition,
  onMessage,
  onTransition,
  onSupprimer,
  transitionEnCours,
  moi,
}: PropsIndicateur) {
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
    return (
      <FormulaireIndicateurSuivi
        ficheId={suivi.fiche.id}
        indicateur={i}
        periodeSuggeree={anneeCourante()}
        aDesValeursValidees={aDesValidees}
        onFermer={fermer}
      />
    );

  const actions = (v: ValeurSuivi | undefined, periode: string) => {
    const boutons: React.ReactNode[] = [];
    const nom = `la valeur ${libellePeriodeSuivi(periode)} de « ${i.libelle} »`;
    const modifiable = droits.saisir && (!v || v.etat === 'brouillon' || v.etat === 'a_corriger');
    if (modifiable)
      boutons.push(
        <Button
          key="s"
          type="button"
          size="small"
          priority="secondary"
          disabled={edition !== null}
          onClick={() => setEdition({ type: 'valeur', indicateurId: i.id, periode })}
          nativeButtonProps={{ 'aria-label': `${v ? 'Corriger' : 'Saisir'} ${nom}` }}
        >
          {v ? 'Corriger' : 'Saisir'}
        </Button>,
      );
    if (v && droits.saisir && (v.etat === 'brouillon' || v.etat === 'a_corriger'))
      boutons.push(
        <Button
          key="o"
          type="button"
          size="small"
          disabled={transitionEnCours}
          onClick={() => onTransition(v, 'soumettre')}
          nativeButtonProps={{ 'aria-label': `Soumettre ${nom}` }}
        >
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
          <Button
            key="v"
            type="button"
            size="small"
            iconId="fr-icon-check-line"
            disabled={transitionEnCours}
            onClick={() => onTransition(v, 'valider')}
            nativeButtonProps={{ 'aria-label': `Valider ${nom}` }}
          >
            Valider
          </Button>
        ),
        <Button
          key="r"
          type="button"
          size="small"
          priority="secondary"
          disabled={transitionEnCours}
          onClick={() => onTransition(v, 'renvoyer')}
          nativeButtonProps={{ 'aria-label': `Renvoyer pour correction ${nom}` }}
        >
          Renvoyer pour correction
        </Button>,
      );
    }
    if (v?.etat === 'valide')
      boutons.push(
        <span key="l" className={fr.cx('fr-text--xs')}>
          Période verrouillée
        </span>,
      );
    if (v?.etat === 'valide' && droits.rouvrir)
      boutons.push(
        <Button
          key="o"
          type="button"
          size="small"
          priority="secondary"
          iconId="fr-icon-arrow-go-back-line"
          disabled={transitionEnCours}
          onClick={() => onTransition(v, 'rouvrir')}
          nativeButtonProps={{ 'aria-label': `Rouvrir ${nom}` }}
        >
          Rouvrir
        </Button>,
      );
    if (v?.etat === 'soumis' && !droits.valider)
      boutons.push(
        <span key="a" className={fr.cx('fr-text--xs')}>
          En attente de validation
        </span>,
      );
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
            <Button
              type="button"
              size="small"
              priority="secondary"
              iconId="fr-icon-edit-line"
              disabled={edition !== null}
              onClick={() => setEdition({ type: 'indicateur', id: i.id })}
              nativeButtonProps={{ 'aria-label': `Modifier l’indicateur « ${i.libelle} »` }}
            >
              Modifier
            </Button>
            <Button
              type="button"
              size="small"
              priority="tertiary"
              iconId="fr-icon-delete-line"
              disabled={edition !== null || aDesValidees}
              onClick={() => onSupprimer(i)}
              nativeButtonProps={{
                'aria-label': `Supprimer l’indicateur « ${i.libelle} »`,
                title: aDesValidees ? 'Des valeurs sont validées : l’indicateur ne peut plus être supprimé' : undefined,
              }}
            >
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
        <p className={fr.cx('fr-text--sm')}>
          Aucune cible ni valeur : fixez des cibles par période (bouton « Modifier ») pour que l’indicateur compte dans l’avancement.
        </p>
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
      {editionValeur && (
        <FormulaireValeurSuivi indicateur={i} periode={editionValeur.periode} periodeSuggeree={periodeAProposer(i)} onFermer={fermer} />
      )}
      {droits.saisir && !editionValeur && (
        <Button
          type="button"
          size="small"
          priority="tertiary"
          iconId="fr-icon-add-line"
          disabled={edition !== null}
          onClick={() => setEdition({ type: 'valeur', indicateurId: i.id, periode: null })}
          nativeButtonProps={{ 'aria-label': `Saisir une valeur pour une autre période de « ${i.libelle} »` }}
        >
          Saisir une valeur pour une autre période
        </Button>
      )}
    </article>
  );
}
