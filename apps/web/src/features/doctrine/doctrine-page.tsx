import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { zodResolver } from '@hookform/resolvers/zod';
import { TYPES_ORGANISATION, type Doctrine } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import type { DoctrineRegion } from '@maillage/domain/api';
import { obtenirDoctrine, useDoctrine, useEnregistrementDoctrine } from '../../api/doctrines';
import { useRegions } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { formaterDateHeure } from '../../components/format';
import { appliquerErreursServeur } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import {
  CHAMPS_DOCTRINE,
  ChampsDoctrine,
  formulaireDoctrineSchema,
  versFormulaireDoctrine,
  type FormulaireDoctrine,
} from './doctrine-formulaire';

const t = (v: string) => v.trim();
const COMPARES = [
  { libelle: 'Population minimale', valeur: (f: FormulaireDoctrine) => t(f.populationMin) },
  { libelle: 'Îles dispensées', valeur: (f: FormulaireDoctrine) => (f.exceptionIles ? 'oui' : 'non') },
  { libelle: 'Axes au plus', valeur: (f: FormulaireDoctrine) => t(f.axesMax) },
  { libelle: 'Thématiques obligatoires', valeur: (f: FormulaireDoctrine) => t(f.themesRequis).split('\n').map(t).join(' ; ') },
  { libelle: 'Élaboration (mois)', valeur: (f: FormulaireDoctrine) => t(f.elaborationMoisMax) },
  { libelle: 'COPIL par an', valeur: (f: FormulaireDoctrine) => t(f.copilParAn) },
  {
    libelle: 'Signataires attendus',
    valeur: (f: FormulaireDoctrine) =>
      f.typesSignatairesRequis
        .map((c) => TYPES_ORGANISATION[c as keyof typeof TYPES_ORGANISATION] ?? c)
        .sort()
        .join(', '),
  },
  { libelle: 'Axes du PRS', valeur: (f: FormulaireDoctrine) => t(f.axesPrs).split('\n').map(t).join(' ; ') },
  { libelle: 'Coordination à parts égales', valeur: (f: FormulaireDoctrine) => (f.partsCoordinationEgales ? 'oui' : 'non') },
  { libelle: 'Cible de couverture (%)', valeur: (f: FormulaireDoctrine) => t(f.cibleCouverturePourcent ?? '') },
  { libelle: 'Échéance de la cible', valeur: (f: FormulaireDoctrine) => t(f.cibleCouvertureEcheance ?? '') },
  { libelle: 'Source de la cible', valeur: (f: FormulaireDoctrine) => t(f.cibleCouvertureSource ?? '') },
  { libelle: 'Couverture de départ (%)', valeur: (f: FormulaireDoctrine) => t(f.couvertureReferencePourcent ?? '') },
  { libelle: 'Date de la couverture de départ', valeur: (f: FormulaireDoctrine) => t(f.couvertureReferenceDate ?? '') },
  { libelle: 'Source de la couverture de départ', valeur: (f: FormulaireDoctrine) => t(f.couvertureReferenceSource ?? '') },
  { libelle: 'Validation à quatre yeux', valeur: (f: FormulaireDoctrine) => (f.validationQuatreYeux ? 'oui' : 'non') },
];

