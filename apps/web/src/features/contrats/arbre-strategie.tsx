import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { Link } from 'react-router';
import { useStrategie } from '../../api/contrats';
import type { Axe, ContratDetail, Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { AnnonceDeplacement, BoutonsDeplacement, useDeplacement } from './deplacement';
import { FormulaireAxe, FormulaireObjectif } from './formulaires-strategie';
import { BadgeStatutFiche } from '../../components/statuts-contrat';

const suppression = creerConfirmation('confirmation-suppression-strategie');

type Edition = { type: 'axe'; id: string | null } | { type: 'objectif'; id: string | null; axeId: string } | null;
type Cible = { type: 'axe' | 'objectif'; id: string; libelle: string };

function ListeFiches({ fiches }: { fiches: Fiche[] }) {
  if (!fiches.length) return null;
  return (
    <ul className={fr.cx('fr-mb-1w')}>
      {fiches.map((f) => (
        <li key={f.id}>
          <Link to={`/fiches/${f.id}`}>
            Fiche {f.numero} — {f.intitule}
          </Link>{' '}
          <BadgeStatutFiche statut={f.statut} />
        </li>
      ))}
    </ul>
  );
}

interface Props {
  contrat: ContratDetail;
  fiches: Fiche[];
  editable: boolean;
  axesPrs: string[];
}

/** Axes → objectifs → fiches, with adding, editing, deleting and keyboard reordering of axes and objectifs. */
export function ArbreStrategie({ contrat, fiches, editable, axesPrs }: Props) {
  const s = useStrategie(contrat.id);
  const deplacement = useDeplacement();
  const [edition, setEdition] = useState<Edition>(null);
  const [cible, setCible] = useState<Cible | null>(null);
  const axes = contrat.axes;
  const sansAxe = fiches.filter((f) => !f.axe);
  const fermer = () => setEdition(null);
  const erreurSuppression = s.suppressionAxe.error ?? s.suppressionObjectif.error;

  const actions = (contenu: React.ReactNode) =>
    editable ? <div className={fr.cx('fr-mb-1w') + ' maillage-actions'}>{contenu}</div> : null;

  const blocAxe = (axe: Axe, index: number) => {
    const nomAxe = `l’axe ${axe.numero} : ${axe.intitule}`;
    const fichesAxe = fiches.filter((f) => f.axe?.id === axe.id);
    return (
      <li key={axe.id} className={fr.cx('fr-mb-4w')}>
        <h3 className={fr.cx('fr-h5', 'fr-mb-1w')}>
          Axe {axe.numero}. {axe.intitule}
        </h3>
        {axe.axePrs && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>Axe du projet régional de santé : {axe.axePrs}</p>}
        {axe.description && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{axe.description}</p>}
        {actions(
          <>
            <BoutonsDeplacement
              idBase={`axe-${axe.id}`}
              index={index}
              total={axes.length}
              libelle={nomAxe}
              desactive={deplacement.enCours}
              onDeplacer={(i) =>
                deplacement.executer({ ids: axes.map((a) => a.id), id: axe.id, nouvelIndex: i, nom: `Axe « ${axe.intitule} »`, idBase: `axe-${axe.id}`, enregistrer: s.ordreAxes.mutateAsync })
              }
            />
            <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-edit-line" onClick={() => setEdition({ type: 'axe', id: axe.id })} nativeButtonProps={{ 'aria-label': `Modifier ${nomAxe}` }}>
              Modifier
            </Button>
            <Button
              type="button"
              size="small"
              priority="tertiary no outline"
              iconId="fr-icon-delete-line"
              onClick={() => {
                setCible({ type: 'axe', id: axe.id, libelle: `l’axe ${axe.numero} « ${axe.intitule} »` });
                suppression.ouvrir();
              }}
              nativeButtonProps={{ 'aria-label': `Supprimer ${nomAxe}` }}
            >
              Supprimer
            </Button>
          </>,
        )}
        {edition?.type === 'axe' && edition.id === axe.id && (
          <FormulaireAxe
            titre={`Modifier l’axe ${axe.numero}`}
            axe={axe}
            axesPrs={axesPrs}
            erreur={s.modificationAxe.error}
            enCours={s.modificationAxe.isPending}
            onAnnuler={fermer}
            onEnregistrer={(saisie) => s.modificationAxe.mutateAsync({ id: axe.id, ...saisie }).then(fermer)}
          />
        )}
        {axe.objectifs.length > 0 && (
          <ol className={fr.cx('fr-raw-list', 'fr-pl-3w')} aria-label={`Objectifs de l’axe ${axe.numero}`}>
            {axe.objectifs.map((o, i) => {
              const nomObjectif = `l’objectif ${o.numero} : ${o.intitule}`;
              return (
                <li key={o.id} className={fr.cx('fr-mb-2w')}>
                  <h4 className={fr.cx('fr-h6', 'fr-mb-1w')}>
                    Objectif {o.numero}. {o.intitule}
                  </h4>
                  {o.objectifsOperationnels.length > 0 && (
                    <>
                      <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Objectifs opérationnels :</p>
                      <ul className={fr.cx('fr-text--sm')}>
                        {o.objectifsOperationnels.map((op) => (
                          <li key={op}>{op}</li>
                        ))}
                      </ul>
                    </>
                  )}
                  {actions(
                    <>
                      <BoutonsDeplacement
                        idBase={`objectif-${o.id}`}
                        index={i}
                        total={axe.objectifs.length}
                        libelle={nomObjectif}
                        desactive={deplacement.enCours}
                        onDeplacer={(n) =>
                          deplacement.executer({
                            ids: axe.objectifs.map((x) => x.id),
                            id: o.id,
                            nouvelIndex: n,
                            nom: `Objectif « ${o.intitule} »`,
                            idBase: `objectif-${o.id}`,
                            enregistrer: (ids) => s.ordreObjectifs.mutateAsync({ axeId: axe.id, ids }),
                          })
                        }
                      />
                      <Button type="button" size="small" priority="tertiary no outline" iconId="fr-icon-edit-line" onClick={() => setEdition({ type: 'objectif', id: o.id, axeId: axe.id })} nativeButtonProps={{ 'aria-label': `Modifier ${nomObjectif}` }}>
                        Modifier
                      </Button>
                      <Button
                        type="button"
                        size="small"
                        priority="tertiary no outline"
                        iconId="fr-icon-delete-line"
                        onClick={() => {
                          setCible({ type: 'objectif', id: o.id, libelle: `l’objectif ${o.numero} « ${o.intitule} »` });
                          suppression.ouvrir();
                        }}
                        nativeButtonProps={{ 'aria-label': `Supprimer ${nomObjectif}` }}
                      >
                        Supprimer
                      </Button>
                    </>,
                  )}
                  {edition?.type === 'objectif' && edition.id === o.id && (
                    <FormulaireObjectif
                      titre={`Modifier l’objectif ${o.numero}`}
                      objectif={o}
                      erreur={s.modificationObjectif.error}
                      enCours={s.modificationObjectif.isPending}
                      onAnnuler={fermer}
                      onEnregistrer={(saisie) => s.modificationObjectif.mutateAsync({ id: o.id, ...saisie }).then(fermer)}
                    />
                  )}
                  <ListeFiches fiches={fichesAxe.filter((f) => f.objectif?.id === o.id)} />
                </li>
              );
            })}
          </ol>
        )}
        {fichesAxe.some((f) => !f.objectif) && (
          <div className={fr.cx('fr-pl-3w')}>
            <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Fiches rattachées à l’axe sans objectif :</p>
            <ListeFiches fiches={fichesAxe.filter((f) => !f.objectif)} />
          </div>
        )}
        {editable &&
          (edition?.type === 'objectif' && edition.id === null && edition.axeId === axe.id ? (
            <FormulaireObjectif
              titre={`Nouvel objectif de l’axe ${axe.numero}`}
              erreur={s.ajoutObjectif.error}
              enCours={s.ajoutObjectif.isPending}
              onAnnuler={fermer}
              onEnregistrer={(saisie) => s.ajoutObjectif.mutateAsync({ axeId: axe.id, ...saisie }).then(fermer)}
            />
          ) : (
            <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" className={fr.cx('fr-ml-3w')} onClick={() => setEdition({ type: 'objectif', id: null, axeId: axe.id })} nativeButtonProps={{ 'aria-label': `Ajouter un objectif à l’axe ${axe.numero}` }}>
              Ajouter un objectif
            </Button>
          ))}
      </li>
    );
  };

  return (
    <>
      <AnnonceDeplacement texte={deplacement.annonce} />
      {erreurSuppression ? <AlerteErreur erreur={erreurSuppression} as="h3" titre="La suppression n’a pas abouti" /> : null}
      {(s.ordreAxes.error || s.ordreObjectifs.error) && <AlerteErreur erreur={s.ordreAxes.error ?? s.ordreObjectifs.error} as="h3" titre="L’ordre n’a pas été enregistré" />}
      {axes.length === 0 ? (
        <p>Aucun axe stratégique pour l’instant.{editable ? ' Ajoutez le premier : chaque fiche-action pourra ensuite s’y rattacher.' : ''}</p>
      ) : (
        <ol className={fr.cx('fr-raw-list')} aria-label="Axes stratégiques">
          {axes.map(blocAxe)}
        </ol>
      )}
      {editable &&
        (edition?.type === 'axe' && edition.id === null ? (
          <FormulaireAxe
            titre="Nouvel axe stratégique"
            axesPrs={axesPrs}
            erreur={s.ajoutAxe.error}
            enCours={s.ajoutAxe.isPending}
            onAnnuler={fermer}
            onEnregistrer={(saisie) => s.ajoutAxe.mutateAsync(saisie).then(fermer)}
          />
        ) : (
          <Button type="button" iconId="fr-icon-add-line" priority="secondary" className={fr.cx('fr-mb-3w')} onClick={() => setEdition({ type: 'axe', id: null })}>
            Ajouter un axe stratégique
          </Button>
        ))}
      {sansAxe.length > 0 && (
        <>
          <h3 className={fr.cx('fr-h5', 'fr-mt-3w')}>Fiches sans axe</h3>
          <ListeFiches fiches={sansAxe} />
        </>
      )}
      <suppression.Confirmation
        titre={cible ? `Supprimer ${cible.libelle} ?` : 'Supprimer'}
        libelleConfirmer="Supprimer"
        onConfirmer={() => {
          if (!cible) return;
          if (cible.type === 'axe') s.suppressionAxe.mutate(cible.id);
          else s.suppressionObjectif.mutate(cible.id);
        }}
      >
        <p>
          {cible?.type === 'axe'
            ? 'L’axe et ses objectifs seront supprimés. Un axe auquel des fiches-action sont rattachées ne peut pas l’être : déplacez d’abord ses fiches.'
            : 'L’objectif et ses objectifs opérationnels seront supprimés ; les fiches qui y étaient rattachées restent dans leur axe.'}{' '}
          La suppression est tracée dans l’historique.
        </p>
      </suppression.Confirmation>
    </>
  );
}
