import { auditer } from '../../platform/audit';
import { acteurDe, exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { enTransaction } from '../../platform/database';
import { invalide } from '../../platform/errors';
import { lireGeoJson } from '../../platform/lecture-tableur';

/** Properties that carry the INSEE code in the usual files (IGN ADMIN EXPRESS, data.gouv extracts). */
const PROPRIETES_CODE = [
  'INSEE_COM',
  'insee_com',
  'code_insee',
  'CODE_INSEE',
  'code',
  'INSEE_DEP',
  'INSEE_REG',
  'SIREN_EPCI',
  'codgeo',
  'CODGEO',
];

/**
 * Imports commune (or EPCI…) contours from a GeoJSON FeatureCollection into the database, so that maps can colour
 * communes. All or nothing; each rejected feature is reported with its reason.
 */
export async function importerContours(
  ctx: Contexte,
  utilisateur: Utilisateur,
  fichier: { nom: string; contenu: Buffer },
  type: 'commune' | 'epci' | 'departement' | 'region',
  dryRun: boolean,
) {
  exiger(utilisateur, 'creer', { type: 'catalogue' });
  // Parsed in a worker thread, within the size and nesting limits: 400 naming the line of a syntax error, 413 beyond.
  const json = await lireGeoJson(fichier.contenu);
  if (json.type !== 'FeatureCollection' || !json.contours)
    throw invalide('Un GeoJSON « FeatureCollection » est attendu.', [{ champ: 'fichier', message: 'FeatureCollection attendue' }]);
  const { rows } = await ctx.db.query('select code from territoires where type = $1', [type]);
  const connus = new Set(rows.map((r) => r.code));
  const rejets: { element: number; raison: string }[] = [];
  const contours: { code: string; geometrie: string }[] = [];
  json.contours.forEach((f, i) => {
    const propriete = PROPRIETES_CODE.find((p) => f.proprietes[p] !== undefined && f.proprietes[p] !== null);
    const code = propriete ? String(f.proprietes[propriete]).toUpperCase() : null;
    if (!code)
      rejets.push({ element: i + 1, raison: `Aucun code INSEE dans les propriétés (${PROPRIETES_CODE.slice(0, 3).join(', ')}…).` });
    else if (!connus.has(code)) rejets.push({ element: i + 1, raison: `Code inconnu du référentiel : ${type} ${code}.` });
    else if (!f.geometrie || !['Polygon', 'MultiPolygon'].includes(f.typeGeometrie ?? ''))
      rejets.push({ element: i + 1, raison: `Géométrie absente ou non surfacique pour ${code}.` });
    else contours.push({ code, geometrie: f.geometrie });
  });
  const rapport = { type, elements: json.contours.length, valides: contours.length, rejets, dryRun, applique: false };
  if (rejets.length || dryRun) return rapport;
  await enTransaction(ctx.db, async (tx) => {
    await tx.query(
      `insert into contours (territoire_type, territoire_code, geometrie, source)
       select $1, c.code, c.geometrie::jsonb, $3 from json_to_recordset($2::json) c(code text, geometrie text)
       on conflict (territoire_type, territoire_code) do update set geometrie = excluded.geometrie, source = excluded.source`,
      [type, JSON.stringify(contours), fichier.nom],
    );
    await auditer(tx, {
      acteur: acteurDe(utilisateur),
      entiteType: 'contours',
      entiteId: type,
      action: 'import',
      apres: { fichier: fichier.nom, contours: contours.length },
    });
  });
  return { ...rapport, applique: true };
}

/** Contours of some territories as a FeatureCollection (empty when none were imported: the UI then shows a table). */
export async function contoursDe(ctx: Contexte, utilisateur: Utilisateur | null, type: string, codes: string[]) {
  exiger(utilisateur, 'lire', { type: 'referentiel' });
  const { rows } = await ctx.db.query(
    `select c.territoire_code as code, t.nom, c.geometrie from contours c left join territoires t on t.type = c.territoire_type and t.code = c.territoire_code
     where c.territoire_type = $1 and c.territoire_code = any($2)`,
    [type, codes],
  );
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({ type: 'Feature' as const, properties: { code: r.code, nom: r.nom }, geometry: r.geometrie })),
  };
}
