import { phraseJournal, type EvenementJournal } from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { exigerSurContrat } from '../contrats/acces';
import * as repository from './audit.repository';

export async function consulterJournal(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  f: {
    entiteType?: string;
    entiteId?: string;
    acteur?: string;
    action?: string;
    depuis?: string;
    jusqua?: string;
    page: number;
    parPage: number;
  },
) {
  exiger(utilisateur, 'lire', { type: 'audit' });
  const [page, valeurs] = await Promise.all([
    repository.listerEvenements(ctx.db, {
      entiteType: f.entiteType || null,
      entiteId: f.entiteId || null,
      acteur: f.acteur?.trim() || null,
      action: f.action || null,
      depuis: f.depuis || null,
      jusqua: f.jusqua || null,
      limite: f.parPage,
      decalage: (f.page - 1) * f.parPage,
    }),
    repository.valeursDistinctes(ctx.db),
  ]);
  return { ...enPhrases(page), ...valeurs };
}

/** The history tab of a contract: readable by whoever may read the contract. */
export async function historiqueContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string, page: number, parPage: number) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return enPhrases(await repository.historiqueContrat(ctx.db, contratId, parPage, (page - 1) * parPage));
}

/** Each event also as a French sentence, for readers of the API (the web app names more, with the contract's names). */
function enPhrases<E extends EvenementJournal & { acteurLibelle: string }>(page: { total: number; elements: E[] }) {
  return { ...page, elements: page.elements.map((e) => ({ ...e, phrase: `${e.acteurLibelle} ${phraseJournal(e)}` })) };
}
