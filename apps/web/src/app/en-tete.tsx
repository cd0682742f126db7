import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { useLocation, useNavigate } from 'react-router';
import { useMesEquipesAppui } from '../api/appui';
import { useDeconnexion } from '../api/session';
import { AVEC_MARIANNE, blocMarque, lienAccueil, NOM_SERVICE, SLOGAN } from './identite';
import { useSession } from './session';

function useNavigation(): MainNavigationProps.Item[] {
  const { pathname } = useLocation();
  const { session, estAdmin, roles } = useSession();
  const equipesAppui = useMesEquipesAppui(!!session);
  const actif = (prefixe: string) => pathname === prefixe || pathname.startsWith(`${prefixe}/`);
  const territoires: MainNavigationProps.Item = { text: 'Territoires', linkProps: { to: '/territoires' }, isActive: actif('/territoires') };
  const api: MainNavigationProps.Item = { text: 'API', linkProps: { href: '/api/docs' } };
  const publies: MainNavigationProps.Item = {
    text: 'Contrats publiés',
    linkProps: { to: '/public/contrats' },
    isActive: actif('/public/contrats'),
  };
  const ressources: MainNavigationProps.Item = {
    text: 'Ressources de santé',
    linkProps: { to: '/public/ressources' },
    isActive: actif('/public/ressources'),
  };
  if (!session) return [publies, ressources, territoires, api];

  const items: MainNavigationProps.Item[] = [
    { text: 'Accueil', linkProps: { to: '/' }, isActive: pathname === '/' },
    { text: 'Contrats', linkProps: { to: '/contrats' }, isActive: actif('/contrats') || actif('/fiches') || actif('/seances') },
  ];
  // The regional portfolio: ARS agents of a region and administrators.
  const regionsArs = roles.flatMap((r) => (r.role === 'ars_regional' ? [r.regionCode] : []));
  // Requests to confirm a role in a contract: for whoever speaks for an organisation (its people, referents, ARS agents).
  if (session.organisation || regionsArs.length > 0 || roles.some((r) => r.role === 'referent_organisation'))
    items.push({ text: 'Confirmations', linkProps: { to: '/confirmations' }, isActive: actif('/confirmations') });
  if (estAdmin || regionsArs.length > 0)
    items.push({ text: 'Portefeuille', linkProps: { to: '/portefeuille' }, isActive: actif('/portefeuille') });
  items.push(
    { text: 'Bibliothèque', linkProps: { to: '/bibliotheque' }, isActive: actif('/bibliotheque') },
    // The resource directory (issue 17): who does what, for whom, where; its views, map and imports.
    { text: 'Ressources', linkProps: { to: '/ressources' }, isActive: actif('/ressources') },
    territoires,
    {
      text: 'Annuaire',
      linkProps: { to: '/annuaire' },
      isActive: actif('/annuaire') || actif('/organisations'),
    },
  );
  items.push(
    navigationAppui(actif, equipesAppui.mes.length > 0, estAdmin || regionsArs.length > 0 || roles.some((r) => r.role === 'coordonnateur')),
  );
  // The regional doctrine: its ARS edits it (one link per region it covers).
  if (regionsArs.length === 1) {
    items.push({ text: 'Doctrine', linkProps: { to: `/doctrine/${regionsArs[0]}` }, isActive: actif('/doctrine') });
  } else if (regionsArs.length > 1) {
    items.push({
      text: 'Doctrine',
      isActive: actif('/doctrine'),
      menuLinks: regionsArs.map((code) => ({
        text: `Région ${code}`,
        linkProps: { to: `/doctrine/${code}` },
        isActive: actif(`/doctrine/${code}`),
      })),
    });
  }
  // The indicator catalogue and the vulnerability index: the data roles (admins, ARS). Others reach the read-only
  // catalogue from the diagnostic cards.
  if (estAdmin || regionsArs.length > 0) {
    items.push(
      { text: 'Indicateurs', linkProps: { to: '/indicateurs' }, isActive: actif('/indicateurs') },
      { text: 'Vulnérabilité', linkProps: { to: '/vulnerabilite' }, isActive: actif('/vulnerabilite') },
    );
  }
  if (estAdmin) {
    items.push({
      text: 'Administration',
      isActive: actif('/administration'),
      menuLinks: [
        { text: 'Utilisateurs', linkProps: { to: '/administration/utilisateurs' }, isActive: actif('/administration/utilisateurs') },
        { text: 'Organisations', linkProps: { to: '/administration/organisations' }, isActive: actif('/administration/organisations') },
        { text: 'Doctrines régionales', linkProps: { to: '/doctrine' }, isActive: actif('/doctrine') },
        { text: 'Journal d’audit', linkProps: { to: '/administration/journal' }, isActive: actif('/administration/journal') },
        { text: 'Webhooks', linkProps: { to: '/webhooks' }, isActive: actif('/webhooks') },
      ],
    });
  } else if (roles.some((r) => r.role === 'referent_organisation')) {
    // An organisation's referents subscribe its systems to the changes of its contracts (decision 0039).
    items.push({ text: 'Webhooks', linkProps: { to: '/webhooks' }, isActive: actif('/webhooks') });
  }
  items.push(api);
  return items;
}

