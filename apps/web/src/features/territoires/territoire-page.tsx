import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { can, LIBELLES_TYPE_TERRITOIRE, type TypeTerritoire } from '@maillage/domain';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useTerritoire } from '../../api/territoires';
import { useSession } from '../../app/session';
import type { Territoire } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterNombre, formaterPopulation } from '../../components/format';
import { NATURES_EPCI } from '../../components/libelles';
import { useTitrePage } from '../../components/titre-page';
import { ValeursPubliees } from '../../components/valeurs-publiees';

const lien = (t: { code: string; nom: string }, type: TypeTerritoire) => <Link to={`/territoires/${type}/${t.code}`}>{t.nom}</Link>;

export default function TerritoirePage() {
  const { type, code } = useParams();
  const territoire = useTerritoire(type, code);
  const t = territoire.data;
  const { sujet } = useSession();
  useTitrePage(t ? `${t.nom} (${LIBELLES_TYPE_TERRITOIRE[t.type]})` : 'Territoire');

  const filAriane = (
    <Breadcrumb
      currentPageLabel={t?.nom ?? 'Territoire'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Territoires', linkProps: { to: '/territoires' } }]}
    />
  );
  if (territoire.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (territoire.error || !t) {
    return (
      <>
        {filAriane}
        <h1>Territoire introuvable</h1>
        <AlerteErreur erreur={territoire.error} titre="Ce territoire n’existe pas dans le référentiel" />
        <p>
          <Link to="/territoires">Rechercher un territoire</Link>
        </p>
      </>
    );
  }

  const lignes: [string, ReactNode][] = [
    ['Type', `${LIBELLES_TYPE_TERRITOIRE[t.type]}${t.nature ? ` — ${NATURES_EPCI[t.nature] ?? t.nature}` : ''}`],
    [t.type === 'epci' ? 'SIREN' : 'Code INSEE', t.code],
    ['Population', formaterPopulation(t.population)],
  ];
  if (t.departement)
    lignes.push([
      'Département',
      <>
        {lien(t.departement, 'departement')} ({t.departement.code})
      </>,
    ]);
  if (t.region && t.type !== 'region')
    lignes.push([
      'Région',
      <>
        {lien(t.region, 'region')} ({t.region.code})
      </>,
    ]);
  if (t.epci && t.epci.length > 0) {
    lignes.push([
      t.epci.length > 1 ? 'EPCI' : 'EPCI de rattachement',
      t.epci.map((e, i) => (
        <span key={e.code}>
          {i > 0 && ', '}
          {lien(e, 'epci')}
        </span>
      )),
    ]);
  }

  return (
    <>
      {filAriane}
      <h1>{t.nom}</h1>
      <ul className={fr.cx('fr-raw-list', 'fr-mb-4w')}>
        {lignes.map(([libelle, valeur]) => (
          <li key={libelle} className={fr.cx('fr-mb-1w')}>
            <span className={fr.cx('fr-text--bold')}>{libelle} : </span>
            {valeur}
          </li>
        ))}
      </ul>
      {t.type === 'epci' && <Membres epci={t.nom} membres={t.membres ?? []} />}
      {/* The imported values are read by signed-in users only (the catalogue's rule). */}
      {can(sujet, 'lire', { type: 'catalogue' }) && <ValeursPubliees territoire={{ type: t.type, code: t.code, nom: t.nom }} />}
    </>
  );
}

function Membres({ epci, membres }: { epci: string; membres: Territoire[] }) {
  const tries = [...membres].sort((a, b) => a.nom.localeCompare(b.nom, 'fr'));
  const total = membres.reduce((s, m) => s + m.population, 0);
  return (
    <section aria-labelledby="territoire-membres">
      <h2 id="territoire-membres">Communes membres</h2>
      <p>
        {formaterNombre(membres.length)} commune{membres.length > 1 ? 's' : ''}, {formaterPopulation(total)} au total.
      </p>
      <Table
        caption={`Communes membres de ${epci} (${formaterNombre(membres.length)})`}
        headers={['Commune', 'Code INSEE', 'Département', 'Population']}
        data={tries.map((m) => [lien(m, 'commune'), m.code, m.departementCode ?? '—', formaterNombre(m.population)])}
      />
    </section>
  );
}
