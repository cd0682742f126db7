import { ficheSaisieSchema, intituleAvecGeneration, refusRenouvellement, type StatutContrat } from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction, type Queryable } from '../../platform/database';
import { conflit, invalide } from '../../platform/errors';
import { exigerSurContrat } from './acces';
import { synchroniserConfirmations } from './confirmations.service';
import * as repository from './contrats.repository';
import { fichesDuContrat } from './fiches-du-contrat';
import { marquerRenouvele } from './succession';

/**
 * Starts generation N+1 from N: same perimeter, ARS, porteurs, partners and signatories (to sign again), and the
 * fiches the user selects, with their axes and objectives, renumbered from 1 and back to "à venir".
 */
export async function renouveler(
  ctx: Contexte,
  utilisateur: Utilisateur,
  contratId: string,
  choix: { ficheIds: string[]; intitule?: string | null },
  /** More to carry into the new generation in the same transaction (an evaluation's recommendations). */
  complement?: (tx: Queryable, nouveauId: string) => Promise<void>,
) {
  await exigerSurContrat(ctx.db, utilisateur, 'modifier', contratId);
  return enTransaction(ctx.db, async (tx) => {
    const source = (await repository.obtenirContrat(tx, contratId, true))!;
    const { rows: deja } = await tx.query('select id, intitule from contrats where predecesseur_id = $1', [contratId]);
    // A contract set to « Renouvelé » by hand, without a successor here, is not renewed a second time from its page.
    const refus =
      source.statut === 'renouvele'
        ? 'Ce contrat est déjà renouvelé.'
        : refusRenouvellement(source.statut as StatutContrat, deja[0]?.intitule ?? null);
    if (refus) throw conflit(refus);
    const fiches = await fichesDuContrat().lister(tx, contratId);
    const inconnues = choix.ficheIds.filter((id) => !fiches.some((f) => f.id === id));
    if (inconnues.length)
      throw invalide('Certaines fiches choisies n’appartiennent pas à ce contrat.', [
        { champ: 'ficheIds', message: 'Fiches inconnues dans ce contrat' },
      ]);

    const organisations = await repository.organisationsDuContrat(tx, contratId);
    const generation = source.generation + 1;
    const { rows } = await tx.query(
      `insert into contrats (intitule, perimetre, generation, predecesseur_id, origine, regions, departements, population, nombre_communes, insulaire, contexte)
       select $2, perimetre, $3, id, origine, regions, departements, population, nombre_communes, insulaire, contexte from contrats where id = $1 returning id`,
      [contratId, choix.intitule?.trim() || intituleAvecGeneration(source.intitule, generation), generation],
    );
    const id: string = rows[0].id;
    await tx.query(
      'insert into contrat_communes (contrat_id, commune_code) select $2, commune_code from contrat_communes where contrat_id = $1',
      [contratId, id],
    );
    await repository.remplacerOrganisations(
      tx,
      id,
      'ars',
      organisations.ars.map((o) => o.id),
    );
    await repository.remplacerOrganisations(
      tx,
      id,
      'porteur',
      organisations.porteurs.map((o) => o.id),
    );
    await tx.query(
      `insert into signataires (contrat_id, organisation_id, representant, qualite, ordre)
       select $2, organisation_id, representant, qualite, ordre from signataires where contrat_id = $1`,
      [contratId, id],
    );
    await tx.query(
      'insert into partenaires (contrat_id, organisation_id, role) select $2, organisation_id, role from partenaires where contrat_id = $1',
      [contratId, id],
    );
    // A new generation is a new commitment: each organisation confirms its role again (unless the author speaks for it).
    await synchroniserConfirmations(tx, utilisateur, id);
    await tx.query(
      `insert into habilitations (utilisateur_id, role, contrat_id) select utilisateur_id, role, $2 from habilitations where contrat_id = $1 on conflict do nothing`,
      [contratId, id],
    );

    // Copy only the axes and objectives the selected fiches use.
    const axes = await repository.listerAxes(tx, contratId);
    const retenues = fiches.filter((f) => choix.ficheIds.includes(f.id));
    const nouveauxAxes = new Map<string, string>();
    const nouveauxObjectifs = new Map<string, string>();
    for (const axe of axes.filter((a) => retenues.some((f) => f.axeId === a.id))) {
      nouveauxAxes.set(axe.id, await repository.creerAxe(tx, id, axe));
      for (const objectif of axe.objectifs.filter((o) => retenues.some((f) => f.objectifId === o.id)))
        nouveauxObjectifs.set(objectif.id, await repository.creerObjectif(tx, nouveauxAxes.get(axe.id)!, objectif));
    }
    const createur = utilisateur.habilitations.some((h) => h.role === 'admin')
      ? utilisateur
      : { ...utilisateur, habilitations: [...utilisateur.habilitations, { role: 'coordonnateur' as const, contratId: id }] };
    if (!utilisateur.habilitations.some((h) => h.role === 'admin'))
      await repository.accorderRole(tx, utilisateur.userId, id, 'coordonnateur');
    for (const fiche of retenues) {
      const saisie = ficheSaisieSchema.parse({
        ...fiche,
        axeId: fiche.axeId ? nouveauxAxes.get(fiche.axeId) : null,
        objectifId: fiche.objectifId ? (nouveauxObjectifs.get(fiche.objectifId) ?? null) : null,
        pilotes: fiche.pilotes.map((p) => ({ organisationId: p.organisationId, service: p.service })),
        financements: [],
        // The indicators are the new fiche's own (one model, decision 0007): same definitions and baseline on the same
        // territory, without the ids and the targets by period of the predecessor.
        indicateurs: (fiche.indicateurs ?? []).map(({ id, version, cibles, ...i }) => i),
        statut: 'a_venir',
      });
      await fichesDuContrat().creer(ctx, createur, id, saisie, tx);
    }
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contrat',
      entiteId: id,
      action: 'renouvellement',
      apres: { predecesseurId: contratId, generation, fiches: retenues.map((f) => f.numero) },
    });
    await marquerRenouvele(tx, utilisateur, contratId, id);
    if (complement) await complement(tx, id);
    return { id, generation };
  });
}

/** Ties the new generation to the evaluation it comes from and appends that evaluation's recommendations to its context. */
export async function rattacherEvaluationOrigine(tx: Queryable, nouveauId: string, evaluationId: string, recommandations: string | null) {
  await tx.query(
    `update contrats set evaluation_origine_id = $2, contexte = case when $3::text is null then contexte else concat_ws(E'\\n\\n', contexte, $3::text) end where id = $1`,
    [nouveauId, evaluationId, recommandations],
  );
}
