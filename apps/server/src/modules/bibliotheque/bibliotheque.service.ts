import {
  can,
  decouperExtrait,
  ficheSaisieSchema,
  LIBELLES_STATUT_CONTRAT,
  LIBELLES_STATUT_FICHE,
  PUBLICS,
  requetePrefixe,
  TAILLE_PAGE_BIBLIOTHEQUE,
  THEMATIQUES,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { nonAuthentifie } from '../../platform/errors';
import { raisonVerrou } from '../contrats/acces';
import { lireContrat } from '../contrats/lecture.service';
import { creerFiche, obtenirFiche } from '../fiches/fiches.service';
import * as lecture from './bibliotheque.queries';

export interface FiltreBibliotheque {
  q?: string;
  thematique?: string;
  statut?: string;
  region?: string;
  public?: string;
  page?: number;
}

/** The contracts a user may read, as SQL parameters: the same rule as `can(…, 'lire', contrat)`, applied in the query. */
function visibilite(utilisateur: Utilisateur): lecture.Visibilite {
  const h = utilisateur.habilitations;
  return {
    tout: h.some((x) => x.role === 'admin'),
    regions: h.flatMap((x) => (x.role === 'ars_regional' ? [x.regionCode] : [])),
    contrats: h.flatMap((x) => ('contratId' in x ? [x.contratId] : [])),
    organisations: h.flatMap((x) => (x.role === 'referent_organisation' ? [x.organisationId] : [])),
  };
}

/**
 * The library of actions (domain.md §8): French full-text search over the fiches of every contract the user may
 * read, best match first, with a highlighted extract. Stemming ("vaccin" finds "vaccination") and accents ignored
 * ("colon" finds "côlon") come from the `maillage_fr` configuration (migration 0016); a prefix query adds the words
 * still being typed ("vacc"), and keeps the exclusions ("-côlon").
 */
export async function rechercherFiches(ctx: Contexte, utilisateur: Utilisateur | null, filtre: FiltreBibliotheque) {
  if (!utilisateur) throw nonAuthentifie();
  const v = visibilite(utilisateur);
  const q = filtre.q?.trim() || null;
  const page = Math.max(1, filtre.page ?? 1);
  const rows = await lecture.chercherFiches(ctx.db, v, {
    q,
    prefixe: q ? requetePrefixe(q) : null,
    thematique: filtre.thematique || null,
    statut: filtre.statut || null,
    region: filtre.region || null,
    public: filtre.public || null,
    limite: TAILLE_PAGE_BIBLIOTHEQUE,
    decalage: (page - 1) * TAILLE_PAGE_BIBLIOTHEQUE,
  });
  // The SQL filter mirrors the rules; can() has the last word (a referent's organisations are checked there too).
  const lisibles = rows.filter((r) =>
    can(utilisateur, 'lire', {
      type: 'contrat',
      contrat: { id: r.contrat.id, regions: r.contrat.regions, publie: r.contrat.publie, organisationsEngagees: r.engagees },
    }),
  );
  return {
    total: rows[0]?.total ?? 0,
    page,
    parPage: TAILLE_PAGE_BIBLIOTHEQUE,
    resultats: lisibles.map((r) => ({
      id: r.id,
      numero: r.numero,
      intitule: r.intitule,
      intituleSurligne: decouperExtrait(r.intituleSurligne),
      extrait: decouperExtrait(r.extrait ?? ''),
      statut: r.statut,
      statutLibelle: LIBELLES_STATUT_FICHE[r.statut] ?? r.statut,
      thematiques: r.thematiques.map((code) => ({ code, libelle: THEMATIQUES.find((t) => t.code === code)?.libelle ?? code })),
      publics: r.publics.map((code) => ({ code, libelle: PUBLICS.find((p) => p.code === code)?.libelle ?? code })),
      pertinence: Number(r.rang),
      contrat: { ...r.contrat, statutLibelle: LIBELLES_STATUT_CONTRAT[r.contrat.statut] ?? r.contrat.statut },
    })),
  };
}

/** The contracts where the user may add a fiche, with why one is locked now (signed without an open avenant, closed). */
export async function destinationsReprise(ctx: Contexte, utilisateur: Utilisateur | null) {
  if (!utilisateur) throw nonAuthentifie();
  const v = visibilite(utilisateur);
  const rows = await lecture.contratsOuverts(ctx.db, v);
  return rows
    .filter((c) =>
      can(utilisateur, 'creer', {
        type: 'fiche',
        contrat: { id: c.id, regions: c.regions, publie: c.publie },
        piloteOrganisationIds: [],
        partenaireOrganisationIds: [],
      }),
    )
    .map((c) => ({
      id: c.id,
      intitule: c.intitule,
      statut: c.statut,
      statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut],
      generation: c.generation,
      verrou: raisonVerrou(c.statut, c.avenantOuvert),
    }));
}

/**
 * "Reprendre cette fiche": a copy of a fiche the user may read, as a new draft (à venir, next number) in a contract
 * where they may create fiches, through the fiches module's own creation (same checks: rights, avenant lock).
 * What belongs to the other territory is left behind: pilotes and referents, funding lines, partners, dates, axe and
 * objectif, priority, state of progress and the account of its participation. Its origin is noted on the copy.
 */
export async function reprendreFiche(ctx: Contexte, utilisateur: Utilisateur, ficheId: string, contratId: string) {
  const source = await obtenirFiche(ctx, utilisateur, ficheId);
  const origine = await lireContrat(ctx.db, source.contratId);
  const note = `Reprise de la fiche n° ${source.numero} du contrat « ${origine?.intitule ?? 'inconnu'} ».`;
  const saisie = ficheSaisieSchema.parse({
    intitule: source.intitule,
    duree: source.duree ?? null,
    argumentation: source.argumentation ?? null,
    istsIdentifiees: source.istsIdentifiees ?? null,
    ists: source.ists ?? [],
    istsPrecision: source.istsPrecision ?? null,
    publics: source.publics,
    publicPrecision: source.publicPrecision ?? null,
    publicCibleIsts: source.publicCibleIsts ?? null,
    description: source.description ?? null,
    objectifsOperationnels: source.objectifsOperationnels ?? [],
    objectifsCiblentIsts: source.objectifsCiblentIsts ?? null,
    etapes: (source.etapes ?? []).map((e) => ({ libelle: e.libelle })),
    determinants: source.determinants ?? [],
    interventions: source.interventions ?? [],
    participationCitoyenne: source.participationCitoyenne ?? null,
    // The definitions travel; the baseline and the targets by period are the other territory's.
    indicateurs: (source.indicateurs ?? []).map(({ id, version, reference, cibles, ...i }) => i),
    methodeEvaluation: source.methodeEvaluation ?? null,
    thematiques: source.thematiques,
    statut: 'a_venir',
    notes: note,
  });
  return enTransaction(ctx.db, async (tx) => {
    const creee = await creerFiche(ctx, utilisateur, contratId, saisie, {}, tx);
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'fiche',
      entiteId: creee.id,
      action: 'reprise',
      apres: { sourceFicheId: ficheId, sourceContratId: source.contratId, sourceNumero: source.numero, numero: creee.numero },
      contexte: { contratId, sourceContratId: source.contratId },
    });
    return { id: creee.id, numero: creee.numero, contratId };
  });
}
