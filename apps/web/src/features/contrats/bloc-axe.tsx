import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { useStrategie } from '../../api/contrats';
import type { Axe, Fiche } from '@maillage/domain/api';
import { BoutonsLigne } from '../../components/boutons-element';
import { BadgeStatutFiche } from '../../components/statuts-contrat';
import { BoutonsDeplacement, type useDeplacement } from '../../components/deplacement';
import { FormulaireAxe, FormulaireObjectif } from './formulaires-strategie';

export type EditionStrategie = { type: 'axe'; id: string | null } | { type: 'objectif'; id: string | null; axeId: string } | null;
export type CibleSuppression = { type: 'axe' | 'objectif'; id: string; libelle: string };

/** What every block of the strategy tree shares: the mutations, the open form, the reordering. */
export interface ContexteArbre {
  strategie: ReturnType<typeof useStrategie>;
  deplacement: ReturnType<typeof useDeplacement>;
  editable: boolean;
  edition: EditionStrategie;
  setEdition: (e: EditionStrategie) => void;
  fermer: () => void;
  /** Asks to confirm the deletion of an axe or an objectif. */
  onSupprimer: (cible: CibleSuppression) => void;
}

export function ListeFiches({ fiches }: { fiches: Fiche[] }) {
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

/** The reorder, edit and delete buttons of an axe or an objectif, shown to those who may edit. */
function Actions({ editable, children }: { editable: boolean; children: ReactNode }) {
  return editable ? <div className={fr.cx('fr-mb-1w') + ' maillage-actions'}>{children}</div> : null;
}

interface PropsObjectif {
  ctx: ContexteArbre;
  axe: Axe;
  objectif: Axe['objectifs'][number];
  index: number;
  fiches: Fiche[];
}

/** An objectif of an axe: its operational objectives, its buttons, its edit form and its fiches. */
function BlocObjectif({ ctx, axe, objectif: o, index, fiches }: PropsObjectif) {
  const { strategie: s, deplacement, edition } = ctx;
  const nomObjectif = `l’objectif ${o.numero} : ${o.intitule}`;
  return (
    <li className={fr.cx('fr-mb-2w')}>
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
      <Actions editable={ctx.editable}>
        <BoutonsDeplacement
          idBase={`objectif-${o.id}`}
          index={index}
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
        <BoutonsLigne
          nom={nomObjectif}
          onModifier={() => ctx.setEdition({ type: 'objectif', id: o.id, axeId: axe.id })}
          onSupprimer={() => ctx.onSupprimer({ type: 'objectif', id: o.id, libelle: `l’objectif ${o.numero} « ${o.intitule} »` })}
        />
      </Actions>
      {edition?.type === 'objectif' && edition.id === o.id && (
        <FormulaireObjectif
          titre={`Modifier l’objectif ${o.numero}`}
          objectif={o}
          erreur={s.modificationObjectif.error}
          enCours={s.modificationObjectif.isPending}
          onAnnuler={ctx.fermer}
          onEnregistrer={(saisie) => s.modificationObjectif.mutateAsync({ id: o.id, ...saisie }).then(ctx.fermer)}
        />
      )}
      <ListeFiches fiches={fiches.filter((f) => f.objectif?.id === o.id)} />
    </li>
  );
}

interface PropsAxe {
  ctx: ContexteArbre;
  axe: Axe;
  index: number;
  axes: Axe[];
  /** The fiches attached to this axe. */
  fiches: Fiche[];
  axesPrs: string[];
}

/** An axe of the strategy: its description, its buttons and edit form, its objectifs, and adding an objectif. */
export function BlocAxe({ ctx, axe, index, axes, fiches, axesPrs }: PropsAxe) {
  const { strategie: s, deplacement, edition } = ctx;
  const nomAxe = `l’axe ${axe.numero} : ${axe.intitule}`;
  return (
    <li className={fr.cx('fr-mb-4w')}>
      <h3 className={fr.cx('fr-h5', 'fr-mb-1w')}>
        Axe {axe.numero}. {axe.intitule}
      </h3>
      {axe.axePrs && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>Axe du projet régional de santé : {axe.axePrs}</p>}
      {axe.description && <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>{axe.description}</p>}
      <Actions editable={ctx.editable}>
        <BoutonsDeplacement
          idBase={`axe-${axe.id}`}
          index={index}
          total={axes.length}
          libelle={nomAxe}
          desactive={deplacement.enCours}
          onDeplacer={(i) =>
            deplacement.executer({
              ids: axes.map((a) => a.id),
              id: axe.id,
              nouvelIndex: i,
              nom: `Axe « ${axe.intitule} »`,
              idBase: `axe-${axe.id}`,
              enregistrer: s.ordreAxes.mutateAsync,
            })
          }
        />
        <BoutonsLigne
          nom={nomAxe}
          onModifier={() => ctx.setEdition({ type: 'axe', id: axe.id })}
          onSupprimer={() => ctx.onSupprimer({ type: 'axe', id: axe.id, libelle: `l’axe ${axe.numero} « ${axe.intitule} »` })}
        />
      </Actions>
      {edition?.type === 'axe' && edition.id === axe.id && (
        <FormulaireAxe
          titre={`Modifier l’axe ${axe.numero}`}
          axe={axe}
          axesPrs={axesPrs}
          erreur={s.modificationAxe.error}
          enCours={s.modificationAxe.isPending}
          onAnnuler={ctx.fermer}
          onEnregistrer={(saisie) => s.modificationAxe.mutateAsync({ id: axe.id, ...saisie }).then(ctx.fermer)}
        />
      )}
      {axe.objectifs.length > 0 && (
        <ol className={fr.cx('fr-raw-list', 'fr-pl-3w')} aria-label={`Objectifs de l’axe ${axe.numero}`}>
          {axe.objectifs.map((o, i) => (
            <BlocObjectif key={o.id} ctx={ctx} axe={axe} objectif={o} index={i} fiches={fiches} />
          ))}
        </ol>
      )}
      {fiches.some((f) => !f.objectif) && (
        <div className={fr.cx('fr-pl-3w')}>
          <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Fiches rattachées à l’axe sans objectif :</p>
          <ListeFiches fiches={fiches.filter((f) => !f.objectif)} />
        </div>
      )}
      {ctx.editable &&
        (edition?.type === 'objectif' && edition.id === null && edition.axeId === axe.id ? (
          <FormulaireObjectif
            titre={`Nouvel objectif de l’axe ${axe.numero}`}
            erreur={s.ajoutObjectif.error}
            enCours={s.ajoutObjectif.isPending}
            onAnnuler={ctx.fermer}
            onEnregistrer={(saisie) => s.ajoutObjectif.mutateAsync({ axeId: axe.id, ...saisie }).then(ctx.fermer)}
          />
        ) : (
          <Button
            type="button"
            size="small"
            priority="secondary"
            iconId="fr-icon-add-line"
            className={fr.cx('fr-ml-3w')}
            onClick={() => ctx.setEdition({ type: 'objectif', id: null, axeId: axe.id })}
            nativeButtonProps={{ 'aria-label': `Ajouter un objectif à l’axe ${axe.numero}` }}
          >
            Ajouter un objectif
          </Button>
        ))}
    </li>
  );
}
