import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { PageNonTrouvee } from '../components/pages-erreur';
import { Gabarit } from './gabarit';
import { ExigerAdmin, ExigerConnexion } from './gardes';

// Every page loads on demand: the main bundle holds the frame (header, footer, session, router) and nothing of the
// forms, so that the public pages, opened on phones, download only what they show.
const ConnexionPage = lazy(() => import('../features/auth/connexion-page').then((m) => ({ default: m.ConnexionPage })));
const AccueilPage = lazy(() => import('./pages/accueil-page').then((m) => ({ default: m.AccueilPage })));
const ConnexionRefuseePage = lazy(() => import('../features/auth/connexion-refusee-page'));
const MotDePasseOubliePage = lazy(() => import('../features/auth/mot-de-passe-oublie-page'));
const ReinitialisationPage = lazy(() => import('../features/auth/reinitialisation-page'));
const AccessibilitePage = lazy(() => import('../features/accueil/accessibilite-page'));
const ProfilPage = lazy(() => import('../features/profil/profil-page'));
const TerritoiresPage = lazy(() => import('../features/territoires/territoires-page'));
const TerritoirePage = lazy(() => import('../features/territoires/territoire-page'));
const AnnuairePage = lazy(() => import('../features/annuaire/annuaire-page'));
const OrganisationsAdminPage = lazy(() => import('../features/organisations/organisations-admin-page'));
const OrganisationEditionPage = lazy(() => import('../features/organisations/organisation-edition-page'));
const OrganisationPage = lazy(() => import('../features/annuaire/organisation-page'));
const EngagementsPage = lazy(() => import('../features/annuaire/engagements-page'));
const ImportOrganisationsPage = lazy(() => import('../features/annuaire/import-organisations-page'));
const SeancePage = lazy(() => import('../features/gouvernance/seance-page'));
const UtilisateursPage = lazy(() => import('../features/utilisateurs/utilisateurs-page'));
const UtilisateurCreationPage = lazy(() => import('../features/utilisateurs/utilisateur-creation-page'));
const UtilisateurEditionPage = lazy(() => import('../features/utilisateurs/utilisateur-edition-page'));
const JournalPage = lazy(() => import('../features/audit/journal-page'));
const ContratsPage = lazy(() => import('../features/contrats/contrats-page'));
const ContratEditionPage = lazy(() => import('../features/contrats/contrat-edition-page'));
const ContratPage = lazy(() => import('./pages/contrat-page'));
const RenouvellementPage = lazy(() => import('../features/contrats/renouvellement-page'));
const ApercuPublicPage = lazy(() => import('./pages/apercu-public-page'));
const DemandesConfirmationPage = lazy(() => import('../features/contrats/demandes-confirmation-page'));
const FicheCreationPage = lazy(() => import('../features/fiches/fiche-creation-page'));
const FichePage = lazy(() => import('./pages/fiche-page'));
const ConsultationPage = lazy(() => import('../features/participation/consultation-page'));
const ParcoursPage = lazy(() => import('../features/parcours/parcours-page'));
const CampagnePage = lazy(() => import('../features/suivi/campagne-page'));
const EvaluationPage = lazy(() => import('../features/suivi/evaluation-page'));
const DoctrinePage = lazy(() => import('../features/doctrine/doctrine-page'));
const IndicateursPage = lazy(() => import('../features/indicateurs/indicateurs-page'));
const IndicateurPage = lazy(() => import('../features/indicateurs/indicateur-page'));
const ImportValeursPage = lazy(() => import('../features/indicateurs/import-valeurs-page'));
const CorrespondanceDhis2Page = lazy(() => import('../features/indicateurs/correspondance-dhis2-page'));
const ImportContoursPage = lazy(() => import('../features/indicateurs/import-contours-page'));
const VulnerabilitePage = lazy(() => import('../features/diagnostics/vulnerabilite-page'));
const PortefeuillePage = lazy(() => import('../features/portefeuille/portefeuille-page'));
const BibliothequePage = lazy(() => import('../features/bibliotheque/bibliotheque-page'));
const RepertoirePage = lazy(() => import('../features/ressources/repertoire-page'));
const RessourcePage = lazy(() => import('../features/ressources/ressource-page'));
const RessourceEditionPage = lazy(() => import('../features/ressources/ressource-edition-page'));
const ImportRessourcesPage = lazy(() => import('../features/ressources/import-ressources-page'));
const VuesRessourcesPage = lazy(() => import('../features/ressources/vues-page'));
const GuichetAppuiPage = lazy(() => import('../features/appui/guichet-page'));
const DemandeAppuiPage = lazy(() => import('../features/appui/demande-page'));
const MesDemandesAppuiPage = lazy(() => import('../features/appui/mes-demandes-page'));
const DemandeTriagePage = lazy(() => import('../features/appui/demande-triage-page'));
const SituationAppuiPage = lazy(() => import('../features/appui/situation-page'));
const ChargeAppuiPage = lazy(() => import('../features/appui/charge-page'));
const ActiviteAppuiPage = lazy(() => import('../features/appui/activite-page'));
const ContratsPubliesPage = lazy(() => import('../features/public/contrats-publies-page'));
const ContratPublicPage = lazy(() => import('../features/public/contrat-public-page'));
const RessourcesPubliquesPage = lazy(() => import('../features/public/ressources-publiques-page'));
const WebhooksPage = lazy(() => import('../features/webhooks/webhooks-page'));

