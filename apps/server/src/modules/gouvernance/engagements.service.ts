import { can, LIBELLES_STATUT_CONTRAT, TYPES_MOYEN, type StatutContrat } from '@maillage/domain';
import ExcelJS from 'exceljs';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { obtenirOrganisation } from '../comptes/organisations.service';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { organisationsEngagees } from '../contrats/contrats.repository';
import { nomDeFichier } from '../../platform/nom-fichier';
import { moyensDeLOrganisation } from './moyens.service';

/**
 * The CPAM case (domain.md §6): one page per organisation listing every contract and fiche where it signs, partners,
 * leads or funds, its referents, the funding it brings and its offers of service. Only contracts the reader may see.
 */
export async function engagements(ctx: Contexte, utilisateur: Utilisateur | null, organisationId: string) {
  const organisation = await obtenirOrganisation(ctx, utilisateur, organisationId);
  const { rows } = await ctx.db.query(
    `with roles as (
       select contrat_id, 'ars' as role from contrat_organisations where organisation_id = $1 and qualite = 'ars'
       union all select contrat_id, 'porteur' from contrat_organisations where organisation_id = $1 and qualite = 'porteur'
       union all select contrat_id, 'signataire' from signataires where organisation_id = $1
       union all select contrat_id, 'partenaire' from partenaires where organisation_id = $1
       union all select f.contrat_id, 'pilote' from fiche_pilotes p join fiches f on f.id = p.fiche_id where p.organisation_id = $1
       union all select contrat_id, 'financeur' from financements where financeur_id = $1
       union all select contrat_id, 'moyens' from engagements_moyens where organisation_id = $1)
     select c.id, c.intitule, c.statut, c.generation, c.regions, c.publie, array_agg(distinct r.role) as roles,
       coalesce((select sum(l.montant_centimes) from financements l where l.contrat_id = c.id and l.financeur_id = $1 and l.statut <> 'refuse'), 0)::bigint as "financementCentimes",
       coalesce((select json_agg(json_build_object('id', f.id, 'numero', f.numero, 'intitule', f.intitule, 'statut', f.statut,
           'roles', array(select distinct x from (
             select 'pilote' x from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id = $1
             union select 'partenaire' where exists (select 1 from jsonb_array_elements(f.contenu -> 'partenaires') e where e ->> 'organisationId' = $1::text)
             union select 'financeur' from financements l where l.fiche_id = f.id and l.financeur_id = $1) y),
           'offres', array(select o.intitule from fiche_offres fo join offres_service o on o.id = fo.offre_id where fo.fiche_id = f.id and o.organisation_id = $1))
         order by f.ordre)
         from fiches f where f.contrat_id = c.id and (
           exists (select 1 from fiche_pilotes p where p.fiche_id = f.id and p.organisation_id = $1)
           or exists (select 1 from financements l where l.fiche_id = f.id and l.financeur_id = $1)
           or exists (select 1 from jsonb_array_elements(f.contenu -> 'partenaires') e where e ->> 'organisationId' = $1::text))), '[]') as fiches
     from roles r join contrats c on c.id = r.contrat_id group by c.id order by c.intitule`,
    [organisationId],
  );
  const visibles = [];
  for (const c of rows) {
    const ref = { id: c.id, regions: c.regions, publie: c.publie, organisationsEngagees: await organisationsEngagees(ctx.db, c.id) };
    if (can(utilisateur, 'lire', { type: 'contrat', contrat: ref })) visibles.push({ ...c, statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut as StatutContrat] });
  }
  const { rows: referents } = await ctx.db.query(
    `select distinct p.prenom, p.nom, u.email, case when h.id is null then 'membre' else 'référent' end as role
     from personnes p left join utilisateurs u on u.personne_id = p.id
     left join habilitations h on h.utilisateur_id = u.id and h.role = 'referent_organisation' and h.organisation_id = $1
     where p.organisation_id = $1 or h.id is not null order by role desc, p.nom`,
    [organisationId],
  );
  const { rows: offres } = await ctx.db.query(
    `select o.id, o.intitule, o.description, (select count(*)::int from fiche_offres fo where fo.offre_id = o.id) as "nombreFiches"
     from offres_service o where o.organisation_id = $1 order by o.intitule`,
    [organisationId],
  );
  const moyens = await moyensDeLOrganisation(ctx.db, organisationId, new Set(visibles.map((c) => c.id as string)));
  return {
    organisation,
    contrats: visibles,
    referents,
    offres,
    financementTotalCentimes: visibles.reduce((t, c) => t + Number(c.financementCentimes), 0),
    moyens,
  };
}

