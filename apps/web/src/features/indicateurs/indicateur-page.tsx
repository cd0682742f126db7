import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { zodResolver } from '@hookform/resolvers/zod';
import { can, formaterNombre, indicateurSchema, type IndicateurSaisie } from '@maillage/domain';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation, useNavigate, useParams } from 'react-router';
import { estErreurApi } from '../../api/client';
import {
  obtenirIndicateur,
  useEnregistrementIndicateur,
  useIndicateur,
  useIndicateurs,
  useSuppressionIndicateur,
} from '../../api/indicateurs';
import type { Indicateur } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { creerConfirmation } from '../../components/confirmation';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { appliquerErreursServeur } from '../../components/formulaire';
import { useTitrePage } from '../../components/titre-page';
import { CHAMPS_INDICATEUR, ChampsIndicateur, versFormulaire, type ValeursIndicateur } from './indicateur-formulaire';
import { ValeursPubliees } from '../../components/valeurs-publiees';
import { LectureIndicateur } from './lecture-indicateur';
import { METHODES_COURTES, POLARITES_COURTES } from '../../components/libelles-indicateurs';

const suppression = creerConfirmation('confirmation-suppression-indicateur');
const COMPARES = [
  { libelle: 'Libellé', valeur: (v: ValeursIndicateur) => v.libelle },
  { libelle: 'Famille', valeur: (v: ValeursIndicateur) => v.famille },
  { libelle: 'Unité', valeur: (v: ValeursIndicateur) => v.unite },
  { libelle: 'Facteur', valeur: (v: ValeursIndicateur) => String(v.facteur) },
  { libelle: 'Numérateur', valeur: (v: ValeursIndicateur) => v.numerateur ?? '' },
  { libelle: 'Dénominateur', valeur: (v: ValeursIndicateur) => v.denominateur ?? '' },
  { libelle: 'Standardisation', valeur: (v: ValeursIndicateur) => v.standardisation ?? '' },
  { libelle: 'Polarité', valeur: (v: ValeursIndicateur) => POLARITES_COURTES[v.polarite as keyof typeof POLARITES_COURTES] ?? v.polarite },
  {
    libelle: 'Agrégation',
    valeur: (v: ValeursIndicateur) => METHODES_COURTES[v.methodeAgregation as keyof typeof METHODES_COURTES] ?? v.methodeAgregation,
  },
  { libelle: 'Source', valeur: (v: ValeursIndicateur) => v.source ?? '' },
  { libelle: 'Millésime', valeur: (v: ValeursIndicateur) => v.millesime ?? '' },
  { libelle: 'Secret statistique', valeur: (v: ValeursIndicateur) => v.regleSecret ?? '' },
  { libelle: 'Dénombrement', valeur: (v: ValeursIndicateur) => (v.denombrement ? 'oui' : 'non') },
];

