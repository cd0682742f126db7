import { useEffect } from 'react';

export const NOM_SERVICE = 'Maillage';

/** Sets document.title: "Page — Maillage". */
export function useTitrePage(titre: string | null | undefined) {
  useEffect(() => {
    document.title = titre ? `${titre} — ${NOM_SERVICE}` : `${NOM_SERVICE} — contrats locaux de santé`;
  }, [titre]);
}
