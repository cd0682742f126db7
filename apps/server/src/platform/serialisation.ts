import type { FastifySerializerCompiler } from 'fastify/types/schema';
import fastJson from 'fast-json-stringify';
import { serializerCompiler as serialiseurZod } from 'fastify-type-provider-zod';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';

type Schema = z.ZodType | { properties: z.ZodType };
const enZod = (s: Schema): z.ZodType => (s instanceof z.ZodType ? s : s.properties);

/**
 * How answers are written (decision 0026). zod's serializer parses every answer before writing it: under load it
 * was the largest cost of a fiche list after compression. The same response schemas, turned into JSON Schema, are
 * compiled once per route by fast-json-stringify, which writes only the schema's fields (what zod's parse kept) with
 * no validation. `verifier` (tests and development) keeps zod's parse in front: an answer that breaks its schema
 * still fails, and the fast writing must give exactly what zod gives, or the request fails too — so the test suite
 * proves on every answer it sees that production writes the same JSON. A schema JSON Schema cannot carry keeps zod.
 */
export function compilateurSerialisation({ verifier }: { verifier: boolean }): FastifySerializerCompiler<Schema> {
  return (route) => {
    // Compiled at the route's first answer, not when the server starts: compiling every route's writers took ~1.2 s
    // of a 4.6 s warm start (decision 0045), for routes most processes never answer.
    let ecrire: ((data: unknown) => string) | null = null;
    return (data) => {
      if (!ecrire) ecrire = compiler(route, verifier);
      return ecrire(data);
    };
  };
}

function compiler(route: Parameters<FastifySerializerCompiler<Schema>>[0], verifier: boolean): (data: unknown) => string {
  const schema = enZod(route.schema);
  const parZod = serialiseurZod(route as Parameters<typeof serialiseurZod>[0]) as (data: unknown) => string;
  let rapide: (data: unknown) => string;
  try {
    rapide = fastJson(
      z.toJSONSchema(schema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }) as Parameters<typeof fastJson>[0],
    );
  } catch {
    return parZod;
  }
  if (!verifier) return rapide;
  return (data) => {
    const attendu = parZod(data); // throws on an answer its schema refuses, as before
    const ecrit = rapide(data);
    if (ecrit !== attendu && !isDeepStrictEqual(JSON.parse(ecrit), JSON.parse(attendu)))
      throw new Error(
        `Sérialisation rapide de ${route.method} ${route.url} différente de zod :\n${ecrit.slice(0, 2000)}\n≠\n${attendu.slice(0, 2000)}`,
      );
    return ecrit;
  };
}
