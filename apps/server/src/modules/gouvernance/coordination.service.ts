import { ecartCofinancement, type posteCoordinationSchema } from '@maillage/domain';
import type { z } from 'zod';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { conflit, introuvable } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';
import { changerGouvernance } from './instances.service';

type Poste = z.infer<typeof posteCoordinationSchema>;

const COLONNES = `p.id, p.intitule, p.personne, p.employeur_id as "employeurId", o.nom as "employeurNom", p.etp, p.cofinancements, p.debut, p.fin,
  p.notes_passation as "notesPassation", p.version`;

/** Coordinator posts with the doctrine's co-funding check ("à parts égales" between ARS and collectivité). */
export async function listerPostes(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const { rows } = await ctx.db.query(`select ${COLONNES} from postes_coordination p left join organisations o on o.id = p.employeur_id where p.contrat_id = $1 order by p.debut nulls last`, [contratId]);
  const contrat = (await contrats.obtenirContrat(ctx.db, contratId))!;
  const doctrines = await Promise.all(contrat.regions.map((r) => contrats.obtenirDoctrine(ctx.db, r)));
  const partsEgales = doctrines.some((d) => d?.regles.partsCoordinationEgales);
  const aujourdhui = new Date().toISOString().slice(0, 10);
  return rows.map((p) => ({
    ...p,
    etp: p.etp === null ? null : Number(p.etp),
    vacant: !p.personne && (!p.fin || p.fin >= aujourdhui),
    ecartDoctrine: ecartCofinancement(p.cofinancements, partsEgales),
  }));
}

const valeurs = (p: Poste) => [p.intitule, p.personne ?? null, p.employeurId ?? null, p.etp ?? null, JSON.stringify(p.cofinancements), p.debut ?? null, p.fin ?? null, p.notesPassation ?? null];

export const creerPoste = (ctx: Contexte, u: Utilisateur, contratId: string, p: Poste) =>
  changerGouvernance(ctx, u, contratId, 'poste_coordination', async (tx) => {
    const { rows } = await tx.query(
      `insert into postes_coordination (contrat_id, intitule, personne, employeur_id, etp, cofinancements, debut, fin, notes_passation) values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
      [contratId, ...valeurs(p)],
    );
    return { id: rows[0].id, action: 'creation', resultat: { id: rows[0].id as string }, apres: p };
  }, 'coordination');

export const modifierPoste = (ctx: Contexte, u: Utilisateur, contratId: string, id: string, version: number, p: Poste) =>
  changerGouvernance(ctx, u, contratId, 'poste_coordination', async (tx) => {
    const { rows: avant } = await tx.query(`select ${COLONNES} from postes_coordination p left join organisations o on o.id = p.employeur_id where p.id = $1 and p.contrat_id = $2`, [id, contratId]);
    if (!avant[0]) throw introuvable('Ce poste n’existe pas.');
    const { rowCount } = await tx.query(
      `update postes_coordination set intitule = $3, personne = $4, employeur_id = $5, etp = $6, cofinancements = $7, debut = $8, fin = $9, notes_passation = $10, version = version + 1
       where id = $1 and version = $2`,
      [id, version, ...valeurs(p)],
    );
    if (!rowCount) throw conflit('Ce poste a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert.', avant[0]);
    return { id, action: 'modification', resultat: undefined, avant: avant[0], apres: p };
  });
