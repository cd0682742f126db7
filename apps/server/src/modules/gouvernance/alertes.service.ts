import { alertesContrat, type Alerte } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { exigerSurContrat } from '../contrats/acces';
import { lireContrat } from '../contrats/lecture.service';
import { destinatairesSynthese, faitsAlertes } from './gouvernance.queries';
import * as repository from './gouvernance.repository';
import { prochainesSeances } from './seances.repository';

/** The alerts of one contract today, with the thresholds of the doctrines of its regions (the strictest wins). */
export async function calculerAlertes(
  db: Queryable,
  contratId: string,
  aujourdhui = new Date().toISOString().slice(0, 10),
): Promise<Alerte[]> {
  return (await calculerAlertesContrats(db, [contratId], aujourdhui)).get(contratId) ?? [];
}

/**
 * The alerts of several contracts at once (a regional portfolio): the same rules, fed by one query per kind of fact
 * instead of one per contract.
 */
export async function calculerAlertesContrats(
  db: Queryable,
  contratIds: string[],
  aujourdhui = new Date().toISOString().slice(0, 10),
): Promise<Map<string, Alerte[]>> {
  const alertes = new Map<string, Alerte[]>();
  if (!contratIds.length) return alertes;
  const { contrats: contratsLus, copil, postes, sansPilote } = await faitsAlertes(db, contratIds);
  const max = (valeurs: (number | null | undefined)[]) =>
    valeurs.filter((v): v is number => typeof v === 'number').reduce<number | null>((m, v) => (m === null ? v : Math.max(m, v)), null);
  const min = (valeurs: (number | null | undefined)[]) =>
    valeurs.filter((v): v is number => typeof v === 'number').reduce<number | null>((m, v) => (m === null ? v : Math.min(m, v)), null);
  for (const contrat of contratsLus) {
    const doctrines = contrat.doctrines;
    alertes.set(
      contrat.id,
      alertesContrat(
        {
          statut: contrat.statut,
          aujourdhui,
          dateSignature: contrat.dateSignature,
          debutElaboration: contrat.debutElaboration,
          seancesCopil: copil.filter((c) => c.contratId === contrat.id).map((c) => c.jour),
          postesCoordination: postes.filter((p) => p.contratId === contrat.id).map(({ contratId, ...p }) => p),
          fichesSansPilote: sansPilote.filter((f) => f.contratId === contrat.id).map((f) => f.numero),
        },
        { copilParAn: max(doctrines.map((d) => d?.copilParAn)), elaborationMoisMax: min(doctrines.map((d) => d?.elaborationMoisMax)) },
      ),
    );
  }
  return alertes;
}

export async function alertesDuContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  return calculerAlertes(ctx.db, contratId);
}

/**
 * The weekly digest: each coordinator who has not opted out receives the alerts and next séances of their
 * contracts. Run by the server once a week (and on demand by an admin); returns who was written to.
 */
export async function envoyerSyntheses(ctx: Contexte, maintenant = new Date()) {
  const destinataires = await destinatairesSynthese(ctx.db, maintenant.toISOString());
  const envoyes: string[] = [];
  for (const d of destinataires) {
    const sections: string[] = [];
    for (const contratId of d.contrats) {
      const contrat = await lireContrat(ctx.db, contratId);
      if (!contrat || ['echu', 'renouvele', 'abandonne'].includes(contrat.statut)) continue;
      const alertes = await calculerAlertes(ctx.db, contratId, maintenant.toISOString().slice(0, 10));
      const seances = await prochainesSeances(ctx.db, contratId, maintenant.toISOString(), 3);
      sections.push(
        [
          `■ ${contrat.intitule}`,
          alertes.length ? alertes.map((a) => `  ⚠ ${a.message}`).join('\n') : '  Aucune alerte.',
          seances.length
            ? seances
                .map((s) => `  • ${s.nom} le ${new Date(s.debut).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}`)
                .join('\n')
            : '  Aucune séance prévue.',
          `  ${ctx.config.publicUrl}/contrats/${contratId}`,
        ].join('\n'),
      );
    }
    if (!sections.length) continue;
    await ctx.messagerie.envoyer({
      a: d.email,
      sujet: 'Maillage — votre synthèse de la semaine',
      texte: `Bonjour ${d.prenom},\n\nVoici ce qui demande votre attention cette semaine.\n\n${sections.join('\n\n')}\n\nPour ne plus recevoir cette synthèse : ${ctx.config.publicUrl}/profil\n\nL’équipe Maillage`,
    });
    await repository.noterSyntheseEnvoyee(ctx.db, d.id, maintenant.toISOString());
    envoyes.push(d.email);
  }
  return envoyes;
}

/** An admin sends the digest now (out of the weekly schedule): audited like any action. */
export async function envoyerSynthesesMaintenant(ctx: Contexte, utilisateur: Utilisateur) {
  exiger(utilisateur, 'administrer', { type: 'plateforme' });
  const envoyes = await envoyerSyntheses(ctx);
  await auditer(ctx.db, {
    acteur: acteurDe(utilisateur),
    entiteType: 'synthese_hebdomadaire',
    entiteId: null,
    action: 'envoi',
    apres: { envoyes },
  });
  return envoyes;
}

export async function preferencesCourriel(ctx: Contexte, utilisateur: Utilisateur) {
  return { syntheseHebdomadaire: await repository.recoitSynthese(ctx.db, utilisateur.userId) };
}

export async function changerPreferencesCourriel(ctx: Contexte, utilisateur: Utilisateur, syntheseHebdomadaire: boolean) {
  await enTransaction(ctx.db, async (tx) => {
    await repository.changerSynthese(tx, utilisateur.userId, syntheseHebdomadaire);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'preferences_courriel',
      entiteId: utilisateur.userId,
      action: 'modification',
      apres: { syntheseHebdomadaire },
    });
  });
  return { syntheseHebdomadaire };
}
