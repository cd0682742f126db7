import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { formaterPeriode } from '@maillage/domain';
import { useState } from 'react';
import { estErreurApi } from '../../api/client';
import { useGestionCoordination, type PosteCoordination } from '../../api/gouvernance';
import type { ContratDetail } from '@maillage/domain/api';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { EtatVide } from '../../components/etat-vide';
import { appliquerErreursServeur } from '../../components/formulaire';
import {
  CHAMPS_POSTE,
  FormulairePoste,
  nombreFr,
  usePosteForm,
  versSaisiePoste,
  versValeursPoste,
  type ValeursPoste,
} from './formulaire-poste';
import { peutAjouter } from '../../components/statuts-contrat';

const CHAMPS_COMPARES = [
  { libelle: 'Intitulé', valeur: (v: ValeursPoste) => v.intitule.trim() },
  { libelle: 'Coordonnateur·rice', valeur: (v: ValeursPoste) => v.personne.trim() },
  { libelle: 'ETP', valeur: (v: ValeursPoste) => v.etp.trim() },
  {
    libelle: 'Cofinancements',
    valeur: (v: ValeursPoste) => v.cofinancements.map((c) => `${c.financeur.trim()} ${c.part.trim()} %`).join(', '),
  },
  { libelle: 'Début', valeur: (v: ValeursPoste) => v.debut },
  { libelle: 'Fin', valeur: (v: ValeursPoste) => v.fin },
  { libelle: 'Notes de passation', valeur: (v: ValeursPoste) => v.notesPassation.trim() },
];

/** Create or edit a post; a stale edit (409) shows what changed and lets the user choose. */
function EditionPoste({
  contratId,
  poste,
  onFermer,
}: {
  contratId: string;
  poste?: PosteCoordination;
  onFermer: (message?: string) => void;
}) {
  const gestion = useGestionCoordination(contratId);
  const form = usePosteForm(poste);
  const [version, setVersion] = useState(poste?.version);
  const [courant, setCourant] = useState<PosteCoordination | null>(null);
  const mutation = poste ? gestion.modification : gestion.ajout;

  const enregistrer = (v: ValeursPoste, versionEnvoyee = version) => {
    const saisie = versSaisiePoste(v);
    const fin = () => onFermer(`Le poste « ${saisie.intitule} » est enregistré${saisie.personne ? '' : ' (vacant)'}.`);
    const echec = (e: unknown) => {
      if (estErreurApi(e, 409) && e.probleme.courant) {
        setCourant(e.probleme.courant as PosteCoordination);
        return;
      }
      appliquerErreursServeur(e, form.setError, CHAMPS_POSTE);
    };
    if (poste)
      gestion.modification.mutate(
        { id: poste.id, version: versionEnvoyee ?? poste.version, ...saisie },
        { onSuccess: fin, onError: echec },
      );
    else gestion.ajout.mutate(saisie, { onSuccess: fin, onError: echec });
  };

  return (
    <>
      {courant && (
        <ConflitVersion
          entite="Ce poste"
          diffs={differences(CHAMPS_COMPARES, form.getValues(), versValeursPoste(courant))}
          enCours={mutation.isPending}
          onReprendre={() => {
            form.reset(versValeursPoste(courant));
            setVersion(courant.version);
            setCourant(null);
            mutation.reset();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            const v = courant.version;
            setCourant(null);
            void form.handleSubmit((valeurs) => enregistrer(valeurs, v))();
          }}
        />
      )}
      <FormulairePoste
        poste={poste}
        form={form}
        erreur={courant ? null : mutation.error}
        enCours={mutation.isPending}
        onAnnuler={() => onFermer()}
        onEnregistrer={(v) => enregistrer(v)}
      />
    </>
  );
}

