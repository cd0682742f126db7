import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Card } from '@codegouvfr/react-dsfr/Card';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { PUBLICS_RESSOURCE, peutRecevoir } from '@maillage/domain';
import type { ContratDetail } from '@maillage/domain/api';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type ParcoursResume, useParcoursContrat } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { FormulaireParcours } from './formulaire-parcours';
import { libelleRupturesOuvertes } from './libelles-parcours';

function CarteParcours({ parcours }: { parcours: ParcoursResume }) {
  const etapes = [...parcours.etapes].sort((a, b) => a.position - b.position);
  return (
    <Card
      title={parcours.titre}
      titleAs="h3"
      linkProps={{ to: `/parcours/${parcours.id}` }}
      enlargeLink
      size="small"
      desc={
        <>
          {etapes.length ? (
            <span>
              <span className={fr.cx('fr-sr-only')}>Étapes : </span>
              {etapes.map((e) => e.libelle).join(' → ')}
            </span>
          ) : (
            'Aucune étape pour l’instant.'
          )}
          {parcours.publics.length > 0 && (
            <span className={fr.cx('fr-text--xs')} style={{ display: 'block', marginTop: '0.5rem' }}>
              Publics : {parcours.publics.map((p) => PUBLICS_RESSOURCE[p]).join(', ')}
            </span>
          )}
        </>
      }
      end={
        <Badge severity={parcours.rupturesOuvertes ? 'warning' : 'success'} small noIcon={!parcours.rupturesOuvertes}>
          {libelleRupturesOuvertes(parcours.rupturesOuvertes)}
        </Badge>
      }
    />
  );
}

/** The parcours de santé the contract serves: each an ordered list of steps, with its ruptures and its grid. */
export default function OngletParcours({ contrat }: { contrat: ContratDetail }) {
  const liste = useParcoursContrat(contrat.id);
  const [creation, setCreation] = useState(false);
  const naviguer = useNavigate();
  // A closed contract receives no new parcours (its parcours move to the renewed contract).
  const decision = peutRecevoir({ statut: contrat.statut, periodeFin: contrat.periode?.fin ?? null }, 'parcours');
  const modifiable = (liste.data?.modifiable ?? false) && decision.ok;

  return (
    <>
      <div className={fr.cx('fr-mb-2w') + ' maillage-titre-avec-action'}>
        <h2 className={fr.cx('fr-mb-0')}>Parcours de santé</h2>
        {modifiable && !creation && (
          <Button iconId="fr-icon-add-line" onClick={() => setCreation(true)}>
            Nouveau parcours
          </Button>
        )}
      </div>
      <p className={fr.cx('fr-text--sm')}>
        Un parcours suit une personne étape par étape, de l’information au dépistage, du dépistage aux soins, des soins jusqu’au retour à
        domicile. Chaque étape dit quelles ressources y agissent et quelles fiches-action la servent ; les ruptures repérées montrent où le
        parcours casse.
      </p>
      {!decision.ok && liste.data?.modifiable && <Notice className={fr.cx('fr-mb-3w')} title={decision.raison} />}
      {creation && (
        <FormulaireParcours
          contratId={contrat.id}
          onAnnuler={() => setCreation(false)}
          onCree={(id, titre) => naviguer(`/parcours/${id}`, { state: { message: `Le parcours « ${titre} » est créé.` } })}
        />
      )}
      {liste.isPending ? (
        <Chargement />
      ) : liste.error ? (
        <AlerteErreur erreur={liste.error} titre="Impossible de charger les parcours" />
      ) : liste.data.elements.length === 0 ? (
        !creation && (
          <EtatVide
            titre="Aucun parcours décrit"
            action={modifiable ? { children: 'Décrire le premier parcours', onClick: () => setCreation(true) } : undefined}
          >
            <p>
              Décrivez un parcours (« personnes âgées à domicile », « santé mentale », « femme enceinte en précarité »…) pour situer les
              ressources du territoire à chaque étape, relier les fiches-action aux étapes qu’elles servent et suivre les ruptures.
            </p>
          </EtatVide>
        )
      ) : (
        <ul className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-raw-list')}>
          {liste.data.elements.map((p) => (
            <li key={p.id} className={fr.cx('fr-col-12', 'fr-col-md-6')}>
              <CarteParcours parcours={p} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
