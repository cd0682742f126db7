import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useElementDiagnostic } from '../../api/diagnostics';
import type { Diagnostic } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { ElementChaine, useFocusApresEnregistrement } from './element-chaine';
import { extrait } from './formulaire-element';
import { FormulaireMaillon, type Maillon } from './formulaire-maillon';
import type { SaisieBesoin, SaisieConstat, SaisiePriorite } from './formulaires-chaine';

const suppression = creerConfirmation('confirmation-suppression-chaine');

const NOMS = {
  constats: {
    un: 'le constat',
    titreNouveau: 'Nouveau constat',
    titreModifier: 'Modifier le constat',
    ajouter: 'Ajouter le constat',
    enregistrer: 'Enregistrer le constat',
  },
  besoins: {
    un: 'le besoin',
    titreNouveau: 'Nouveau besoin',
    titreModifier: 'Modifier le besoin',
    ajouter: 'Ajouter le besoin',
    enregistrer: 'Enregistrer le besoin',
  },
  priorites: {
    un: 'la priorité',
    titreNouveau: 'Nouvelle priorité',
    titreModifier: 'Modifier la priorité',
    ajouter: 'Ajouter la priorité',
    enregistrer: 'Enregistrer la priorité',
  },
};

interface Props {
  contratId: string;
  diagnostic: Diagnostic;
  /** Libellé of every indicator of the catalogue (a constat may cite one without value on the perimeter). */
  libelles: Map<string, string>;
  editable: boolean;
}

