import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterPeriode } from '@maillage/domain';
import { Link } from 'react-router';
import type { ContratResume } from '@maillage/domain/api';
import { formaterNombre, formaterPopulation } from './format';
import { BadgeStatutContrat, libelleGeneration, libelleRole } from './statuts-contrat';

interface Props {
  contrats: ContratResume[];
  caption: string;
  /** Show the user's role column (the home page and the list do; a regional portfolio need not). */
  avecRole?: boolean;
}

/** The contracts as a DSFR table: shared by the list page and the homes (kept light: it ships with the home). */
export function TableauContrats({ contrats, caption, avecRole = true }: Props) {
  const entetes = ['Contrat', 'Statut', 'Génération', 'Période', 'Population', 'Fiches-action'];
  if (avecRole) entetes.push('Votre rôle');
  return (
    <Table
      className={fr.cx('fr-mb-2w')}
      caption={caption}
      headers={entetes}
      data={contrats.map((c) => {
        const ligne = [
          <Link key="l" to={`/contrats/${c.id}`}>
            {c.intitule}
          </Link>,
          <BadgeStatutContrat key="s" statut={c.statut} />,
          libelleGeneration(c.generation),
          c.periode.debut || c.periode.fin ? formaterPeriode(c.periode.debut, c.periode.fin) : 'Non renseignée',
          formaterPopulation(c.population),
          formaterNombre(c.nombreFiches),
        ];
        if (avecRole) ligne.push(libelleRole(c.role));
        return ligne;
      })}
    />
  );
}