/** /doctrine: choose a region (administrators reach every region's doctrine from here). */
function ChoixRegion() {
  const regions = useRegions();
  useTitrePage('Doctrines régionales');
  return (
    <>
      <Breadcrumb currentPageLabel="Doctrines régionales" homeLinkProps={{ to: '/' }} segments={[]} />
      <h1>Doctrines régionales</h1>
      <p className={fr.cx('fr-text--lead')}>
        Chaque région écrit sa doctrine des contrats locaux de santé : population minimale, nombre d’axes, thématiques et signataires
        attendus… Les écarts sont signalés sur chaque contrat, sans jamais le bloquer.
      </p>
      {regions.isPending ? (
        <Chargement />
      ) : regions.error ? (
        <AlerteErreur erreur={regions.error} />
      ) : (
        <ul>
          {regions.data.map((r) => (
            <li key={r.code}>
              <Link to={`/doctrine/${r.code}`}>{r.nom}</Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function DoctrineRegionPage({ regionCode }: { regionCode: string }) {
  const doctrine = useDoctrine(regionCode);
  const enregistrement = useEnregistrementDoctrine(regionCode);
  const [version, setVersion] = useState<number | undefined>();
  const [courant, setCourant] = useState<DoctrineRegion | null>(null);
  const form = useForm<FormulaireDoctrine, unknown, Doctrine>({ resolver: zodResolver(formulaireDoctrineSchema) });
  useTitrePage(doctrine.data ? `Doctrine régionale — ${doctrine.data.regionNom}` : 'Doctrine régionale');

  useEffect(() => {
    if (doctrine.data && version === undefined) {
      form.reset(versFormulaireDoctrine(doctrine.data.regles));
      setVersion(doctrine.data.version);
    }
  }, [doctrine.data, version, form]);

  const enregistrer = (regles: Doctrine, versionEnvoyee = version ?? 0) =>
    enregistrement.mutate(
      { regles, version: versionEnvoyee },
      {
        onSuccess: (d) => {
          form.reset(versFormulaireDoctrine(d.regles));
          setVersion(d.version);
          setCourant(null);
        },
        onError: async (e) => {
          if (estErreurApi(e, 409)) {
            setCourant(await obtenirDoctrine(regionCode).catch(() => null));
            return;
          }
          appliquerErreursServeur(e, form.setError, CHAMPS_DOCTRINE);
        },
      },
    );

  const filAriane = (
    <Breadcrumb
      currentPageLabel={doctrine.data?.regionNom ?? 'Doctrine'}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Doctrines régionales', linkProps: { to: '/doctrine' } }]}
    />
  );
  if (doctrine.isPending || (doctrine.data && version === undefined))
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (doctrine.error) {
    return (
      <>
        {filAriane}
        <h1>Doctrine introuvable</h1>
        <AlerteErreur erreur={doctrine.error} />
      </>
    );
  }
  const d = doctrine.data;
  const conflit = estErreurApi(enregistrement.error, 409) && courant;
  return (
    <>
      {filAriane}
      <h1>Doctrine régionale : {d.regionNom}</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les règles de la région pour ses contrats locaux de santé. Chaque écart est signalé sur le contrat concerné, pour information : une
        doctrine ne bloque jamais une étape. Seule la validation à quatre yeux du suivi s’applique d’elle-même.
      </p>
      <p className={fr.cx('fr-text--sm')}>
        {d.modifieLe ? `Dernière modification : ${formaterDateHeure(d.modifieLe)}.` : 'Aucune règle enregistrée pour cette région.'}
      </p>
      {!d.modifiable && (
        <Notice
          className={fr.cx('fr-mb-3w')}
          title="Consultation seule : la doctrine est modifiée par l’ARS de la région ou un administrateur."
        />
      )}
      {enregistrement.isSuccess && !enregistrement.isPending && (
        <Alert severity="success" small role="status" description="La doctrine est enregistrée." className={fr.cx('fr-mb-3w')} />
      )}
      {conflit && (
        <ConflitVersion
          entite="Cette doctrine"
          diffs={differences(COMPARES, form.getValues(), versFormulaireDoctrine(courant.regles))}
          enCours={enregistrement.isPending}
          onReprendre={() => {
            form.reset(versFormulaireDoctrine(courant.regles));
            setVersion(courant.version);
            setCourant(null);
            enregistrement.reset();
            void doctrine.refetch();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            void form.handleSubmit((r) => enregistrer(r, courant.version))();
          }}
        />
      )}
      {enregistrement.error && !conflit && <AlerteErreur erreur={enregistrement.error} titre="La doctrine n’a pas été enregistrée" />}
      <form onSubmit={form.handleSubmit((r) => enregistrer(r))} noValidate>
        <ChampsDoctrine form={form} lectureSeule={!d.modifiable} />
        {d.modifiable && (
          <Button type="submit" disabled={enregistrement.isPending}>
            Enregistrer la doctrine
          </Button>
        )}
      </form>
    </>
  );
}

/** /doctrine/:regionCode, or the list of regions. */
export default function DoctrinePage() {
  const { regionCode } = useParams();
  return regionCode ? <DoctrineRegionPage key={regionCode} regionCode={regionCode} /> : <ChoixRegion />;
}
