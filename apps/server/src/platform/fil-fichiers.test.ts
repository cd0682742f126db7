import { describe, expect, it } from 'vitest';
import { ErreurMetier } from './errors';
import { analyser, partager, resultat } from './fil-fichiers';
import { mesurerStructure, memoireEstimeeJson } from './lecture-json';
import { LIMITES } from './limites-fichiers';

/** The file worker: a file that exhausts its heap ends the worker with a French 422, and the server goes on. */

describe('fil de lecture des fichiers', () => {
  it('un JSON qui épuiserait la mémoire du fil est refusé en 422 français avant d’être analysé, sans arrêter le processus', async () => {
    // 40 MB of tiny objects: far more than a 48 MB heap once parsed. JSON.parse cannot be stopped midway by the
    // worker's heap limit (it once took the whole test process down), so the file is measured first.
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
    expect(erreur.message).toMatch(/^La lecture du fichier demande plus que la mémoire qui lui est réservée \(48 Mo\)/);
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

  it('l’estimation de mémoire d’un JSON laisse passer les plus gros fichiers légitimes permis', () => {
    const Mo = 1024 * 1024;
    // Per byte of file, extrapolated to the size limit of its import: a DHIS2 export as the server sends it, a ROR
    // Bundle, IGN contours (coordinates).
    const echantillons = {
      valeurs: `{"dataValues":[${Array.from({ length: 5000 }, (_, i) => `{"dataElement":"fbfJHSPpUQD","period":"2024${String((i % 12) + 1).padStart(2, '0')}","orgUnit":"DiszpKrY${String(i).padStart(3, '0')}","categoryOptionCombo":"cRK7d4cR8iU","attributeOptionCombo":"HllvX50cXC0","value":"${i}","storedBy":"admin","created":"2024-01-01T00:00:00.000","lastUpdated":"2024-01-01T00:00:00.000","followup":false}`).join(',')}]}`,
      ressources: `{"resourceType":"Bundle","entry":[${Array.from({ length: 2000 }, (_, i) => `{"resource":{"resourceType":"HealthcareService","id":"hs-${i}","name":"Consultation ${i}","telecom":[{"system":"phone","value":"0299000000"}],"location":[{"reference":"Location/l-${i}"}]}}`).join(',')}]}`,
      contours: `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"35236"},"geometry":{"type":"Polygon","coordinates":[[${Array.from({ length: 50_000 }, (_, i) => `[${(-2.1 + i * 1e-5).toFixed(6)},${(47.65 + i * 1e-6).toFixed(6)}]`).join(',')}]]}}]}`,
    };
    for (const [nom, texte] of Object.entries(echantillons) as [keyof typeof echantillons, string][]) {
      const octets = Buffer.from(texte);
      const { conteneurs, chaines } = mesurerStructure(octets, 64);
      const parOctet = memoireEstimeeJson(octets.length, conteneurs, chaines) / octets.length;
      const limites = LIMITES[nom];
      expect(parOctet * limites.jsonOctetsMax, nom).toBeLessThan(limites.memoireMo * Mo);
    }
  });
});
