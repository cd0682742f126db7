import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { MissionRessource, PublicRessource } from '@maillage/domain';
import { type ChoixCouverture, useZonesBlanches } from '../../api/ressources';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterNombre, formaterPopulation, pluriel } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';
import { OPTIONS_MISSIONS, OPTIONS_PUBLICS } from './libelles-ressources';

/** The communes of the perimeter that no active resource reaches for the public and the mission, counted and listed. */
export function ZonesBlanches({ choix, as: Titre }: { choix: ChoixCouverture; as: 'h3' | 'h4' }) {
  const zones = useZonesBlanches(choix);
  if (zones.isPending) return <Chargement libelle="Recherche des zones blanches…" />;
  if (zones.error) return <AlerteErreur erreur={zones.error} as={Titre} titre="Les zones blanches n’ont pas pu être calculées" />;
  const z = zones.data;
  return (
    <section aria-label="Zones blanches" className={fr.cx('fr-mt-3w')}>
      <Titre className={fr.cx('fr-h6')}>Zones blanches</Titre>
      {z.communes.length === 0 ? (
        <Alert
          severity="success"
          small
          description={`Aucune zone blanche : chacune des ${formaterNombre(z.perimetre.communes)} communes est atteinte par au moins une ressource active.`}
        />
      ) : (
        <>
          <p>
            <strong>
              {pluriel(z.communes.length, 'commune')} sur {formaterNombre(z.perimetre.communes)}
            </strong>{' '}
            ({formaterPopulation(z.population)} sur {formaterNombre(z.perimetre.population)}) : aucune ressource active ne les atteint pour
            ce public et cette mission.
          </p>
          {/* A whole region may have hundreds of them: folded away beyond a screenful. */}
          <details className="maillage-details" open={z.communes.length <= 40}>
            <summary>Les {pluriel(z.communes.length, 'commune')} en zone blanche</summary>
            <TableauDefilant
              caption="Communes en zone blanche"
              headers={['Commune', 'Code INSEE', 'Habitants']}
              data={z.communes.map((c) => [c.nom, c.code, formaterNombre(c.population)])}
            />
          </details>
        </>
      )}
    </section>
  );
}

/** The public and mission selects of a coverage. */
export function ChoixPublicMission({
  publicChoisi,
  mission,
  onChange,
}: {
  publicChoisi: PublicRessource;
  mission: MissionRessource;
  onChange: (c: Pick<ChoixCouverture, 'public' | 'mission'>) => void;
}) {
  return (
    <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
      <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
        <Select
          label="Public de la couverture"
          nativeSelectProps={{ value: publicChoisi, onChange: (e) => onChange({ public: e.target.value as PublicRessource, mission }) }}
        >
          {OPTIONS_PUBLICS.map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </Select>
      </div>
      <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
        <Select
          label="Mission de la couverture"
          nativeSelectProps={{
            value: mission,
            onChange: (e) => onChange({ public: publicChoisi, mission: e.target.value as MissionRessource }),
          }}
        >
          {OPTIONS_MISSIONS.map((o) => (
            <option key={o.valeur} value={o.valeur}>
              {o.libelle}
            </option>
          ))}
        </Select>
      </div>
    </div>
  );
}
