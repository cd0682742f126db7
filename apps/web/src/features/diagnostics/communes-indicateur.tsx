import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { can, formaterNombre } from '@maillage/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useContours, useValeursCommunes } from '../../api/diagnostics';
import { usePerimetre } from '../../api/territoires';
import type { AgregatIndicateur, ContratDetail } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { avecUnite, libelleTiret } from '../../components/libelles-indicateurs';
import { CarteContours } from './carte-contours';
import { TableauDefilant } from '../../components/tableau-defilant';

/** Commune-level indicators make sense here; a standardised rate published only for the EPCI does not. */
function indicateurParDefaut(indicateurs: AgregatIndicateur[]): string | null {
  const codes = indicateurs.map((a) => a.indicateur.code);
  if (codes.includes('effectif_mg')) return 'effectif_mg';
  return indicateurs.find((a) => a.resultat?.origine === 'agregee')?.indicateur.code ?? codes[0] ?? null;
}

/**
 * One indicator across the communes of the perimeter: a choropleth when commune contours were imported, and in any
 * case the communes ranked by their value as published.
 */
export function CommunesIndicateur({ contrat, indicateurs }: { contrat: ContratDetail; indicateurs: AgregatIndicateur[] }) {
  const { sujet } = useSession();
  const candidats = indicateurs.filter((a) => a.indicateur.methodeAgregation !== 'non_agregeable');
  const [code, setCode] = useState<string | null>(() => indicateurParDefaut(candidats));
  const [periode, setPeriode] = useState<string | null>(null);
  const perimetre = usePerimetre(contrat.perimetre);
  const communes = perimetre.data?.communes ?? [];
  const codes = communes.map((c) => c.code);
  const contours = useContours('commune', codes);
  const territoires = [
    ...contrat.perimetre.epci.map((c) => ({ type: 'epci' as const, code: c })),
    ...contrat.perimetre.communes.map((c) => ({ type: 'commune' as const, code: c })),
  ];
  const valeurs = useValeursCommunes(code, territoires, periode);
  const indicateur = candidats.find((a) => a.indicateur.code === code)?.indicateur;

  if (candidats.length === 0 || !code || !indicateur) {
    return (
      <p>
        Aucun indicateur publié à l’échelle des communes pour ce périmètre : la carte des communes s’affichera dès qu’un fichier de valeurs
        communales sera importé.
      </p>
    );
  }
  if (perimetre.isPending) return <Chargement libelle="Chargement des communes…" />;
  if (perimetre.error) return <AlerteErreur erreur={perimetre.error} as="h4" titre="Impossible de charger les communes du périmètre" />;

  const parCommune = new Map((valeurs.data?.communes ?? []).map((c) => [c.code, c]));
  const periodeVue = valeurs.data?.periode ?? null;
  const lignes = communes
    .map((c) => {
      const r = parCommune.get(c.code) ?? null;
      const v = r?.valeur;
      const nombre =
        v && v.nature === 'exacte' && typeof v.valeur === 'number'
          ? v.valeur
          : v?.nature === 'intervalle'
            ? ((v.borneInf ?? 0) + (v.borneSup ?? 0)) / 2
            : null;
      // As published: an interval class keeps its brackets ("[2 à 5["), a masked value says "secret statistique".
      return { commune: c, resultat: r, nombre, texte: v ? avecUnite(v.texte, indicateur.unite) : 'aucune valeur' };
    })
    .sort((a, b) => (b.nombre ?? -Infinity) - (a.nombre ?? -Infinity) || a.commune.nom.localeCompare(b.commune.nom, 'fr'));
  const avecValeur = lignes.filter((l) => l.nombre !== null).length;
  const classes = lignes.filter((l) => l.resultat?.valeur.nature === 'intervalle').length;
  const tirets = [...new Set(lignes.map((l) => libelleTiret(l.resultat?.tiret)).filter(Boolean))];
  const aContours = (contours.data?.features.length ?? 0) > 0;
  // Ties share their rank (1, 2, 2, 4…); an interval class ranks by its middle, and says so below the table.
  const rang = (n: number) => 1 + lignes.filter((l) => l.nombre !== null && l.nombre > n).length;

  return (
    <>
      <Select
        label="Indicateur à voir par commune"
        hint="Les valeurs sont celles publiées pour chaque commune, sans calcul."
        nativeSelectProps={{
          value: code,
          onChange: (e) => {
            setCode(e.target.value);
            setPeriode(null);
          },
        }}
      >
        {candidats.map((a) => (
          <option key={a.indicateur.code} value={a.indicateur.code}>
            {a.indicateur.libelle}
          </option>
        ))}
      </Select>
      {(valeurs.data?.periodes.length ?? 0) > 1 && (
        <Select label="Période" nativeSelectProps={{ value: periode ?? periodeVue ?? '', onChange: (e) => setPeriode(e.target.value) }}>
          {[...(valeurs.data?.periodes ?? [])].reverse().map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
      )}
      <p role="status" className={fr.cx('fr-text--sm')}>
        {valeurs.isFetching
          ? 'Chargement des valeurs communales…'
          : `${formaterNombre(avecValeur)} commune${avecValeur > 1 ? 's' : ''} sur ${formaterNombre(codes.length)} ${avecValeur > 1 ? 'ont' : 'a'} une valeur pour cet indicateur${periodeVue ? ` en ${periodeVue}` : ''}.`}
      </p>
      {valeurs.error && <AlerteErreur erreur={valeurs.error} as="h4" titre="Les valeurs communales n’ont pas pu être chargées" />}
      {aContours && contours.data ? (
        <CarteContours
          titre={`${indicateur.libelle} par commune`}
          contours={contours.data}
          territoires={communes}
          valeurs={new Map(lignes.map((l) => [l.commune.code, { valeur: l.nombre, texte: l.texte }]))}
          libelleValeur={indicateur.libelle}
          unite={indicateur.unite === '%' ? '%' : undefined}
          credit="Contours des communes importés dans Maillage (source indiquée lors de l’import)."
          tableauApres
        />
      ) : (
        !contours.isPending && (
          <Notice
            className={fr.cx('fr-mb-2w')}
            title={
              can(sujet, 'creer', { type: 'catalogue' })
                ? 'Aucun contour communal importé : les communes sont classées dans un tableau. Importez des contours (GeoJSON) pour obtenir la carte.'
                : 'Aucun contour communal importé : les communes sont classées dans un tableau en attendant la carte.'
            }
          />
        )
      )}
      {!aContours && can(sujet, 'creer', { type: 'catalogue' }) && (
        <Button
          priority="tertiary"
          size="small"
          iconId="fr-icon-map-pin-2-line"
          className={fr.cx('fr-mb-2w')}
          linkProps={{ to: '/indicateurs/import-contours' }}
        >
          Importer des contours
        </Button>
      )}
      <TableauDefilant
        caption={`Communes du périmètre classées par ${indicateur.libelle.charAt(0).toLowerCase()}${indicateur.libelle.slice(1)}${periodeVue ? ` (${periodeVue})` : ''}`}
        headers={['Rang', 'Commune', 'Département', 'Habitants', 'Valeur publiée', 'Source']}
        data={lignes.map((l) => [
          l.nombre !== null ? formaterNombre(rang(l.nombre)) : '—',
          <Link key="commune" to={`/territoires/commune/${l.commune.code}`}>
            {l.commune.nom}
          </Link>,
          l.commune.departement,
          formaterNombre(l.commune.population),
          l.texte,
          l.resultat?.source ?? '—',
        ])}
      />
      {classes > 0 && (
        <p className={fr.cx('fr-text--sm', 'fr-mb-1w')}>
          {classes > 1 ? `${formaterNombre(classes)} communes sont publiées` : 'Une commune est publiée'} en classe d’intervalle, reproduite
          telle quelle (« [a à b[ » : de a inclus à b exclu) ; son rang est celui du milieu de la classe.
        </p>
      )}
      {tirets.length > 0 && (
        <p className={fr.cx('fr-text--sm')}>Dans les fichiers de ces valeurs, « - » signifiait : {tirets.join(', ')}.</p>
      )}
    </>
  );
}
