import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { LIBELLES_STATUT_FICHE, pluriel, STATUTS_FICHE, type StatutFiche } from '@maillage/domain';
import { Link } from 'react-router';
import { SyntheseActiviteAppui } from '../../components/activite-appui';
import { useAvancement, type Avancement, type FicheAvancement } from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterNombre } from '../../components/format';
import { BadgeStatutFiche } from '../../components/statuts-contrat';
import { BarreAvancement, HistoriqueStatuts, LIBELLES_SOURCE_AVANCEMENT, nombreFr } from './libelles-suivi';
import './suivi.css';

const pourcent = (v: number | null) => (v === null ? 'non mesuré' : `${nombreFr(v, 0)} %`);

function sourceFiche(f: FicheAvancement): string {
  if (f.source === 'indicateurs')
    return `${LIBELLES_SOURCE_AVANCEMENT.indicateurs} (${pluriel(f.indicateursMesures, 'indicateur')} sur ${f.indicateurs})`;
  if (f.source === 'statut')
    return f.indicateurs
      ? `${LIBELLES_SOURCE_AVANCEMENT.statut} (aucune valeur validée)`
      : `${LIBELLES_SOURCE_AVANCEMENT.statut} (aucun indicateur)`;
  return LIBELLES_SOURCE_AVANCEMENT.exclue;
}

/** All fiches of the contract, in the tree's order. */
export function toutesLesFiches(a: Avancement): FicheAvancement[] {
  return [...a.axes.flatMap((axe) => [...axe.objectifs.flatMap((o) => o.fiches), ...axe.fichesSansObjectif]), ...a.fichesSansAxe];
}

function LigneFiche({ f }: { f: FicheAvancement }) {
  return (
    <li>
      <div className="maillage-avancement__ligne">
        <div>
          <p>
            <Link to={`/fiches/${f.id}#section-suivi`}>
              Fiche {f.numero} — {f.intitule}
            </Link>{' '}
            <BadgeStatutFiche statut={f.statut as StatutFiche} />
          </p>
          <p className={fr.cx('fr-text--xs')}>Source : {sourceFiche(f)}</p>
          {f.avancement !== null &&
            f.avancement >= 100 &&
            (f.statut === 'en_cours' || f.statut === 'en_retard' || f.statut === 'a_venir') && (
              // Progress never changes the statut by itself: the people of the contract decide, reminded here.
              <p className={fr.cx('fr-text--xs', 'fr-mb-1v')}>
                <span className={fr.cx('fr-icon-info-line', 'fr-icon--sm')} aria-hidden="true" /> Ses indicateurs ont atteint leur cible :
                si l’action est terminée, passez la fiche en « {LIBELLES_STATUT_FICHE.realisee} » (en COPIL, ou depuis la fiche).
              </p>
            )}
          <details className="maillage-details">
            <summary>
              Historique du statut<span className={fr.cx('fr-sr-only')}> de la fiche {f.numero}</span>
            </summary>
            <HistoriqueStatuts historique={f.historiqueStatuts} />
          </details>
        </div>
        <BarreAvancement valeur={f.avancement} libelle={`Avancement de la fiche ${f.numero}`} />
      </div>
    </li>
  );
}

function ListeFiches({ fiches }: { fiches: FicheAvancement[] }) {
  if (!fiches.length) return null;
  return (
    <ul className="maillage-avancement maillage-avancement--fiches">
      {fiches.map((f) => (
        <LigneFiche key={f.id} f={f} />
      ))}
    </ul>
  );
}

/**
 * The contract's progress: the figure, statut counts, then axe → objectif → fiche with bars and figures written out,
 * each fiche with where its figure comes from and its statut history; the same data as a table.
 */
