import type { ComponentType } from 'react';
import type { Axe, FicheDetail } from '@maillage/domain/api';
import { ChampsArgumentation, ChampsAvancement, ChampsPublic } from './champs-argumentation';
import { ChampsClassement, ChampsDeterminants, ChampsInterventions } from './champs-classement';
import type { FormFiche } from './champs-communs';
import { ChampsDescription } from './champs-description';
import { ChampsFinancements, ChampsSuivi } from './champs-financements';
import { ChampsAxeObjectif, ChampsDuree, ChampsPilotes } from './champs-identification';
import { ChampsParticipation, ChampsPartenaires } from './champs-partenaires';
import * as L from './lecture-fiche';

export interface SectionFiche {
  id: string;
  titre: string;
  Lecture: ComponentType<{ fiche: FicheDetail }>;
  Champs: ComponentType<{ form: FormFiche; axes: Axe[] }>;
}

/** The fiche-action's sections, in the order of ARS Bretagne's template, then follow-up and classification. */
export const SECTIONS_FICHE: SectionFiche[] = [
  { id: 'axe', titre: 'Axe et objectif stratégiques', Lecture: L.LectureAxeObjectif, Champs: ChampsAxeObjectif },
  { id: 'pilotes', titre: 'Porteurs et pilotes', Lecture: L.LecturePilotes, Champs: ChampsPilotes },
  { id: 'duree', titre: 'Durée', Lecture: L.LectureDuree, Champs: ChampsDuree },
  {
    id: 'argumentation',
    titre: 'Argumentation et inégalités de santé (ISTS)',
    Lecture: L.LectureArgumentation,
    Champs: ChampsArgumentation,
  },
  { id: 'public', titre: 'Public visé', Lecture: L.LecturePublic, Champs: ChampsPublic },
  { id: 'avancement', titre: 'État d’avancement', Lecture: L.LectureAvancement, Champs: ChampsAvancement },
  { id: 'description', titre: 'Description, objectifs opérationnels et étapes', Lecture: L.LectureDescription, Champs: ChampsDescription },
  { id: 'determinants', titre: 'Déterminants de santé visés', Lecture: L.LectureDeterminants, Champs: ChampsDeterminants },
  { id: 'interventions', titre: 'Typologie des interventions', Lecture: L.LectureInterventions, Champs: ChampsInterventions },
  { id: 'partenaires', titre: 'Partenaires', Lecture: L.LecturePartenaires, Champs: ChampsPartenaires },
  { id: 'participation', titre: 'Participation citoyenne', Lecture: L.LectureParticipation, Champs: ChampsParticipation },
  { id: 'suivi', titre: 'Suivi et évaluation', Lecture: L.LectureSuivi, Champs: ChampsSuivi },
  { id: 'financement', titre: 'Financement', Lecture: L.LectureFinancement, Champs: ChampsFinancements },
  { id: 'classement', titre: 'Statut, priorité, thématiques et notes', Lecture: L.LectureClassement, Champs: ChampsClassement },
];
