import type { IdentitePersonne } from '@maillage/domain/api';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Tx } from '../../platform/database';
import { conflit, interdit, invalide } from '../../platform/errors';
import { chargerSituation, exigerSituationComplete, type LigneSituation } from './acces-appui';
import { sceller, trousseau } from './chiffrement-appui';
import { membresDe } from './equipes.service';
import { colonnesMedecin, resoudreMedecin } from './medecin-traitant';
import { ecrireIdentite } from './personnes';

/** Changes to a case: the person's identity, information and opposition, médecin traitant, référent and staff. */

const PERIMEE = 'Cette situation a été modifiée entre-temps : rechargez-la.';

async function tracer(tx: Tx, utilisateur: Utilisateur, s: LigneSituation, action: string, avant?: object | null, apres?: object | null) {
  await tx.query('update appui_situations set version = version + 1 where id = $1', [s.id]);
  await auditer(tx, {
    acteur: acteurDe(utilisateur),
    entiteType: 'situation_appui',
    entiteId: s.id,
    action,
    avant: (avant ?? null) as Record<string, unknown> | null,
    apres: (apres ?? null) as Record<string, unknown> | null,
    contexte: { numero: s.numero },
  });
  return { id: s.id, numero: s.numero, version: s.version + 1 };
}

async function pourModifier(tx: Tx, utilisateur: Utilisateur, id: string, version: number) {
  const { situation } = await exigerSituationComplete(tx, utilisateur, id, 'situation', { verrouiller: true, journaliser: false });
  if (situation.version !== version) throw conflit(PERIMEE);
  return situation;
}

/** The identity, re-encrypted whole; the audit says that it changed, never what it is. */
export async function modifierPersonne(ctx: Contexte, utilisateur: Utilisateur, id: string, identite: IdentitePersonne, version: number) {
  const t = await trousseau(ctx.config);
  return enTransaction(ctx.db, async (tx) => {
    const s = await pourModifier(tx, utilisateur, id, version);
    await ecrireIdentite(tx, t, s.personneId, identite);
    return tracer(tx, utilisateur, s, 'identite');
  });
}

/** The person's information and any opposition, with their dates (issue 18 item 2). */
export async function noterInformation(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  saisie: { informeeLe?: string | null; oppositionLe?: string | null; oppositionMotif?: string | null; version: number },
) {
  const t = await trousseau(ctx.config);
  return enTransaction(ctx.db, async (tx) => {
    const s = await pourModifier(tx, utilisateur, id, saisie.version);
    const aujourdhui = new Date().toISOString().slice(0, 10);
    for (const [champ, v] of [
      ['informeeLe', saisie.informeeLe],
      ['oppositionLe', saisie.oppositionLe],
    ] as const)
      if (v && v > aujourdhui)
        throw invalide('Une date d’information ou d’opposition ne peut pas être future.', [{ champ, message: 'Date future' }]);
    const informeeLe = saisie.informeeLe === undefined ? s.informeeLe : saisie.informeeLe;
    const oppositionLe = saisie.oppositionLe === undefined ? s.oppositionLe : saisie.oppositionLe;
    const motif =
      saisie.oppositionMotif === undefined
        ? s.oppositionMotifChiffre
        : sceller(t, 'appui_situations', 'opposition_motif_chiffre', id, saisie.oppositionMotif || null);
    await tx.query('update appui_situations set informee_le = $2, opposition_le = $3, opposition_motif_chiffre = $4 where id = $1', [
      id,
      informeeLe,
      oppositionLe,
      oppositionLe ? motif : null,
    ]);
    return tracer(
      tx,
      utilisateur,
      s,
      'information',
      { informeeLe: s.informeeLe, oppositionLe: s.oppositionLe },
      { informeeLe, oppositionLe },
    );
  });
}

export async function changerMedecin(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  saisie: Parameters<typeof resoudreMedecin>[1],
  version: number,
) {
  return enTransaction(ctx.db, async (tx) => {
    const s = await pourModifier(tx, utilisateur, id, version);
    const m = await resoudreMedecin(tx, saisie);
    await tx.query(
      'update appui_situations set medecin_ressource_id = $2, medecin_nom = $3, medecin_rpps = $4, medecin_courriel = $5 where id = $1',
      [id, ...colonnesMedecin(m)],
    );
    return tracer(tx, utilisateur, s, 'medecin_traitant');
  });
}

/**
 * The référent and the staff assigned: the référent or the team's coordination decide, without needing to read the
 * case (assigning opens it to the assignee, not to the coordinator).
 */
export async function affecter(
  ctx: Contexte,
  utilisateur: Utilisateur,
  id: string,
  saisie: { referentId?: string; intervenants: string[]; version: number },
) {
  return enTransaction(ctx.db, async (tx) => {
    const { situation: s, membres } = await chargerSituation(tx, utilisateur, id, { verrouiller: true });
    const role = membres.find((m) => m.organisationId === s.organisationId)?.role;
    if (s.referentId !== utilisateur.userId && role !== 'coordinateur_appui')
      throw interdit('Le référent de la situation et la coordination de l’équipe affectent les intervenants.');
    if (s.version !== saisie.version) throw conflit(PERIMEE);
    const referentId = saisie.referentId ?? s.referentId;
    const intervenants = [...new Set(saisie.intervenants)].filter((x) => x !== referentId);
    for (const u of [referentId, ...intervenants].filter((x): x is string => !!x))
      if (!(await membresDe(tx, u)).some((m) => m.organisationId === s.organisationId))
        throw invalide('Seuls les membres de l’équipe suivent une situation.', [
          { champ: 'intervenants', message: 'Pas membre de l’équipe' },
        ]);
    await tx.query('update appui_situations set referent_id = $2 where id = $1', [id, referentId]);
    await tx.query('delete from appui_intervenants where situation_id = $1 and not (utilisateur_id = any($2))', [id, intervenants]);
    await tx.query(`insert into appui_intervenants (situation_id, utilisateur_id) select $1, unnest($2::uuid[]) on conflict do nothing`, [
      id,
      intervenants,
    ]);
    return tracer(
      tx,
      utilisateur,
      s,
      'affectation',
      { referentId: s.referentId, intervenants: s.intervenants.length },
      { referentId, intervenants: intervenants.length },
    );
  });
}
