import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { LIBELLES_TYPE_TERRITOIRE, type TypeTerritoire } from '@maillage/domain';
import { useDeferredValue, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useActiviteAppui } from '../../api/appui-activite';
import { useOrganisation } from '../../api/comptes';
import { useRechercheTerritoires } from '../../api/territoires';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { BlocActivite, ID_EXPLICATION_SECRET } from './tableaux-activite';

/** Adds a territory (commune, EPCI, département, région) to the filter, found by name. */
function AjoutTerritoire({ onAjouter }: { onAjouter: (cle: string) => void }) {
  const [q, setQ] = useState('');
  const differe = useDeferredValue(q.trim());
  const resultats = useRechercheTerritoires({ q: differe.length >= 2 ? differe : undefined, limite: 8 });
  const trouves = differe.length >= 2 ? (resultats.data ?? []) : [];
  return (
    <div role="search" aria-label="Ajouter un territoire">
      <Input
        label="Ajouter un territoire"
        hintText="Nom d’une commune, d’un EPCI, d’un département ou d’une région (deux lettres au moins)"
        nativeInputProps={{ type: 'search', value: q, autoComplete: 'off', onChange: (e) => setQ(e.target.value) }}
      />
      {trouves.length > 0 && (
        <ul className={fr.cx('fr-raw-list', 'fr-mb-2w')}>
          {trouves.map((t) => (
            <li key={`${t.type}:${t.code}`}>
              <Button
                type="button"
                size="small"
                priority="tertiary"
                iconId="fr-icon-add-line"
                onClick={() => {
                  onAjouter(`${t.type}:${t.code}`);
                  setQ('');
                }}
              >
                {t.nom} ({LIBELLES_TYPE_TERRITOIRE[t.type as TypeTerritoire]})
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * /appui/activite: the support teams' activity for the CLS and the ARS — aggregated, never nominative, counts under
 * 5 shown as « secret » as published statistics do. Staff see their own teams; ARS, coordinators and admins all.
 */
export default function ActivitePage() {
  useTitrePage('Activité de l’appui à la coordination');
  const { roles, session } = useSession();
  const [params, definirParams] = useSearchParams();
  const regionArs = roles.flatMap((r) => (r.role === 'ars_regional' ? [`region:${r.regionCode}`] : []))[0] ?? '';
  // A team's staff (the guichet's « Activité » button) start on their organisation's département.
  const organisation = useOrganisation(params.get('territoires') || regionArs ? null : session?.organisation?.id);
  const departement = organisation.data?.departementCode ? `departement:${organisation.data.departementCode}` : '';
  const territoires = params.get('territoires') ?? (regionArs || departement);
  const annee = String(new Date().getFullYear());
  const periode = params.get('periode') ?? annee;
  const [periodeSaisie, setPeriodeSaisie] = useState(periode);
  const activite = useActiviteAppui({ territoires, periode });
  const cles = territoires ? territoires.split(',') : [];
  const changer = (t: string[], p = periode) => definirParams({ territoires: t.join(','), periode: p });
  const nomTerritoire = (cle: string) => activite.data?.territoires.find((t) => t.cle === cle)?.nom ?? cle;

  return (
    <>
      <h1>Activité de l’appui à la coordination</h1>
      <p className={fr.cx('fr-text--lead')}>
        Demandes, niveaux de réponse, délais, clôtures et orientations, agrégés par structure, territoire et période. Aucune donnée
        nominative n’y figure.
      </p>
      <p id={ID_EXPLICATION_SECRET} className={fr.cx('fr-text--sm')}>
        « secret » : un effectif de 1 à 4, ou un effectif qui permettrait d’en recalculer un par soustraction, n’est pas publié, comme le
        fait la statistique publique (secret statistique).
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-3w')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <AjoutTerritoire onAjouter={(cle) => !cles.includes(cle) && changer([...cles, cle])} />
          {cles.length > 0 && (
            <ul className={fr.cx('fr-tags-group')} aria-label="Territoires choisis">
              {cles.map((cle) => (
                <li key={cle}>
                  <button
                    type="button"
                    className={fr.cx('fr-tag', 'fr-tag--dismiss')}
                    aria-label={`Retirer ${nomTerritoire(cle)}`}
                    onClick={() => changer(cles.filter((c) => c !== cle))}
                  >
                    {nomTerritoire(cle)}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <form
          className={fr.cx('fr-col-12', 'fr-col-md-6')}
          aria-label="Période"
          onSubmit={(e) => {
            e.preventDefault();
            changer(cles, periodeSaisie.trim() || annee);
          }}
        >
          <Input
            label="Périodes"
            hintText="Une année (2025), un semestre (2025-S1), un trimestre (2025-T2) ou un mois (2025-03), séparés par des virgules"
            nativeInputProps={{ value: periodeSaisie, onChange: (e) => setPeriodeSaisie(e.target.value) }}
          />
          <Button type="submit" size="small" priority="secondary">
            Afficher ces périodes
          </Button>
        </form>
      </div>
      {cles.length === 0 ? (
        <EtatVide titre="Choisissez un territoire">
          <p>L’activité se lit sur un territoire : celui d’un contrat local de santé, un département, une région.</p>
        </EtatVide>
      ) : activite.isPending ? (
        <Chargement libelle="Calcul de l’activité…" />
      ) : activite.error ? (
        <AlerteErreur erreur={activite.error} titre="L’activité n’a pas pu être calculée" />
      ) : (
        <>
          {activite.data.partiel && (
            <Alert
              severity="info"
              small
              className={fr.cx('fr-mb-3w')}
              description={`Chiffres partiels : ${activite.data.raisons.join(' ')}`}
            />
          )}
          {activite.data.structures === 'les_votres' && <p>Vous voyez l’activité des équipes dont vous êtes membre.</p>}
          {activite.data.lignes.map((l, i) => (
            <BlocActivite
              key={i}
              ligne={l}
              titre={`${l.structure?.nom ?? 'Toutes les structures'} — ${l.territoire.nom} — ${l.periode.libelle}`}
            />
          ))}
        </>
      )}
    </>
  );
}