function Formulaire({ indicateur }: { indicateur?: Indicateur }) {
  const naviguer = useNavigate();
  const enregistrement = useEnregistrementIndicateur();
  const supprimer = useSuppressionIndicateur();
  const [version, setVersion] = useState(indicateur?.version);
  const [courant, setCourant] = useState<Indicateur | null>(null);
  const [enregistre, setEnregistre] = useState(false);
  const form = useForm<ValeursIndicateur, unknown, IndicateurSaisie>({
    resolver: zodResolver(indicateurSchema),
    defaultValues: versFormulaire(indicateur),
  });
  useEffect(() => {
    if (!indicateur) form.setFocus('code');
  }, [form, indicateur]);

  const enregistrer = (saisie: IndicateurSaisie, versionEnvoyee = version) =>
    enregistrement.mutate(
      { code: indicateur?.code, saisie, version: versionEnvoyee },
      {
        onSuccess: (i) => {
          if (!indicateur)
            return naviguer(`/indicateurs/${i.code}`, { state: { message: `L’indicateur « ${i.libelle} » est ajouté au catalogue.` } });
          form.reset(versFormulaire(i));
          setVersion(i.version);
          setCourant(null);
          setEnregistre(true);
        },
        onError: async (e) => {
          setEnregistre(false);
          if (estErreurApi(e, 409) && indicateur) return setCourant(await obtenirIndicateur(indicateur.code).catch(() => null));
          appliquerErreursServeur(e, form.setError, CHAMPS_INDICATEUR);
        },
      },
    );
  const conflit = estErreurApi(enregistrement.error, 409) && courant;

  return (
    <>
      {enregistre && !enregistrement.isPending && (
        <Alert severity="success" small role="status" description="L’indicateur est enregistré." className={fr.cx('fr-mb-3w')} />
      )}
      {conflit && (
        <ConflitVersion
          entite="Cet indicateur"
          diffs={differences(COMPARES, form.getValues(), versFormulaire(courant))}
          enCours={enregistrement.isPending}
          onReprendre={() => {
            form.reset(versFormulaire(courant));
            setVersion(courant.version);
            setCourant(null);
            enregistrement.reset();
          }}
          onEcraser={() => {
            setVersion(courant.version);
            void form.handleSubmit((s) => enregistrer(s, courant.version))();
          }}
        />
      )}
      {enregistrement.error && !conflit && <AlerteErreur erreur={enregistrement.error} titre="L’indicateur n’a pas été enregistré" />}
      <form onSubmit={form.handleSubmit((s) => enregistrer(s))} noValidate>
        <ChampsIndicateur form={form} creation={!indicateur} />
        <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
          <li>
            <Button type="submit" iconId="fr-icon-save-line" disabled={enregistrement.isPending}>
              {indicateur ? 'Enregistrer l’indicateur' : 'Ajouter l’indicateur'}
            </Button>
          </li>
          {indicateur && (
            <li>
              <Button type="button" priority="tertiary" iconId="fr-icon-delete-line" onClick={() => suppression.ouvrir()}>
                Supprimer l’indicateur
              </Button>
            </li>
          )}
        </ul>
      </form>
      {supprimer.error && <AlerteErreur erreur={supprimer.error} titre="L’indicateur n’a pas été supprimé" />}
      {indicateur && (
        <suppression.Confirmation
          titre="Supprimer cet indicateur ?"
          libelleConfirmer="Supprimer définitivement"
          onConfirmer={() =>
            supprimer.mutate(indicateur.code, {
              onSuccess: () =>
                naviguer('/indicateurs', { state: { message: `L’indicateur « ${indicateur.libelle} » est supprimé du catalogue.` } }),
            })
          }
        >
          <p>
            L’indicateur « {indicateur.libelle} » et ses {formaterNombre(indicateur.nombreValeurs ?? 0)} valeur(s) importée(s) seront
            supprimés : ils disparaîtront des diagnostics de tous les contrats, et les constats qui le citent perdront ce lien. La
            suppression est tracée dans le journal d’audit.
          </p>
        </suppression.Confirmation>
      )}
    </>
  );
}

/** /indicateurs/nouveau and /indicateurs/:code: an indicator's definition, editable by the data roles. */
export default function IndicateurPage() {
  const { code } = useParams();
  const creation = !code;
  const indicateur = useIndicateur(code);
  // GET /api/indicateurs/{code} does not count the values: the catalogue does.
  const catalogue = useIndicateurs();
  const { sujet } = useSession();
  const { state } = useLocation() as { state: { message?: string } | null };
  const gestion = can(sujet, 'modifier', { type: 'catalogue' });
  const titre = creation ? 'Nouvel indicateur' : (indicateur.data?.libelle ?? 'Indicateur');
  useTitrePage(titre);
  const filAriane = (
    <Breadcrumb
      currentPageLabel={titre}
      homeLinkProps={{ to: '/' }}
      segments={[{ label: 'Indicateurs', linkProps: { to: '/indicateurs' } }]}
    />
  );

  if (!creation && indicateur.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (!creation && indicateur.error) {
    return (
      <>
        {filAriane}
        <h1>Indicateur introuvable</h1>
        <AlerteErreur erreur={indicateur.error} />
      </>
    );
  }
  const i = indicateur.data && {
    ...indicateur.data,
    nombreValeurs: indicateur.data.nombreValeurs ?? catalogue.data?.find((x) => x.code === code)?.nombreValeurs,
  };
  return (
    <>
      {filAriane}
      <h1>{titre}</h1>
      {i && (
        <p className={fr.cx('fr-text--sm')}>
          Code <code>{i.code}</code>
          {i.nombreValeurs !== undefined && <> — {formaterNombre(i.nombreValeurs)} valeur(s) importée(s)</>}.
        </p>
      )}
      {state?.message && <Alert severity="success" small description={state.message} className={fr.cx('fr-mb-3w')} />}
      {creation && !gestion ? (
        <Alert
          severity="info"
          small
          description="Seuls les administrateurs de la plateforme et les agents d’ARS ajoutent des indicateurs au catalogue."
        />
      ) : gestion ? (
        <Formulaire key={i?.code ?? 'nouveau'} indicateur={i} />
      ) : (
        i && <LectureIndicateur indicateur={i} />
      )}
      {i && <ValeursPubliees indicateur={{ code: i.code, libelle: i.libelle }} />}
    </>
  );
}
