import { fr } from '@codegouvfr/react-dsfr';
import type { LigneActiviteAppui } from '../../api/appui-activite';
import { formaterNombre } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';

export const ID_EXPLICATION_SECRET = 'explication-secret-appui';

/** A count as published: the number, or « secret » with what it means for screen readers too. */
export function Compte({ n }: { n: number | 'secret' }) {
  if (n !== 'secret') return <>{formaterNombre(n)}</>;
  return (
    <span className={fr.cx('fr-text--bold')}>
      secret<span className={fr.cx('fr-sr-only')}> (effectif de 1 à 4, ou qui permettrait d’en recalculer un, masqué)</span>
    </span>
  );
}

type Repartition = { code: string; libelle: string; nombre: number | 'secret' }[];

function TableRepartition({ caption, colonne, lignes }: { caption: string; colonne: string; lignes: Repartition }) {
  if (lignes.length === 0) return null;
  return (
    <TableauDefilant
      caption={caption}
      headers={[colonne, 'Nombre']}
      data={lignes.map((l) => [l.libelle, <Compte key="n" n={l.nombre} />])}
      className={fr.cx('fr-mb-2w')}
    />
  );
}

/** One row of the activity (a structure, a territory, a period): requests, delays, closures, orientations. */
export function BlocActivite({ ligne: l, titre }: { ligne: LigneActiviteAppui; titre: string }) {
  return (
    <section aria-label={titre} className={fr.cx('fr-mb-6w')}>
      <h2 className={fr.cx('fr-h4')}>{titre}</h2>
      {l.partiel && <p className={fr.cx('fr-text--sm')}>Chiffres partiels : voir les raisons en haut de page.</p>}
      <p>
        Demandes reçues : <Compte n={l.demandes.total} /> · Situations closes : <Compte n={l.clotures.total} /> · Orientations :{' '}
        <Compte n={l.orientations.total} />
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <TableRepartition caption={`Demandes par origine — ${titre}`} colonne="Qui demande" lignes={l.demandes.parOrigine} />
          <TableRepartition caption={`Demandes par mission — ${titre}`} colonne="Mission" lignes={l.demandes.parMission} />
          <TableRepartition
            caption={`Demandes par niveau de réponse — ${titre}`}
            colonne="Niveau de réponse"
            lignes={l.demandes.parNiveau}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <TableauDefilant
            caption={`Délais médians — ${titre}`}
            headers={['Étape', 'Délai médian', 'Demandes arrivées à l’étape']}
            data={l.delais.map((d) => [
              d.libelle,
              d.medianeJours === null
                ? 'Non publié (moins de 5 demandes)'
                : `${formaterNombre(d.medianeJours)} jour${d.medianeJours > 1 ? 's' : ''}`,
              <Compte key="n" n={d.nombre} />,
            ])}
            className={fr.cx('fr-mb-2w')}
          />
          <TableRepartition caption={`Clôtures par motif — ${titre}`} colonne="Motif" lignes={l.clotures.parMotif} />
          <TableRepartition
            caption={`Orientations par type de ressource — ${titre}`}
            colonne="Type de ressource"
            lignes={l.orientations.parTypeRessource}
          />
          <TableRepartition caption={`Orientations par issue — ${titre}`} colonne="Issue" lignes={l.orientations.parIssue} />
        </div>
      </div>
    </section>
  );
}
