/**
 * Product identity. A deployment by a collectivité builds with VITE_MARIANNE=0: the "République française"
 * brand block (Marianne, devise) is switched off and the service name carries the identity alone.
 */
export const AVEC_MARIANNE = import.meta.env.VITE_MARIANNE !== '0';

export const NOM_SERVICE = 'Maillage';
export const SLOGAN = 'contrats locaux de santé';

export const blocMarque = AVEC_MARIANNE ? (
  <>
    République
    <br />
    française
  </>
) : (
  NOM_SERVICE
);

export const lienAccueil = {
  to: '/',
  title: AVEC_MARIANNE ? `Accueil — ${NOM_SERVICE} — République française` : `Accueil — ${NOM_SERVICE}`,
};
