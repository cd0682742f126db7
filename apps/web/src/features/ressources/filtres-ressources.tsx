import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import type { FormEvent } from 'react';
import { useContrats } from '../../api/contrats';
import { useDepartements, useRegions } from '../../api/territoires';
import { BoutonsFiltrer } from '../../components/boutons-filtrer';
import { FiltreListe } from '../../components/filtre-liste';
import type { useFiltresUrl } from '../../components/filtres-url';
import { OPTIONS_MISSIONS, OPTIONS_NIVEAUX, OPTIONS_PUBLICS, OPTIONS_SOLLICITEURS, OPTIONS_STATUTS } from './libelles-ressources';

/** The URL keys of the directory's filters; the territory ones become the API's `territoires`. */
export const FILTRES_RESSOURCES = [
  'q',
  'public',
  'mission',
  'niveau',
  'sollicitable_par',
  'statut',
  'commune',
  'contrat',
  'departement',
  'region',
] as const;
export type CleFiltre = (typeof FILTRES_RESSOURCES)[number];

interface Props {
  filtres: ReturnType<typeof useFiltresUrl<CleFiltre>>;
  /** A label for the search landmark. */
  nom: string;
  /** Hide the free-text search and the status (the views keep them out of the way). */
  compact?: boolean;
}

/** The filters of the directory and of the three views, kept in the URL. */
export function FormulaireFiltres({ filtres, nom, compact }: Props) {
  const { champ, soumettre, appliquer, valeurs } = filtres;
  const contrats = useContrats();
  const departements = useDepartements();
  const regions = useRegions();
  const filtre = FILTRES_RESSOURCES.some((f) => valeurs[f]);
  const envoyer = (e: FormEvent) => soumettre(e);
  return (
    <form onSubmit={envoyer} role="search" aria-label={nom} className={fr.cx('fr-mb-4w')}>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        {!compact && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
            <Input
              label="Rechercher une ressource"
              hintText="Des mots du nom, du type ou de l’organisation : « CLIC », « équipe mobile »…"
              nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 200 }}
            />
          </div>
        )}
        <FiltreListe label="Public" champ={champ('public')} tous="Tous" options={OPTIONS_PUBLICS} />
        <FiltreListe label="Mission" champ={champ('mission')} tous="Toutes" options={OPTIONS_MISSIONS} />
        <FiltreListe label="Niveau de l’offre" champ={champ('niveau')} tous="Tous" options={OPTIONS_NIVEAUX} />
        <FiltreListe label="Qui peut la solliciter" champ={champ('sollicitable_par')} tous="Tous" options={OPTIONS_SOLLICITEURS} />
        {!compact && <FiltreListe label="Statut" champ={champ('statut')} tous="Tous" options={OPTIONS_STATUTS} />}
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Commune atteinte"
            hintText="Code INSEE, par exemple 35236"
            nativeInputProps={{ ...champ('commune'), inputMode: 'numeric', maxLength: 5, autoComplete: 'off' }}
          />
        </div>
        <FiltreListe
          label="Périmètre d’un contrat"
          champ={champ('contrat')}
          tous="Aucun"
          options={contrats.data?.map((c) => ({ valeur: c.id, libelle: c.intitule }))}
        />
        <FiltreListe
          label="Département"
          champ={champ('departement')}
          tous="Tous"
          options={departements.data?.map((d) => ({ valeur: d.code, libelle: `${d.nom} (${d.code})` }))}
        />
        <FiltreListe
          label="Région"
          champ={champ('region')}
          tous="Toutes"
          options={regions.data?.map((r) => ({ valeur: r.code, libelle: r.nom }))}
        />
        <BoutonsFiltrer effacer={filtre && { libelle: 'Tout afficher', onClick: () => appliquer({}) }} />
      </div>
      <p className={fr.cx('fr-hint-text', 'fr-mt-1w')}>
        Le territoire retenu est le périmètre du contrat s’il est choisi, sinon le département, sinon la région.
      </p>
    </form>
  );
}

/** The API filters from the URL values and the resolved territory. */
export function filtresApi(valeurs: Record<CleFiltre, string>, territoires: string | undefined | null) {
  const { contrat: _c, departement: _d, region: _r, ...reste } = valeurs;
  return { ...reste, territoires: territoires ?? undefined };
}