export function AvancementContrat({ contratId, niveauTitre = 2 }: { contratId: string; niveauTitre?: 2 | 3 }) {
  const avancement = useAvancement(contratId);
  const H = `h${niveauTitre}` as const;
  const H2 = `h${niveauTitre + 1}` as 'h3' | 'h4';
  if (avancement.isPending) return <Chargement libelle="Calcul de l’avancement…" />;
  if (avancement.error) return <AlerteErreur erreur={avancement.error} as={H2} titre="Impossible de calculer l’avancement" />;
  const a = avancement.data;
  const fiches = toutesLesFiches(a);
  const parIndicateurs = fiches.filter((f) => f.source === 'indicateurs').length;
  const parStatut = fiches.filter((f) => f.source === 'statut').length;

  return (
    <>
      <section aria-labelledby="titre-avancement" className={fr.cx('fr-mb-6w')}>
        <H id="titre-avancement">Avancement du contrat</H>
        {a.fiches === 0 ? (
          <p>Le contrat n’a encore aucune fiche-action : l’avancement se calculera dès qu’il en aura.</p>
        ) : (
          <>
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <div className={fr.cx('fr-p-2w') + ' maillage-chiffre'}>
                  <p className={fr.cx('fr-h3', 'fr-mb-1w')}>{pourcent(a.avancement)}</p>
                  <BarreAvancement valeur={a.avancement} libelle="Avancement du contrat" />
                  <p className={fr.cx('fr-text--sm', 'fr-mb-0', 'fr-mt-1w')}>
                    d’avancement pondéré sur {formaterNombre(a.fiches)} fiche{a.fiches > 1 ? 's' : ''}-action :{' '}
                    {formaterNombre(parIndicateurs)} mesurée
                    {parIndicateurs > 1 ? 's' : ''} par des valeurs validées, {formaterNombre(parStatut)} selon leur statut
                    {a.parStatut.abandonnee
                      ? `, ${formaterNombre(a.parStatut.abandonnee)} abandonnée${a.parStatut.abandonnee > 1 ? 's' : ''} hors calcul`
                      : ''}
                    .
                  </p>
                </div>
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1v')} id="avancement-par-statut">
                  Fiches-action par statut
                </p>
                <ul className={fr.cx('fr-mb-2w') + ' maillage-liste-sans-puce maillage-statuts'} aria-labelledby="avancement-par-statut">
                  {STATUTS_FICHE.filter((s) => a.parStatut[s]).map((s) => (
                    <li key={s}>
                      <BadgeStatutFiche statut={s as StatutFiche} />{' '}
                      <span className={fr.cx('fr-text--sm')}>
                        {formaterNombre(a.parStatut[s])} fiche{a.parStatut[s] > 1 ? 's' : ''}
                      </span>
                    </li>
                  ))}
                </ul>
                <p className={fr.cx('fr-text--xs', 'fr-mb-0')}>
                  D’où vient le chiffre : une fiche se mesure par les <strong>valeurs validées</strong> de ses indicateurs (la part du
                  chemin parcouru de la référence à la cible) ; faute de valeur validée, <strong>selon son statut</strong> (à venir 0 %, en
                  cours, en retard ou en pause 50 %, réalisée 100 %). Seules les valeurs validées comptent. Les fiches se cumulent, selon
                  leur poids, par objectif, par axe puis pour le contrat.
                </p>
              </div>
            </div>

            {a.axes.length > 0 && (
              <ul className="maillage-avancement">
                {a.axes.map((axe) => (
                  <li key={axe.id} className={fr.cx('fr-mb-2w')}>
                    <div className="maillage-avancement__ligne">
                      <p className={fr.cx('fr-text--lg', 'fr-text--bold')}>
                        Axe {axe.numero}. {axe.intitule}
                      </p>
                      <BarreAvancement valeur={axe.avancement} libelle={`Avancement de l’axe ${axe.numero}`} />
                    </div>
                    <ul className="maillage-avancement maillage-avancement--objectif">
                      {axe.objectifs.map((o) => (
                        <li key={o.id}>
                          <div className="maillage-avancement__ligne">
                            <p className={fr.cx('fr-text--bold')}>
                              Objectif {o.numero}. {o.intitule}
                            </p>
                            <BarreAvancement valeur={o.avancement} libelle={`Avancement de l’objectif ${o.numero}`} />
                          </div>
                          <ListeFiches fiches={o.fiches} />
                        </li>
                      ))}
                    </ul>
                    <ListeFiches fiches={axe.fichesSansObjectif} />
                  </li>
                ))}
              </ul>
            )}
            {a.fichesSansAxe.length > 0 && (
              <>
                <p className={fr.cx('fr-text--bold', 'fr-mt-2w', 'fr-mb-0')}>Fiches rattachées à aucun axe</p>
                <ListeFiches fiches={a.fichesSansAxe} />
              </>
            )}

            <details className="maillage-details fr-mt-2w">
              <summary>Voir l’avancement en tableau</summary>
              <div className="maillage-defilement">
                <Table
                  caption="Avancement par axe, objectif et fiche-action"
                  headers={['Niveau', 'Intitulé', 'Avancement', 'Poids', 'Source du chiffre']}
                  data={[
                    ...a.axes.flatMap((axe) => [
                      ['Axe', `${axe.numero}. ${axe.intitule}`, pourcent(axe.avancement), nombreFr(axe.poids), 'cumul des fiches'],
                      ...axe.objectifs.flatMap((o) => [
                        ['Objectif', `${o.numero}. ${o.intitule}`, pourcent(o.avancement), nombreFr(o.poids), 'cumul des fiches'],
                        ...o.fiches.map((f) => [
                          'Fiche',
                          `${f.numero}. ${f.intitule}`,
                          pourcent(f.avancement),
                          nombreFr(f.poids),
                          sourceFiche(f),
                        ]),
                      ]),
                      ...axe.fichesSansObjectif.map((f) => [
                        'Fiche',
                        `${f.numero}. ${f.intitule}`,
                        pourcent(f.avancement),
                        nombreFr(f.poids),
                        sourceFiche(f),
                      ]),
                    ]),
                    ...a.fichesSansAxe.map((f) => [
                      'Fiche (sans axe)',
                      `${f.numero}. ${f.intitule}`,
                      pourcent(f.avancement),
                      nombreFr(f.poids),
                      sourceFiche(f),
                    ]),
                    ['Contrat', 'Ensemble du contrat', pourcent(a.avancement), '—', 'cumul des axes et des fiches'],
                  ]}
                />
              </div>
            </details>
          </>
        )}
      </section>
      {a.activiteAppui && <SyntheseActiviteAppui activite={a.activiteAppui} perimetre="le périmètre du contrat" titre={H} />}
    </>
  );
}

