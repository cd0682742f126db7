import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useRef, useState, type FormEvent } from 'react';
import type { FichierContrat } from '@maillage/domain/api';
import { useFichiersContrat, useGestionFichiers } from '../api/fichiers';
import { AlerteErreur } from './alerte-erreur';
import { Chargement } from './chargement';
import { creerConfirmation } from './confirmation';
import { formaterDateHeure, formaterNombre } from './format';
import { Telechargement } from './telechargement';

const suppression = creerConfirmation('confirmation-suppression-fichier');
const FORMATS = '.pdf,.docx,.xlsx,.pptx,.odt,.ods,.doc,.xls,.csv,.txt,.png,.jpg,.jpeg';

/** "1,2 Mo", "350 ko". */
function taille(octets: number): string {
  if (octets >= 1024 * 1024) return `${formaterNombre(Math.round((octets / 1024 / 1024) * 10) / 10)} Mo`;
  return `${formaterNombre(Math.max(1, Math.round(octets / 1024)))} ko`;
}

/** Files attached to the contract (comptes rendus, conventions, évaluations…): list, upload, delete. */
export function FichiersContrat({ contratId, seanceId, modifiable }: { contratId: string; seanceId?: string; modifiable: boolean }) {
  const fichiers = useFichiersContrat(contratId, seanceId);
  const { depot, suppression: retrait } = useGestionFichiers(contratId, seanceId);
  const [fichier, setFichier] = useState<File | null>(null);
  const [categorie, setCategorie] = useState('');
  const [erreurFichier, setErreurFichier] = useState<string | undefined>();
  const [cible, setCible] = useState<FichierContrat | null>(null);
  const [message, setMessage] = useState('');
  const champ = useRef<HTMLInputElement>(null);

  const deposer = (e: FormEvent) => {
    e.preventDefault();
    if (!fichier) {
      setErreurFichier('Choisissez un fichier.');
      champ.current?.focus();
      return;
    }
    depot.mutate(
      { fichier, categorie: categorie.trim() || null },
      {
        onSuccess: (f) => {
          setMessage(`Le fichier « ${f.nom} » est déposé.`);
          setFichier(null);
          setCategorie('');
          if (champ.current) champ.current.value = '';
        },
      },
    );
  };

  return (
    <>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {retrait.error && <AlerteErreur erreur={retrait.error} as="h4" titre="Le fichier n’a pas été supprimé" />}
      {fichiers.isPending ? (
        <Chargement />
      ) : fichiers.error ? (
        <AlerteErreur erreur={fichiers.error} as="h4" titre="Impossible de charger les fichiers" />
      ) : fichiers.data.length === 0 ? (
        <p>
          {seanceId
            ? 'Aucun document pour cette séance. Déposez ici les annexes de l’ordre du jour, les présentations ou le compte rendu signé.'
            : 'Aucun fichier déposé. Déposez ici les comptes rendus de COPIL, conventions, rapports d’évaluation ou tout document utile au contrat.'}
        </p>
      ) : (
        <Table
          caption={`Fichiers déposés (${formaterNombre(fichiers.data.length)})`}
          headers={modifiable ? ['Fichier', 'Catégorie', 'Déposé', 'Actions'] : ['Fichier', 'Catégorie', 'Déposé']}
          data={fichiers.data.map((f) => {
            const ligne = [
              <Telechargement
                key="t"
                libelle={f.nom}
                details={`${f.nom.split('.').pop()?.toUpperCase()} – ${taille(f.taille)}`}
                chemin={`/api/fichiers/${f.id}`}
              />,
              f.categorie ?? '—',
              `${formaterDateHeure(f.creeLe)}${f.creePar ? `, par ${f.creePar}` : ''}`,
            ];
            if (!modifiable) return ligne;
            return [
              ...ligne,
              <Button
                key="s"
                type="button"
                size="small"
                priority="tertiary no outline"
                iconId="fr-icon-delete-line"
                onClick={() => {
                  setCible(f);
                  suppression.ouvrir();
                }}
                nativeButtonProps={{ 'aria-label': `Supprimer le fichier ${f.nom}` }}
              >
                Supprimer
              </Button>,
            ];
          })}
        />
      )}
      {modifiable && (
        <form onSubmit={deposer} noValidate className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-encart'} aria-labelledby="deposer-fichier">
          <p id="deposer-fichier" className={fr.cx('fr-text--bold')}>
            Déposer un fichier
          </p>
          {depot.error && <AlerteErreur erreur={depot.error} as="h4" titre="Le fichier n’a pas été déposé" />}
          <Upload
            label="Fichier"
            hint="PDF, documents bureautiques, tableurs, images ; 20 Mo au plus."
            state={erreurFichier ? 'error' : 'default'}
            stateRelatedMessage={erreurFichier}
            nativeInputProps={{
              ref: champ,
              accept: FORMATS,
              onChange: (e) => {
                setFichier(e.target.files?.[0] ?? null);
                setErreurFichier(undefined);
              },
            }}
          />
          <Input
            className={fr.cx('fr-mt-2w')}
            label="Catégorie (facultatif)"
            hintText="Exemple : compte rendu de COPIL, convention, évaluation"
            nativeInputProps={{ value: categorie, onChange: (e) => setCategorie(e.target.value), maxLength: 100 }}
          />
          <Button type="submit" iconId="fr-icon-upload-line" disabled={depot.isPending}>
            {depot.isPending ? 'Dépôt en cours…' : 'Déposer le fichier'}
          </Button>
        </form>
      )}
      <suppression.Confirmation
        titre={cible ? `Supprimer « ${cible.nom} » ?` : 'Supprimer le fichier'}
        libelleConfirmer="Supprimer"
        onConfirmer={() => cible && retrait.mutate(cible.id, { onSuccess: () => setMessage(`Le fichier « ${cible.nom} » est supprimé.`) })}
      >
        <p>Le fichier sera supprimé du contrat pour tous ses membres. La suppression est tracée dans l’historique.</p>
      </suppression.Confirmation>
    </>
  );
}