export async function exporterEngagements(ctx: Contexte, utilisateur: Utilisateur | null, organisationId: string) {
  const e = await engagements(ctx, utilisateur, organisationId);
  const classeur = new ExcelJS.Workbook();
  const f = classeur.addWorksheet('Engagements');
  f.columns = [
    { header: 'Contrat', key: 'contrat', width: 50 },
    { header: 'Statut du contrat', key: 'statut', width: 20 },
    { header: 'Rôles dans le contrat', key: 'roles', width: 30 },
    { header: 'Fiche', key: 'fiche', width: 8 },
    { header: 'Intitulé de la fiche', key: 'intitule', width: 50 },
    { header: 'Rôle sur la fiche', key: 'roleFiche', width: 20 },
    { header: 'Offres de service', key: 'offres', width: 30 },
    { header: 'Financement apporté au contrat (€)', key: 'montant', width: 20, style: { numFmt: '#,##0.00' } },
  ];
  for (const c of e.contrats) {
    const base = { contrat: c.intitule, statut: c.statutLibelle, roles: c.roles.join(', '), montant: Number(c.financementCentimes) / 100 };
    if (!c.fiches.length) f.addRow(base);
    for (const fiche of c.fiches) f.addRow({ ...base, fiche: fiche.numero, intitule: fiche.intitule, roleFiche: fiche.roles.join(', '), offres: fiche.offres.join(', ') });
  }
  f.getRow(1).font = { bold: true };
  const m = classeur.addWorksheet('Moyens engagés');
  m.columns = [
    { header: 'Contrat', key: 'contrat', width: 50 },
    { header: 'Année', key: 'annee', width: 8 },
    { header: 'Type', key: 'type', width: 18 },
    { header: 'Jours', key: 'jours', width: 10 },
    { header: 'ETP', key: 'etp', width: 8 },
    { header: 'Montant (€)', key: 'montant', width: 14, style: { numFmt: '#,##0.00' } },
    { header: 'Description', key: 'description', width: 50 },
    { header: 'Objectifs de l’organisation', key: 'objectifs', width: 50 },
    { header: 'Indicateur', key: 'indicateur', width: 40 },
  ];
  for (const l of e.moyens.lignes)
    m.addRow({
      contrat: l.contratIntitule,
      annee: l.annee,
      type: TYPES_MOYEN[l.type],
      jours: l.unite === 'jours' ? l.quantite : null,
      etp: l.unite === 'etp' ? l.quantite : null,
      montant: l.montantCentimes == null ? null : l.montantCentimes / 100,
      description: l.description,
      objectifs: l.objectifs,
      indicateur: [l.indicateurLibelle, l.indicateurSuiviLibelle && `Fiche ${l.ficheNumero} : ${l.indicateurSuiviLibelle}`].filter(Boolean).join(' ; '),
    });
  m.getRow(1).font = { bold: true };
  return { contenu: Buffer.from(await classeur.xlsx.writeBuffer()), nom: nomDeFichier('engagements', e.organisation.nom, 'xlsx') };
}

/** Offers of service an organisation keeps in its catalogue (CPAM: M'T dents, MISAS, SOPHIA…) and attaches to fiches. */
export async function ajouterOffre(ctx: Contexte, utilisateur: Utilisateur, organisationId: string, offre: { intitule: string; description?: string | null }) {
  exiger(utilisateur, 'modifier', { type: 'organisation', id: organisationId });
  return enTransaction(ctx.db, async (tx) => {
    const { rows } = await tx
      .query('insert into offres_service (organisation_id, intitule, description) values ($1, $2, $3) returning id', [organisationId, offre.intitule, offre.description ?? null])
      .catch((e) => {
        if (e.code === '23505') throw invalide('Cette offre existe déjà dans le catalogue de l’organisation.', [{ champ: 'intitule', message: 'Offre déjà présente' }]);
        throw e;
      });
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'offre_service', entiteId: rows[0].id, action: 'creation', apres: offre, contexte: { organisationId } });
    return { id: rows[0].id as string };
  });
}

export async function rattacherOffre(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, offreId: string, rattacher: boolean) {
  const { rows } = await ctx.db.query('select o.organisation_id as "organisationId", f.contrat_id as "contratId" from offres_service o, fiches f where o.id = $1 and f.id = $2', [offreId, ficheId]);
  if (!rows[0]) throw introuvable('Offre ou fiche inconnue.');
  // The organisation's referents and the contract's editors may both link an offer to a fiche.
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', rows[0].contratId);
  if (!can(utilisateur, 'modifier', { type: 'organisation', id: rows[0].organisationId }) && !can(utilisateur, 'modifier', { type: 'contrat', contrat: ref })) exiger(utilisateur, 'modifier', { type: 'organisation', id: rows[0].organisationId });
  if (rattacher) exigerRecevable(ref, 'engagement');
  await enTransaction(ctx.db, async (tx) => {
    if (rattacher) await tx.query('insert into fiche_offres (fiche_id, offre_id) values ($1, $2) on conflict do nothing', [ficheId, offreId]);
    else await tx.query('delete from fiche_offres where fiche_id = $1 and offre_id = $2', [ficheId, offreId]);
    await auditer(tx, { acteur: acteurDe(utilisateur), entiteType: 'fiche', entiteId: ficheId, action: rattacher ? 'offre_rattachee' : 'offre_detachee', apres: { offreId }, contexte: { contratId: rows[0].contratId } });
  });
}
