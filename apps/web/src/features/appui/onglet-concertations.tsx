import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CATEGORIES_PARTICIPANT } from '@maillage/domain';
import { useState } from 'react';
import type { SituationComplete } from '../../api/appui';
import { useConcertations, usePlan } from '../../api/appui-plan';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterDate } from '../../components/format';
import { FormulaireConcertation } from './formulaire-concertation';

/** Concertations: who sat, what was decided, whether it is remunerable; the plan's actions they changed. */
export function OngletConcertations({ situation: s }: { situation: SituationComplete }) {
  const concertations = useConcertations(s.id);
  const plan = usePlan(s.id);
  const [ouvert, setOuvert] = useState(false);
  const erreur = concertations.error ?? plan.error;
  if (erreur) return <AlerteErreur erreur={erreur} titre="Les concertations n’ont pas pu être chargées" as="h3" />;
  if (!concertations.data || !plan.data) return <Chargement libelle="Chargement des concertations…" />;
  const liste = concertations.data.elements;
  return (
    <>
      <h2>Concertations</h2>
      {ouvert ? (
        <FormulaireConcertation situationId={s.id} plan={plan.data.plan} onFini={() => setOuvert(false)} />
      ) : (
        s.statut === 'ouverte' &&
        liste.length > 0 && (
          <Button iconId="fr-icon-add-line" className={fr.cx('fr-mb-3w')} onClick={() => setOuvert(true)}>
            Tracer une concertation
          </Button>
        )
      )}
      {liste.length === 0 && !ouvert ? (
        <EtatVide
          titre="Aucune concertation tracée"
          titreAs="h3"
          action={s.statut === 'ouverte' ? { children: 'Tracer une concertation', onClick: () => setOuvert(true) } : undefined}
        >
          <p>
            Une concertation réunit les professionnels, la personne et ses aidants autour de la situation : sa date, ses participants et ses
            décisions sont tracés, et elle peut mettre à jour les actions du plan.
          </p>
        </EtatVide>
      ) : (
        <ul className={fr.cx('fr-raw-list')}>
          {liste.map((c) => (
            <li key={c.id} className={fr.cx('fr-mb-3w')}>
              <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>Concertation du {formaterDate(c.date)}</h3>
              {c.remunerable && (
                <Badge small severity="info" as="span">
                  Pluriprofessionnelle rémunérable
                </Badge>
              )}
              <p className={fr.cx('fr-mb-1w', 'fr-mt-1w')}>
                Participants :{' '}
                {c.participants
                  .map((p) => `${p.nom}${p.qualite ? ` (${p.qualite})` : ''} — ${CATEGORIES_PARTICIPANT[p.categorie].toLowerCase()}`)
                  .join(' ; ')}
              </p>
              <p className="maillage-texte-long">Décisions : {c.decisions}</p>
              <p className={fr.cx('fr-text--sm')}>
                Tracée par {c.auteur}
                {c.planVersion ? ` · a produit la version ${c.planVersion} du plan` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