/**
 * Appui à la coordination (issue 18): any logged professional may send a request; the team's screens are for its
 * staff; the activity (aggregates only) also for ARS agents, CLS coordinators and administrators.
 */
function navigationAppui(actif: (prefixe: string) => boolean, membre: boolean, voitActivite: boolean): MainNavigationProps.Item {
  const demande = { text: 'Demander un appui', linkProps: { to: '/appui/demande' }, isActive: actif('/appui/demande') };
  const activite = { text: 'Activité', linkProps: { to: '/appui/activite' }, isActive: actif('/appui/activite') };
  const miennes = { text: 'Mes demandes', linkProps: { to: '/appui/mes-demandes' }, isActive: actif('/appui/mes-demandes') };
  if (!membre && !voitActivite) return { text: 'Appui', isActive: actif('/appui'), menuLinks: [demande, miennes] };
  const liens = membre
    ? [
        {
          text: 'Guichet de l’équipe',
          linkProps: { to: '/appui' },
          isActive:
            actif('/appui') &&
            !actif('/appui/demande') &&
            !actif('/appui/mes-demandes') &&
            !actif('/appui/charge') &&
            !actif('/appui/activite'),
        },
        demande,
        { text: 'Charge des gestionnaires', linkProps: { to: '/appui/charge' }, isActive: actif('/appui/charge') },
        activite,
      ]
    : [demande, miennes, activite];
  return { text: 'Appui', isActive: actif('/appui'), menuLinks: liens };
}

export function EnTete() {
  const { session } = useSession();
  const deconnexion = useDeconnexion();
  const naviguer = useNavigate();
  const navigation = useNavigation();

  const accesRapides: HeaderProps.QuickAccessItem[] = session
    ? [
        { iconId: 'fr-icon-account-circle-line', text: 'Mon profil', linkProps: { to: '/profil' } },
        {
          iconId: 'fr-icon-logout-box-r-line',
          text: 'Se déconnecter',
          buttonProps: {
            type: 'button',
            disabled: deconnexion.isPending,
            onClick: () => deconnexion.mutate(undefined, { onSettled: () => naviguer('/connexion', { replace: true }) }),
          },
        },
      ]
    : session === null
      ? [{ iconId: 'fr-icon-lock-line', text: 'Se connecter', linkProps: { to: '/connexion' } }]
      : [];

  return (
    <Header
      brandTop={blocMarque}
      homeLinkProps={lienAccueil}
      serviceTitle={NOM_SERVICE}
      serviceTagline={SLOGAN}
      quickAccessItems={accesRapides}
      navigation={navigation}
      classes={AVEC_MARIANNE ? undefined : { logo: 'fr-hidden' }}
    />
  );
}
