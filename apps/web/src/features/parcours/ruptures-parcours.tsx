import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterDate, STATUTS_RUPTURE, type StatutRupture } from '@maillage/domain';
import type { Fiche } from '@maillage/domain/api';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { estErreurApi } from '../../api/client';
import { useFiches } from '../../api/fiches';
import { type ParcoursVue, type PreuveRuptureVue, type RuptureVue, useEditionParcours, useRuptures } from '../../api/parcours';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { FormulaireRupture } from './formulaire-rupture';
import { libellePublics } from './libelles-parcours';
import { BadgesRupture, lieuRupture } from './vue-ensemble';

const TYPES_PREUVE: Record<PreuveRuptureVue['type'], string> = {
  verbatim: 'Verbatim',
  constat: 'Constat',
  signalement: 'Signalement',
  indicateur: 'Indicateur',
};

const optionsFiches = (fiches: Fiche[]) =>
  [...fiches]
    .sort((a, b) => a.numero - b.numero)
    .map((f) => (
      <option key={f.id} value={f.id}>
        Fiche {f.numero} — {f.intitule}
      </option>
    ));

/** Moves a rupture along its life (only to the statuses the server allows) and links the fiche-action treating it. */
function ActionsRupture({
  parcoursId,
  rupture,
  fiches,
  lienModifiable,
}: {
  parcoursId: string;
  rupture: RuptureVue;
  fiches: Fiche[];
  /** Off on a closed contract: only the status may still change. */
  lienModifiable: boolean;
}) {
  const { statutRupture, modificationRupture } = useEditionParcours(parcoursId);
  const [statut, setStatut] = useState<StatutRupture | ''>('');
  const [ficheId, setFicheId] = useState(rupture.fiche?.id ?? '');
  const [message, setMessage] = useState('');
  const besoinFiche = statut === 'traitee' && !rupture.fiche;
  const changerStatut = (e: FormEvent) => {
    e.preventDefault();
    if (!statut) return;
    statutRupture.mutate(
      { ruptureId: rupture.id, statut, version: rupture.version, ...(besoinFiche && ficheId ? { ficheId } : {}) },
      {
        onSuccess: () => {
          setMessage(`Rupture passée à « ${STATUTS_RUPTURE[statut]} ».`);
          setStatut('');
        },
      },
    );
  };
  const lier = (e: FormEvent) => {
    e.preventDefault();
    modificationRupture.mutate(
      { ruptureId: rupture.id, ficheId: ficheId || null, version: rupture.version },
      { onSuccess: () => setMessage(ficheId ? 'Fiche-action liée à la rupture.' : 'La rupture n’est plus liée à une fiche.') },
    );
  };
  const erreur = statutRupture.error ?? modificationRupture.error;
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mt-1w')}>
      <form onSubmit={changerStatut} className={fr.cx('fr-col-12', 'fr-col-md-6')}>
        <Select
          label="Changer le statut"
          hint={`Statut actuel : ${STATUTS_RUPTURE[rupture.statut]}`}
          nativeSelectProps={{ value: statut, onChange: (e) => setStatut(e.target.value as StatutRupture) }}
        >
          <option value="">Choisir le nouveau statut</option>
          {rupture.transitions.map((s) => (
            <option key={s} value={s}>
              {STATUTS_RUPTURE[s]}
            </option>
          ))}
        </Select>
        {besoinFiche && (
          <Select
            label="Fiche-action qui la traite"
            hint="Une rupture traitée l’est par une fiche-action du contrat"
            nativeSelectProps={{ value: ficheId, onChange: (e) => setFicheId(e.target.value) }}
          >
            <option value="">Choisir une fiche</option>
            {optionsFiches(fiches)}
          </Select>
        )}
        <Button type="submit" size="small" disabled={!statut || (besoinFiche && !ficheId) || statutRupture.isPending}>
          Changer le statut
        </Button>
      </form>
      {lienModifiable && (
        <form onSubmit={lier} className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select
            label="Fiche-action qui traite la rupture"
            nativeSelectProps={{ value: ficheId, onChange: (e) => setFicheId(e.target.value) }}
          >
            <option value="">Aucune</option>
            {optionsFiches(fiches)}
          </Select>
          <Button
            type="submit"
            size="small"
            priority="secondary"
            disabled={(ficheId || null) === (rupture.fiche?.id ?? null) || modificationRupture.isPending}
          >
            Lier la fiche
          </Button>
        </form>
      )}
      <div className={fr.cx('fr-col-12')}>
        <p role="status" className={fr.cx('fr-text--sm', 'fr-mb-0')}>
          {message}
        </p>
        {erreur ? (
          <AlerteErreur
            erreur={erreur}
            as="h4"
            titre={estErreurApi(erreur, 409) ? 'La rupture a changé entre-temps : rechargez la page' : 'La rupture n’a pas changé'}
          />
        ) : null}
      </div>
    </div>
  );
}