function Poste({ poste, edition, onModifier }: { poste: PosteCoordination; edition: boolean; onModifier: () => void }) {
  return (
    <article className={fr.cx('fr-mb-4w')} aria-labelledby={`poste-${poste.id}`}>
      <h3 id={`poste-${poste.id}`} className={fr.cx('fr-h5', 'fr-mb-1w')}>
        {poste.intitule}
      </h3>
      {poste.vacant && (
        <p className={fr.cx('fr-mb-1w')}>
          <Badge severity="warning" small as="span">
            Poste vacant
          </Badge>
        </p>
      )}
      <ul className={fr.cx('fr-raw-list', 'fr-mb-2w')}>
        <li>
          <strong>Coordonnateur·rice :</strong> {poste.personne ?? 'personne en poste'}
        </li>
        <li>
          <strong>Employeur :</strong> {poste.employeurNom ?? 'non renseigné'}
        </li>
        <li>
          <strong>Temps de travail :</strong> {poste.etp !== null ? `${nombreFr(poste.etp)} ETP` : 'non renseigné'}
        </li>
        <li>
          <strong>Période :</strong> {formaterPeriode(poste.debut, poste.fin)}
        </li>
        <li>
          <strong>Cofinancement :</strong>{' '}
          {poste.cofinancements.length === 0
            ? 'non renseigné'
            : poste.cofinancements.map((c) => `${c.financeur} ${nombreFr(c.part)} %`).join(' ; ')}
        </li>
      </ul>
      {poste.ecartDoctrine && (
        <Alert severity="warning" small className={fr.cx('fr-mb-2w')} description={`Doctrine régionale : ${poste.ecartDoctrine}`} />
      )}
      {poste.notesPassation ? (
        <details className="maillage-depliant fr-mb-2w">
          <summary>Notes de passation</summary>
          <p className={fr.cx('fr-mt-1w') + ' maillage-texte-libre'}>{poste.notesPassation}</p>
        </details>
      ) : (
        <p className={fr.cx('fr-text--sm')}>Aucune note de passation.</p>
      )}
      {edition && (
        <Button type="button" size="small" priority="secondary" iconId="fr-icon-edit-line" onClick={onModifier}>
          Modifier le poste<span className={fr.cx('fr-sr-only')}> « {poste.intitule} »</span>
        </Button>
      )}
    </article>
  );
}

/** The coordination post(s): the keystone of a CLS ("il tient à peu de personnes"). */
export function CoordinationContrat({ contrat, postes }: { contrat: ContratDetail; postes: PosteCoordination[] }) {
  const [edite, setEdite] = useState<string | 'nouveau' | null>(null);
  const [message, setMessage] = useState('');
  const edition = contrat.droits.completer;
  const ajout = peutAjouter(contrat, 'coordination');
  const fermer = (texte?: string) => {
    setEdite(null);
    if (texte) setMessage(texte);
  };
  return (
    <section aria-labelledby="gouvernance-coordination" className={fr.cx('fr-mb-6w')}>
      <h2 id="gouvernance-coordination">Coordination</h2>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {postes.length === 0 && edite !== 'nouveau' && (
        <EtatVide
          titre="Aucun poste de coordination enregistré"
          titreAs="h3"
          iconId="fr-icon-user-line"
          action={ajout ? { children: 'Ajouter le poste de coordination', onClick: () => setEdite('nouveau') } : undefined}
        >
          <p>
            Le ou la coordonnateur·rice anime tout le contrat : diagnostic, groupes de travail, fiches, séances, suivi. Notez qui occupe le
            poste, son employeur, son temps de travail, qui le finance et à quelle part, et les notes de passation qui éviteront de tout
            reprendre à zéro lors d’un départ.
          </p>
        </EtatVide>
      )}
      {postes.map((p) =>
        edite === p.id ? (
          <EditionPoste key={p.id} contratId={contrat.id} poste={p} onFermer={fermer} />
        ) : (
          <Poste key={p.id} poste={p} edition={edition && edite === null} onModifier={() => setEdite(p.id)} />
        ),
      )}
      {edite === 'nouveau' && <EditionPoste contratId={contrat.id} onFermer={fermer} />}
      {ajout && edite === null && postes.length > 0 && (
        <Button type="button" priority="tertiary" iconId="fr-icon-add-line" onClick={() => setEdite('nouveau')}>
          Ajouter un autre poste
        </Button>
      )}
    </section>
  );
}
