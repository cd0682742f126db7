import { auditer, SYSTEME } from '../platform/audit';
import type { Queryable } from '../platform/database';

/**
 * Participation of the inhabitants (issue 20, points 2 and 3), illustrative and not from the sources: a forum of the
 * CLS 2 of Redon, and two opinions on the published CLS 1 — one published with the coordination's answer, one
 * waiting for moderation (it never shows on the public page). Returns false when the contracts are not there.
 */
export async function creerTempsPublicsEtAvisDemo(tx: Queryable): Promise<boolean> {
  const { rows } = await tx.query<{ cls1: string | null; cls2: string | null }>(
    `select (select id from contrats where publie and intitule = 'Contrat local de santé du Pays de Redon-Bretagne Sud') as cls1,
            (select id from contrats where intitule = 'Contrat local de santé de Redon Agglomération (2e génération)') as cls2`,
  );
  const { cls1, cls2 } = rows[0]!;
  if (!cls1 || !cls2) return false;
  const forum = await tx.query(
    `insert into temps_publics (contrat_id, type, intitule, date_tenue, lieu, commune_code, nombre_participants, publics, intervenants, synthese)
     values ($1, 'forum', 'Forum santé des jeunes du pays de Redon', '2021-10-14', 'Espace jeunes, Redon', '35236', 64,
       '{jeunes,habitants_qpv}', '{"Médecin généraliste de la maison de santé","Point accueil écoute jeunes","Coordinatrice du CLS"}',
       'Les jeunes présents disent leur difficulté à obtenir un rendez-vous de santé mentale et leur méconnaissance des lieux d’écoute ; ils proposent une permanence au lycée.')
     returning id`,
    [cls2],
  );
  const fiche = await tx.query('select id from fiches where contrat_id = $1 order by numero limit 1', [cls1]);
  const ficheId = fiche.rows[0]?.id ?? null;
  const avis = await tx.query(
    `insert into avis (contrat_id, fiche_id, nature, texte, statut, reponse, reponse_le, modere_le, version, depose_le) values
       ($1, $2, 'suggestion', 'Une navette le samedi matin vers la maison de santé aiderait les personnes âgées des communes sans médecin.',
        'publie', 'Merci pour cette suggestion : elle est à l’ordre du jour du prochain groupe de travail sur l’accès aux soins.', now(), now(), 2, now() - interval '10 days'),
       ($1, null, 'avis', 'Les horaires du point écoute ne conviennent pas à ceux qui travaillent : pourrait-il ouvrir un soir par semaine ?',
        'en_attente', null, null, null, 1, now() - interval '2 days')
     returning id`,
    [cls1, ficheId],
  );
  await auditer(tx, {
    acteur: SYSTEME,
    entiteType: 'temps_public',
    entiteId: forum.rows[0].id,
    action: 'creation',
    contexte: { demo: true },
  });
  for (const a of avis.rows)
    await auditer(tx, { acteur: SYSTEME, entiteType: 'avis', entiteId: a.id, action: 'creation', contexte: { demo: true } });
  return true;
}
