import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { formaterNombre } from '@maillage/domain';
import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { requete } from '../../api/client';
import { useContours } from '../../api/diagnostics';
import type { TerritoireDetail, Vulnerabilite } from '@maillage/domain/api';
import { Chargement } from '../../components/chargement';
import { formaterValeur, POLARITES_COURTES } from '../../components/libelles-indicateurs';
import { CarteContours } from './carte-contours';
import { CarteDepartements } from '../../components/carte-departements';
import { BadgeClasse } from './typologie-vulnerabilite';
import { TableauDefilant } from '../../components/tableau-defilant';

type Epci = Vulnerabilite['epci'][number];

/** "+0,84 : plus vulnérable que la moyenne de la région" */
export function libelleScore(score: number | null): string {
  if (score === null) return 'non classé';
  const s = `${score > 0 ? '+' : score < 0 ? '−' : ''}${formaterValeur(Math.abs(score))}`;
  if (Math.abs(score) < 0.05) return `${s} (dans la moyenne)`;
  return `${s} (${score > 0 ? 'plus' : 'moins'} vulnérable que la moyenne)`;
}

function CouvertureCls({ e }: { e: Epci }) {
  if (!e.couvert)
    return (
      <Badge small severity="warning" as="span">
        Non couvert
      </Badge>
    );
  return (
    <ul className={fr.cx('fr-mb-0', 'fr-text--sm') + ' maillage-liste-sans-puce'}>
      {e.contrats.map((c) => (
        <li key={c.id}>
          <Link to={`/contrats/${c.id}`}>{c.intitule}</Link>
        </li>
      ))}
    </ul>
  );
}

/** The département of each classified EPCI's seat (the vulnerability response does not carry it yet). */
function useDepartementsEpci(epci: Epci[]) {
  const codes = epci.filter((e) => !e.departementCode).map((e) => e.territoire);
  return useQueries({
    queries: codes.map((code) => ({
      queryKey: ['territoire', 'epci', code],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<TerritoireDetail>(`/api/territoires/epci/${code}`, { signal }),
      staleTime: Infinity,
    })),
    combine: (r) => ({
      enCours: r.some((x) => x.isPending),
      departement: new Map([
        ...epci.filter((e) => e.departementCode).map((e) => [e.territoire, e.departementCode!] as const),
        ...r.flatMap((x, i) => (x.data?.departementCode ? [[codes[i], x.data.departementCode] as const] : [])),
      ]),
    }),
  });
}