export function RoutesApplication() {
  return (
    <Routes>
      <Route element={<Gabarit />}>
        <Route path="connexion" element={<ConnexionPage />} />
        <Route path="connexion/refusee" element={<ConnexionRefuseePage />} />
        <Route path="mot-de-passe-oublie" element={<MotDePasseOubliePage />} />
        <Route path="reinitialiser-mot-de-passe" element={<ReinitialisationPage />} />
        <Route path="accessibilite" element={<AccessibilitePage />} />
        {/* The référentiel géographique is public. */}
        <Route path="territoires" element={<TerritoiresPage />} />
        <Route path="territoires/:type/:code" element={<TerritoirePage />} />
        {/* Published contracts: public pages, no login. */}
        <Route path="public/contrats" element={<ContratsPubliesPage />} />
        <Route path="public/contrats/:id" element={<ContratPublicPage />} />
        <Route path="public/ressources" element={<RessourcesPubliquesPage />} />
        <Route element={<ExigerConnexion />}>
          <Route index element={<AccueilPage />} />
          <Route path="profil" element={<ProfilPage />} />
          <Route path="webhooks" element={<WebhooksPage />} />
          <Route path="annuaire" element={<AnnuairePage />} />
          <Route path="organisations/:id" element={<OrganisationPage />} />
          <Route path="organisations/:id/engagements" element={<EngagementsPage />} />
          <Route path="seances/:id" element={<SeancePage />} />
          <Route path="contrats" element={<ContratsPage />} />
          <Route path="contrats/nouveau" element={<ContratEditionPage />} />
          <Route path="contrats/:id" element={<ContratPage />} />
          <Route path="contrats/:id/modifier" element={<ContratEditionPage />} />
          <Route path="contrats/:id/renouvellement" element={<RenouvellementPage />} />
          <Route path="contrats/:id/apercu-public" element={<ApercuPublicPage />} />
          <Route path="confirmations" element={<DemandesConfirmationPage />} />
          <Route path="contrats/:id/fiches/nouvelle" element={<FicheCreationPage />} />
          <Route path="fiches/:id" element={<FichePage />} />
          <Route path="parcours/:id" element={<ParcoursPage />} />
          <Route path="consultations/:id" element={<ConsultationPage />} />
          <Route path="campagnes/:id" element={<CampagnePage />} />
          <Route path="evaluations/:id" element={<EvaluationPage />} />
          <Route path="doctrine" element={<DoctrinePage />} />
          <Route path="doctrine/:regionCode" element={<DoctrinePage />} />
          <Route path="indicateurs" element={<IndicateursPage />} />
          <Route path="indicateurs/nouveau" element={<IndicateurPage />} />
          <Route path="indicateurs/import-valeurs" element={<ImportValeursPage />} />
          <Route path="indicateurs/correspondance-dhis2" element={<CorrespondanceDhis2Page />} />
          <Route path="indicateurs/import-contours" element={<ImportContoursPage />} />
          <Route path="indicateurs/:code" element={<IndicateurPage />} />
          <Route path="vulnerabilite" element={<VulnerabilitePage />} />
          <Route path="portefeuille" element={<PortefeuillePage />} />
          <Route path="bibliotheque" element={<BibliothequePage />} />
          <Route path="ressources" element={<RepertoirePage />} />
          <Route path="ressources/nouvelle" element={<RessourceEditionPage />} />
          <Route path="ressources/import" element={<ImportRessourcesPage />} />
          <Route path="ressources/vues" element={<VuesRessourcesPage />} />
          <Route path="ressources/:id" element={<RessourcePage />} />
          <Route path="ressources/:id/modifier" element={<RessourceEditionPage />} />
          {/* Appui à la coordination (issue 18): the guichet unique, the team's cases, its load and activity. */}
          <Route path="appui" element={<GuichetAppuiPage />} />
          <Route path="appui/demande" element={<DemandeAppuiPage />} />
          <Route path="appui/mes-demandes" element={<MesDemandesAppuiPage />} />
          <Route path="appui/demandes/:id" element={<DemandeTriagePage />} />
          <Route path="appui/situations/:id" element={<SituationAppuiPage />} />
          <Route path="appui/charge" element={<ChargeAppuiPage />} />
          <Route path="appui/activite" element={<ActiviteAppuiPage />} />
          <Route path="administration" element={<ExigerAdmin />}>
            <Route path="utilisateurs" element={<UtilisateursPage />} />
            <Route path="utilisateurs/nouveau" element={<UtilisateurCreationPage />} />
            <Route path="utilisateurs/:id" element={<UtilisateurEditionPage />} />
            <Route path="organisations" element={<OrganisationsAdminPage />} />
            <Route path="organisations/nouvelle" element={<OrganisationEditionPage />} />
            <Route path="organisations/import" element={<ImportOrganisationsPage />} />
            <Route path="organisations/:id" element={<OrganisationEditionPage />} />
            <Route path="journal" element={<JournalPage />} />
          </Route>
        </Route>
        <Route path="*" element={<PageNonTrouvee />} />
      </Route>
    </Routes>
  );
}