function Rupture({
  parcours,
  rupture,
  fiches,
  statutModifiable,
}: {
  parcours: ParcoursVue;
  rupture: RuptureVue;
  fiches: Fiche[];
  statutModifiable: boolean;
}) {
  return (
    <li className={fr.cx('fr-mb-3w', 'fr-p-2w') + ' maillage-encart'}>
      <h3 className={fr.cx('fr-h6', 'fr-mb-1w')}>{lieuRupture(rupture, parcours.etapes)}</h3>
      <p className={fr.cx('fr-mb-1w')}>{rupture.description}</p>
      <p className={fr.cx('fr-mb-1w')}>
        <BadgesRupture rupture={rupture} />
      </p>
      <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
        {rupture.publics.length ? `Publics : ${libellePublics(rupture.publics)}. ` : ''}
        Signalée le {formaterDate(rupture.creeLe.slice(0, 10))}.{' '}
        {rupture.fiche ? (
          <>
            Fiche-action qui la traite :{' '}
            <Link to={`/fiches/${rupture.fiche.id}`}>
              fiche {rupture.fiche.numero} — {rupture.fiche.intitule}
            </Link>
            .
          </>
        ) : (
          'Aucune fiche-action ne la traite encore.'
        )}
      </p>
      {rupture.preuves.length > 0 && (
        <details className={fr.cx('fr-text--sm')}>
          <summary>Preuves ({rupture.preuves.length})</summary>
          <ul>
            {rupture.preuves.map((p, i) => (
              <li key={i}>
                {TYPES_PREUVE[p.type]}
                {p.auteur ? ` (${p.auteur})` : ''}
                {p.indicateurCode ? ` ${p.indicateurCode}` : ''} : {p.texte}
              </li>
            ))}
          </ul>
        </details>
      )}
      {statutModifiable && (
        <ActionsRupture parcoursId={parcours.id} rupture={rupture} fiches={fiches} lienModifiable={parcours.modifiable} />
      )}
    </li>
  );
}

/** The ruptures of a parcours: recorded at a step or between two, followed from signalée to close, treated by a fiche. */
export function RupturesParcours({ parcours, statutModifiable }: { parcours: ParcoursVue; statutModifiable: boolean }) {
  const [filtre, setFiltre] = useState<StatutRupture | ''>('');
  const ruptures = useRuptures(parcours.id, filtre || undefined);
  const fiches = useFiches(parcours.contratId);
  const [saisie, setSaisie] = useState(false);
  const [message, setMessage] = useState('');
  const possible = parcours.modifiable && parcours.etapes.length > 0;

  return (
    <>
      <div className={fr.cx('fr-mb-2w') + ' maillage-titre-avec-action'}>
        <h2 className={fr.cx('fr-mb-0')}>Ruptures du parcours</h2>
        {possible && !saisie && (
          <Button iconId="fr-icon-add-line" onClick={() => setSaisie(true)}>
            Signaler une rupture
          </Button>
        )}
      </div>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {saisie && (
        <FormulaireRupture
          parcours={parcours}
          fiches={fiches.data ?? []}
          onFermer={(m) => {
            setSaisie(false);
            setMessage(m ?? '');
          }}
        />
      )}
      <Select
        label="Ruptures affichées"
        className={fr.cx('fr-mb-3w', 'fr-col-md-6')}
        nativeSelectProps={{ value: filtre, onChange: (e) => setFiltre(e.target.value as StatutRupture | '') }}
      >
        <option value="">Toutes les ruptures</option>
        {Object.entries(STATUTS_RUPTURE).map(([code, libelle]) => (
          <option key={code} value={code}>
            Ruptures au statut « {libelle.toLowerCase()} »
          </option>
        ))}
      </Select>
      {ruptures.isPending ? (
        <Chargement />
      ) : ruptures.error ? (
        <AlerteErreur erreur={ruptures.error} titre="Impossible de charger les ruptures" />
      ) : ruptures.data.length === 0 ? (
        <EtatVide titre={filtre ? 'Aucune rupture à ce statut' : 'Aucune rupture signalée'} titreAs="h3">
          <p>
            Une rupture est un moment où la personne décroche du parcours : un rendez-vous de dépistage jamais pris, une sortie
            d’hospitalisation sans relais… Signalez-la avec ce qui l’atteste, puis reliez-la à la fiche-action qui la traite.
            {parcours.etapes.length === 0 && ' Ajoutez d’abord les étapes du parcours.'}
          </p>
        </EtatVide>
      ) : (
        <ul className={fr.cx('fr-raw-list')}>
          {ruptures.data.map((r) => (
            <Rupture key={r.id} parcours={parcours} rupture={r} fiches={fiches.data ?? []} statutModifiable={statutModifiable} />
          ))}
        </ul>
      )}
    </>
  );
}
