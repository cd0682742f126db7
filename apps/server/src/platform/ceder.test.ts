import { describe, expect, it } from 'vitest';
import { parTranches } from './ceder';

const occuper = (ms: number) => {
  const fin = performance.now() + ms;
  while (performance.now() < fin);
};

describe('parTranches', () => {
  it('rend les résultats dans l’ordre', async () => {
    expect(await parTranches([3, 1, 2], (x, i) => `${i}:${x * 2}`)).toEqual(['0:6', '1:2', '2:4']);
  });

  it('laisse passer les autres entre deux éléments quand le travail est long', async () => {
    let vuA: number | null = null;
    let courant = 0;
    setImmediate(() => (vuA = courant));
    await parTranches([...Array(8).keys()], (i) => {
      courant = i;
      occuper(4);
    });
    // Without yielding, the callback would only run after the last element.
    expect(vuA).not.toBeNull();
    expect(vuA!).toBeLessThan(7);
  });
});
