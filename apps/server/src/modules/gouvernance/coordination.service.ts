import { ecartCofinancement, type posteCoordinationSchema } from '@maillage/domain';
import type { z } from 'zod';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { conflit, introuvable } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { doctrineDeRegion, lireContrat } from '../contrats/lecture.service';
import { posteDuContrat, postesDuContrat } from './gouvernance.queries';
import * as repository from './gouvernance.repository';
import { changerGouvernance } from './instances.service';

type Poste = z.infer<typeof posteCoordinationSchema>;

/** Coordinator posts with the doctrine's co-funding check ("à parts égales" between ARS and collectivité). */
export async function listerPostes(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const rows = await postesDuContrat(ctx.db, contratId);
  const contrat = (await lireContrat(ctx.db, contratId))!;
  const doctrines = await Promise.all(contrat.regions.map((r) => doctrineDeRegion(ctx.db, r)));
  const partsEgales = doctrines.some((d) => d?.regles.partsCoordinationEgales);
  const aujourdhui = new Date().toISOString().slice(0, 10);
  return rows.map((p) => ({
    ...p,
    etp: p.etp === null ? null : Number(p.etp),
    vacant: !p.personne && (!p.fin || p.fin >= aujourdhui),
    ecartDoctrine: ecartCofinancement(p.cofinancements, partsEgales),
  }));
}

export const creerPoste = (ctx: Contexte, u: Utilisateur, contratId: string, p: Poste) =>
  changerGouvernance(
    ctx,
    u,
    contratId,
    'poste_coordination',
    async (tx) => {
      const id = await repository.creerPoste(tx, contratId, p);
      return { id, action: 'creation', resultat: { id }, apres: p };
    },
    'coordination',
  );

export const modifierPoste = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, version: number, p: Poste) =>
  changerGouvernance(ctx, u, contratId, 'poste_coordination', async (tx) => {
    const avant = await posteDuContrat(tx, contratId, id);
    if (!avant) throw introuvable('Ce poste n’existe pas.');
    if (!(await repository.modifierPoste(tx, id, version, p)))
      throw conflit('Ce poste a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', avant);
    return { id, action: 'modification', resultat: undefined, avant, apres: p };
  });
