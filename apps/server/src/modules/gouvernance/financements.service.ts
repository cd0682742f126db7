import {
  formaterMontant,
  LIBELLES_STATUT_FINANCEMENT,
  NATURES_FINANCEMENT,
  OBJETS_FINANCEMENT,
  type LigneContratSaisie,
  type NatureFinancement,
  type ObjetFinancement,
  type StatutFinancement,
} from '@maillage/domain';
import ExcelJS from 'exceljs';
import type { Contexte, Utilisateur } from '../../platform/contexte';
import { introuvable } from '../../platform/errors';
import { exigerSurContrat } from '../contrats/acces';
import { axesDuContrat, lireContrat } from '../contrats/lecture.service';
import { lignesFinancement } from './gouvernance.queries';
import * as repository from './gouvernance.repository';
import { changerGouvernance } from './instances.service';
import { nomDeFichier } from '../../platform/nom-fichier';

interface Ligne {
  id: string;
  ficheId: string | null;
  ficheNumero: number | null;
  ficheIntitule: string | null;
  axe: string | null;
  objet: ObjetFinancement | null;
  financeur: string;
  financeurId: string | null;
  dispositif: string;
  annee: number;
  montantCentimes: number;
  nature: NatureFinancement;
  statut: StatutFinancement;
  valorisationNature: string | null;
}

function totaux(lignes: Ligne[], cle: (l: Ligne) => string) {
  const parCle = new Map<string, { cle: string; prevu: number; acquis: number; total: number }>();
  for (const l of lignes) {
    if (l.statut === 'refuse') continue;
    const k = cle(l);
    const t = parCle.get(k) ?? { cle: k, prevu: 0, acquis: 0, total: 0 };
    // "Acquis" is what is granted or paid; the rest is still hoped for.
    if (l.statut === 'accorde' || l.statut === 'verse') t.acquis += l.montantCentimes;
    else t.prevu += l.montantCentimes;
    t.total += l.montantCentimes;
    parCle.set(k, t);
  }
  return [...parCle.values()].sort((a, b) => b.total - a.total || a.cle.localeCompare(b.cle));
}

async function lignesDe(ctx: Contexte, contratId: string): Promise<Ligne[]> {
  const [axes, rows] = await Promise.all([axesDuContrat(ctx.db, contratId), lignesFinancement(ctx.db, contratId)]);
  return rows.map(({ axeId, ...l }) => {
    const rang = axes.findIndex((a) => a.id === axeId);
    return { ...l, axe: l.ficheId ? (rang >= 0 ? `Axe ${rang + 1}. ${axes[rang].intitule}` : 'Fiches sans axe') : 'Contrat (hors fiches)' };
  });
}

/** Every funding line of a contract, and the summaries by funder, dispositif, year and axe. */
export async function financementsDuContrat(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  await exigerSurContrat(ctx.db, utilisateur, 'lire', contratId);
  const lignes = await lignesDe(ctx, contratId);
  return {
    lignes,
    total: lignes.filter((l) => l.statut !== 'refuse').reduce((t, l) => t + l.montantCentimes, 0),
    parFinanceur: totaux(lignes, (l) => l.financeur),
    parDispositif: totaux(lignes, (l) => l.dispositif),
    parAnnee: totaux(lignes, (l) => String(l.annee)).sort((a, b) => a.cle.localeCompare(b.cle)),
    parAxe: totaux(lignes, (l) => l.axe ?? ''),
  };
}

export const ajouterLigneContrat = (ctx: Contexte, u: Utilisateur, contratId: string, l: LigneContratSaisie) =>
  changerGouvernance(
    ctx,
    u,
    contratId,
    'financement',
    async (tx) => {
      const id = await repository.ajouterLigneContrat(tx, contratId, l);
      return { id, action: 'creation', resultat: { id }, apres: l };
    },
    'financement',
  );

export const supprimerLigneContrat = (ctx: Contexte, u: Utilisateur, contratId: string, id: string) =>
  changerGouvernance(ctx, u, contratId, 'financement', async (tx) => {
    const avant = await repository.supprimerLigneContrat(tx, contratId, id);
    if (!avant) throw introuvable('Cette ligne de financement du contrat n’existe pas (les lignes des fiches se modifient sur la fiche).');
    return { id, action: 'suppression', resultat: undefined, avant };
  });

/** The funding as a workbook: the lines, then one sheet per summary. */
export async function exporterFinancements(ctx: Contexte, utilisateur: Utilisateur | null, contratId: string) {
  const donnees = await financementsDuContrat(ctx, utilisateur, contratId);
  const contrat = (await lireContrat(ctx.db, contratId))!;
  const classeur = new ExcelJS.Workbook();
  classeur.creator = 'Maillage';
  const euros = '#,##0.00 "€"';
  const feuille = classeur.addWorksheet('Lignes');
  feuille.columns = [
    { header: 'Fiche', key: 'fiche', width: 10 },
    { header: 'Intitulé ou objet', key: 'intitule', width: 50 },
    { header: 'Axe', key: 'axe', width: 40 },
    { header: 'Financeur', key: 'financeur', width: 35 },
    { header: 'Dispositif', key: 'dispositif', width: 22 },
    { header: 'Année', key: 'annee', width: 8 },
    { header: 'Montant', key: 'montant', width: 14, style: { numFmt: euros } },
    { header: 'Nature', key: 'nature', width: 16 },
    { header: 'Statut', key: 'statut', width: 12 },
    { header: 'Valorisation en nature', key: 'valorisation', width: 30 },
  ];
  for (const l of donnees.lignes)
    feuille.addRow({
      fiche: l.ficheNumero,
      intitule: l.ficheIntitule ?? (l.objet ? OBJETS_FINANCEMENT[l.objet] : null),
      axe: l.axe,
      financeur: l.financeur,
      dispositif: l.dispositif,
      annee: l.annee,
      montant: l.montantCentimes / 100,
      nature: NATURES_FINANCEMENT[l.nature] ?? l.nature,
      statut: LIBELLES_STATUT_FINANCEMENT[l.statut] ?? l.statut,
      valorisation: l.valorisationNature,
    });
  feuille.getRow(1).font = { bold: true };
  for (const [nom, totauxFeuille] of [
    ['Par financeur', donnees.parFinanceur],
    ['Par dispositif', donnees.parDispositif],
    ['Par année', donnees.parAnnee],
    ['Par axe', donnees.parAxe],
  ] as const) {
    const f = classeur.addWorksheet(nom);
    f.columns = [
      { header: nom.replace('Par ', '').replace(/^./, (c) => c.toUpperCase()), key: 'cle', width: 45 },
      { header: 'Acquis (accordé ou versé)', key: 'acquis', width: 22, style: { numFmt: euros } },
      { header: 'Prévu ou sollicité', key: 'prevu', width: 20, style: { numFmt: euros } },
      { header: 'Total', key: 'total', width: 16, style: { numFmt: euros } },
    ];
    for (const t of totauxFeuille) f.addRow({ cle: t.cle, acquis: t.acquis / 100, prevu: t.prevu / 100, total: t.total / 100 });
    f.getRow(1).font = { bold: true };
  }
  return {
    contenu: Buffer.from(await classeur.xlsx.writeBuffer()),
    nom: nomDeFichier('financements', contrat.intitule, 'xlsx'),
    total: formaterMontant(donnees.total),
  };
}
