import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { ISSUES_ORIENTATION, type IssueOrientation } from '@maillage/domain';
import { useDeferredValue, useState } from 'react';
import { type SituationComplete, useIssueOrientation, useOrientation } from '../../api/appui';
import { useRessourcesCherchees } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ResultatsRessources } from '../../components/resultats-ressources';
import { formaterDate } from '../../components/format';
import { libelleIssue } from './libelles-appui';

type Orientation = SituationComplete['orientations'][number];

/** Finds a resource of the directory and orients the person to it (the outcome starts « en attente »). */
function NouvelleOrientation({ s }: { s: SituationComplete }) {
  const [q, setQ] = useState('');
  const differe = useDeferredValue(q.trim());
  const resultats = useRessourcesCherchees(differe, true);
  const orientation = useOrientation(s.id);
  const proposees = differe.length >= 2 ? (resultats.data?.elements ?? []) : [];
  return (
    <div role="search" aria-labelledby="titre-orienter" className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id="titre-orienter" className={fr.cx('fr-text--bold')}>
        Orienter vers une ressource du répertoire
      </p>
      {orientation.error ? <AlerteErreur erreur={orientation.error} as="h3" titre="L’orientation n’a pas été enregistrée" /> : null}
      <Input
        label="Nom, type ou organisation de la ressource"
        hintText="Deux caractères au moins"
        nativeInputProps={{ type: 'search', value: q, autoComplete: 'off', onChange: (e) => setQ(e.target.value) }}
      />
      <ResultatsRessources
        recherche={differe}
        resultats={resultats}
        proposees={proposees}
        icone="fr-icon-arrow-right-line"
        libelle={(r) => `Orienter vers ${r.nom} (${r.organisationNom})`}
        desactive={orientation.isPending}
        onChoisir={(r) => orientation.mutate({ ressourceId: r.id }, { onSuccess: () => setQ('') })}
      />
    </div>
  );
}

function IssueOrientationForm({ s, o }: { s: SituationComplete; o: Orientation }) {
  const modification = useIssueOrientation(s.id);
  const [issue, setIssue] = useState<IssueOrientation>(o.issue);
  return (
    <form
      aria-label={`Suite donnée à l’orientation vers ${o.ressourceNom}`}
      onSubmit={(e) => {
        e.preventDefault();
        modification.mutate({ orientationId: o.id, issue, version: o.version });
      }}
    >
      {modification.error ? <AlerteErreur erreur={modification.error} as="h4" titre="L’issue n’a pas été enregistrée" /> : null}
      <Select
        label={`Issue de l’orientation vers ${o.ressourceNom}`}
        nativeSelectProps={{ value: issue, onChange: (e) => setIssue(e.target.value as IssueOrientation) }}
      >
        {Object.entries(ISSUES_ORIENTATION).map(([code, libelle]) => (
          <option key={code} value={code}>
            {libelle}
          </option>
        ))}
      </Select>
      <Button type="submit" size="small" priority="secondary" disabled={modification.isPending || issue === o.issue}>
        Enregistrer l’issue
      </Button>
    </form>
  );
}

/** Orientations to resources of the directory, each with its outcome (accepted, refused, waiting). */
export function OngletOrientations({ situation: s }: { situation: SituationComplete }) {
  return (
    <>
      <h2>Orientations</h2>
      {s.statut === 'ouverte' && <NouvelleOrientation s={s} />}
      {s.orientations.length === 0 ? (
        <p>Aucune orientation encore : cherchez une ressource du répertoire pour y orienter la personne.</p>
      ) : (
        <ul className={fr.cx('fr-raw-list')}>
          {s.orientations.map((o) => (
            <li key={o.id} className={fr.cx('fr-mb-3w')}>
              <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>
                {o.ressourceNom} — {o.typeRessource}
              </h3>
              <p className={fr.cx('fr-mb-1w')}>
                Orientée le {formaterDate(o.orienteeLe)} · Issue : {libelleIssue(o.issue)}
                {o.issueLe ? ` le ${formaterDate(o.issueLe)}` : ''}
                {o.commentaire ? ` · ${o.commentaire}` : ''}
              </p>
              {s.statut === 'ouverte' && <IssueOrientationForm s={s} o={o} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
