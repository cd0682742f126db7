import { Header, type HeaderProps } from '@codegouvfr/react-dsfr/Header';
import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { useLocation, useNavigate } from 'react-router';
import { useDeconnexion } from '../api/session';
import { AVEC_MARIANNE, blocMarque, lienAccueil, NOM_SERVICE, SLOGAN } from './identite';
import { useSession } from './session';

function useNavigation(): MainNavigationProps.Item[] {
  const { pathname } = useLocation();
  const { session, estAdmin } = useSession();
  const actif = (prefixe: string) => pathname === prefixe || pathname.startsWith(`${prefixe}/`);
  const territoires: MainNavigationProps.Item = { text: 'Territoires', linkProps: { to: '/territoires' }, isActive: actif('/territoires') };
  const api: MainNavigationProps.Item = { text: 'API', linkProps: { href: '/api/docs' } };
  if (!session) return [territoires, api];

  const items: MainNavigationProps.Item[] = [
    { text: 'Accueil', linkProps: { to: '/' }, isActive: pathname === '/' },
    territoires,
    { text: 'Annuaire', linkProps: { to: '/annuaire' }, isActive: actif('/annuaire') },
  ];
  if (estAdmin) {
    items.push({
      text: 'Administration',
      isActive: actif('/administration'),
      menuLinks: [
        { text: 'Utilisateurs', linkProps: { to: '/administration/utilisateurs' }, isActive: actif('/administration/utilisateurs') },
        { text: 'Organisations', linkProps: { to: '/administration/organisations' }, isActive: actif('/administration/organisations') },
        { text: 'Journal d’audit', linkProps: { to: '/administration/journal' }, isActive: actif('/administration/journal') },
      ],
    });
  }
  items.push(api);
  return items;
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
