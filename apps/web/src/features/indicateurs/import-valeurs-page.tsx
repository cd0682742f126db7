import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { can, pluriel } from '@maillage/domain';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { rapportValeursDe, useApercuImport, useImportValeurs } from '../../api/indicateurs';
import type { ApercuImport, OptionsImportSaisie as OptionsImport, RapportImportValeurs } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { useTitrePage } from '../../components/titre-page';
import { ChoixFichierImport, type Lecture } from './choix-fichier-import';
import { EtapeCorrespondance } from './etape-correspondance';
import { reglagesInitiaux, versOptions, type Reglages } from './correspondance-colonnes';
import { EtapeImport, EtapeVerification } from './etapes-import-valeurs';
import { CLE_DERNIER_IMPORT } from './suivi-import';
import { DernierImport } from './dernier-import';

const confirmation = creerConfirmation('confirmation-import-valeurs');
const ETAPES = ['Choix du fichier', 'Correspondance des colonnes', 'Vérification', 'Import'];

/**
 * /indicateurs/import-valeurs: file → preview and column mapping → dry run with every rejected row → import. A large
 * file is imported in the background: its id goes in the address (?import=…) so the user can leave and come back.
 */
export default function ImportValeursPage() {
  useTitrePage('Importer des valeurs');
  const { sujet } = useSession();
  const [params, definirParams] = useSearchParams();
  const suivi = params.get('import');
  const [fichier, setFichier] = useState<File | null>(null);
  const [lecture, setLecture] = useState<Lecture>({ tiret: 'secret', source: '' });
  const [apercu, setApercu] = useState<ApercuImport | null>(null);
  const [reglages, setReglages] = useState<Reglages | null>(null);
  const [essai, setEssai] = useState<RapportImportValeurs | null>(null);
  const [final, setFinal] = useState<RapportImportValeurs | null>(null);
  const lireApercu = useApercuImport();
  const importer = useImportValeurs();
  const titreEtape = useRef<HTMLHeadingElement>(null);
  const etape = suivi || final ? 4 : essai ? 3 : apercu ? 2 : 1;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the title takes the focus at each new step.
  useEffect(() => titreEtape.current?.focus(), [etape]);

  const options = (): OptionsImport => (reglages ? versOptions(reglages, lecture) : { tiret: lecture.tiret, source: lecture.source });
  const recommencer = () => {
    setApercu(null);
    setReglages(null);
    setEssai(null);
    setFinal(null);
    setFichier(null);
    lireApercu.reset();
    importer.reset();
    definirParams({});
  };
  const apercevoir = (f: File, opts: OptionsImport, nouveau: boolean) =>
    lireApercu.mutate(
      { fichier: f, options: opts },
      {
        onSuccess: (a) => {
          setApercu(a);
          if (nouveau) setReglages(reglagesInitiaux(a));
        },
      },
    );
  const verifier = () =>
    fichier &&
    importer.mutate(
      { fichier, options: options(), dryRun: true },
      { onSuccess: (r) => r.type === 'rapport' && setEssai(r.rapport), onError: (e) => setEssai(rapportValeursDe(e)) },
    );
  const appliquer = () =>
    fichier &&
    importer.mutate(
      { fichier, options: options(), dryRun: false },
      {
        onSuccess: (r) => {
          if (r.type === 'suivi') {
            localStorage.setItem(CLE_DERNIER_IMPORT, r.importId);
            definirParams({ import: r.importId });
          } else setFinal(r.rapport);
        },
        onError: (e) => setEssai(rapportValeursDe(e) ?? essai),
      },
    );

  const filAriane = (
    <Breadcrumb
      currentPageLabel="Importer des valeurs"
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Indicateurs', linkProps: { to: '/indicateurs' } }]}
    />
  );
  if (!can(sujet, 'creer', { type: 'catalogue' })) {
    return (
      <>
        {filAriane}
        <h1>Importer des valeurs</h1>
        <Alert
          severity="info"
          small
          description="Les valeurs des indicateurs sont importées par les agents d’ARS et les administrateurs de la plateforme."
        />
      </>
    );
  }
  return (
    <>
      {filAriane}
      <h1>Importer des valeurs</h1>
      <p className={fr.cx('fr-text--lead')}>
        Un fichier CSV, XLSX ou DHIS2 de valeurs d’indicateurs, tel que publié : virgules décimales, classes « [856 à 932[ », « - » pour le
        secret. Rien n’est enregistré avant votre confirmation, et une seule ligne rejetée annule tout l’import.
      </p>
      <p className={fr.cx('fr-text--sm')}>
        Fichiers DHIS2 : leurs identifiants sont lus par la{' '}
        <Link to="/indicateurs/correspondance-dhis2">correspondance DHIS2 de votre région</Link>.
      </p>
      <Stepper currentStep={etape} stepCount={ETAPES.length} title={ETAPES[etape - 1]} nextTitle={ETAPES[etape]} />
      <h2 ref={titreEtape} tabIndex={-1} className={fr.cx('fr-sr-only')}>
        Étape {etape} sur {ETAPES.length} : {ETAPES[etape - 1]}
      </h2>

      {etape === 1 && (
        <>
          <DernierImport />
          <ChoixFichierImport
            fichier={fichier}
            lecture={lecture}
            enCours={lireApercu.isPending}
            onFichier={(f) => {
              setFichier(f);
              lireApercu.reset();
            }}
            onLecture={setLecture}
            onLire={(f) => apercevoir(f, { tiret: lecture.tiret, source: lecture.source }, true)}
          />
          {lireApercu.error && (
            <AlerteErreur erreur={lireApercu.error} as="h3" titre="Le fichier n’a pas pu être lu" className={fr.cx('fr-mt-3w')} />
          )}
        </>
      )}

      {etape === 2 && apercu && reglages && fichier && (
        <EtapeCorrespondance
          apercu={apercu}
          reglages={reglages}
          onReglages={setReglages}
          lecture={lecture}
          onLecture={setLecture}
          actualisation={lireApercu}
          verification={importer}
          onActualiser={() => apercevoir(fichier, options(), false)}
          onVerifier={verifier}
          onRetour={recommencer}
        />
      )}

      {etape === 3 && essai && (
        <EtapeVerification
          essai={essai}
          importer={importer}
          onImporter={() => confirmation.ouvrir()}
          onRetour={() => setEssai(null)}
          onRecommencer={recommencer}
        />
      )}

      {etape === 4 && <EtapeImport suivi={suivi} final={final} onRecommencer={recommencer} />}
      <confirmation.Confirmation
        titre="Importer ces valeurs ?"
        libelleConfirmer="Importer"
        iconeConfirmer="fr-icon-upload-line"
        onConfirmer={appliquer}
      >
        <p>
          {essai
            ? `Comme dans la vérification : ${pluriel(essai.creees, 'valeur créée', 'valeurs créées')}, ${pluriel(essai.modifiees, 'modifiée', 'modifiées', 'f')}, ${pluriel(essai.inchangees, 'inchangée', 'inchangées', 'f')}. Les valeurs modifiées remplacent les précédentes pour le même indicateur, territoire, période et source.`
            : 'Les valeurs du fichier seront enregistrées.'}
        </p>
        <p className={fr.cx('fr-text--sm')}>
          Un gros fichier est importé en arrière-plan : vous pourrez suivre sa progression, quitter la page et revenir.
        </p>
      </confirmation.Confirmation>
    </>
  );
}
