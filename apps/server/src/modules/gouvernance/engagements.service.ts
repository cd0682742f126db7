import { can, LIBELLES_STATUT_CONTRAT, ROLES_ENGAGEMENT, ROLES_FICHE_ENGAGEMENT, TYPES_MOYEN, type StatutContrat } from '@maillage/domain';
import ExcelJS from 'exceljs';
import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { introuvable, invalide } from '../../platform/errors';
import { obtenirOrganisation } from '../comptes/organisations.service';
import { exigerRecevable, exigerSurContrat } from '../contrats/acces';
import { organisationsEngagees } from '../contrats/lecture.service';
import { nomDeFichier } from '../../platform/nom-fichier';
import { contratsEngages, referentsDeLOrganisation } from './engagements.queries';
import { offreEtFiche } from './gouvernance.queries';
import * as repository from './gouvernance.repository';
import { moyensDeLOrganisation } from './moyens.service';

/**
 * The CPAM case (domain.md §6): one page per organisation listing every contract and fiche where it signs, partners,
 * leads or funds, its referents, the funding it brings and its offers of service. Only contracts the reader may see.
 */
export async function engagements(ctx: Contexte, utilisateur: Utilisateur | null, organisationId: string) {
  const organisation = await obtenirOrganisation(ctx, utilisateur, organisationId);
  const rows = await contratsEngages(ctx.db, organisationId);
  const visibles = [];
  for (const c of rows) {
    const ref = { id: c.id, regions: c.regions, publie: c.publie, organisationsEngagees: await organisationsEngagees(ctx.db, c.id) };
    if (can(utilisateur, 'lire', { type: 'contrat', contrat: ref }))
      visibles.push({ ...c, statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut as StatutContrat] });
  }
  const [referents, offres] = await Promise.all([
    referentsDeLOrganisation(ctx.db, organisationId),
    repository.offresDeLOrganisation(ctx.db, organisationId),
  ]);
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
  // The roles in words, as the engagements page shows them (codes would mean nothing in a workbook).
  const libelles = (roles: string[], noms: Record<string, string>) => roles.map((r) => noms[r] ?? r).join(', ');
  for (const c of e.contrats) {
    const base = {
      contrat: c.intitule,
      statut: c.statutLibelle,
      roles: libelles(c.roles, ROLES_ENGAGEMENT),
      montant: Number(c.financementCentimes) / 100,
    };
    if (!c.fiches.length) f.addRow(base);
    for (const fiche of c.fiches)
      f.addRow({
        ...base,
        fiche: fiche.numero,
        intitule: fiche.intitule,
        roleFiche: libelles(fiche.roles, ROLES_FICHE_ENGAGEMENT),
        offres: fiche.offres.join(', '),
      });
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
      indicateur: [l.indicateurLibelle, l.indicateurSuiviLibelle && `Fiche ${l.ficheNumero} : ${l.indicateurSuiviLibelle}`]
        .filter(Boolean)
        .join(' ; '),
    });
  m.getRow(1).font = { bold: true };
  return { contenu: Buffer.from(await classeur.xlsx.writeBuffer()), nom: nomDeFichier('engagements', e.organisation.nom, 'xlsx') };
}

/** Offers of service an organisation keeps in its catalogue (CPAM: M'T dents, MISAS, SOPHIA…) and attaches to fiches. */
export async function ajouterOffre(
  ctx: Contexte,
  utilisateur: Utilisateur,
  organisationId: string,
  offre: { intitule: string; description?: string | null },
) {
  exiger(utilisateur, 'modifier', { type: 'organisation', id: organisationId });
  return enTransaction(ctx.db, async (tx) => {
    const id = await repository.ajouterOffre(tx, organisationId, offre).catch((e) => {
      if (e.code === '23505')
        throw invalide('Cette offre existe déjà dans le catalogue de l’organisation.', [
          { champ: 'intitule', message: 'Offre déjà présente' },
        ]);
      throw e;
    });
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'offre_service',
      entiteId: id,
      action: 'creation',
      apres: offre,
      contexte: { organisationId },
    });
    return { id };
  });
}

export async function rattacherOffre(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, offreId: string, rattacher: boolean) {
  const lien = await offreEtFiche(ctx.db, offreId, ficheId);
  if (!lien) throw introuvable('Offre ou fiche inconnue.');
  // The organisation's referents and the contract's editors may both link an offer to a fiche.
  const ref = await exigerSurContrat(ctx.db, utilisateur, 'lire', lien.contratId);
  if (
    !can(utilisateur, 'modifier', { type: 'organisation', id: lien.organisationId }) &&
    !can(utilisateur, 'modifier', { type: 'contrat', contrat: ref })
  )
    exiger(utilisateur, 'modifier', { type: 'organisation', id: lien.organisationId });
  if (rattacher) exigerRecevable(ref, 'engagement');
  await enTransaction(ctx.db, async (tx) => {
    if (rattacher) await repository.rattacherOffre(tx, ficheId, offreId);
    else await repository.detacherOffre(tx, ficheId, offreId);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'fiche',
      entiteId: ficheId,
      action: rattacher ? 'offre_rattachee' : 'offre_detachee',
      apres: { offreId },
      contexte: { contratId: lien.contratId },
    });
  });
}
