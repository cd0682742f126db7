import { fr } from '@codegouvfr/react-dsfr';
import { useTerritoire } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { EtatVide } from '../../components/etat-vide';
import { formaterPopulation } from '../../components/format';

/** ARS regional: the region's portfolio. No contract module yet, so an honest empty state. */
export function AccueilArs({ regionCode }: { regionCode: string }) {
  const region = useTerritoire('region', regionCode);
  const nom = region.data?.nom ?? `région ${regionCode}`;
  return (
    <section className={fr.cx('fr-mb-6w')} aria-labelledby={`accueil-ars-${regionCode}`}>
      <h2 id={`accueil-ars-${regionCode}`}>Portefeuille régional : {nom}</h2>
      {region.error ? (
        <AlerteErreur erreur={region.error} as="h3" titre="Impossible de charger la région" />
      ) : (
        <p>
          {region.data ? (
            <>
              Région {region.data.nom} (code INSEE {region.data.code}) : <strong>{formaterPopulation(region.data.population)}</strong>{' '}
              selon le dernier recensement.
            </>
          ) : (
            'Chargement de la région…'
          )}
        </p>
      )}
      <EtatVide
        titre="Aucun contrat n’est encore enregistré pour votre région."
        titreAs="h3"
        action={{ children: 'Explorer les territoires de la région', linkProps: { to: `/territoires/region/${regionCode}` } }}
      >
        <p>
          Le portefeuille réunira ici chaque contrat local de santé de la région : son territoire (EPCI, communes), son statut
          (préparation, diagnostic, élaboration, signé, évaluation), sa génération et les alertes qui demandent votre
          attention. En tant qu’ARS, vous pourrez créer un contrat pour un territoire de votre région et y inviter sa
          coordination.
        </p>
      </EtatVide>
    </section>
  );
}
