import {
  can,
  decouperExtrait,
  DEBUT_SURLIGNAGE,
  ficheSaisieSchema,
  FIN_SURLIGNAGE,
  LIBELLES_STATUT_CONTRAT,
  LIBELLES_STATUT_FICHE,
  PUBLICS,
  requetePrefixe,
  TAILLE_PAGE_BIBLIOTHEQUE,
  THEMATIQUES,
  type StatutContrat,
  type StatutFiche,
} from '@maillage/domain';
import { auditer } from '../../platform/audit';
import { acteurDe, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { nonAuthentifie } from '../../platform/errors';
import { raisonVerrou } from '../contrats/acces';
import * as contrats from '../contrats/contrats.repository';
import { creerFiche, obtenirFiche } from '../fiches/fiches.service';

export interface FiltreBibliotheque {
  q?: string;
  thematique?: string;
  statut?: string;
  region?: string;
  public?: string;
  page?: number;
}

/** The contracts a user may read, as SQL parameters: the same rule as `can(…, 'lire', contrat)`, applied in the query. */
function visibilite(utilisateur: Utilisateur) {
  const h = utilisateur.habilitations;
  return {
    tout: h.some((x) => x.role === 'admin'),
    regions: h.flatMap((x) => (x.role === 'ars_regional' ? [x.regionCode] : [])),
    contrats: h.flatMap((x) => ('contratId' in x ? [x.contratId] : [])),
    organisations: h.flatMap((x) => (x.role === 'referent_organisation' ? [x.organisationId] : [])),
  };
}

// ts_headline's options: the markers are private-use characters, cut into segments by the domain (never HTML).
const SURLIGNAGE = `StartSel=${DEBUT_SURLIGNAGE}, StopSel=${FIN_SURLIGNAGE}`;
const OPTIONS_EXTRAIT = `${SURLIGNAGE}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`;

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
  const { rows } = await ctx.db.query(
    `with cherche as (
       select case when $5::text is null then null
                   else websearch_to_tsquery('maillage_fr', maillage_singulier($5)) || coalesce(to_tsquery('maillage_fr', maillage_singulier($6)), ''::tsquery) end as tsq),
     -- Highlighting reads the text as written: the words as typed also mark the plurals.
     requete as (select tsq, case when tsq is null then null else tsq || websearch_to_tsquery('maillage_fr', $5) end as surligne from cherche),
     trouvees as (
       select f.id, f.contrat_id, f.numero, f.ordre, f.intitule, f.statut, f.thematiques, f.publics, f.contenu,
         case when r.tsq is null then 0 else ts_rank(f.recherche, r.tsq) end as rang, count(*) over () as total
       from fiches f join contrats c on c.id = f.contrat_id cross join requete r
       where ($1 or c.publie or c.regions && $2::text[] or c.id = any($3::uuid[])
              or (cardinality($4::uuid[]) > 0
                  and exists (select 1 from ${contrats.ORGANISATIONS_ENGAGEES} o(organisation_id) where o.organisation_id = any($4::uuid[]))))
         and (r.tsq is null or f.recherche @@ r.tsq)
         and ($7::text is null or $7 = any(f.thematiques)) and ($8::text is null or f.statut = $8)
         and ($9::text is null or $9 = any(c.regions)) and ($10::text is null or $10 = any(f.publics))
       order by rang desc, c.intitule, f.ordre
       limit $11 offset $12)
     -- Extracts are computed for the page only: ts_headline reads the whole text.
     select t.id, t.numero, t.intitule, t.statut, t.thematiques, t.publics, t.rang, t.total,
       case when r.tsq is null then t.intitule else ts_headline('maillage_fr', t.intitule, r.surligne, '${SURLIGNAGE}, HighlightAll=true') end as "intituleSurligne",
       ts_headline('maillage_fr', concat_ws(' — ', t.contenu ->> 'description',
           (select string_agg(x, ' ; ') from jsonb_array_elements_text(case when jsonb_typeof(t.contenu -> 'objectifsOperationnels') = 'array' then t.contenu -> 'objectifsOperationnels' else '[]' end) x),
           t.contenu ->> 'argumentation'),
         coalesce(r.surligne, ''::tsquery), '${OPTIONS_EXTRAIT}') as extrait,
       json_build_object('id', c.id, 'intitule', c.intitule, 'statut', c.statut, 'generation', c.generation,
         'periode', json_build_object('debut', c.periode_debut, 'fin', c.periode_fin), 'regions', c.regions, 'departements', c.departements,
         'population', c.population, 'publie', c.publie) as contrat,
       array(select distinct o.organisation_id::text from ${contrats.ORGANISATIONS_ENGAGEES} o(organisation_id)) as engagees
     from trouvees t join contrats c on c.id = t.contrat_id cross join requete r
     order by t.rang desc, c.intitule, t.ordre`,
    [v.tout, v.regions, v.contrats, v.organisations, q, q ? requetePrefixe(q) : null, filtre.thematique || null, filtre.statut || null, filtre.region || null, filtre.public || null, TAILLE_PAGE_BIBLIOTHEQUE, (page - 1) * TAILLE_PAGE_BIBLIOTHEQUE],
  );
  // The SQL filter mirrors the rules; can() has the last word (a referent's organisations are checked there too).
  const lisibles = rows.filter((r) => can(utilisateur, 'lire', { type: 'contrat', contrat: { id: r.contrat.id, regions: r.contrat.regions, publie: r.contrat.publie, organisationsEngagees: r.engagees } }));
  return {
    total: rows[0]?.total ?? 0,
    page,
    parPage: TAILLE_PAGE_BIBLIOTHEQUE,
    resultats: lisibles.map((r) => ({
      id: r.id as string,
      numero: r.numero as number,
      intitule: r.intitule as string,
      intituleSurligne: decouperExtrait(r.intituleSurligne),
      extrait: decouperExtrait(r.extrait ?? ''),
      statut: r.statut as StatutFiche,
      statutLibelle: LIBELLES_STATUT_FICHE[r.statut as StatutFiche] ?? r.statut,
      thematiques: (r.thematiques as string[]).map((code) => ({ code, libelle: THEMATIQUES.find((t) => t.code === code)?.libelle ?? code })),
      publics: (r.publics as string[]).map((code) => ({ code, libelle: PUBLICS.find((p) => p.code === code)?.libelle ?? code })),
      pertinence: Number(r.rang),
      contrat: { ...r.contrat, statutLibelle: LIBELLES_STATUT_CONTRAT[r.contrat.statut as StatutContrat] ?? r.contrat.statut },
    })),
  };
}

/** The contracts where the user may add a fiche, with why one is locked now (signed without an open avenant, closed). */
export async function destinationsReprise(ctx: Contexte, utilisateur: Utilisateur | null) {
  if (!utilisateur) throw nonAuthentifie();
  const v = visibilite(utilisateur);
  const { rows } = await ctx.db.query(
    `select c.id, c.intitule, c.statut, c.generation, c.regions, c.publie,
       exists (select 1 from avenants a where a.contrat_id = c.id and a.etat = 'brouillon') as "avenantOuvert"
     from contrats c where $1 or c.id = any($2::uuid[]) order by c.intitule, c.generation`,
    [v.tout, v.contrats],
  );
  return rows
    .filter((c) => can(utilisateur, 'creer', { type: 'fiche', contrat: { id: c.id, regions: c.regions, publie: c.publie }, piloteOrganisationIds: [], partenaireOrganisationIds: [] }))
    .map((c) => ({
      id: c.id as string,
      intitule: c.intitule as string,
      statut: c.statut as StatutContrat,
      statutLibelle: LIBELLES_STATUT_CONTRAT[c.statut as StatutContrat],
      generation: c.generation as number,
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
  const origine = await contrats.obtenirContrat(ctx.db, source.contratId);
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