/** For the Synthèse tab: the contract's figure and one bar per axe. */
export function AvancementSynthese({ contratId }: { contratId: string }) {
  const avancement = useAvancement(contratId);
  if (avancement.isPending || avancement.error || avancement.data.fiches === 0) return null;
  const a = avancement.data;
  return (
    <section aria-labelledby="synthese-avancement" className={fr.cx('fr-mb-4w')}>
      <h2 id="synthese-avancement">Avancement par axe</h2>
      <p>
        Avancement pondéré du contrat : <strong>{pourcent(a.avancement)}</strong> (valeurs validées des indicateurs, sinon statut des
        fiches). <Link to={`/contrats/${contratId}?onglet=suivi`}>Le détail dans « Suivi et évaluation »</Link>
      </p>
      <Table
        caption="Avancement par axe stratégique"
        headers={['Axe', 'Avancement']}
        data={[
          ...a.axes.map((axe) => [`${axe.numero}. ${axe.intitule}`, <BarreAvancement key="b" valeur={axe.avancement} />]),
          ...(a.fichesSansAxe.length
            ? [['Fiches sans axe', `${a.fichesSansAxe.length} fiche${a.fichesSansAxe.length > 1 ? 's' : ''}`]]
            : []),
          ['Ensemble du contrat', <BarreAvancement key="c" valeur={a.avancement} />],
        ]}
      />
    </section>
  );
}
