import { fr } from '@codegouvfr/react-dsfr';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useSearchParams } from 'react-router';
import { usePortefeuille } from '../../api/portefeuille';
import { useRegions } from '../../api/territoires';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useTitrePage } from '../../components/titre-page';
import { Telechargement } from '../../components/telechargement';
import { SyntheseActiviteAppui } from '../../components/activite-appui';
import '../../components/styles/portefeuille.css';
import { Alertes, ChiffresCles, ContratsRegion, Couverture, EpciNonCouverts, Financements, Thematiques } from './sections-portefeuille';

/**
 * /portefeuille?region=53: the regional view of the ARS (domain.md §8). Its agents land on their region;
 * administrators (and an agent of several regions) choose one.
 */
export default function PortefeuillePage() {
  const { estAdmin, roles } = useSession();
  const [params, definirParams] = useSearchParams();
  const regionsArs = roles.flatMap((r) => (r.role === 'ars_regional' ? [r.regionCode] : []));
  const region = params.get('region') ?? regionsArs[0] ?? '';
  const regions = useRegions(estAdmin || regionsArs.length > 1);
  const portefeuille = usePortefeuille(region || undefined);
  const p = portefeuille.data;
  useTitrePage(p ? `Portefeuille régional — ${p.region.nom}` : 'Portefeuille régional');

  if (!estAdmin && regionsArs.length === 0) {
    return (
      <>
        <h1>Portefeuille régional</h1>
        <EtatVide titre="Réservé aux agences régionales de santé" iconId="fr-icon-lock-line">
          <p>
            Le portefeuille réunit tous les contrats locaux de santé d’une région : couverture de la population, statuts, thématiques,
            financements et alertes. Il est ouvert aux agents ARS de niveau régional et aux administrateurs de la plateforme. Vos contrats
            sont dans la rubrique « Contrats ».
          </p>
        </EtatVide>
      </>
    );
  }

  const choixRegions = estAdmin ? (regions.data ?? []) : (regions.data ?? []).filter((r) => regionsArs.includes(r.code));
  return (
    <>
      <Breadcrumb currentPageLabel="Portefeuille régional" homeLinkProps={{ to: '/' }} segments={[]} />
      <h1>Portefeuille régional{p ? ` : ${p.region.nom}` : ''}</h1>
      <p className={fr.cx('fr-text--lead')}>
        Tous les contrats locaux de santé de la région, interrégionaux compris : la population couverte, les territoires qui ne le sont pas,
        les thématiques traitées, les financements et les alertes.
      </p>
      {(estAdmin || regionsArs.length > 1) && (
        <Select
          className={fr.cx('fr-col-md-6', 'fr-px-0')}
          label="Région"
          nativeSelectProps={{ value: region, onChange: (e) => definirParams(e.target.value ? { region: e.target.value } : {}) }}
        >
          <option value="">Choisir une région</option>
          {choixRegions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.nom}
            </option>
          ))}
        </Select>
      )}

      {!region ? (
        <p>Choisissez une région pour afficher son portefeuille.</p>
      ) : portefeuille.isPending ? (
        <Chargement libelle="Chargement du portefeuille…" />
      ) : portefeuille.error ? (
        <AlerteErreur erreur={portefeuille.error} titre="Impossible de charger le portefeuille" />
      ) : (
        p && (
          <>
            <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-mb-2w')}>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <Telechargement
                  libelle="Exporter le portefeuille (Excel)"
                  details="XLSX – une feuille par section"
                  chemin={`/api/portefeuille.xlsx?region=${p.region.code}`}
                />
              </div>
              <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
                <Telechargement
                  libelle="Exporter les contrats (CSV)"
                  details="CSV – séparateur point-virgule"
                  chemin={`/api/portefeuille.csv?region=${p.region.code}`}
                />
              </div>
            </div>
            <ChiffresCles p={p} />
            <Couverture p={p} />
            <ContratsRegion p={p} />
            <EpciNonCouverts p={p} />
            <Thematiques p={p} />
            <Financements p={p} />
            <Alertes p={p} />
            {p.activiteAppui && <SyntheseActiviteAppui activite={p.activiteAppui} perimetre={`la région ${p.region.nom}`} />}
          </>
        )
      )}
    </>
  );
}
