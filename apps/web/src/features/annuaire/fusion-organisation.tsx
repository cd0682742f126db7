import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFusion } from '../../api/annuaire';
import type { Organisation } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { ChoixOrganisation } from '../../components/choix-organisation';

const confirmation = creerConfirmation('confirmation-fusion-organisation');

export interface ResultatFusion {
  doublon: string;
  gardee: string;
  deplaces: Record<string, number>;
}

/** Admin: this organisation is a duplicate; everything that cites it moves to the one kept, then it is deleted. */
export function FusionOrganisation({ organisation }: { organisation: Organisation }) {
  const fusion = useFusion();
  const naviguer = useNavigate();
  const [dansId, setDansId] = useState<string | null>(null);
  const [dansNom, setDansNom] = useState<string | null>(null);
  const [erreur, setErreur] = useState<string | undefined>();
  return (
    <section aria-labelledby="organisation-fusion" className={fr.cx('fr-mb-6w', 'fr-p-3w') + ' maillage-encart'}>
      <h2 id="organisation-fusion" className={fr.cx('fr-h4')}>
        Fusionner un doublon
      </h2>
      <p className={fr.cx('fr-text--sm')}>
        Si « {organisation.nom} » est un doublon, choisissez l’organisation à garder. Ses personnes, rôles, signatures, partenariats,
        pilotages, financements, sièges dans les instances, services et offres passeront à l’organisation gardée ; puis « {organisation.nom}{' '}
        » sera supprimée. L’opération est tracée dans le journal d’audit.
      </p>
      {fusion.error ? <AlerteErreur erreur={fusion.error} as="h3" titre="La fusion n’a pas abouti" /> : null}
      <ChoixOrganisation
        label="Organisation à garder"
        valeur={dansId}
        onChange={(id, nom) => {
          setDansId(id);
          setDansNom(nom);
          setErreur(undefined);
        }}
        erreur={erreur}
        // A merge joins two existing organisations: nothing to create here.
        creation={false}
      />
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-git-merge-line"
        disabled={fusion.isPending}
        onClick={() => {
          if (!dansId) return setErreur('Choisissez l’organisation à garder');
          if (dansId === organisation.id) return setErreur('Choisissez une autre organisation que le doublon lui-même');
          confirmation.ouvrir();
        }}
      >
        Fusionner dans l’organisation choisie
      </Button>
      <confirmation.Confirmation
        titre={`Fusionner « ${organisation.nom} » dans « ${dansNom ?? '…'} » ?`}
        libelleConfirmer="Fusionner et supprimer le doublon"
        iconeConfirmer="fr-icon-git-merge-line"
        onConfirmer={() =>
          dansId &&
          fusion.mutate(
            { id: organisation.id, dansId },
            {
              onSuccess: (r) =>
                naviguer(`/organisations/${dansId}`, {
                  state: { fusion: { doublon: organisation.nom, gardee: r.gardee, deplaces: r.deplaces } satisfies ResultatFusion },
                }),
            },
          )
        }
      >
        <p>
          Tout ce qui cite « {organisation.nom} » passera à « {dansNom} », puis « {organisation.nom} » sera supprimée de l’annuaire. Ses
          informations propres (sigle, SIRET, FINESS) ne sont pas reprises. Cette action ne peut pas être annulée.
        </p>
      </confirmation.Confirmation>
    </section>
  );
}
