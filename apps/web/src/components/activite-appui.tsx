import { fr } from '@codegouvfr/react-dsfr';
import type { ActiviteAppuiVue } from '@maillage/domain/api';
import { Link } from 'react-router';
import { formaterNombre } from './format';
import { TableauDefilant } from './tableau-defilant';

/** A count as published: the number, or « secret » with what it means for screen readers too. */
export function CompteSecret({ n }: { n: number | 'secret' }) {
  if (n !== 'secret') return <>{formaterNombre(n)}</>;
  return (
    <span className={fr.cx('fr-text--bold')}>
      secret<span className={fr.cx('fr-sr-only')}> (effectif de 1 à 4, ou qui permettrait d’en recalculer un, masqué)</span>
    </span>
  );
}

const delai = (j: number | null) => (j === null ? 'non publié' : `${formaterNombre(j)} jour${j > 1 ? 's' : ''}`);

/**
 * The support teams' activity on a perimeter (a contract's, a region's), in the follow-up screens: one line per period
 * for all teams together, under statistical secret; the detail by team and by breakdown is on the activity page.
 */
export function SyntheseActiviteAppui({
  activite,
  perimetre,
  titre: Titre = 'h2',
}: {
  activite: ActiviteAppuiVue;
  perimetre: string;
  titre?: 'h2' | 'h3';
}) {
  const lignes = activite.lignes.filter((l) => l.structure === null);
  return (
    <section aria-labelledby="titre-activite-appui" className={fr.cx('fr-mb-6w')}>
      <Titre id="titre-activite-appui">Appui aux parcours complexes</Titre>
      <p className={fr.cx('fr-text--sm')}>
        Activité des équipes d’appui à la coordination sur {perimetre}, agrégée : aucune donnée nominative. Un effectif de 1 à{' '}
        {activite.seuilSecret - 1}, ou qui permettrait d’en recalculer un, est affiché « secret », comme dans les statistiques publiées.
      </p>
      {activite.partiel && activite.raisons.length > 0 && (
        <div className={fr.cx('fr-mb-2w')}>
          <p className={fr.cx('fr-text--sm', 'fr-text--bold', 'fr-mb-1v')}>Chiffres partiels :</p>
          <ul className={fr.cx('fr-text--sm')}>
            {activite.raisons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      )}
      {lignes.length === 0 ? (
        <p>Aucune équipe d’appui n’a d’activité sur ce périmètre pour ces périodes.</p>
      ) : (
        <TableauDefilant
          caption={`Activité des équipes d’appui — ${perimetre}`}
          headers={['Période', 'Demandes reçues', 'Délai médian du premier contact', 'Orientations', 'Situations closes']}
          data={lignes.map((l) => [
            `${l.periode.libelle}${l.partiel ? ' (partiel)' : ''}`,
            <CompteSecret key="d" n={l.demandes.total} />,
            delai(l.delais.find((d) => d.etape === 'premier_contact')?.medianeJours ?? null),
            <CompteSecret key="o" n={l.orientations.total} />,
            <CompteSecret key="c" n={l.clotures.total} />,
          ])}
        />
      )}
      <p className={fr.cx('fr-text--sm')}>
        <Link to="/appui/activite">Voir le détail de l’activité (origine des demandes, niveaux de réponse, délais, orientations)</Link>
      </p>
    </section>
  );
}
