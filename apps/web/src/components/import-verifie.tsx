import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { useRef, useState, type ReactNode } from 'react';
import { AlerteErreur } from './alerte-erreur';

/*
 * An import in two steps, all or nothing: the file is first checked (a dry run that changes nothing and reports each
 * line), then imported once the user confirmed. The page gives its texts and how to show a report.
 */

interface RapportVerifie {
  resume: { crees: number; misAJour: number; rejetes: number };
}

interface MutationImport<R> {
  mutate: (vars: { fichier: File; dryRun: boolean }, options: { onSuccess: (r: R) => void; onError: (e: Error) => void }) => void;
  isPending: boolean;
  error: Error | null;
  reset: () => void;
}

/** The state of a checked import; `rapportDe` reads the report a refusal (422) carries. */
export function useImportVerifie<R extends RapportVerifie>(
  importer: MutationImport<R>,
  rapportDe: (e: unknown) => R | null,
  fichierManquant: string,
) {
  const [fichier, setFichier] = useState<File | null>(null);
  const [apercu, setApercu] = useState<R | null>(null);
  const [final, setFinal] = useState<R | null>(null);
  const [erreurFichier, setErreurFichier] = useState<string | undefined>();
  const champ = useRef<HTMLInputElement>(null);

  const verifier = () => {
    if (!fichier) {
      setErreurFichier(fichierManquant);
      champ.current?.focus();
      return;
    }
    setFinal(null);
    importer.mutate({ fichier, dryRun: true }, { onSuccess: setApercu, onError: (e) => setApercu(rapportDe(e)) });
  };
  const appliquer = () => {
    if (!fichier) return;
    importer.mutate(
      { fichier, dryRun: false },
      {
        onSuccess: (r) => {
          setFinal(r);
          setApercu(null);
          setFichier(null);
          if (champ.current) champ.current.value = '';
        },
        onError: (e) => setApercu(rapportDe(e) ?? apercu),
      },
    );
  };
  const choisir = (f: File | null) => {
    setFichier(f);
    setErreurFichier(undefined);
    setApercu(null);
    importer.reset();
  };
  const rejets = apercu ? apercu.resume.rejetes > 0 : false;
  const rien = apercu ? apercu.resume.crees + apercu.resume.misAJour === 0 && !rejets : false;
  return { importer, rapportDe, apercu, final, erreurFichier, champ, verifier, appliquer, choisir, rejets, rien };
}

interface Props<R extends RapportVerifie> {
  etat: ReturnType<typeof useImportVerifie<R>>;
  /** Level of the alerts' titles: h2 on a page of its own, lower inside a tab. */
  as: 'h2' | 'h4';
  fichier: { label: string; hint: string; accept: string };
  textes: {
    erreur: string;
    rejet: string;
    rien: string;
    importer: string;
    succes: string;
    descriptionSucces: string;
  };
  rapport: (r: R, titre: string) => ReactNode;
  /** Opens the confirmation before the import itself. */
  onImporter: () => void;
  /** Shown under the final report (e.g. a way back). */
  apresImport?: ReactNode;
}

/** The file field, the check, the preview of what would change and the final report. */
export function ImportVerifie<R extends RapportVerifie>({ etat, as, fichier, textes, rapport, onImporter, apresImport }: Props<R>) {
  const { importer, apercu, final, rejets, rien } = etat;
  return (
    <>
      <Upload
        label={fichier.label}
        hint={fichier.hint}
        state={etat.erreurFichier ? 'error' : 'default'}
        stateRelatedMessage={etat.erreurFichier}
        nativeInputProps={{ ref: etat.champ, accept: fichier.accept, onChange: (e) => etat.choisir(e.target.files?.[0] ?? null) }}
      />
      <Button
        type="button"
        priority="secondary"
        iconId="fr-icon-search-line"
        className={fr.cx('fr-mt-2w')}
        onClick={etat.verifier}
        disabled={importer.isPending}
      >
        Vérifier le fichier
      </Button>
      <div role="status">{importer.isPending && <p className={fr.cx('fr-mt-2w')}>Lecture du fichier en cours…</p>}</div>
      {importer.error && !etat.rapportDe(importer.error) && (
        <AlerteErreur erreur={importer.error} as={as} titre={textes.erreur} className={fr.cx('fr-mt-3w')} />
      )}
      {apercu && (
        <>
          {rejets ? (
            <Alert
              severity="error"
              as={as}
              className={fr.cx('fr-mt-3w')}
              title="Ce fichier ne peut pas être importé"
              description={textes.rejet}
            />
          ) : (
            <Alert
              severity="info"
              as={as}
              className={fr.cx('fr-mt-3w')}
              title="Aperçu : rien n’est encore enregistré"
              description={rien ? textes.rien : 'Vérifiez le résultat ligne par ligne, puis confirmez l’import.'}
            />
          )}
          {rapport(apercu, 'Résultat de la vérification')}
          {!rejets && !rien && (
            <Button type="button" iconId="fr-icon-upload-line" onClick={onImporter} disabled={importer.isPending}>
              {textes.importer}
            </Button>
          )}
        </>
      )}
      {final && (
        <>
          <Alert severity="success" as={as} className={fr.cx('fr-mt-3w')} title={textes.succes} description={textes.descriptionSucces} />
          {rapport(final, 'Résultat de l’import')}
          {apresImport}
        </>
      )}
    </>
  );
}
