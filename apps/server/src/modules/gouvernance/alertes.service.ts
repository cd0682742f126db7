import { alertesContrat, type Alerte, type Doctrine, type StatutContrat } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';

/** The alerts of one contract today, with the thresholds of the doctrines of its regions (the strictest wins). */
export async function calculerAlertes(db: Queryable, contratId: string, aujourdhui = new Date().toISOString().slice(0, 10)): Promise<Alerte[]> {
  return (await calculerAlertesContrats(db, [contratId], aujourdhui)).get(contratId) ?? [];
}

/**
 * The alerts of several contracts at once (a regional portfolio): the same rules, fed by one query per kind of fact
 * instead of one per contract.
 */
export async function calculerAlertesContrats(db: Queryable, contratIds: string[], aujourdhui = new Date().toISOString().slice(0, 10)): Promise<Map<string, Alerte[]>> {
  const alertes = new Map<string, Alerte[]>();
  if (!contratIds.length) return alertes;
  const [contratsLus, copil, postes, sansPilote] = await Promise.all([
    db.query<{ id: string; statut: StatutContrat; dateSignature: string | null; debutElaboration: string | null; doctrines: (Doctrine | null)[] }>(
      `select c.id, c.statut, c.date_signature as "dateSignature", c.debut_elaboration as "debutElaboration",
         array(select d.regles from unnest(c.regions) r left join doctrines d on d.region_code = r) as doctrines
       from contrats c where c.id = any($1::uuid[])`,
      [contratIds],
    ),
    db.query<{ contratId: string; jour: string }>(
      `select s.contrat_id as "contratId", to_char(s.debut at time zone 'Europe/Paris', 'YYYY-MM-DD') as jour from seances s join instances i on i.id = s.instance_id
       where s.contrat_id = any($1::uuid[]) and i.type = 'copil' and s.statut <> 'annulee'`,
      [contratIds],
    ),
    db.query<{ contratId: string; personne: string | null; debut: string | null; fin: string | null }>(
      'select contrat_id as "contratId", personne, debut, fin from postes_coordination where contrat_id = any($1::uuid[])',
      [contratIds],
    ),
    db.query<{ contratId: string; numero: number }>(
      `select f.contrat_id as "contratId", f.numero from fiches f where f.contrat_id = any($1::uuid[]) and f.statut not in ('realisee', 'abandonnee')
         and not exists (select 1 from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id is not null) order by f.numero`,
      [contratIds],
    ),
  ]);
  const max = (valeurs: (number | null | undefined)[]) => valeurs.filter((v): v is number => typeof v === 'number').reduce<number | null>((m, v) => (m === null ? v : Math.max(m, v)), null);
  const min = (valeurs: (number | null | undefined)[]) => valeurs.filter((v): v is number => typeof v === 'number').reduce<number | null>((m, v) => (m === null ? v : Math.min(m, v)), null);
  for (const contrat of contratsLus.rows) {
    const doctrines = contrat.doctrines;
    alertes.set(
      contrat.id,
      alertesContrat(
        {
          statut: contrat.statut,
          aujourdhui,
          dateSignature: contrat.dateSignature,
          debutElaboration: contrat.debutElaboration,
          seancesCopil: copil.rows.filter((c) => c.contratId === contrat.id).map((c) => c.jour),
          postesCoordination: postes.rows.filter((p) => p.contratId === contrat.id).map(({ contratId, ...p }) => p),
          fichesSansPilote: sansPilote.rows.filter((f) => f.contratId === contrat.id).map((f) => f.numero),
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
  const { rows: destinataires } = await ctx.db.query(
    `select u.id, u.email, p.prenom, array_agg(h.contrat_id) as contrats from utilisateurs u
     join personnes p on p.id = u.personne_id join habilitations h on h.utilisateur_id = u.id and h.role = 'coordonnateur'
     left join preferences_courriel pc on pc.utilisateur_id = u.id
     where u.actif and coalesce(pc.synthese_hebdomadaire, true)
       and (pc.derniere_synthese is null or pc.derniere_synthese < $1::timestamptz - interval '6 days')
     group by u.id, u.email, p.prenom`,
    [maintenant.toISOString()],
  );
  const envoyes: string[] = [];
  for (const d of destinataires) {
    const sections: string[] = [];
    for (const contratId of d.contrats as string[]) {
      const contrat = await contrats.obtenirContrat(ctx.db, contratId);
      if (!contrat || ['echu', 'renouvele', 'abandonne'].includes(contrat.statut)) continue;
      const alertes = await calculerAlertes(ctx.db, contratId, maintenant.toISOString().slice(0, 10));
      const { rows: seances } = await ctx.db.query(
        `select i.nom, s.debut from seances s join instances i on i.id = s.instance_id where s.contrat_id = $1 and s.debut > $2 and s.statut = 'prevue' order by s.debut limit 3`,
        [contratId, maintenant.toISOString()],
      );
      sections.push(
        [
          `■ ${contrat.intitule}`,
          alertes.length ? alertes.map((a) => `  ⚠ ${a.message}`).join('\n') : '  Aucune alerte.',
          seances.length ? seances.map((s) => `  • ${s.nom} le ${new Date(s.debut).toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })}`).join('\n') : '  Aucune séance prévue.',
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
    await ctx.db.query(
      `insert into preferences_courriel (utilisateur_id, derniere_synthese) values ($1, $2) on conflict (utilisateur_id) do update set derniere_synthese = excluded.derniere_synthese`,
      [d.id, maintenant.toISOString()],
    );
    envoyes.push(d.email);
  }
  return envoyes;
}

/** An admin sends the digest now (out of the weekly schedule): audited like any action. */
export async function envoyerSynthesesMaintenant(ctx: Contexte, utilisateur: Utilisateur) {
  exiger(utilisateur, 'administrer', { type: 'plateforme' });
  const envoyes = await envoyerSyntheses(ctx);
  await auditer(ctx.db, { acteur: acteurDe(utilisateur), entiteType: 'synthese_hebdomadaire', entiteId: null, action: 'envoi', apres: { envoyes } });
  return envoyes;
}

export async function preferencesCourriel(ctx: Contexte, utilisateur: Utilisateur) {
  const { rows } = await ctx.db.query('select synthese_hebdomadaire as "syntheseHebdomadaire" from preferences_courriel where utilisateur_id = $1', [utilisateur.userId]);
  return { syntheseHebdomadaire: rows[0]?.syntheseHebdomadaire ?? true };
}

export async function changerPreferencesCourriel(ctx: Contexte, utilisateur: Utilisateur, syntheseHebdomadaire: boolean) {
  await enTransaction(ctx.db, async (tx) => {
    await tx.query(
      `insert into preferences_courriel (utilisateur_id, synthese_hebdomadaire) values ($1, $2) on conflict (utilisateur_id) do update set synthese_hebdomadaire = excluded.synthese_hebdomadaire`,
      [utilisateur.userId, syntheseHebdomadaire],
    );
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'preferences_courriel', entiteId: utilisateur.userId, action: 'modification', apres: { syntheseHebdomadaire } });
  });
  return { syntheseHebdomadaire };
}
