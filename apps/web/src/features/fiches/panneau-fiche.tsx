import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Tag } from '@codegouvfr/react-dsfr/Tag';
import {
  formaterMontant,
  LIBELLES_PRIORITE,
  LIBELLES_STATUT_FICHE,
  LIBELLES_TYPE_INDICATEUR,
  libelleTerme,
  STATUTS_FICHE,
  THEMATIQUES,
  TYPES_INDICATEUR_SUIVI,
  type FicheSaisie,
  type StatutFiche,
} from '@maillage/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { estErreurApi } from '../../api/client';
import { useModificationFiche } from '../../api/fiches';
import type { FicheDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { formaterDateHeure } from '../../components/format';
import { BadgeStatutFiche } from '../../components/statuts-contrat';
import { versFormulaire, versSaisie } from './fiche-saisie';

/** Changes the statut alone: allowed even on a signed contract, without avenant. */
function ChangementStatut({ fiche }: { fiche: FicheDetail }) {
  const modification = useModificationFiche(fiche.id);
  const [statut, setStatut] = useState<StatutFiche>(fiche.statut);
  // The saved statut comes back with the refreshed fiche.
  useEffect(() => setStatut(fiche.statut), [fiche.statut]);
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    const saisie = { ...versSaisie(versFormulaire(fiche)), statut } as FicheSaisie;
    modification.mutate({ saisie, version: fiche.version });
  };
  return (
    <form onSubmit={soumettre} className={fr.cx('fr-mt-2w')}>
      <Select label="Nouveau statut" nativeSelectProps={{ value: statut, onChange: (e) => setStatut(e.target.value as StatutFiche) }}>
        {STATUTS_FICHE.map((s) => (
          <option key={s} value={s}>
            {LIBELLES_STATUT_FICHE[s]}
          </option>
        ))}
      </Select>
      <Button type="submit" size="small" disabled={modification.isPending || statut === fiche.statut}>
        Changer le statut
      </Button>
      <div role="status">{modification.isSuccess && <p className={fr.cx('fr-text--sm', 'fr-mt-1w', 'fr-mb-0')}>Statut enregistré.</p>}</div>
      {modification.error && (
        <AlerteErreur
          erreur={modification.error}
          as="h3"
          className={fr.cx('fr-mt-2w')}
          titre={estErreurApi(modification.error, 409) ? 'La fiche a changé entre-temps : rechargez la page' : 'Le statut n’a pas changé'}
        />
      )}
    </form>
  );
}

function Bloc({ titre, children }: { titre: string; children: React.ReactNode }) {
  return (
    <div className={fr.cx('fr-mb-3w')}>
      <h3 className={fr.cx('fr-text--md', 'fr-mb-1w')}>{titre}</h3>
      {children}
    </div>
  );
}

/** The fiche at a glance: statut (and its quick change), priorité, pilotes, funding, themes, indicators, history. */
export function PanneauFiche({ fiche, statutModifiable }: { fiche: FicheDetail; statutModifiable: boolean }) {
  const indicateurs = fiche.indicateurs ?? [];
  return (
    <aside aria-labelledby="panneau-fiche" className={fr.cx('fr-p-3w') + ' maillage-encart'}>
      <h2 id="panneau-fiche" className={fr.cx('fr-h5')}>
        En bref
      </h2>
      <Bloc titre="Statut">
        <BadgeStatutFiche statut={fiche.statut} petit={false} />
        {statutModifiable && <ChangementStatut fiche={fiche} />}
      </Bloc>
      <Bloc titre="Priorité">
        <p className={fr.cx('fr-mb-0')}>{fiche.priorite ? LIBELLES_PRIORITE[fiche.priorite] : 'Non renseignée'}</p>
      </Bloc>
      <Bloc titre="Pilotes">
        <ul className={fr.cx('fr-mb-0')}>
          {fiche.pilotes.length ? fiche.pilotes.map((p, i) => <li key={i}>{p.libelle}</li>) : <li>À définir</li>}
        </ul>
      </Bloc>
      <Bloc titre="Financement">
        <p className={fr.cx('fr-mb-0')}>
          <strong>{formaterMontant(fiche.totalFinancementCentimes)}</strong>
          {fiche.financements.length > 0 && ` sur ${fiche.financements.length} ligne${fiche.financements.length > 1 ? 's' : ''}`}
        </p>
      </Bloc>
      <Bloc titre="Thématiques">
        {fiche.thematiques.length ? (
          <ul className={fr.cx('fr-tags-group')}>
            {fiche.thematiques.map((t) => (
              <li key={t}>
                <Tag small>{libelleTerme(THEMATIQUES, t)}</Tag>
              </li>
            ))}
          </ul>
        ) : (
          <p className={fr.cx('fr-mb-0')}>Aucune</p>
        )}
      </Bloc>
      <Bloc titre="Indicateurs de suivi">
        <p className={fr.cx('fr-mb-0')}>
          {indicateurs.length
            ? TYPES_INDICATEUR_SUIVI.map(
                (t) => `${LIBELLES_TYPE_INDICATEUR[t].toLowerCase()} : ${indicateurs.filter((i) => i.type === t).length}`,
              ).join(' ; ')
            : 'Aucun'}
        </p>
      </Bloc>
      <Bloc titre="Historique du statut">
        <ol className={fr.cx('fr-text--sm', 'fr-mb-0')}>
          {fiche.historiqueStatuts.map((h, i) => (
            <li key={i}>
              {LIBELLES_STATUT_FICHE[h.statut as StatutFiche] ?? h.statut} — {formaterDateHeure(h.le)}, par {h.par}
            </li>
          ))}
        </ol>
      </Bloc>
      <p className={fr.cx('fr-text--sm', 'fr-mb-0')}>Dernière modification : {formaterDateHeure(fiche.modifieLe)}.</p>
    </aside>
  );
}
