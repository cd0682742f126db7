import { describe, expect, it } from 'vitest';
import { ErreurMetier } from './errors';
import { analyser, partager, resultat } from './fil-fichiers';
import { LIMITES } from './limites-fichiers';

/** The file worker: a file that exhausts its heap ends the worker with a French 422, and the server goes on. */

describe('fil de lecture des fichiers', () => {
  it('un fichier qui épuise la mémoire du fil finit en 422 français, sans arrêter le processus', async () => {
    // 40 MB of tiny objects: far more than a 48 MB heap once parsed.
    const json = Buffer.from(
      `{"type":"FeatureCollection","features":[${Array.from({ length: 600_000 }, (_, i) => `{"properties":{"code":"${i}"},"geometry":null}`).join(',')}]}`,
    );
    const erreur: ErreurMetier = await resultat<never>({
      type: 'geojson',
      contenu: partager(json),
      limites: { ...LIMITES.contours, memoireMo: 48 },
    }).catch((e: ErreurMetier) => e);
    expect(erreur).toBeInstanceOf(ErreurMetier);
    expect(erreur).toMatchObject({
      statut: 422,
      titre: 'Fichier trop lourd à lire',
      extra: { limite: '48 Mo de mémoire pour lire un fichier' },
    });
    expect(erreur.message).toMatch(/^La lecture du fichier a dépassé la mémoire qui lui est réservée \(48 Mo\)/);
    // And the next file is read as usual.
    const petit = await resultat<{ contours: unknown[] }>({
      type: 'geojson',
      contenu: partager(Buffer.from('{"type":"FeatureCollection","features":[]}')),
      limites: LIMITES.contours,
    });
    expect(petit.contours).toEqual([]);
  });

  it('envoie les lignes par lots, et s’arrête quand on cesse de lire', async () => {
    const csv = Buffer.from(`a;b\n${Array.from({ length: 10_000 }, (_, i) => `${i};x`).join('\n')}\n`);
    const lues: number[] = [];
    for await (const m of analyser({
      type: 'tableau',
      nom: 'f.csv',
      contenu: partager(csv),
      limites: LIMITES.valeurs,
      archiveVerifiee: false,
    })) {
      if (m.type === 'entete') expect(m.entete).toMatchObject({ format: 'csv', separateur: ';', entetes: ['a', 'b'] });
      if (m.type === 'lot') lues.push(...m.lignes.map((l) => l.ligne));
      if (lues.length >= 4000) break;
    }
    expect(lues.slice(0, 3)).toEqual([2, 3, 4]);
    expect(lues).toHaveLength(4000);
  });
});
