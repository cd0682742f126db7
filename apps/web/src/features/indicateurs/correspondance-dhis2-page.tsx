import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { can, pluriel } from '@maillage/domain';
import type { CorrespondanceDhis2, NonCorrespondantDhis2 } from '@maillage/domain/api';
import { useEffect, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { ErreurApi } from '../../api/client';
import { useCorrespondanceDhis2, useEnregistrementCorrespondanceDhis2 } from '../../api/dhis2';
import { useIndicateurs } from '../../api/indicateurs';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { useTitrePage } from '../../components/titre-page';
import { TableElements, TableUnites, type LigneElement, type LigneUnite } from './lignes-correspondance-dhis2';

/** The saved rows, plus one empty row per identifier an import found unmapped (sent here by the import report). */
function lignesDe(c: CorrespondanceDhis2, manquants: NonCorrespondantDhis2[]) {
  const elements: LigneElement[] = c.elements.map((e) => ({ ...e, categoryOptionCombo: e.categoryOptionCombo ?? '' }));
  const unites: LigneUnite[] = c.unites.map((u) => ({ ...u }));
  for (const m of manquants) {
    if (
      m.nature === 'dataElement' &&
      !elements.some((e) => e.dataElement === m.identifiant && e.categoryOptionCombo === (m.categoryOptionCombo ?? ''))
    )
      elements.push({ dataElement: m.identifiant, categoryOptionCombo: m.categoryOptionCombo ?? '', indicateur: '' });
    if (m.nature === 'orgUnit' && !unites.some((u) => u.orgUnit === m.identifiant))
      unites.push({ orgUnit: m.identifiant, territoireType: 'commune', territoireCode: '' });
  }
  return { elements, unites };
}

/**
 * /indicateurs/correspondance-dhis2?region=53: the region's DHIS2 mapping, read by every DHIS2 import of the region and
 * by the follow-up export of its contracts. Saved whole, with the version it edits.
 */
export default function CorrespondanceDhis2Page() {
  useTitrePage('Correspondance DHIS2');
  const { sujet } = useSession();
  const [params, definirParams] = useSearchParams();
  const location = useLocation();
  const manquants = ((location.state as { nonCorrespondants?: NonCorrespondantDhis2[] } | null)?.nonCorrespondants ??
    []) as NonCorrespondantDhis2[];
  const regionsArs = (sujet?.habilitations ?? []).flatMap((h) => (h.role === 'ars_regional' ? [h.regionCode] : []));
  const region = params.get('region') ?? regionsArs[0] ?? '';
  const [saisieRegion, setSaisieRegion] = useState(region);
  const lecture = useCorrespondanceDhis2(region || undefined);
  const enregistrer = useEnregistrementCorrespondanceDhis2(region);
  const { data: catalogue = [] } = useIndicateurs();
  const [elements, setElements] = useState<LigneElement[]>([]);
  const [unites, setUnites] = useState<LigneUnite[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the rows are reset when another version is read, not at each render.
  useEffect(() => {
    if (!lecture.data) return;
    const l = lignesDe(lecture.data, manquants);
    setElements(l.elements);
    setUnites(l.unites);
  }, [lecture.data?.regionCode, lecture.data?.version]);

  const erreurs = new Map(
    (enregistrer.error instanceof ErreurApi ? (enregistrer.error.probleme.erreurs ?? []) : []).map((e) => [e.champ, e.message] as const),
  );
  const modifiable = !!region && can(sujet, 'modifier', { type: 'correspondance_dhis2', regionCode: region });
  const sauver = () =>
    enregistrer.mutate({
      version: lecture.data?.version ?? 0,
      elements: elements.map((e) => ({ ...e, categoryOptionCombo: e.categoryOptionCombo.trim() || null })),
      unites,
    });

  return (
    <>
      <Breadcrumb
        currentPageLabel="Correspondance DHIS2"
        segments={[
          { label: 'Indicateurs', linkProps: { to: '/indicateurs' } },
          { label: 'Importer des valeurs', linkProps: { to: '/indicateurs/import-valeurs' } },
        ]}
      />
      <h1>Correspondance DHIS2</h1>
      <p>
        Reliez les identifiants de votre instance DHIS2 aux indicateurs du catalogue et aux territoires. Chaque import d’un fichier
        dataValueSets de la région et l’export du suivi des contrats utilisent cette correspondance ; un identifiant absent bloque l’import
        entier.
      </p>
      <form
        className={fr.cx('fr-mb-4w')}
        onSubmit={(e) => {
          e.preventDefault();
          definirParams({ region: saisieRegion.trim() });
        }}
      >
        <Input
          label="Région (code INSEE)"
          hintText="Par exemple 53 pour la Bretagne"
          nativeInputProps={{ value: saisieRegion, onChange: (e) => setSaisieRegion(e.target.value), inputMode: 'numeric' }}
        />
        <Button type="submit" priority="secondary">
          Afficher la correspondance
        </Button>
      </form>
      {manquants.length > 0 && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-3w')}
          description={`${pluriel(manquants.filter((m) => m.nature !== 'period').length, 'identifiant de votre import a été ajouté', 'identifiants de votre import ont été ajoutés')} en bas des tableaux : choisissez leur indicateur ou leur territoire, puis enregistrez.`}
        />
      )}
      {lecture.error && <AlerteErreur erreur={lecture.error} />}
      {lecture.data && (
        <>
          <p className={fr.cx('fr-text--sm')}>
            {lecture.data.version === 0
              ? 'Aucune correspondance enregistrée pour cette région.'
              : `Version ${lecture.data.version}, enregistrée par ${lecture.data.modifiePar ?? 'inconnu'}.`}
          </p>
          <TableElements lignes={elements} onLignes={setElements} indicateurs={catalogue} erreurs={erreurs} />
          <TableUnites lignes={unites} onLignes={setUnites} erreurs={erreurs} />
          {enregistrer.error && <AlerteErreur erreur={enregistrer.error} titre="La correspondance n’a pas été enregistrée" />}
          {enregistrer.isSuccess && !enregistrer.isPending && (
            <Alert
              severity="success"
              small
              role="status"
              className={fr.cx('fr-mb-2w')}
              description={`Correspondance enregistrée (version ${enregistrer.data.version}).`}
            />
          )}
          {modifiable ? (
            <Button onClick={sauver} disabled={enregistrer.isPending} iconId="fr-icon-save-line">
              Enregistrer la correspondance
            </Button>
          ) : (
            <p>Seule l’ARS de la région (ou un administrateur) modifie cette correspondance.</p>
          )}
        </>
      )}
    </>
  );
}
