import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  dispositifTerritorialSchema,
  estClos,
  formaterPeriode,
  TYPES_DISPOSITIF_TERRITORIAL,
  type DispositifTerritorialSaisie,
} from '@maillage/domain';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { useDispositifsTerritoriaux } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';

const optionnel = { setValueAs: videEnNull };

type ValeursDispositif = z.input<typeof dispositifTerritorialSchema>;

function FormulaireDispositif({
  onEnregistrer,
  onAnnuler,
  erreur,
  enCours,
}: {
  onEnregistrer: (d: DispositifTerritorialSaisie) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}) {
  const id = useId();
  const form = useForm<ValeursDispositif, unknown, DispositifTerritorialSaisie>({
    resolver: zodResolver(dispositifTerritorialSchema) as never,
    defaultValues: { type: 'cpts', nom: '', territoire: null, debut: null, fin: null, lien: null },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const soumettre = form.handleSubmit((d) =>
    onEnregistrer(d).catch((e) => appliquerErreursServeur(e, form.setError, ['type', 'nom', 'territoire', 'debut', 'fin', 'lien'])),
  );
  return (
    <form onSubmit={soumettre} noValidate aria-labelledby={`${id}-titre`} className={fr.cx('fr-p-2w', 'fr-mb-3w') + ' maillage-encart'}>
      <p id={`${id}-titre`} className={fr.cx('fr-text--bold')}>
        Ajouter un dispositif du territoire
      </p>
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="Le dispositif n’a pas été enregistré" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Type de dispositif" nativeSelectProps={register('type')} {...etatChamp(errors.type?.message)}>
            {Object.entries(TYPES_DISPOSITIF_TERRITORIAL).map(([code, libelle]) => (
              <option key={code} value={code}>
                {libelle}
              </option>
            ))}
          </Select>
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
          <Input
            label="Nom"
            hintText="Par exemple : CPTS de l’agglomération de Redon"
            nativeInputProps={{ ...register('nom'), maxLength: 300 }}
            {...etatChamp(errors.nom?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Territoire (facultatif)"
            nativeInputProps={{ ...register('territoire', optionnel), maxLength: 300 }}
            {...etatChamp(errors.territoire?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
          <Input
            label="Début (facultatif)"
            nativeInputProps={{ type: 'date', ...register('debut', optionnel) }}
            {...etatChamp(errors.debut?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-6', 'fr-col-md-2')}>
          <Input
            label="Fin (facultatif)"
            nativeInputProps={{ type: 'date', ...register('fin', optionnel) }}
            {...etatChamp(errors.fin?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Lien (facultatif)"
            hintText="Adresse web : https://…"
            nativeInputProps={{ type: 'url', ...register('lien', optionnel), maxLength: 1000 }}
            {...etatChamp(errors.lien?.message)}
          />
        </div>
      </div>
      <BoutonsFormulaire sansMarge libelle="Enregistrer le dispositif" enCours={enCours} onAnnuler={onAnnuler} />
    </form>
  );
}

/** The schemes of the territory the contract works with (seed 003): they change without avenant until it closes. */
export function DispositifsTerritoriaux({ contrat }: { contrat: ContratDetail }) {
  const mutations = useDispositifsTerritoriaux(contrat.id);
  const modifiable = contrat.droits.modifier && !estClos(contrat.statut);
  const [ouvert, setOuvert] = useState(false);
  return (
    <section aria-labelledby="dispositifs-territoriaux" className={fr.cx('fr-mb-4w')}>
      <h2 id="dispositifs-territoriaux" className={fr.cx('fr-h4')}>
        Articulation avec les dispositifs du territoire
      </h2>
      <p className={fr.cx('fr-text--sm')}>
        Ateliers santé ville, conseils locaux de santé mentale, contrats de ville, CPTS, projets territoriaux de santé mentale… que le
        contrat ne remplace pas.
      </p>
      {contrat.dispositifsTerritoriaux.length === 0 ? (
        <Notice title="Aucun dispositif du territoire n’est rattaché à ce contrat." />
      ) : (
        <ul>
          {contrat.dispositifsTerritoriaux.map((d) => (
            <li key={d.id} className={fr.cx('fr-mb-1w')}>
              <strong>{d.nom}</strong> — {TYPES_DISPOSITIF_TERRITORIAL[d.type]}
              {d.territoire ? ` — ${d.territoire}` : ''}
              {d.debut || d.fin ? ` — ${formaterPeriode(d.debut, d.fin)}` : ''}
              {' — '}
              {d.nombreFiches === 0
                ? 'aucune fiche rattachée'
                : d.nombreFiches === 1
                  ? '1 fiche rattachée'
                  : `${d.nombreFiches} fiches rattachées`}
              {d.lien && (
                <>
                  {' — '}
                  <a href={d.lien} target="_blank" rel="noopener noreferrer" title={`Site de ${d.nom} (nouvelle fenêtre)`}>
                    site
                  </a>
                </>
              )}
              {modifiable && (
                <Button
                  type="button"
                  size="small"
                  priority="tertiary no outline"
                  iconId="fr-icon-delete-line"
                  className={fr.cx('fr-ml-1w')}
                  onClick={() => mutations.retrait.mutate(d.id)}
                  nativeButtonProps={{ 'aria-label': `Retirer le dispositif ${d.nom}` }}
                >
                  Retirer
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mutations.retrait.error ? <AlerteErreur erreur={mutations.retrait.error} as="h3" titre="Le dispositif n’a pas été retiré" /> : null}
      {modifiable &&
        (ouvert ? (
          <FormulaireDispositif
            onEnregistrer={(d) => mutations.ajout.mutateAsync(d).then(() => setOuvert(false))}
            onAnnuler={() => setOuvert(false)}
            erreur={mutations.ajout.error}
            enCours={mutations.ajout.isPending}
          />
        ) : (
          <Button type="button" priority="secondary" size="small" iconId="fr-icon-add-line" onClick={() => setOuvert(true)}>
            Ajouter un dispositif du territoire
          </Button>
        ))}
    </section>
  );
}
