/**
 * Long computations on the request path (a plan import's 5 000 rows) give the event loop back every few
 * milliseconds, so that other users' requests are answered in between instead of after.
 */
export const ceder = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A yield that only yields when `ms` have passed since the last one: call it at every step of a loop. */
export function cedeurPeriodique(ms = 10) {
  let dernier = performance.now();
  return async () => {
    if (performance.now() - dernier < ms) return;
    await ceder();
    dernier = performance.now();
  };
}

/** `f` on every element, in order, yielding to the event loop every few milliseconds. */
export async function parTranches<T, R>(elements: readonly T[], f: (e: T, i: number) => R): Promise<R[]> {
  const cederSiLongtemps = cedeurPeriodique();
  const resultats: R[] = [];
  for (const [i, e] of elements.entries()) {
    await cederSiLongtemps();
    resultats.push(f(e, i));
  }
  return resultats;
}
