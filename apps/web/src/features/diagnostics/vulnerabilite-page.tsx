import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { can } from '@maillage/domain';
import { useSearchParams } from 'react-router';
import { useTypologies, useVulnerabilite } from '../../api/diagnostics';
import { useIndicateurs } from '../../api/indicateurs';
import { useDepartements, useRegions } from '../../api/territoires';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { CriteresVulnerabilite, type Criteres } from './criteres-vulnerabilite';
import { ResultatsVulnerabilite } from './resultats-vulnerabilite';
import { ChoixTypologie } from './typologie-vulnerabilite';

const liste = (v: string | null) => (v ? v.split(',').filter(Boolean) : []);

/**
 * /vulnerabilite?region=…&indicateurs=…&poids=…&periodes=…&typologie=…&classe=…: a composite index over the EPCIs of a region, with their CLS coverage,
 * so that an ARS can reach the territories that never ask. The choice lives in the address: shareable.
 */
export default function VulnerabilitePage() {
  useTitrePage('Vulnérabilité des territoires');
  const [params, definirParams] = useSearchParams();
  const { roles, sujet } = useSession();
  const regionArs = roles.find((r) => r.role === 'ars_regional')?.regionCode ?? '';
  const criteres: Criteres = {
    region: params.get('region') ?? regionArs,
    indicateurs: liste(params.get('indicateurs')),
    poids: liste(params.get('poids')).map(Number),
    periodes: (params.get('periodes') ?? '').split(','),
  };
  const typologie = params.get('typologie') ?? '';
  const classe = params.get('classe') ?? '';
  const regions = useRegions();
  const departements = useDepartements();
  const catalogue = useIndicateurs();
  const resultat = useVulnerabilite({ ...criteres, typologie, classe });
  const typologies = useTypologies(criteres.region);
  const nomRegion = regions.data?.find((r) => r.code === criteres.region)?.nom ?? `région ${criteres.region}`;
  const adresse = (c: Criteres, t = typologie, k = classe) => ({
    region: c.region,
    indicateurs: c.indicateurs.join(','),
    poids: c.poids.join(','),
    ...(c.periodes.some(Boolean) ? { periodes: c.periodes.join(',') } : {}),
    ...(t ? { typologie: t } : {}),
    ...(t && k ? { classe: k } : {}),
  });
  const calculer = (c: Criteres) => definirParams(adresse(c, c.region === criteres.region ? typologie : ''));
  const classes = resultat.data?.epci.filter((e) => e.rang !== null).length ?? 0;
  const renseignes = resultat.data?.epci.filter((e) => e.criteresRenseignes > 0).length ?? 0;

  return (
    <>
      <Breadcrumb
        currentPageLabel="Vulnérabilité des territoires"
        homeLinkProps={{ to: '/' }}
        segments={[{ label: 'Indicateurs', linkProps: { to: '/indicateurs' } }]}
      />
      <h1>Vulnérabilité des territoires</h1>
      <p className={fr.cx('fr-text--lead')}>
        Un indice composite sur les EPCI d’une région, à partir des indicateurs de votre choix, avec leur couverture par un contrat local de
        santé : pour aller vers les territoires qui en ont besoin, y compris ceux qui ne demandent rien.
      </p>
      <CallOut title="Un score relatif, pas une mesure absolue" titleAs="h2" iconId="fr-icon-information-line">
        Chaque indicateur est centré et réduit entre les EPCI de la région (écart à la moyenne régionale, en écarts-types), orienté pour que
        « plus » veuille toujours dire « plus vulnérable », puis moyenné selon les poids. Un score de 0 correspond à la moyenne de la région
        ; il ne se compare ni d’une région à l’autre, ni d’un choix d’indicateurs à l’autre. Seuls les EPCI renseignés pour tous les
        critères sont classés ; les autres sont listés à part, avec leur couverture (« 1 critère sur 2 ») et un score indicatif, sans rang.
      </CallOut>

      {regions.isPending || catalogue.isPending ? (
        <Chargement />
      ) : regions.error || catalogue.error ? (
        <AlerteErreur erreur={regions.error ?? catalogue.error} titre="Impossible de charger les régions ou le catalogue" />
      ) : (
        <CriteresVulnerabilite
          key={`${criteres.region}|${params.get('indicateurs') ?? ''}|${params.get('poids') ?? ''}|${params.get('periodes') ?? ''}`}
          valeur={criteres}
          regions={regions.data}
          catalogue={catalogue.data}
          onCalculer={calculer}
        />
      )}

      {(typologies.data?.length ?? 0) > 0 && (
        <ChoixTypologie
          typologies={typologies.data!}
          typologie={typologie}
          classe={classe}
          onChange={(t, k) => definirParams(adresse(criteres, t, k))}
        />
      )}

      <section aria-labelledby="resultats-titre">
        <h2 id="resultats-titre">Résultats{criteres.region ? ` : ${nomRegion}` : ''}</h2>
        {!criteres.region || criteres.indicateurs.length === 0 ? (
          <p>
            Choisissez une région et au moins un indicateur, puis calculez l’indice : les EPCI s’afficheront ici, classés du plus au moins
            vulnérable.
          </p>
        ) : resultat.isPending ? (
          <Chargement libelle="Calcul de l’indice…" />
        ) : resultat.error ? (
          <AlerteErreur erreur={resultat.error} as="h3" titre="L’indice n’a pas pu être calculé" />
        ) : renseignes === 0 ? (
          <EtatVide
            titre="Aucun EPCI de la région n’a de valeur pour ces indicateurs"
            titreAs="h3"
            action={
              can(sujet, 'creer', { type: 'catalogue' })
                ? { children: 'Importer des valeurs', linkProps: { to: '/indicateurs/import-valeurs' }, iconId: 'fr-icon-upload-line' }
                : undefined
            }
          >
            <p>
              L’indice se calcule sur les valeurs publiées pour les EPCI, ou agrégées à partir de leurs communes. Les valeurs de ces
              indicateurs ne sont connues qu’à d’autres échelles (département, région) : importez des valeurs par EPCI ou par commune, ou
              choisissez d’autres indicateurs.
            </p>
          </EtatVide>
        ) : (
          <>
            <p role="status" className={fr.cx('fr-text--sm')}>
              {resultat.isFetching
                ? 'Mise à jour du calcul…'
                : `${classes} EPCI classé(s) sur ${resultat.data.epci.length} (renseignés pour tous les critères) ; ${renseignes - classes} partiellement renseigné(s), non classé(s).`}
            </p>
            <ResultatsVulnerabilite
              resultat={resultat.data}
              nomRegion={nomRegion}
              departementsRegion={(departements.data ?? []).filter((d) => d.regionCode === criteres.region).map((d) => d.code)}
            />
          </>
        )}
      </section>
    </>
  );
}