/** The ranked EPCIs (the primary view), then the map: EPCI contours when imported, otherwise the mean score of each département. */
export function ResultatsVulnerabilite({
  resultat,
  nomRegion,
  departementsRegion,
}: {
  resultat: Vulnerabilite;
  nomRegion: string;
  departementsRegion: string[];
}) {
  const classes = resultat.epci.filter((e) => e.rang !== null);
  const partiels = resultat.epci.filter((e) => e.rang === null && e.criteresRenseignes > 0);
  const nonClasses = resultat.epci.filter((e) => e.criteresRenseignes === 0);
  const typologie = resultat.typologie;
  // "12,7 (2018)": the period of each value, as each EPCI may have its own latest.
  const cellule = (e: Epci, indicateur: string) => {
    const v = e.valeurs[indicateur];
    return v === null || v === undefined ? 'sans valeur' : `${formaterValeur(v)} (${e.periodes[indicateur] ?? '?'})`;
  };
  const colonneClasse = typologie ? ['Classe'] : [];
  const classeDe = (e: Epci) => (typologie ? [<BadgeClasse key="classe" typologie={typologie} classe={e.classe} />] : []);
  const contours = useContours(
    'epci',
    resultat.epci.map((e) => e.territoire),
  );
  const departements = useDepartementsEpci(classes);
  const aContours = (contours.data?.features.length ?? 0) > 0;

  const parDepartement = new Map<string, number[]>();
  for (const e of classes) {
    const d = departements.departement.get(e.territoire);
    if (d) parDepartement.set(d, [...(parDepartement.get(d) ?? []), e.score!]);
  }
  return (
    <>
      <TableauDefilant
        caption={`EPCI de la région ${nomRegion} renseignés pour tous les critères, classés du plus au moins vulnérable (${formaterNombre(classes.length)} classés sur ${formaterNombre(resultat.epci.length)})`}
        headers={[
          'Rang',
          'EPCI',
          ...colonneClasse,
          'Habitants',
          'Score',
          ...resultat.criteres.map((c) => `${c.libelle} (valeur et année)`),
          'Critères renseignés',
          'Contrat local de santé',
        ]}
        data={classes.map((e) => [
          formaterNombre(e.rang ?? 0),
          e.nom,
          ...classeDe(e),
          formaterNombre(e.population),
          libelleScore(e.score),
          ...resultat.criteres.map((c) => cellule(e, c.indicateur)),
          e.couverture.texte,
          <CouvertureCls key="cls" e={e} />,
        ])}
      />
      {partiels.length > 0 && (
        <>
          <h3>EPCI partiellement renseignés : non classés</h3>
          <p className={fr.cx('fr-text--sm')}>
            Il leur manque au moins un critère : les classer avec les autres ferait compter leurs seuls critères renseignés comme s’ils
            disaient tout. Le score indicatif porte sur les critères renseignés seulement.
          </p>
          <TableauDefilant
            caption={`EPCI partiellement renseignés, non classés (${formaterNombre(partiels.length)})`}
            headers={[
              'EPCI',
              ...colonneClasse,
              'Habitants',
              'Critères renseignés',
              'Critères manquants',
              'Score indicatif (critères renseignés seulement)',
              ...resultat.criteres.map((c) => `${c.libelle} (valeur et année)`),
              'Contrat local de santé',
            ]}
            data={partiels.map((e) => [
              e.nom,
              ...classeDe(e),
              formaterNombre(e.population),
              <Badge key="couverture" small severity="warning" as="span">
                {e.couverture.texte}
              </Badge>,
              resultat.criteres
                .filter((c) => c.polarite !== 'neutre' && (e.valeurs[c.indicateur] === null || e.valeurs[c.indicateur] === undefined))
                .map((c) => c.libelle)
                .join(' ; '),
              `${libelleScore(e.scorePartiel)}, indicatif`,
              ...resultat.criteres.map((c) => cellule(e, c.indicateur)),
              <CouvertureCls key="cls" e={e} />,
            ])}
          />
        </>
      )}
      {nonClasses.length > 0 && (
        <details className={fr.cx('fr-mb-4w') + ' maillage-details'}>
          <summary>
            {formaterNombre(nonClasses.length)} EPCI non classés : aucune valeur pour ces indicateurs (
            {formaterNombre(nonClasses.filter((e) => !e.couvert).length)} sans contrat local de santé)
          </summary>
          <TableauDefilant
            className={fr.cx('fr-mt-1w')}
            caption="EPCI sans valeur pour les indicateurs choisis"
            headers={['EPCI', ...colonneClasse, 'Habitants', 'Contrat local de santé']}
            data={nonClasses.map((e) => [e.nom, ...classeDe(e), formaterNombre(e.population), <CouvertureCls key="cls" e={e} />])}
          />
        </details>
      )}

      <h3>Carte</h3>
      {contours.isPending || departements.enCours ? (
        <Chargement libelle="Préparation de la carte…" />
      ) : aContours && contours.data ? (
        <CarteContours
          titre={`Score de vulnérabilité des EPCI, région ${nomRegion}`}
          contours={contours.data}
          territoires={resultat.epci.map((e) => ({ code: e.territoire, nom: e.nom }))}
          valeurs={
            new Map(
              resultat.epci.map((e) => [
                e.territoire,
                {
                  valeur: e.score,
                  texte: `${libelleScore(e.score)}${e.rang === null && e.criteresRenseignes > 0 ? ` (${e.couverture.texte})` : ''}${typologie ? ` — ${e.classe ? `classe ${e.classe.code}` : 'classe non renseignée'}` : ''}`,
                },
              ]),
            )
          }
          libelleValeur="Score (0 = moyenne régionale, plus haut = plus vulnérable)"
          credit="Contours des EPCI importés dans Maillage."
        />
      ) : (
        <>
          <p className={fr.cx('fr-text--sm')}>
            Sans contours d’EPCI importés, la carte montre chaque département de la région avec le score moyen des EPCI classés dont le
            siège s’y trouve. Le tableau ci-dessus reste la vue de référence.
          </p>
          <CarteDepartements
            titre={`Score moyen des EPCI par département, région ${nomRegion}`}
            departements={[...new Set([...departementsRegion, ...parDepartement.keys()])]}
            valeurs={
              new Map(
                [...parDepartement].map(([d, scores]) => {
                  const moyenne = scores.reduce((s, x) => s + x, 0) / scores.length;
                  return [
                    d,
                    { valeur: moyenne, texte: `score moyen ${libelleScore(moyenne)}`, complement: [formaterNombre(scores.length)] },
                  ];
                }),
              )
            }
            libelleValeur="Score moyen (plus haut = plus vulnérable)"
            enTetesComplement={['EPCI classés']}
            etiquettes={false}
          />
        </>
      )}
      <h3>Critères retenus</h3>
      <TableauDefilant
        caption="Indicateurs de l’indice, avec leur poids et la période utilisée"
        headers={['Indicateur', 'Polarité', 'Poids', 'Période', 'EPCI renseignés']}
        data={resultat.criteres.map((c) => [
          c.libelle,
          c.polarite === 'neutre' ? 'Neutre (non compté)' : POLARITES_COURTES[c.polarite],
          formaterValeur(c.poids),
          c.choixPeriode === 'choisie'
            ? `${c.periode} (choisie)`
            : c.periodesUtilisees.length
              ? `la plus récente de chaque EPCI : ${c.periodesUtilisees.join(', ')}`
              : 'aucune valeur',
          formaterNombre(resultat.epci.filter((e) => e.valeurs[c.indicateur] !== null && e.valeurs[c.indicateur] !== undefined).length),
        ])}
      />
    </>
  );
}
