import { formaterDate, LIBELLES_STATUT_FICHE, type decisionSchema, type StatutFiche } from '@maillage/domain';
import type { z } from 'zod';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { ErreurMetier, invalide } from '../../platform/errors';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { changerStatutFiche, remplacerFinancementsFiche, trouverFiche, validerFiche } from '../fiches/changements-fiche.service';
import * as repository from './seances.repository';
import { lireSeance } from './seances.service';

type Decision = z.infer<typeof decisionSchema>;

/**
 * Records a decision of a séance and applies it to its fiche in the same transaction: validation, a new statut or a
 * changed funding line. The fiche's audit event names the decision, so its history says why it changed.
 */
export async function prendreDecision(
  ctx: Contexte,
  utilisateur: Utilisateur,
  seanceId: string,
  d: Decision,
  options: { confirmerSeanceFuture?: boolean } = {},
) {
  const seance = await lireSeance(ctx.db, seanceId);
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'modifier', seance.contratId);
  // A closed contract's séance may take note or change a fiche's statut, not validate a fiche or change its funding.
  exigerRecevable(ref, d.action === 'valider_fiche' || d.action === 'financement_fiche' ? 'decision_sur_plan' : 'decision');
  // A séance that has not been held has taken no decision yet: a date typed wrong, or a decision written in advance.
  const future = new Date(seance.debut).getTime() > Date.now();
  if (future && !options.confirmerSeanceFuture)
    throw new ErreurMetier(
      422,
      'Séance à venir',
      `La séance « ${seance.instanceNom} » est prévue le ${formaterDate(String(seance.debut).slice(0, 10))} : elle n’a pas encore eu lieu. ` +
        'Vérifiez sa date, ou confirmez pour enregistrer et appliquer cette décision dès maintenant.',
      {
        erreurs: [
          {
            champ: 'confirmerSeanceFuture',
            message: `Confirmez la décision d’une séance prévue le ${formaterDate(String(seance.debut).slice(0, 10))}`,
          },
        ],
      },
    );
  return enTransaction(ctx.db, async (tx) => {
    const fiche = d.action === 'aucune' ? null : await trouverFiche(tx, d.ficheId, true);
    if (d.action !== 'aucune' && (!fiche || fiche.contratId !== seance.contratId))
      throw invalide('Cette fiche n’appartient pas au contrat de la séance.', [
        { champ: 'ficheId', message: 'Fiche inconnue dans ce contrat' },
      ]);
    const decisionId = await repository.creerDecision(tx, seanceId, {
      texte: d.texte,
      action: d.action === 'aucune' ? null : d.action,
      ficheId: fiche?.id ?? null,
      parametres:
        d.action === 'statut_fiche'
          ? { statut: d.statut }
          : d.action === 'financement_fiche'
            ? { rang: d.rang ?? null, ligne: d.ligne }
            : {},
    });
    const dateSeance = String(seance.debut).slice(0, 10);
    const contexte = {
      contratId: seance.contratId,
      decisionId,
      seanceId,
      seance: `${seance.instanceNom} du ${dateSeance}`,
      ...(future ? { seanceAVenir: true } : {}),
    };
    let effet: Record<string, unknown> | null = null;

    if (fiche && d.action === 'valider_fiche') {
      await validerFiche(tx, fiche.id, dateSeance, decisionId);
      effet = { validation: { avant: null, apres: dateSeance } };
    } else if (fiche && d.action === 'statut_fiche') {
      await changerStatutFiche(tx, fiche.id, d.statut, `${utilisateur.libelle} (décision du ${formaterDate(dateSeance)})`);
      effet = { statut: { avant: fiche.statut, apres: d.statut } };
    } else if (fiche && d.action === 'financement_fiche') {
      const lignes = fiche.financements.map(({ id, financeurNom, ...l }) => l);
      const rang = d.rang ?? null;
      if (rang !== null && !lignes[rang])
        throw invalide('Cette ligne de financement n’existe pas.', [{ champ: 'rang', message: 'Ligne inconnue' }]);
      const avant = rang !== null ? lignes[rang] : null;
      if (rang !== null)
        lignes[rang] = {
          ...d.ligne,
          financeurId: d.ligne.financeurId ?? null,
          financeurLibelle: d.ligne.financeurLibelle ?? null,
          valorisationNature: d.ligne.valorisationNature ?? null,
        };
      else
        lignes.push({
          ...d.ligne,
          financeurId: d.ligne.financeurId ?? null,
          financeurLibelle: d.ligne.financeurLibelle ?? null,
          valorisationNature: d.ligne.valorisationNature ?? null,
        });
      await remplacerFinancementsFiche(tx, fiche.contratId, fiche.id, lignes as never);
      effet = { financement: { avant, apres: d.ligne } };
    }
    if (fiche && effet) {
      await repository.noterEffetDecision(tx, decisionId, effet);
      await auditer(tx, {
        acteur: acteurDe(utilisateur),
        entiteType: 'fiche',
        entiteId: fiche.id,
        action: d.action === 'valider_fiche' ? 'validation' : 'modification',
        avant: Object.fromEntries(Object.entries(effet).map(([k, v]) => [k, (v as { avant: unknown }).avant])),
        apres: Object.fromEntries(Object.entries(effet).map(([k, v]) => [k, (v as { apres: unknown }).apres])),
        contexte: { ...contexte, numero: fiche.numero, motif: `Décision : ${d.texte}` },
      });
    }
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'decision',
      entiteId: decisionId,
      action: 'creation',
      apres: d as never,
      contexte,
    });
    return {
      id: decisionId,
      effet,
      resume:
        d.action === 'statut_fiche' && fiche
          ? `Fiche ${fiche.numero} : ${LIBELLES_STATUT_FICHE[fiche.statut as StatutFiche]} → ${LIBELLES_STATUT_FICHE[d.statut]}`
          : d.action === 'valider_fiche' && fiche
            ? `Fiche ${fiche.numero} validée`
            : d.action === 'financement_fiche' && fiche
              ? `Fiche ${fiche.numero} : financement modifié`
              : null,
    };
  });
}
