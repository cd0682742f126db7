import { can, type CollectivitePreremplie } from '@maillage/domain';
import { useDeferredValue, useState } from 'react';
import { useCollectivites, useOrganisation, useOrganisations } from '../api/comptes';
import type { Organisation } from '@maillage/domain/api';
import { useSession } from '../app/session';
import { CreationOrganisation, type Brouillon } from './creation-organisation';
import { libelleTypeOrganisation } from './libelles';
import { ListeChoix, useListeChoix, type PropsChoix } from './liste-choix';

export interface PropsChoixOrganisation extends PropsChoix {
  /** Offer "Aucune organisation" (a person may belong to none; a role scope may not). */
  aucune?: boolean;
  /** Label of the empty choice when `aucune` (default "Aucune organisation"; a fiche's pilot says "À définir"). */
  libelleAucune?: string;
  /** Organisation types offered (all when absent); the first is the default type of a new one. */
  types?: readonly string[];
  /** Organisations not to offer (already chosen elsewhere). */
  exclure?: readonly string[];
  /** Offer "Créer cette organisation" (default: when the user may create one). Off where creating makes no sense. */
  creation?: boolean;
}

const TYPES_COLLECTIVITE = ['commune', 'epci', 'departement'];

type Option =
  | { cle: string; sorte: 'aucune' }
  | { cle: string; sorte: 'organisation'; organisation: Organisation }
  | { cle: string; sorte: 'collectivite'; prerempli: CollectivitePreremplie; code: string; creer: true }
  | { cle: string; sorte: 'creer'; creer: true };

const libelleOrganisation = (o: Organisation) => `${o.nom}${o.sigle ? ` (${o.sigle})` : ''}`;

/**
 * The one organisation picker of the app: the combobox of ListeChoix over the directory's organisations. When the
 * organisation is missing, "Créer cette organisation" opens a short form beside it, pre-filled from the référentiel for
 * a collectivité, and the server's duplicate check lets the user pick the existing one instead.
 */
export function ChoixOrganisation({
  label,
  valeur,
  onChange,
  onBlur,
  aucune = false,
  libelleAucune = 'Aucune organisation',
  erreur,
  indication,
  types,
  exclure = [],
  creation,
}: PropsChoixOrganisation) {
  const { sujet } = useSession();
  const peutCreer = (creation ?? true) && !!sujet && can(sujet, 'creer', { type: 'organisation', id: null });
  const choisie = useOrganisation(valeur || null);
  const etat = useListeChoix();
  const [brouillon, setBrouillon] = useState<Brouillon | null>(null);
  const [annonce, setAnnonce] = useState('');
  const q = useDeferredValue(etat.saisie);
  const resultats = useOrganisations({ q, parPage: 20, type: types?.join(',') || undefined }, etat.ouvert);
  const collectivitesPossibles = peutCreer && (!types || types.some((t) => TYPES_COLLECTIVITE.includes(t)));
  const collectivites = useCollectivites(q, etat.ouvert && collectivitesPossibles);

  // The field shows the chosen organisation's name, until the user types.
  const nomChoisi = valeur && choisie.data?.id === valeur ? libelleOrganisation(choisie.data) : '';

  const organisations = (resultats.data?.elements ?? []).filter((o) => !exclure.includes(o.id));
  const sirensConnus = new Set(organisations.map((o) => o.siren).filter(Boolean));
  const options: Option[] = [
    ...(aucune ? [{ cle: 'aucune', sorte: 'aucune' as const }] : []),
    ...organisations.map((o) => ({ cle: o.id, sorte: 'organisation' as const, organisation: o })),
    ...(collectivitesPossibles && q.length >= 2 ? (collectivites.data ?? []) : [])
      .filter((c) => (!types || types.includes(c.organisation.type)) && !(c.organisation.siren && sirensConnus.has(c.organisation.siren)))
      .map((c) => ({
        cle: `${c.type}-${c.code}`,
        sorte: 'collectivite' as const,
        prerempli: c.organisation,
        code: c.code,
        creer: true as const,
      })),
    ...(peutCreer ? [{ cle: 'creer', sorte: 'creer' as const, creer: true as const }] : []),
  ];

  const choisir = (option: Option) => {
    if (option.sorte === 'aucune') {
      onChange(null, null);
      setAnnonce(`${libelleAucune} : choisi.`);
    } else if (option.sorte === 'organisation') {
      onChange(option.organisation.id, option.organisation.nom);
      setAnnonce(`${option.organisation.nom} choisie.`);
    } else if (option.sorte === 'collectivite') {
      setBrouillon({ ...option.prerempli, sigle: null, siret: null, finess: null });
    } else {
      setBrouillon({ nom: etat.saisie, type: types?.[0] ?? 'association' });
    }
  };

  const libelleOption = (o: Option) => {
    switch (o.sorte) {
      case 'aucune':
        return libelleAucune;
      case 'organisation':
        return `${libelleOrganisation(o.organisation)} — ${libelleTypeOrganisation(o.organisation.type)}`;
      case 'collectivite':
        return `Créer « ${o.prerempli.nom} » (${libelleTypeOrganisation(o.prerempli.type)}${o.prerempli.siren ? `, SIREN ${o.prerempli.siren}` : ''})`;
      case 'creer':
        return etat.saisie ? `Créer cette organisation : « ${etat.saisie} »` : 'Créer cette organisation';
    }
  };

  const total = resultats.data?.total ?? 0;
  const aide =
    indication ??
    (peutCreer
      ? 'Tapez un nom, un sigle, un SIRET ou un FINESS ; si l’organisation manque, créez-la depuis la liste.'
      : 'Tapez un nom, un sigle, un SIRET ou un FINESS.');

  return (
    <ListeChoix
      etat={etat}
      label={label}
      aide={aide}
      erreur={erreur}
      placeholder={!valeur && aucune ? libelleAucune : undefined}
      nomChoisi={nomChoisi}
      options={options}
      libelleOption={libelleOption}
      onChoisir={choisir}
      onBlur={onBlur}
      vide={resultats.isFetching ? 'Recherche…' : 'Aucune organisation ne correspond'}
      annonce={
        etat.ouvert && resultats.data
          ? `${total} organisation${total > 1 ? 's' : ''} correspondante${total > 1 ? 's' : ''}${peutCreer ? ', et le choix de la créer' : ''}.`
          : annonce
      }
    >
      {brouillon && (
        <CreationOrganisation
          brouillon={brouillon}
          types={types}
          onChoisie={(o, cree) => {
            setBrouillon(null);
            onChange(o.id, o.nom);
            setAnnonce(cree ? `Organisation « ${o.nom} » créée et choisie.` : `${o.nom} choisie.`);
            etat.champ.current?.focus();
          }}
          onAnnuler={() => {
            setBrouillon(null);
            etat.champ.current?.focus();
          }}
        />
      )}
    </ListeChoix>
  );
}
