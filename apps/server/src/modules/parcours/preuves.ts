import { TRANSITIONS_RUPTURE, type PreuveRupture } from '@maillage/domain';
import type { PreuveRuptureVue, RuptureVue } from '@maillage/domain/api';
import type { Queryable } from '../../platform/database';
import { invalide } from '../../platform/errors';
import { lireQualitatif } from '../diagnostics/qualitatif.service';
import type { RuptureLue } from './parcours.queries';

/**
 * The evidence of a rupture (issue 17 item 5): verbatims and constats are named by id in the contract's diagnostic,
 * read through the diagnostics service, so that an edited verbatim shows its current words.
 */

type Diagnostic = Awaited<ReturnType<typeof lireQualitatif>>;

const aDesReferences = (preuves: PreuveRupture[]) => preuves.some((p) => p.type === 'verbatim' || p.type === 'constat');

/** 400 naming the evidence that is not in the contract's diagnostic. */
export async function verifierPreuves(db: Queryable, contratId: string, preuves: PreuveRupture[]) {
  if (!aDesReferences(preuves)) return;
  const d = await lireQualitatif(db, contratId);
  const verbatims = new Set(d.verbatims.map((v) => v.id));
  const constats = new Set(d.constats.map((c) => c.id));
  const erreurs = preuves.flatMap((p, i) =>
    (p.type === 'verbatim' && !verbatims.has(p.verbatimId)) || (p.type === 'constat' && !constats.has(p.constatId))
      ? [
          {
            champ: `preuves.${i}`,
            message: `${p.type === 'verbatim' ? 'Ce verbatim' : 'Ce constat'} n’est pas dans le diagnostic du contrat`,
          },
        ]
      : [],
  );
  if (erreurs.length) throw invalide('Une preuve renvoie à un élément absent du diagnostic de ce contrat.', erreurs);
}

function vuePreuve(p: PreuveRupture, d: Diagnostic | null): PreuveRuptureVue {
  switch (p.type) {
    case 'verbatim': {
      const v = d?.verbatims.find((x) => x.id === p.verbatimId);
      return {
        type: 'verbatim',
        referenceId: p.verbatimId,
        texte: v?.texte ?? 'Verbatim retiré du diagnostic',
        auteur: v?.locuteur ?? null,
        indicateurCode: null,
      };
    }
    case 'constat': {
      const c = d?.constats.find((x) => x.id === p.constatId);
      return {
        type: 'constat',
        referenceId: p.constatId,
        texte: c?.intitule ?? 'Constat retiré du diagnostic',
        auteur: null,
        indicateurCode: null,
      };
    }
    case 'signalement':
      return { type: 'signalement', referenceId: null, texte: p.texte, auteur: p.auteur, indicateurCode: null };
    case 'indicateur':
      return { type: 'indicateur', referenceId: null, texte: p.texte, auteur: null, indicateurCode: p.indicateurCode };
  }
}

/** Ruptures as the API shows them: evidence resolved, the statuses they may go to. */
export async function vuesRuptures(db: Queryable, contratId: string, ruptures: RuptureLue[]): Promise<RuptureVue[]> {
  const d = ruptures.some((r) => aDesReferences(r.preuves)) ? await lireQualitatif(db, contratId) : null;
  return ruptures.map(({ ficheId: _f, ...r }) => ({
    ...r,
    preuves: r.preuves.map((p) => vuePreuve(p, d)),
    transitions: [...TRANSITIONS_RUPTURE[r.statut]],
  }));
}