/** Constats → besoins → priorités → axes, each element linking to what it rests on and to what rests on it. */
export function ChaineDiagnostic({ contratId, diagnostic: d, libelles, editable }: Props) {
  const [edition, setEdition] = useState<{ maillon: Maillon; id?: string } | null>(null);
  const [params, definirParams] = useSearchParams();
  // ?constatDepuis=<verbatim>: a new constat citing that verbatim (the results of a consultation link here).
  const depuis = params.get('constatDepuis');
  const verbatimDepuis = depuis && d.verbatims.some((v) => v.id === depuis) ? depuis : null;
  const [aSupprimer, setASupprimer] = useState<{ maillon: Maillon; id: string; intitule: string; consequence: string } | null>(null);
  const mutations = {
    constats: useElementDiagnostic<SaisieConstat>(contratId, 'constats'),
    besoins: useElementDiagnostic<SaisieBesoin>(contratId, 'besoins'),
    priorites: useElementDiagnostic<SaisiePriorite>(contratId, 'priorites'),
  };
  const focaliser = useFocusApresEnregistrement(d);
  const avecCarte = new Set(d.indicateurs.map((a) => a.indicateur.code));
  const constat = new Map(d.constats.map((c) => [c.id, c]));
  const besoin = new Map(d.besoins.map((b) => [b.id, b]));
  const priorite = new Map(d.priorites.map((p) => [p.id, p]));
  const axe = new Map(d.axes.map((a) => [a.id, a]));
  const verbatim = new Map(d.verbatims.map((v) => [v.id, v]));
  const singulier = { constats: 'constat', besoins: 'besoin', priorites: 'priorite' } as const;

  const ouvrir = (maillon: Maillon, id?: string) => {
    Object.values(mutations).forEach((m) => m.enregistrer.reset());
    setEdition({ maillon, id });
  };
  const enregistrer = (maillon: Maillon) => (saisie: unknown) =>
    mutations[maillon].enregistrer.mutateAsync({ id: edition?.id, saisie: saisie as never }).then((r) => {
      fermerFormulaire();
      focaliser(`${singulier[maillon]}-${r.id}`);
    });
  const demanderSuppression = (maillon: Maillon, id: string, intitule: string, consequence: string) => {
    setASupprimer({ maillon, id, intitule, consequence });
    suppression.ouvrir();
  };

  useEffect(() => {
    if (!verbatimDepuis || !editable) return;
    // The form takes the focus (and the screen) as it opens.
    setEdition({ maillon: 'constats' });
  }, [verbatimDepuis, editable]);
  const fermerFormulaire = () => {
    setEdition(null);
    if (depuis)
      definirParams(
        (p) => {
          p.delete('constatDepuis');
          return p;
        },
        { replace: true },
      );
  };

  const formulaire = (maillon: Maillon) => {
    if (edition?.maillon !== maillon) return null;
    const m = mutations[maillon].enregistrer;
    const commun = {
      nom: NOMS[maillon],
      modification: !!edition.id,
      onAnnuler: fermerFormulaire,
      erreur: m.error,
      enCours: m.isPending,
      onEnregistrer: enregistrer(maillon),
    };
    return (
      <FormulaireMaillon
        maillon={maillon}
        id={edition.id}
        commun={commun}
        diagnostic={d}
        libelles={libelles}
        contratId={contratId}
        verbatimsInitiaux={!edition.id && verbatimDepuis ? [verbatimDepuis] : []}
      />
    );
  };

  const boutonAjout = (maillon: Maillon, libelle: string) =>
    editable &&
    edition?.maillon !== maillon && (
      <Button
        type="button"
        size="small"
        priority="secondary"
        iconId="fr-icon-add-line"
        className={fr.cx('fr-mb-2w')}
        onClick={() => ouvrir(maillon)}
      >
        {libelle}
      </Button>
    );
  const affiche = (maillon: Maillon, id: string) => !(edition?.maillon === maillon && edition.id === id);

  const erreurSuppression = Object.values(mutations).find((m) => m.supprimer.error)?.supprimer.error;
  return (
    <>
      {erreurSuppression && <AlerteErreur erreur={erreurSuppression} as="h4" titre="La suppression n’a pas abouti" />}
      <h4 className={fr.cx('fr-mt-4w')}>Constats</h4>
      {d.constats.length === 0 && (
        <p>
          Aucun constat. Un constat résume ce que montrent les indicateurs et les verbatims : « Une offre de médecine générale fragile ».
        </p>
      )}
      {d.constats.map((c) =>
        affiche('constats', c.id) ? (
          <ElementChaine
            key={c.id}
            ancre={`constat-${c.id}`}
            titre={c.intitule}
            description={c.description}
            nom={`${NOMS.constats.un} « ${c.intitule} »`}
            editable={editable}
            onModifier={() => ouvrir('constats', c.id)}
            onSupprimer={() =>
              demanderSuppression(
                'constats',
                c.id,
                c.intitule,
                c.besoins.length
                  ? `${c.besoins.length > 1 ? `Les ${c.besoins.length} besoins qui en découlent ne le citeront plus.` : 'Le besoin qui en découle ne le citera plus.'}`
                  : 'Aucun besoin n’en découle.',
              )
            }
            liens={[
              {
                libelle: 'Indicateurs cités',
                vide: 'aucun',
                cibles: c.indicateurs.map((code) => ({
                  lien: avecCarte.has(code) ? `#indicateur-${code}` : `/indicateurs/${code}`,
                  texte: libelles.get(code) ?? code,
                })),
              },
              {
                libelle: 'Verbatims cités',
                vide: 'aucun',
                cibles: c.verbatims.flatMap((id) =>
                  verbatim.get(id) ? [{ lien: `#verbatim-${id}`, texte: extrait(verbatim.get(id)!.texte, 60) }] : [],
                ),
              },
              {
                libelle: 'Besoins qui en découlent',
                vide: 'aucun pour l’instant',
                cibles: c.besoins.flatMap((id) => (besoin.get(id) ? [{ lien: `#besoin-${id}`, texte: besoin.get(id)!.intitule }] : [])),
              },
            ]}
          />
        ) : null,
      )}
      {formulaire('constats')}
      {boutonAjout('constats', 'Ajouter un constat')}

      <h4 className={fr.cx('fr-mt-4w')}>Besoins</h4>
      {d.besoins.length === 0 && (
        <p>Aucun besoin. Un besoin se déduit d’un ou plusieurs constats : « Faciliter l’installation de médecins généralistes ».</p>
      )}
      {d.besoins.map((b) =>
        affiche('besoins', b.id) ? (
          <ElementChaine
            key={b.id}
            ancre={`besoin-${b.id}`}
            titre={b.intitule}
            description={b.description}
            nom={`${NOMS.besoins.un} « ${b.intitule} »`}
            editable={editable}
            onModifier={() => ouvrir('besoins', b.id)}
            onSupprimer={() =>
              demanderSuppression(
                'besoins',
                b.id,
                b.intitule,
                b.priorites.length
                  ? `Les ${b.priorites.length} priorité(s) qui y répondent ne le citeront plus.`
                  : 'Aucune priorité n’y répond.',
              )
            }
            liens={[
              {
                libelle: 'Issu des constats',
                vide: 'aucun',
                cibles: b.constats.flatMap((id) => (constat.get(id) ? [{ lien: `#constat-${id}`, texte: constat.get(id)!.intitule }] : [])),
              },
              {
                libelle: 'Priorités qui y répondent',
                vide: 'aucune pour l’instant',
                cibles: b.priorites.flatMap((id) =>
                  priorite.get(id) ? [{ lien: `#priorite-${id}`, texte: priorite.get(id)!.intitule }] : [],
                ),
              },
            ]}
          />
        ) : null,
      )}
      {formulaire('besoins')}
      {boutonAjout('besoins', 'Ajouter un besoin')}

      <h4 className={fr.cx('fr-mt-4w')}>Priorités</h4>
      {d.priorites.length === 0 && (
        <p>Aucune priorité. Une priorité retient des besoins et se décline dans les axes stratégiques du contrat.</p>
      )}
      {d.priorites.map((p) =>
        affiche('priorites', p.id) ? (
          <ElementChaine
            key={p.id}
            ancre={`priorite-${p.id}`}
            titre={p.intitule}
            description={p.description}
            nom={`${NOMS.priorites.un} « ${p.intitule} »`}
            editable={editable}
            onModifier={() => ouvrir('priorites', p.id)}
            onSupprimer={() =>
              demanderSuppression(
                'priorites',
                p.id,
                p.intitule,
                'Ses liens vers les besoins et les axes seront retirés ; les axes eux-mêmes ne changent pas.',
              )
            }
            liens={[
              {
                libelle: 'Répond aux besoins',
                vide: 'aucun',
                cibles: p.besoins.flatMap((id) => (besoin.get(id) ? [{ lien: `#besoin-${id}`, texte: besoin.get(id)!.intitule }] : [])),
              },
              {
                libelle: 'Axes stratégiques',
                vide: 'aucun pour l’instant',
                cibles: p.axes.flatMap((id) =>
                  axe.get(id) ? [{ lien: `#axe-${id}`, texte: `Axe ${axe.get(id)!.numero}. ${axe.get(id)!.intitule}` }] : [],
                ),
              },
            ]}
          />
        ) : null,
      )}
      {formulaire('priorites')}
      {boutonAjout('priorites', 'Ajouter une priorité')}

      <AxesChaine diagnostic={d} contratId={contratId} />

      <suppression.Confirmation
        titre={aSupprimer ? `Supprimer ${NOMS[aSupprimer.maillon].un} ?` : 'Supprimer ?'}
        libelleConfirmer="Supprimer"
        onConfirmer={() => aSupprimer && mutations[aSupprimer.maillon].supprimer.mutate(aSupprimer.id)}
      >
        <p>
          « {aSupprimer?.intitule} » sera supprimé du diagnostic. {aSupprimer?.consequence} La suppression est tracée dans l’historique du
          contrat.
        </p>
      </suppression.Confirmation>
    </>
  );
}

