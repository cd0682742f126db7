import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterMoyens, type TotalMoyens } from '@maillage/domain';
import type { ReactNode } from 'react';
import type { LigneMoyens } from '../api/moyens';

/** Where the line's commitment leads: the organisation's own objectives and the indicator that measures it. */
export function LienResultat({ l }: { l: LigneMoyens }) {
  const liens = [
    l.objectifs,
    l.indicateurLibelle && `Indicateur : ${l.indicateurLibelle}`,
    l.indicateurSuiviLibelle &&
      `Indicateur de suivi${l.ficheNumero != null ? ` de la fiche ${l.ficheNumero}` : ''} : ${l.indicateurSuiviLibelle}`,
  ].filter(Boolean);
  return liens.length ? (
    <ul className={fr.cx('fr-raw-list', 'fr-text--sm', 'fr-mb-0')}>
      {liens.map((t) => (
        <li key={t as string}>{t}</li>
      ))}
    </ul>
  ) : (
    <span className={fr.cx('fr-text--sm')}>Non relié</span>
  );
}

/** A summary table: each unit in its own column, never added to another. */
export function TableauTotaux({
  caption,
  entete,
  lignes,
  cumul,
}: {
  caption: string;
  entete: string;
  lignes: { cle: ReactNode; total: TotalMoyens }[];
  cumul?: boolean;
}) {
  return (
    <Table
      caption={caption}
      headers={[entete, 'Jours', cumul ? 'ETP (cumulés sur les années)' : 'ETP', 'Montant', 'Apports en nature']}
      data={lignes.map(({ cle, total: t }) => [
        cle,
        t.jours ? formaterMoyens({ ...t, etp: 0, montantCentimes: 0, nature: 0 }) : '—',
        t.etp ? formaterMoyens({ ...t, jours: 0, montantCentimes: 0, nature: 0 }) : '—',
        t.montantCentimes ? formaterMoyens({ ...t, jours: 0, etp: 0, nature: 0 }) : '—',
        t.nature ? String(t.nature) : '—',
      ])}
    />
  );
}
