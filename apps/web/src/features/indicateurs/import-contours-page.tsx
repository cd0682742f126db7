import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { can, formaterNombre, pluriel } from '@maillage/domain';
import { useRef, useState } from 'react';
import { rapportContoursDe, useImportContours } from '../../api/indicateurs';
import type { RapportContours } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { creerConfirmation } from '../../components/confirmation';
import { useTitrePage } from '../../components/titre-page';
import { TYPES_TERRITOIRE_IMPORT } from './correspondance-colonnes';
import { TableauDefilant } from '../../components/tableau-defilant';

const confirmation = creerConfirmation('confirmation-import-contours');

function Rapport({ rapport: r, titre }: { rapport: RapportContours; titre: string }) {
  return (
    <section aria-labelledby="rapport-contours-titre" className={fr.cx('fr-mt-3w')}>
      <h2 id="rapport-contours-titre" className={fr.cx('fr-h5')}>
        {titre}
      </h2>
      <ul>
        <li>Contours dans le fichier : {formaterNombre(r.elements)}</li>
        <li>Contours valides : {formaterNombre(r.valides)}</li>
        <li>Contours rejetés : {formaterNombre(r.rejets.length)}</li>
      </ul>
      {r.rejets.length > 0 && (
        <TableauDefilant
          caption={`Contours rejetés et leur raison (${formaterNombre(r.rejets.length)})`}
          headers={['Élément du fichier', 'Raison du rejet']}
          data={r.rejets.map((x) => [formaterNombre(x.element), x.raison])}
        />
      )}
    </section>
  );
}

/** /indicateurs/import-contours: GeoJSON contours (IGN ADMIN EXPRESS…) for the commune and EPCI maps, checked before import. */
export default function ImportContoursPage() {
  useTitrePage('Importer des contours');
  const { sujet } = useSession();
  const importer = useImportContours();
  const [fichier, setFichier] = useState<File | null>(null);
  const [type, setType] = useState('commune');
  const [essai, setEssai] = useState<RapportContours | null>(null);
  const [final, setFinal] = useState<RapportContours | null>(null);
  const [erreur, setErreur] = useState<string | undefined>();
  const champ = useRef<HTMLInputElement>(null);
  const filAriane = (
    <Breadcrumb
      currentPageLabel="Importer des contours"
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Indicateurs', linkProps: { to: '/indicateurs' } }]}
    />
  );

  const lancer = (dryRun: boolean) => {
    if (!fichier) {
      setErreur('Choisissez un fichier GeoJSON.');
      champ.current?.focus();
      return;
    }
    if (dryRun) setFinal(null);
    importer.mutate(
      { fichier, type, dryRun },
      {
        onSuccess: (r) => {
          if (dryRun) setEssai(r);
          else {
            setFinal(r);
            setEssai(null);
          }
        },
        onError: (e) => setEssai(rapportContoursDe(e)),
      },
    );
  };
  if (!can(sujet, 'creer', { type: 'catalogue' })) {
    return (
      <>
        {filAriane}
        <h1>Importer des contours</h1>
        <Alert
          severity="info"
          small
          description="Les contours des territoires sont importés par les agents d’ARS et les administrateurs de la plateforme."
        />
      </>
    );
  }
  const rejets = !!essai && essai.rejets.length > 0;
  return (
    <>
      {filAriane}
      <h1>Importer des contours</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les contours (un GeoJSON « FeatureCollection » en longitude et latitude, par exemple extrait d’IGN ADMIN EXPRESS) permettent de
        dessiner les cartes des communes et des EPCI. Sans eux, les diagnostics montrent les communes dans un tableau classé.
      </p>
      <p>
        Chaque élément doit porter le code INSEE (ou SIREN pour un EPCI) dans ses propriétés : INSEE_COM, code_insee, code, SIREN_EPCI… Un
        contour déjà importé est remplacé.
      </p>
      <Select
        label="Contours de"
        nativeSelectProps={{
          value: type,
          onChange: (e) => {
            setType(e.target.value);
            setEssai(null);
            setFinal(null);
          },
        }}
      >
        {Object.entries(TYPES_TERRITOIRE_IMPORT).map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
      <Upload
        label="Fichier GeoJSON"
        hint="Format accepté : .geojson ou .json (FeatureCollection de polygones)."
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur}
        className={fr.cx('fr-mb-3w')}
        nativeInputProps={{
          ref: champ,
          accept: '.geojson,.json,application/geo+json,application/json',
          onChange: (e) => {
            setFichier(e.target.files?.[0] ?? null);
            setErreur(undefined);
            setEssai(null);
            setFinal(null);
            importer.reset();
          },
        }}
      />
      <Button iconId="fr-icon-search-line" priority="secondary" onClick={() => lancer(true)} disabled={importer.isPending}>
        Vérifier le fichier
      </Button>
      <p role="status" className={fr.cx('fr-mt-2w')}>
        {importer.isPending ? 'Lecture des contours…' : ''}
      </p>
      {importer.error && !rapportContoursDe(importer.error) && (
        <AlerteErreur erreur={importer.error} titre="Le fichier n’a pas pu être lu" />
      )}
      {essai && (
        <>
          {rejets ? (
            <Alert
              severity="error"
              as="h2"
              title="Ce fichier ne peut pas être importé tel quel"
              description="Des contours sont rejetés (voir leur raison) : rien n’a été enregistré. Corrigez le fichier ou choisissez le bon type de territoire."
            />
          ) : (
            <Alert
              severity="info"
              as="h2"
              title="Vérification réussie : rien n’est encore enregistré"
              description="Confirmez pour enregistrer ces contours."
            />
          )}
          <Rapport rapport={essai} titre="Résultat de la vérification" />
          {!rejets && essai.valides > 0 && (
            <Button iconId="fr-icon-upload-line" onClick={() => confirmation.ouvrir()} disabled={importer.isPending}>
              Importer les contours
            </Button>
          )}
        </>
      )}
      {final && (
        <>
          <Alert
            severity="success"
            as="h2"
            title="Contours importés"
            description="Les cartes des diagnostics les utilisent désormais ; l’import est tracé dans le journal d’audit."
          />
          <Rapport rapport={final} titre="Résultat de l’import" />
        </>
      )}
      <confirmation.Confirmation
        titre="Importer ces contours ?"
        libelleConfirmer="Importer"
        iconeConfirmer="fr-icon-upload-line"
        onConfirmer={() => lancer(false)}
      >
        <p>
          {essai
            ? `${essai.valides > 1 ? `${formaterNombre(essai.valides)} contours seront enregistrés` : `${pluriel(essai.valides, 'contour')} sera enregistré`} ; ceux déjà importés pour les mêmes territoires sont remplacés.`
            : 'Les contours seront enregistrés.'}
        </p>
      </confirmation.Confirmation>
    </>
  );
}
