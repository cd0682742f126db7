import type { Queryable } from '../../platform/database';

export interface ClasseTypologie {
  code: string;
  description: string;
  /** As published by the source. */
  nombreEpciPublie: number | null;
  habitantsPublies: number | null;
  partPopulationPubliee: number | null;
  /** EPCIs of the référentiel entered in this class. */
  epciAffectes: number;
}

export interface Typologie {
  code: string;
  regionCode: string;
  intitule: string;
  source: string;
  note: string | null;
  classes: ClasseTypologie[];
}

const SELECTION = `select t.code, t.region_code as "regionCode", t.intitule, t.source, t.note,
  coalesce((select json_agg(json_build_object('code', c.code, 'description', c.description, 'nombreEpciPublie', c.nombre_epci,
      'habitantsPublies', c.habitants, 'partPopulationPubliee', c.part_population,
      'epciAffectes', (select count(*) from typologie_epci e where e.typologie_code = c.typologie_code and e.classe_code = c.code)) order by c.ordre)
    from typologie_classes c where c.typologie_code = t.code), '[]') as classes
  from typologies t`;

export async function listerTypologies(db: Queryable, regionCode?: string): Promise<Typologie[]> {
  const { rows } = await db.query(`${SELECTION} where $1::text is null or t.region_code = $1 order by t.intitule`, [regionCode ?? null]);
  return rows.map(normaliser);
}

export async function obtenirTypologie(db: Queryable, code: string): Promise<Typologie | null> {
  const { rows } = await db.query(`${SELECTION} where t.code = $1`, [code]);
  return rows[0] ? normaliser(rows[0]) : null;
}

// numeric comes back from json_build_object as a JSON number already; counts too.
const normaliser = (t: Typologie): Typologie => ({
  ...t,
  classes: t.classes.map((c) => ({
    ...c,
    partPopulationPubliee: c.partPopulationPubliee === null ? null : Number(c.partPopulationPubliee),
  })),
});

/** EPCI code → class code. */
export async function classesDesEpci(db: Queryable, typologie: string): Promise<Map<string, string>> {
  const { rows } = await db.query(`select epci_code, classe_code from typologie_epci where typologie_code = $1`, [typologie]);
  return new Map(rows.map((r) => [r.epci_code, r.classe_code]));
}

/** Creates the typology and its classes if absent (loading at start runs every time: nothing is changed twice). */
export async function assurerTypologie(
  db: Queryable,
  t: Omit<Typologie, 'classes'>,
  classes: Omit<ClasseTypologie, 'epciAffectes'>[],
): Promise<boolean> {
  const { rowCount } = await db.query(
    `insert into typologies (code, region_code, intitule, source, note) values ($1, $2, $3, $4, $5) on conflict (code) do nothing`,
    [t.code, t.regionCode, t.intitule, t.source, t.note],
  );
  for (const [ordre, c] of classes.entries())
    await db.query(
      `insert into typologie_classes (typologie_code, code, description, ordre, nombre_epci, habitants, part_population) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (typologie_code, code) do nothing`,
      [t.code, c.code, c.description, ordre, c.nombreEpciPublie, c.habitantsPublies, c.partPopulationPubliee],
    );
  return (rowCount ?? 0) > 0;
}

/** Replaces the list of EPCIs of each class. */
export async function remplacerAffectations(
  db: Queryable,
  typologie: string,
  affectations: { epci: string; classe: string }[],
): Promise<void> {
  await db.query(`delete from typologie_epci where typologie_code = $1`, [typologie]);
  await db.query(
    `insert into typologie_epci (typologie_code, epci_code, classe_code) select $1, e, c from unnest($2::text[], $3::text[]) as a(e, c)`,
    [typologie, affectations.map((a) => a.epci), affectations.map((a) => a.classe)],
  );
}
