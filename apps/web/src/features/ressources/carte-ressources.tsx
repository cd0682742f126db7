import { fr } from '@codegouvfr/react-dsfr';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { MISSIONS_RESSOURCE, PUBLICS_RESSOURCE } from '@maillage/domain';
import { Link } from 'react-router';
import { useContours } from '../../api/diagnostics';
import { type ChoixCouverture, useCouvertureRessources, useRessources } from '../../api/ressources';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterNombre, pluriel } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';
import { CarteContours } from '../../components/carte-contours';
import { ZonesBlanches } from './zones-blanches';

/** Beyond this many communes (a whole region), the map would be unreadable and heavy: the tables stay. */
const COMMUNES_MAX_CARTE = 800;

const texteCouverture = (n: number) => (n === 0 ? 'aucune ressource : zone blanche' : pluriel(n, 'ressource'));

interface Props {
  choix: ChoixCouverture;
  /** Level of the sub-titles: h3 on a page, h4 inside a tab's section. */
  as: 'h3' | 'h4';
}

/**
 * The map of a perimeter for a public and a mission: a commune choropleth of how many active resources reach each
 * commune, the resources placed at their own commune (a marker with their number), the zones blanches; every part
 * also as a table.
 */
export function CarteRessources({ choix, as: Titre }: Props) {
  const couverture = useCouvertureRessources(choix);
  const ressources = useRessources({
    territoires: choix.territoires,
    public: choix.public,
    mission: choix.mission,
    statut: 'active',
    parPage: 500,
  });
  const communes = couverture.data?.communes ?? [];
  const codes = communes.length <= COMMUNES_MAX_CARTE ? communes.map((c) => c.code) : [];
  const contours = useContours('commune', codes);

  if (couverture.isPending) return <Chargement libelle="Chargement de la couverture des communes…" />;
  if (couverture.error) return <AlerteErreur erreur={couverture.error} as={Titre} titre="La couverture n’a pas pu être calculée" />;

  const sujet = `${PUBLICS_RESSOURCE[choix.public].toLowerCase()}, ${MISSIONS_RESSOURCE[choix.mission].toLowerCase()}`;
  const dansPerimetre = new Set(communes.map((c) => c.code));
  const situees = (ressources.data?.elements ?? []).filter((r) => r.communeCode && dansPerimetre.has(r.communeCode));
  const parCommune = new Map<string, string[]>();
  for (const r of situees) parCommune.set(r.communeCode!, [...(parCommune.get(r.communeCode!) ?? []), r.nom]);
  const aContours = (contours.data?.features.length ?? 0) > 0;
  const triees = [...communes].sort((a, b) => a.ressources - b.ressources || a.nom.localeCompare(b.nom, 'fr'));

  return (
    <>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {couverture.isFetching
          ? 'Mise à jour…'
          : `${formaterNombre(communes.length - couverture.data.zonesBlanches)} commune${communes.length - couverture.data.zonesBlanches > 1 ? 's' : ''} sur ${formaterNombre(communes.length)} atteinte${communes.length > 1 ? 's' : ''} par au moins une ressource active (${sujet}).`}
      </p>
      {aContours && contours.data ? (
        <CarteContours
          titre={`Ressources actives qui atteignent chaque commune (${sujet})`}
          contours={contours.data}
          territoires={communes}
          valeurs={new Map(communes.map((c) => [c.code, { valeur: c.ressources, texte: texteCouverture(c.ressources) }]))}
          libelleValeur="Ressources qui atteignent la commune"
          credit="Contours des communes importés dans Maillage ; ressources du répertoire. Un losange marque les communes où des ressources sont situées (avec leur nombre), une croix rouge les zones blanches."
          tableauApres
          surcouche={(centres, echelle) => [
            ...communes
              .filter((c) => c.ressources === 0)
              .map((z) => {
                const c = centres.get(z.code);
                if (!c) return null;
                const t = 8 * echelle;
                return (
                  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG marker is not focusable; the tables below the map carry the same information.
                  <path
                    key={`zb-${z.code}`}
                    aria-hidden="true"
                    d={`M${c.x - t} ${c.y - t}L${c.x + t} ${c.y + t}M${c.x - t} ${c.y + t}L${c.x + t} ${c.y - t}`}
                    stroke="#ce0500"
                    strokeWidth={2.5 * echelle}
                    pointerEvents="none"
                  />
                );
              }),
            ...[...parCommune].map(([code, noms]) => {
              const c = centres.get(code);
              if (!c) return null;
              const t = 14 * echelle;
              return (
                // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG marker is not focusable; the tables below the map carry the same information.
                <g key={code} aria-hidden="true" pointerEvents="none">
                  <path
                    d={`M${c.x} ${c.y - t}L${c.x + t} ${c.y}L${c.x} ${c.y + t}L${c.x - t} ${c.y}Z`}
                    fill="#ffffff"
                    stroke="#000091"
                    strokeWidth={2.5 * echelle}
                  />
                  <text
                    x={c.x}
                    y={c.y}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fontSize={13 * echelle}
                    fontWeight="700"
                    fill="#000091"
                  >
                    {noms.length}
                  </text>
                </g>
              );
            }),
          ]}
        />
      ) : (
        !contours.isPending && (
          <Notice
            className={fr.cx('fr-mb-2w')}
            title={
              codes.length === 0 && communes.length > 0
                ? `Le périmètre compte ${formaterNombre(communes.length)} communes : trop pour une carte lisible, les tableaux ci-dessous les donnent toutes.`
                : 'Aucun contour communal importé pour ce périmètre : la couverture est donnée dans les tableaux ci-dessous.'
            }
          />
        )
      )}
      <ZonesBlanches choix={choix} as={Titre} />
      <Titre className={fr.cx('fr-h6', 'fr-mt-3w')}>Ressources situées dans le périmètre</Titre>
      {ressources.isPending ? (
        <Chargement libelle="Chargement des ressources…" />
      ) : situees.length === 0 ? (
        <p>Aucune ressource active de ce public et de cette mission n’a son adresse dans le périmètre.</p>
      ) : (
        <TableauDefilant
          caption={`Ressources actives situées dans le périmètre, par commune (${sujet})`}
          headers={['Commune', 'Ressource', 'Type', 'Organisation']}
          data={[...situees]
            .sort((a, b) => (a.communeNom ?? '').localeCompare(b.communeNom ?? '', 'fr') || a.nom.localeCompare(b.nom, 'fr'))
            .map((r) => [
              r.communeNom ?? r.communeCode,
              <Link key="r" to={`/ressources/${r.id}`}>
                {r.nom}
              </Link>,
              r.typeLibelle,
              r.organisationNom,
            ])}
        />
      )}
      <details className="maillage-details fr-mt-2w" open={communes.length <= 40}>
        <summary>Couverture de chaque commune ({formaterNombre(communes.length)} communes)</summary>
        <TableauDefilant
          caption={`Ressources actives qui atteignent chaque commune (${sujet})`}
          headers={['Commune', 'Habitants', 'Ressources qui l’atteignent', 'Ressources situées dans la commune']}
          data={triees.map((c) => [
            c.nom,
            formaterNombre(c.population),
            texteCouverture(c.ressources),
            parCommune.get(c.code)?.join(', ') ?? '—',
          ])}
        />
      </details>
    </>
  );
}
