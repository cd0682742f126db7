/** The directory beyond organisations' records: engagements (the CPAM case), offers of service, services, persons, merges, imports. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErreurApi, parametres, requete } from './client';
import type {
  EngagementsOrganisation,
  FusionOrganisations,
  IdCree,
  Identifiant,
  OffreSaisie,
  Personne,
  PreferencesCourriel,
  RapportImportAnnuaire,
  SaisiePersonne,
  ServiceOrganisation,
} from '@maillage/domain/api';

// Response shapes: inferred from their schemas in @maillage/domain/api (tag Organisations).
export type { ContratEngagement, FicheEngagement, OffreService } from '@maillage/domain/api';
export type { RoleEngagement } from '@maillage/domain';
export type Engagements = EngagementsOrganisation;

function useInvalidation() {
  const client = useQueryClient();
  return (...prefixes: string[]) => client.invalidateQueries({ predicate: (q) => prefixes.includes(String(q.queryKey[0])) });
}

export function useEngagements(organisationId: string | undefined) {
  return useQuery({
    queryKey: ['engagements', organisationId],
    queryFn: ({ signal }) => requete<EngagementsOrganisation>(`/api/organisations/${organisationId}/engagements`, { signal }),
    enabled: !!organisationId,
  });
}

export function useOffres(organisationId: string) {
  const invalider = useInvalidation();
  const apres = () => invalider('engagements', 'fiche', 'audit');
  return {
    ajout: useMutation({
      mutationFn: (o: OffreSaisie) => requete<IdCree>(`/api/organisations/${organisationId}/offres`, { methode: 'POST', corps: o }),
      onSuccess: apres,
    }),
    rattachement: useMutation({
      mutationFn: ({ ficheId, offreId, rattacher }: { ficheId: string; offreId: string; rattacher: boolean }) =>
        requete<void>(`/api/fiches/${ficheId}/offres/${offreId}`, { methode: rattacher ? 'PUT' : 'DELETE' }),
      onSuccess: apres,
    }),
  };
}

export function useServices(organisationId: string) {
  return useQuery({
    queryKey: ['services', organisationId],
    queryFn: ({ signal }) => requete<ServiceOrganisation[]>(`/api/organisations/${organisationId}/services`, { signal }),
  });
}

export function useAjoutService(organisationId: string) {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: (nom: string) => requete<Identifiant>(`/api/organisations/${organisationId}/services`, { methode: 'POST', corps: { nom } }),
    onSuccess: () => invalider('services', 'audit'),
  });
}

/** Merges the duplicate `id` into `dansId`: every reference moves, then the duplicate is deleted. */
export function useFusion() {
  const client = useQueryClient();
  const prefixes = [
    'organisations',
    'organisation',
    'engagements',
    'personnes',
    'services',
    'contrats',
    'contrat',
    'fiches',
    'fiche',
    'audit',
  ];
  return useMutation({
    mutationFn: ({ id, dansId }: { id: string; dansId: string }) =>
      requete<FusionOrganisations>(`/api/organisations/${id}/fusion`, { methode: 'POST', corps: { dansId } }),
    // The duplicate is gone: its own record is not fetched again (the page that shows it moves to the one kept).
    onSuccess: (_, { id }) =>
      client.invalidateQueries({
        predicate: (q) => prefixes.includes(String(q.queryKey[0])) && !(q.queryKey[0] === 'organisation' && q.queryKey[1] === id),
      }),
  });
}

export function rapportAnnuaireDe(erreur: unknown): RapportImportAnnuaire | null {
  return erreur instanceof ErreurApi && erreur.probleme.rapport ? (erreur.probleme.rapport as RapportImportAnnuaire) : null;
}

/** POST /api/organisations/import, multipart field « fichier »; dryRun checks without saving anything. */
export function useImportOrganisations() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: ({ fichier, dryRun }: { fichier: File; dryRun: boolean }) => {
      const corps = new FormData();
      corps.append('fichier', fichier);
      return requete<RapportImportAnnuaire>(`/api/organisations/import?dryRun=${dryRun}`, { methode: 'POST', corps });
    },
    onSuccess: (rapport) => {
      if (rapport.applique) void invalider('organisations', 'organisation', 'audit');
    },
  });
}

export function usePersonnes(filtres: { q?: string; organisationId?: string }) {
  return useQuery({
    queryKey: ['personnes', filtres],
    queryFn: ({ signal }) => requete<Personne[]>(`/api/personnes${parametres({ ...filtres })}`, { signal }),
  });
}

export function useEnregistrementPersonne() {
  const invalider = useInvalidation();
  return useMutation({
    mutationFn: ({ id, saisie, version }: { id?: string; saisie: SaisiePersonne; version?: number }) =>
      id
        ? requete<Identifiant>(`/api/personnes/${id}`, { methode: 'PUT', corps: { ...saisie, version } })
        : requete<Identifiant>('/api/personnes', { methode: 'POST', corps: saisie }),
    onSuccess: () => invalider('personnes', 'engagements', 'instances', 'audit'),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: ['preferences'],
    queryFn: ({ signal }) => requete<PreferencesCourriel>('/api/moi/preferences', { signal }),
  });
}

export function useChangementPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (p: PreferencesCourriel) => requete<PreferencesCourriel>('/api/moi/preferences', { methode: 'PUT', corps: p }),
    onSuccess: (p) => client.setQueryData(['preferences'], p),
  });
}
