import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { zodResolver } from '@hookform/resolvers/zod';
import { ressourceSaisieSchema, saisieDeRessource } from '@maillage/domain';
import type { RessourceVue, TerritoireDetail } from '@maillage/domain/api';
import { useQueries } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useNavigate, useParams } from 'react-router';
import { estErreurApi, requete } from '../../api/client';
import { obtenirRessource, useEnregistrementRessource, useRessource } from '../../api/ressources';
import { appliquerErreursServeur } from '../../components/formulaire';
import { AlerteEnregistrement, avantEdition, FormulaireEdition, useEditionVersionnee } from '../../components/page-edition';
import { useTitrePage } from '../../components/titre-page';
import { ChampsAcces } from './champs-acces-ressource';
import { CHAMPS_RESSOURCE, ChampZone, ChampsOffre, RESSOURCE_VIDE, type RessourceValide, type SaisieRessource } from './champs-ressource';
import { libelleNiveau, libellesMissions, libellesPublics, libellesSolliciteurs } from './libelles-ressources';

const versSaisie = (r: RessourceVue): SaisieRessource => saisieDeRessource(r);

const texte = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());
const liste = (v: readonly string[] | undefined) => [...(v ?? [])].sort().join(', ');
const CHAMPS_COMPARES: { libelle: string; valeur: (s: SaisieRessource) => string }[] = [
  { libelle: 'Nom', valeur: (s) => texte(s.nom) },
  { libelle: 'Type', valeur: (s) => texte(s.typeCode) },
  { libelle: 'Publics', valeur: (s) => libellesPublics([...(s.publics ?? [])].sort()) },
  { libelle: 'Missions', valeur: (s) => libellesMissions([...(s.missions ?? [])].sort()) },
  { libelle: 'Niveau', valeur: (s) => (s.niveau ? libelleNiveau(s.niveau) : '') },
  { libelle: 'Qui peut la solliciter', valeur: (s) => libellesSolliciteurs([...(s.sollicitablePar ?? [])].sort()) },
  { libelle: 'Zone d’intervention', valeur: (s) => `${liste(s.zone?.epci)} ${liste(s.zone?.communes)}`.trim() },
  { libelle: 'Adresse', valeur: (s) => texte(s.adresse) },
  { libelle: 'Commune', valeur: (s) => texte(s.communeCode) },
  { libelle: 'Horaires', valeur: (s) => texte(s.horaires) },
  { libelle: 'Contacts', valeur: (s) => (s.contacts ?? []).map((c) => `${c.type} ${c.valeur}`).join(' ; ') },
  { libelle: 'Critères d’inclusion', valeur: (s) => texte(s.criteresInclusion) },
  { libelle: 'Capacité', valeur: (s) => texte(s.capacite) },
  { libelle: 'Délai habituel', valeur: (s) => texte(s.delaiHabituel) },
  { libelle: 'Statut', valeur: (s) => `${texte(s.statut)} ${texte(s.statutDepuis)} ${texte(s.statutJusquAu)}`.trim() },
  { libelle: 'Identifiants', valeur: (s) => `${texte(s.finess)} ${texte(s.siret)} ${texte(s.rorId)}`.trim() },
  { libelle: 'Publication', valeur: (s) => (s.publie ? 'publiée' : 'non publiée') },
];

/** /ressources/nouvelle and /ressources/:id/modifier: the resource's form, saved with its version (409 shows what changed). */
export default function RessourceEditionPage() {
  const { id } = useParams();
  const naviguer = useNavigate();
  const existante = useRessource(id);
  const enregistrement = useEnregistrementRessource();
  const form = useForm<SaisieRessource, unknown, RessourceValide>({
    resolver: zodResolver(ressourceSaisieSchema),
    defaultValues: RESSOURCE_VIDE,
  });
  const edition = useEditionVersionnee({ form, requete: existante, mutation: enregistrement, versSaisie });
  useTitrePage(id ? 'Modifier une ressource' : 'Ajouter une ressource');
  // The picker names the EPCI of the zone from what it is given; communes it names itself.
  const epci = useQueries({
    queries: (existante.data?.zone.epci ?? []).map((code) => ({
      queryKey: ['territoire', 'epci', code],
      queryFn: ({ signal }: { signal: AbortSignal }) => requete<TerritoireDetail>(`/api/territoires/epci/${code}`, { signal }),
      staleTime: Number.POSITIVE_INFINITY,
    })),
  });

  const enregistrer = (saisie: RessourceValide, versionEnvoyee = edition.version) =>
    enregistrement.mutate(
      { id, saisie, version: versionEnvoyee },
      {
        onSuccess: (r) => naviguer(`/ressources/${r.id}`, { state: { message: `La ressource « ${saisie.nom} » est enregistrée.` } }),
        onError: async (e) => {
          if (estErreurApi(e, 409) && id) {
            edition.conflit((e.probleme.courant as RessourceVue | undefined) ?? (await obtenirRessource(id).catch(() => null)));
            return;
          }
          appliquerErreursServeur(e, form.setError, CHAMPS_RESSOURCE);
        },
      },
    );

  const filAriane = (
    <Breadcrumb
      currentPageLabel={id ? 'Modifier' : 'Nouvelle ressource'}
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Répertoire des ressources', linkProps: { to: '/ressources' } },
        ...(id ? [{ label: existante.data?.nom ?? 'Ressource', linkProps: { to: `/ressources/${id}` } }] : []),
      ]}
    />
  );
  const attente = id ? avantEdition(filAriane, existante, 'Ressource introuvable') : null;
  if (attente) return attente;
  if (id && existante.data && !existante.data.modifiable) {
    return (
      <>
        {filAriane}
        <h1>Modifier {existante.data.nom}</h1>
        <Alert
          severity="info"
          title="Vous ne pouvez pas modifier cette ressource"
          description="Ses référents, l’ARS de sa région et la coordination des contrats de son territoire la tiennent à jour."
        />
      </>
    );
  }
  const noms = new Map(epci.flatMap((q) => (q.data ? [[q.data.code, q.data.nom] as const] : [])));

  return (
    <>
      {filAriane}
      <h1>{id ? `Modifier ${existante.data?.nom ?? 'la ressource'}` : 'Ajouter une ressource'}</h1>
      <AlerteEnregistrement
        edition={edition}
        entite="Cette ressource"
        champs={CHAMPS_COMPARES}
        titre="La ressource n’a pas été enregistrée"
        enregistrer={enregistrer}
      />
      <FormulaireEdition
        onSubmit={form.handleSubmit((saisie) => enregistrer(saisie))}
        enCours={enregistrement.isPending}
        envoi={id ? 'Enregistrer les modifications' : 'Ajouter la ressource'}
        annuler={id ? `/ressources/${id}` : '/ressources'}
      >
        <ChampsOffre form={form} />
        <ChampZone key={epci.every((q) => !q.isPending) ? 'noms' : 'attente'} form={form} noms={noms} />
        <ChampsAcces form={form} />
      </FormulaireEdition>
      <p className={fr.cx('fr-hint-text')}>Chaque modification est tracée dans le journal d’audit.</p>
    </>
  );
}
