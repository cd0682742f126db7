import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import type { MissionRessource, PublicRessource } from '@maillage/domain';
import type { ContratDetail } from '@maillage/domain/api';
import { useState } from 'react';
import { texteTerritoires } from '../../api/diagnostics';
import { ChoixPublicMission, ZonesBlanches } from './zones-blanches';

/**
 * The contract diagnostic's card: the communes of its perimeter that no active resource of the directory reaches for
 * a public and a mission (issue 17), and the way to the map.
 */
export default function ZonesBlanchesContrat({ contrat }: { contrat: ContratDetail }) {
  const [choix, setChoix] = useState<{ public: PublicRessource; mission: MissionRessource }>({
    public: 'personnes_agees',
    mission: 'information_orientation',
  });
  const territoires = texteTerritoires([
    ...contrat.perimetre.epci.map((code) => ({ type: 'epci' as const, code })),
    ...contrat.perimetre.communes.map((code) => ({ type: 'commune' as const, code })),
  ]);
  if (!territoires) return <p>Le contrat n’a pas encore de périmètre : les zones blanches se calculent sur ses communes.</p>;
  const carte = new URLSearchParams({ contrat: contrat.id, public: choix.public, mission: choix.mission });
  return (
    <div className={fr.cx('fr-card', 'fr-card--no-arrow', 'fr-p-3w')}>
      <p className={fr.cx('fr-text--sm')}>
        Les communes du périmètre qu’aucune ressource active du répertoire n’atteint pour un public et une mission : là où une personne ne
        trouve pas de réponse près de chez elle.
      </p>
      <ChoixPublicMission publicChoisi={choix.public} mission={choix.mission} onChange={setChoix} />
      <ZonesBlanches choix={{ territoires, ...choix }} as="h4" />
      <Button
        priority="secondary"
        iconId="fr-icon-map-pin-2-line"
        className={fr.cx('fr-mt-2w')}
        linkProps={{ to: `/ressources/vues?${carte}` }}
      >
        Voir la carte des ressources du périmètre
      </Button>
    </div>
  );
}
