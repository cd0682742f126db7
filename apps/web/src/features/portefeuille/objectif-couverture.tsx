import { fr } from '@codegouvfr/react-dsfr';
import { formaterDate } from '@maillage/domain';
import type { Portefeuille } from '@maillage/domain/api';
import { formaterPourcent } from './format-portefeuille';

/**
 * Where the region stands on the way to its coverage target: the target with its year and source, the published
 * coverage it started from, today's computed coverage, and the share of the way made. Each figure says where it
 * comes from: the target and the starting point are published, today's figure is computed from the contracts held here.
 */
export function ObjectifCouverture({ objectif: o }: { objectif: Portefeuille['objectifCouverture'] }) {
  if (!o) return null;
  const echeancePassee = o.echeance !== null && o.actuel.date.slice(0, 4) > o.echeance && !o.atteinte;
  return (
    <div className={fr.cx('fr-callout', 'fr-mb-3w')}>
      <h3 className={fr.cx('fr-callout__title', 'fr-h6')}>Progression vers la cible régionale</h3>
      <ul className={fr.cx('fr-mb-0')}>
        <li>
          <strong>Cible :</strong> {formaterPourcent(o.cible)} de la population couverte par un contrat local de santé
          {o.echeance ? ` à l’horizon ${o.echeance}` : ''}
          {o.source ? ` (source : ${o.source})` : ' (source non renseignée dans la doctrine)'}.
        </li>
        {o.reference && (
          <li>
            <strong>Point de départ publié :</strong> {formaterPourcent(o.reference.pourcent)}
            {o.reference.date ? ` au ${formaterDate(o.reference.date)}` : ''}
            {o.reference.source ? ` (source : ${o.reference.source})` : ''}.
          </li>
        )}
        <li>
          <strong>Au {formaterDate(o.actuel.date)} :</strong> {formaterPourcent(o.actuel.pourcent)}, calculé sur les contrats signés ou en
          évaluation enregistrés dans Maillage
          {o.atteinte
            ? ' : la cible est atteinte.'
            : o.manque !== null
              ? ` ; il manque ${formaterPourcent(o.manque)} pour atteindre la cible.`
              : '.'}
        </li>
        {o.sousReference ? (
          <li>
            La couverture calculée est inférieure au point de départ publié : des contrats de la région ne sont pas enregistrés dans
            Maillage, ou ont pris fin depuis.
          </li>
        ) : (
          o.progression !== null && <li>{formaterPourcent(o.progression)} du chemin entre le point de départ et la cible est parcouru.</li>
        )}
        {echeancePassee && <li>L’échéance {o.echeance} est passée sans que la cible soit atteinte.</li>}
      </ul>
    </div>
  );
}
