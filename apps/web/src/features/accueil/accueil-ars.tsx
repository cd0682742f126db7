import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useContrats } from '../../api/contrats';
import { useTerritoire } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterPopulation } from '../../components/format';
import { TableauContrats } from '../../components/tableau-contrats';

/** ARS regional: the contracts of its region (those touching it, inter-regional ones included). */
export function AccueilArs({ regionCode }: { regionCode: string }) {
  const region = useTerritoire('region', regionCode);
  const contrats = useContrats({ region: regionCode });
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
              Région {region.data.nom} (code INSEE {region.data.code}) : <strong>{formaterPopulation(region.data.population)}</strong> selon
              le dernier recensement.
            </>
          ) : (
            'Chargement de la région…'
          )}
        </p>
      )}
      {contrats.isPending ? (
        <Chargement />
      ) : contrats.error ? (
        <AlerteErreur erreur={contrats.error} as="h3" titre="Impossible de charger les contrats de la région" />
      ) : contrats.data.length === 0 ? (
        <EtatVide
          titre="Aucun contrat n’est encore enregistré pour votre région."
          titreAs="h3"
          action={{ children: 'Créer un contrat', linkProps: { to: '/contrats/nouveau' } }}
        >
          <p>
            Le portefeuille réunit ici chaque contrat local de santé de la région : son territoire, son statut (préparation, diagnostic,
            élaboration, signé, évaluation), sa génération. En tant qu’ARS, vous pouvez créer un contrat pour un territoire de votre région
            et y inviter sa coordination.
          </p>
        </EtatVide>
      ) : (
        <>
          <TableauContrats contrats={contrats.data} caption={`Contrats locaux de santé de la région ${nom}`} avecRole={false} />
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--sm', 'fr-btns-group--icon-left')}>
            <li>
              <Button linkProps={{ to: `/portefeuille?region=${regionCode}` }}>Ouvrir le portefeuille régional</Button>
            </li>
            <li>
              <Button priority="secondary" linkProps={{ to: `/contrats?region=${regionCode}` }}>
                Filtrer les contrats de la région
              </Button>
            </li>
            <li>
              <Button priority="tertiary" linkProps={{ to: `/doctrine/${regionCode}` }}>
                Doctrine régionale
              </Button>
            </li>
          </ul>
        </>
      )}
    </section>
  );
}
