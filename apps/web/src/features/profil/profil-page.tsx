import { fr } from '@codegouvfr/react-dsfr';
import { useSession } from '../../app/session';
import { libelleHabilitation, libelleTypeOrganisation } from '../../components/libelles';
import { useTitrePage } from '../../components/titre-page';
import { ChangementMotDePasse } from './changement-mot-de-passe';
import { JetonsApi } from './jetons-api';
import { PreferencesCourriel } from './preferences-courriel';

export default function ProfilPage() {
  useTitrePage('Mon profil');
  const { session, roles } = useSession();
  if (!session) return null;
  const { utilisateur, organisation } = session;
  const noms = { organisations: organisation ? new Map([[organisation.id, organisation.nom]]) : undefined };

  return (
    <>
      <h1>Mon profil</h1>
      <section className={fr.cx('fr-mb-6w')} aria-labelledby="profil-identite">
        <h2 id="profil-identite">Identité</h2>
        <ul className={fr.cx('fr-raw-list')}>
          <li className={fr.cx('fr-mb-1w')}>
            <span className={fr.cx('fr-text--bold')}>Nom : </span>
            {utilisateur.prenom} {utilisateur.nom}
          </li>
          <li className={fr.cx('fr-mb-1w')}>
            <span className={fr.cx('fr-text--bold')}>Adresse e-mail : </span>
            {utilisateur.email}
          </li>
          <li className={fr.cx('fr-mb-1w')}>
            <span className={fr.cx('fr-text--bold')}>Organisation : </span>
            {organisation ? `${organisation.nom} (${libelleTypeOrganisation(organisation.type)})` : 'aucune'}
          </li>
          <li className={fr.cx('fr-mb-1w')}>
            <span className={fr.cx('fr-text--bold')}>Rôles : </span>
            {roles.length === 0 ? 'aucun rôle pour le moment' : roles.map((r) => libelleHabilitation(r, noms)).join(' ; ')}
          </li>
        </ul>
        <p className={fr.cx('fr-text--sm')}>
          Pour corriger votre nom, votre organisation ou vos rôles, adressez-vous à un administrateur de la plateforme.
        </p>
      </section>
      <PreferencesCourriel />
      <ChangementMotDePasse />
      <JetonsApi />
    </>
  );
}
