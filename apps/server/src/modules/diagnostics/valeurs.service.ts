import { nomTerritoireValeur, TYPES_TERRITOIRE_VALEUR } from '@maillage/domain';
import { exiger, type Contexte, type Utilisateur } from '../../platform/contexte';
import { invalide } from '../../platform/errors';
import { lireTerritoires, vuePubliee } from './agregation.service';
import { listerValeurs } from './valeurs.repository';

/**
 * The values stored for an indicator and/or a territory, as published: an interval class keeps its text ("[856 à
 * 932["), a masked value reads "secret statistique". Nothing is computed here: the indicator's and the territory's
 * pages show what the sources said.
 */
export async function valeursPubliees(
  ctx: Contexte,
  utilisateur: Utilisateur | null,
  demande: { indicateur?: string; territoire?: string; type?: string; limite: number; decalage: number },
) {
  exiger(utilisateur, 'lire', { type: 'catalogue' });
  if (!demande.indicateur && !demande.territoire)
    throw invalide('Indiquez un indicateur ou un territoire.', [
      { champ: 'indicateur', message: 'Un indicateur ou un territoire est requis' },
    ]);
  const territoires = demande.territoire ? lireTerritoires(demande.territoire) : [];
  if (territoires.length > 1) throw invalide('Un seul territoire à la fois.', [{ champ: 'territoire', message: 'Un seul territoire' }]);
  if (demande.type && !(TYPES_TERRITOIRE_VALEUR as readonly string[]).includes(demande.type))
    throw invalide(`Type de territoire inconnu : « ${demande.type} ».`, [{ champ: 'type', message: 'Type inconnu' }]);
  const { total, valeurs } = await listerValeurs(
    ctx.db,
    { indicateur: demande.indicateur ?? null, territoire: territoires[0] ?? null, type: demande.type ?? null },
    demande.limite,
    demande.decalage,
  );
  return {
    total,
    limite: demande.limite,
    decalage: demande.decalage,
    valeurs: valeurs.map((l) => ({
      indicateur: { code: l.indicateur, libelle: l.libelle, unite: l.unite },
      territoire: { type: l.territoireType, code: l.territoireCode, nom: l.nom ?? nomTerritoireValeur(l.territoireType, l.territoireCode) },
      periode: l.periode,
      valeur: vuePubliee(l),
      source: l.source || null,
      tiret: l.tiret,
    })),
  };
}
