import { besoinSchema, constatSchema, prioriteSchema } from '@maillage/domain';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Diagnostic } from '@maillage/domain/api';
import { extrait } from './formulaire-element';
import { FormulaireChaine, type SaisieBesoin, type SaisieConstat, type SaisiePriorite } from './formulaires-chaine';

export type Maillon = 'constats' | 'besoins' | 'priorites';

interface Props {
  maillon: Maillon;
  /** The element edited; none for a new one. */
  id?: string;
  /** What every form of the chain takes: names, cancel, save, error. */
  commun: {
    nom: { un: string; titreNouveau: string; titreModifier: string; ajouter: string; enregistrer: string };
    modification: boolean;
    onAnnuler: () => void;
    erreur: unknown;
    enCours: boolean;
    onEnregistrer: (saisie: unknown) => Promise<unknown>;
  };
  diagnostic: Diagnostic;
  libelles: Map<string, string>;
  contratId: string;
  /** A new constat's verbatims already ticked (one turned from a consultation's answer: ?constatDepuis=…). */
  verbatimsInitiaux?: string[];
}

/** The form of one link of the chain (constat, besoin or priorité), with the elements it may rest on. */
export function FormulaireMaillon({ maillon, id, commun, diagnostic: d, libelles, contratId, verbatimsInitiaux = [] }: Props): ReactNode {
  const constat = new Map(d.constats.map((c) => [c.id, c]));
  const besoin = new Map(d.besoins.map((b) => [b.id, b]));
  const priorite = new Map(d.priorites.map((p) => [p.id, p]));
  if (maillon === 'constats') {
    const c = id ? constat.get(id) : undefined;
    const codes = [...new Set([...d.indicateurs.map((a) => a.indicateur.code), ...(c?.indicateurs ?? [])])];
    return (
      <FormulaireChaine<SaisieConstat>
        {...commun}
        schema={constatSchema}
        valeursInitiales={{
          intitule: c?.intitule ?? '',
          description: c?.description ?? null,
          indicateurs: c?.indicateurs ?? [],
          verbatims: c?.verbatims ?? verbatimsInitiaux,
        }}
        liens={[
          {
            champ: 'indicateurs',
            legende: 'Indicateurs cités',
            options: codes.map((code) => ({ id: code, libelle: libelles.get(code) ?? code })),
            vide: 'Aucun indicateur n’a de valeur sur ce périmètre.',
          },
          {
            champ: 'verbatims',
            legende: 'Verbatims cités',
            options: d.verbatims.map((v) => ({ id: v.id, libelle: extrait(v.texte) })),
            vide: 'Aucun verbatim recueilli : ajoutez-en dans la partie « Verbatims ».',
          },
        ]}
      />
    );
  }
  if (maillon === 'besoins') {
    const b = id ? besoin.get(id) : undefined;
    return (
      <FormulaireChaine<SaisieBesoin>
        {...commun}
        schema={besoinSchema}
        valeursInitiales={{ intitule: b?.intitule ?? '', description: b?.description ?? null, constats: b?.constats ?? [] }}
        liens={[
          {
            champ: 'constats',
            legende: 'Issu des constats',
            options: d.constats.map((c) => ({ id: c.id, libelle: c.intitule })),
            vide: 'Aucun constat : formulez d’abord les constats du diagnostic.',
          },
        ]}
      />
    );
  }
  const p = id ? priorite.get(id) : undefined;
  return (
    <FormulaireChaine<SaisiePriorite>
      {...commun}
      schema={prioriteSchema}
      valeursInitiales={{
        intitule: p?.intitule ?? '',
        description: p?.description ?? null,
        besoins: p?.besoins ?? [],
        axes: p?.axes ?? [],
      }}
      liens={[
        {
          champ: 'besoins',
          legende: 'Répond aux besoins',
          options: d.besoins.map((b) => ({ id: b.id, libelle: b.intitule })),
          vide: 'Aucun besoin : déduisez d’abord les besoins des constats.',
        },
        {
          champ: 'axes',
          legende: 'Déclinée dans les axes stratégiques',
          options: d.axes.map((a) => ({ id: a.id, libelle: `Axe ${a.numero}. ${a.intitule}` })),
          vide: (
            <>
              Le contrat n’a pas encore d’axe stratégique.{' '}
              <Link to={`/contrats/${contratId}?onglet=strategie`}>Définir les axes dans « Stratégie et fiches »</Link>, puis revenez les
              lier.
            </>
          ),
        },
      ]}
    />
  );
}