/** The contract's axes, end of the chain: the priorities they carry out. */
function AxesChaine({ diagnostic: d, contratId }: { diagnostic: Diagnostic; contratId: string }) {
  return (
    <>
      <h4 className={fr.cx('fr-mt-4w')}>Axes stratégiques</h4>
      {d.axes.length === 0 ? (
        <p>
          Le contrat n’a pas encore d’axe stratégique. Les axes se définissent dans l’onglet{' '}
          <Link to={`/contrats/${contratId}?onglet=strategie`}>« Stratégie et fiches »</Link> ; chaque priorité pourra ensuite y être
          rattachée.
        </p>
      ) : (
        d.axes.map((a) => (
          <ElementChaine
            key={a.id}
            ancre={`axe-${a.id}`}
            titre={`Axe ${a.numero}. ${a.intitule}`}
            nom={`l’axe ${a.numero}`}
            editable={false}
            liens={[
              {
                libelle: 'Priorités déclinées dans cet axe',
                vide: 'aucune',
                cibles: d.priorites.filter((p) => p.axes.includes(a.id)).map((p) => ({ lien: `#priorite-${p.id}`, texte: p.intitule })),
              },
              {
                libelle: 'Objectifs et fiches-action',
                vide: '',
                cibles: [{ lien: `/contrats/${contratId}?onglet=strategie`, texte: 'Voir l’axe dans « Stratégie et fiches »' }],
              },
            ]}
          />
        ))
      )}
    </>
  );
}
