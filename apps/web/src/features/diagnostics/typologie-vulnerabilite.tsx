import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterNombre } from '@maillage/domain';
import type { Typologie } from '@maillage/domain/api';
import { TableauDefilant } from '../../components/tableau-defilant';

/** DSFR illustrative colours, one per class in order: a help to the eye, the class letter always written beside. */
const COULEURS = [
  'fr-badge--blue-ecume',
  'fr-badge--green-emeraude',
  'fr-badge--yellow-tournesol',
  'fr-badge--pink-tuile',
  'fr-badge--purple-glycine',
  'fr-badge--brown-cafe-creme',
];

export function couleurClasse(typologie: Typologie, code: string): string {
  const i = typologie.classes.findIndex((c) => c.code === code);
  return COULEURS[i % COULEURS.length] ?? '';
}

/** "Classe D", coloured, with its description for screen readers and on hover. */
export function BadgeClasse({ typologie, classe }: { typologie: Typologie; classe: { code: string; description: string } | null }) {
  if (!classe)
    return (
      <Badge small as="span" noIcon>
        Classe non renseignée
      </Badge>
    );
  return (
    <Badge small as="span" noIcon className={couleurClasse(typologie, classe.code)}>
      Classe {classe.code}
      <span className={fr.cx('fr-sr-only')}> : {classe.description}</span>
    </Badge>
  );
}

/** The typology and the class to keep, then its legend: classes, descriptions, counts as published and EPCIs entered. */
export function ChoixTypologie({
  typologies,
  typologie,
  classe,
  onChange,
}: {
  typologies: Typologie[];
  typologie: string;
  classe: string;
  onChange: (typologie: string, classe: string) => void;
}) {
  const choisie = typologies.find((t) => t.code === typologie) ?? null;
  return (
    <section aria-labelledby="typologie-titre" className={fr.cx('fr-mb-4w')}>
      <h2 id="typologie-titre">Typologie des EPCI</h2>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Select label="Typologie" nativeSelectProps={{ value: typologie, onChange: (e) => onChange(e.target.value, '') }}>
            <option value="">— Aucune —</option>
            {typologies.map((t) => (
              <option key={t.code} value={t.code}>
                {t.intitule}
              </option>
            ))}
          </Select>
        </div>
        {choisie && (
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Select
              label="Classe"
              hint="Ne montrer que les EPCI de cette classe (rangs et scores restent ceux de la région)"
              nativeSelectProps={{ value: classe, onChange: (e) => onChange(typologie, e.target.value) }}
            >
              <option value="">Toutes les classes</option>
              {choisie.classes.map((c) => (
                <option key={c.code} value={c.code}>
                  Classe {c.code} : {c.description}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      {choisie && (
        <>
          <TableauDefilant
            caption={`Légende : ${choisie.intitule}`}
            headers={[
              'Classe',
              'Description',
              'EPCI (publiés)',
              'Habitants (publiés)',
              'Part de la population (publiée)',
              'EPCI du référentiel affectés',
            ]}
            data={choisie.classes.map((c) => [
              <BadgeClasse key="c" typologie={choisie} classe={c} />,
              c.description,
              c.nombreEpciPublie === null ? '—' : formaterNombre(c.nombreEpciPublie),
              c.habitantsPublies === null ? '—' : formaterNombre(c.habitantsPublies),
              c.partPopulationPubliee === null ? '—' : `${formaterNombre(c.partPopulationPubliee, 1)} %`,
              formaterNombre(c.epciAffectes),
            ])}
          />
          <p className={fr.cx('fr-text--sm')}>
            Source : {choisie.source}.{choisie.note ? ` ${choisie.note}` : ''}
          </p>
        </>
      )}
    </section>
  );
}
