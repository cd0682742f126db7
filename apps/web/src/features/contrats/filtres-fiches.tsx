import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { LIBELLES_STATUT_FICHE, PUBLICS, STATUTS_FICHE, THEMATIQUES } from '@maillage/domain';
import type { ContratDetail, Fiche } from '@maillage/domain/api';
import { FiltreListe } from '../../components/filtre-liste';
import type { useFiltresUrl } from '../../components/filtres-url';
import { BoutonsFiltrer } from '../../components/boutons-filtrer';

export const FILTRES_FICHES = ['q', 'axe', 'statut', 'pilote', 'thematique', 'financeur', 'public', 'tri'] as const;
export type CleFiltreFiche = (typeof FILTRES_FICHES)[number];

export const TRIS: Record<string, string> = {
  ordre: 'Ordre du contrat',
  numero: 'Numéro de fiche',
  intitule: 'Intitulé',
  statut: 'Statut',
  debut: 'Date de début',
};

/** Distinct organisations among the pilots and the funders of all fiches, for the filters. */
function organisations(fiches: Fiche[]) {
  const pilotes = new Map<string, string>();
  const financeurs = new Map<string, string>();
  for (const f of fiches) {
    for (const p of f.pilotes) if (p.organisationId) pilotes.set(p.organisationId, p.organisationNom ?? p.libelle);
    for (const l of f.financements) if (l.financeurId) financeurs.set(l.financeurId, l.financeurNom ?? l.financeurLibelle ?? 'Financeur');
  }
  const trier = (m: Map<string, string>) => [...m].sort((a, b) => a[1].localeCompare(b[1], 'fr'));
  return { pilotes: trier(pilotes), financeurs: trier(financeurs) };
}

interface Props {
  contrat: ContratDetail;
  toutes: Fiche[];
  filtres: ReturnType<typeof useFiltresUrl<CleFiltreFiche>>;
}

/** The fiche filters (axe, statut, pilote, thématique, financeur, public, text) and the sort, kept in the URL. */
export function FiltresFiches({ contrat, toutes, filtres }: Props) {
  const { champ, soumettre, appliquer, valeurs } = filtres;
  const { pilotes, financeurs } = organisations(toutes);
  const actif = FILTRES_FICHES.some((f) => f !== 'tri' && valeurs[f]);
  return (
    <form onSubmit={soumettre} aria-label="Filtrer les fiches-action" className={fr.cx('fr-mb-3w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Rechercher"
            hintText="Intitulé, description, numéro"
            nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 200 }}
          />
        </div>
        <FiltreListe
          label="Axe"
          champ={champ('axe')}
          tous="Tous"
          options={contrat.axes.map((a) => ({
            valeur: a.id,
            libelle: (
              <>
                {a.numero}. {a.intitule}
              </>
            ),
          }))}
        />
        <FiltreListe
          label="Statut"
          champ={champ('statut')}
          tous="Tous"
          options={STATUTS_FICHE.map((s) => ({ valeur: s, libelle: LIBELLES_STATUT_FICHE[s] }))}
        />
        <FiltreListe
          label="Pilote"
          champ={champ('pilote')}
          tous="Tous"
          options={pilotes.map(([id, nom]) => ({ valeur: id, libelle: nom }))}
        />
        <FiltreListe
          label="Thématique"
          champ={champ('thematique')}
          tous="Toutes"
          options={THEMATIQUES.map((t) => ({ valeur: t.code, libelle: t.libelle }))}
        />
        <FiltreListe
          label="Financeur"
          champ={champ('financeur')}
          tous="Tous"
          options={financeurs.map(([id, nom]) => ({ valeur: id, libelle: nom }))}
        />
        <FiltreListe
          label="Public visé"
          champ={champ('public')}
          tous="Tous"
          options={PUBLICS.map((p) => ({ valeur: p.code, libelle: p.libelle }))}
        />
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Trier par" nativeSelectProps={champ('tri')}>
            {Object.entries(TRIS).map(([code, libelle]) => (
              <option key={code} value={code === 'ordre' ? '' : code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <BoutonsFiltrer effacer={Boolean(actif || valeurs.tri) && { libelle: 'Réinitialiser', onClick: () => appliquer({}) }} />
      </div>
    </form>
  );
}
