import { fr } from '@codegouvfr/react-dsfr';
import { phraseJournal } from '@maillage/domain';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useJournalAudit } from '../../api/audit';
import type { EvenementAudit } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFiltrer } from '../../components/boutons-filtrer';
import { Chargement } from '../../components/chargement';
import { FiltreListe } from '../../components/filtre-liste';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterDateHeure, formaterNombre } from '../../components/format';
import { PaginationUrl, usePageUrl } from '../../components/pagination-url';
import { useTitrePage } from '../../components/titre-page';
import { contexteLisible, libelleAction, libelleChamp, libelleEntite, valeurLisible } from './libelles-audit';

const PAR_PAGE = 50;
const FILTRES = ['entiteType', 'action', 'acteur', 'depuis', 'jusqua'] as const;

function Modifications({ evenement }: { evenement: EvenementAudit }) {
  const champs = Object.entries(evenement.diff);
  const contexte = contexteLisible(evenement.contexte);
  if (champs.length === 0 && contexte.length === 0) return <>—</>;
  const creation = champs.every(([, d]) => d.avant === null || d.avant === undefined);
  const suppression = champs.every(([, d]) => d.apres === null || d.apres === undefined);
  return (
    <>
      {champs.length > 0 && (
        <ul className="maillage-diff">
          {champs.map(([champ, { avant, apres }]) => (
            <li key={champ}>
              <span className={fr.cx('fr-text--bold')}>{libelleChamp(champ)}</span> :{' '}
              {creation ? (
                valeurLisible(apres)
              ) : suppression ? (
                valeurLisible(avant)
              ) : (
                <>
                  {valeurLisible(avant)} <span aria-hidden="true">→</span>
                  <span className={fr.cx('fr-sr-only')}>devient</span> {valeurLisible(apres)}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {contexte.length > 0 && <p className={fr.cx('fr-text--xs', 'fr-mb-0')}>{contexte.join(' ; ')}</p>}
    </>
  );
}

export default function JournalPage() {
  useTitrePage('Journal d’audit — Administration');
  const { valeurs, champ, soumettre, appliquer } = useFiltresUrl(FILTRES);
  const page = usePageUrl();
  const journal = useJournalAudit({ ...valeurs, page, parPage: PAR_PAGE });
  const filtre = FILTRES.some((f) => valeurs[f]);

  const entiteTypes = journal.data?.entiteTypes ?? [];
  const actions = journal.data?.actions ?? [];
  return (
    <>
      <h1>Journal d’audit</h1>
      <p className={fr.cx('fr-text--lead')}>
        Chaque modification est tracée : qui, quand, sur quoi, avant et après. Le journal ne peut être ni modifié ni effacé.
      </p>
      <form onSubmit={soumettre} aria-label="Filtrer le journal" className={fr.cx('fr-mb-4w')}>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <FiltreListe
            label="Type d’entité"
            champ={champ('entiteType')}
            tous="Toutes"
            options={entiteTypes.map((t) => ({ valeur: t, libelle: libelleEntite(t) }))}
          />
          <FiltreListe
            label="Action"
            champ={champ('action')}
            tous="Toutes"
            options={actions.map((a) => ({ valeur: a, libelle: libelleAction(a) }))}
          />
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input
              label="Acteur"
              hintText="Nom ou prénom de la personne"
              nativeInputProps={{ ...champ('acteur'), type: 'search', maxLength: 100 }}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input label="Depuis le" hintText="Date incluse" nativeInputProps={{ ...champ('depuis'), type: 'date' }} />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
            <Input label="Jusqu’au" hintText="Date incluse" nativeInputProps={{ ...champ('jusqua'), type: 'date' }} />
          </div>
          <BoutonsFiltrer effacer={filtre && { libelle: 'Tout afficher', onClick: () => appliquer({}) }} />
        </div>
      </form>

      {journal.isPending ? (
        <Chargement />
      ) : journal.error ? (
        <AlerteErreur erreur={journal.error} />
      ) : journal.data.total === 0 ? (
        <div role="status">
          <h2>Aucun événement</h2>
          <p>
            {filtre
              ? 'Aucun événement ne correspond à ces filtres. Élargissez la période ou retirez un filtre.'
              : 'Le journal se remplit à chaque connexion et à chaque modification.'}
          </p>
        </div>
      ) : (
        <>
          <Table
            className="maillage-journal"
            caption={`Événements${filtre ? ' filtrés' : ''} (${formaterNombre(journal.data.total)}), du plus récent au plus ancien${
              journal.data.total > PAR_PAGE ? ` — page ${page} sur ${Math.ceil(journal.data.total / PAR_PAGE)}` : ''
            }`}
            headers={['Date', 'Événement', 'Entité', 'Modifications']}
            data={journal.data.elements.map((e) => [
              formaterDateHeure(e.le),
              <>
                <strong>{e.acteurLibelle}</strong> {phraseJournal(e)}.
              </>,
              <>
                {libelleEntite(e.entiteType)}
                {e.entiteId && (
                  <>
                    <br />
                    <code className={fr.cx('fr-text--xs')} title={e.entiteId}>
                      {e.entiteId.slice(0, 8)}
                    </code>
                  </>
                )}
              </>,
              <Modifications key="m" evenement={e} />,
            ])}
          />
          <PaginationUrl total={journal.data.total} parPage={PAR_PAGE} />
        </>
      )}
    </>
  );
}
