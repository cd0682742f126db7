import { fr } from '@codegouvfr/react-dsfr';
import { formaterNombre } from '@maillage/domain';
import type { NonCorrespondantDhis2 } from '@maillage/domain/api';
import { Link } from 'react-router';
import { TableauDefilant } from '../../components/tableau-defilant';

const NATURES: Record<NonCorrespondantDhis2['nature'], string> = { dataElement: 'dataElement', orgUnit: 'orgUnit', period: 'Période' };
const LIGNES_MONTREES = 20;

/** A DHIS2 import's identifiers without mapping, each with the rows using it, and the way to map them. */
export function NonCorrespondantsDhis2({ liste }: { liste?: NonCorrespondantDhis2[] }) {
  if (!liste?.length) return null;
  const aRelier = liste.some((n) => n.nature !== 'period');
  return (
    <>
      <TableauDefilant
        caption={`Identifiants DHIS2 sans correspondance (${liste.length}) : rien n’est importé tant qu’il en reste`}
        headers={['Nature', 'Identifiant', 'categoryOptionCombo', 'Lignes (dataValues) qui l’utilisent']}
        data={liste.map((n) => [
          NATURES[n.nature],
          <code key="id">{n.identifiant}</code>,
          n.categoryOptionCombo ?? '—',
          `${n.lignes.slice(0, LIGNES_MONTREES).map(formaterNombre).join(', ')}${n.lignes.length > LIGNES_MONTREES ? ` et ${formaterNombre(n.lignes.length - LIGNES_MONTREES)} autres` : ''}`,
        ])}
      />
      {aRelier && (
        <p>
          <Link
            className={fr.cx('fr-link', 'fr-icon-arrow-right-line', 'fr-link--icon-right')}
            to="/indicateurs/correspondance-dhis2"
            state={{ nonCorrespondants: liste }}
          >
            Compléter la correspondance DHIS2 avec ces identifiants
          </Link>
        </p>
      )}
    </>
  );
}
