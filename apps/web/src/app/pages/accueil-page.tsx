import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { ROLES_CONTRAT, type Habilitation } from '@maillage/domain';
import { useRegions } from '../../api/territoires';
import { useSession } from '../../app/session';
import { libelleHabilitation, libelleTypeOrganisation } from '../../components/libelles';
import { useTitrePage } from '../../components/titre-page';
import { AccueilAdmin } from '../../features/accueil/accueil-admin';
import { AccueilArs } from '../../features/accueil/accueil-ars';
import { AccueilContrats } from './accueil-contrats';
import { AccueilReferent } from '../../features/accueil/accueil-referent';
import { DemandesEnAttente } from '../../features/accueil/demandes-en-attente';

const estRoleContrat = (h: Habilitation) => (ROLES_CONTRAT as readonly string[]).includes(h.role);

/** Each role has its home (ux.md, "Homes"); a person with several roles sees each part. */
export function AccueilPage() {
  useTitrePage('Accueil');
  const { session, roles, estAdmin } = useSession();
  const regionsArs = useRegions(roles.some((r) => r.role === 'ars_regional'));
  if (!session) return null;
  const { utilisateur, organisation } = session;

  const regions = roles.flatMap((r) => (r.role === 'ars_regional' ? [r.regionCode] : []));
  const organisationsReferent = roles.flatMap((r) => (r.role === 'referent_organisation' ? [r.organisationId] : []));
  const sansRolePlateforme = !estAdmin && regions.length === 0 && organisationsReferent.length === 0;

  return (
    <>
      <h1 className={fr.cx('fr-mb-2w')}>Bonjour {utilisateur.prenom}</h1>
      <p className={fr.cx('fr-text--lead', roles.length > 0 ? 'fr-mb-1w' : 'fr-mb-4w')}>
        {organisation ? (
          <>
            {organisation.nom}
            <span className={fr.cx('fr-text--md')}> — {libelleTypeOrganisation(organisation.type)}</span>
          </>
        ) : (
          'Vous n’êtes rattaché·e à aucune organisation.'
        )}
      </p>
      {roles.length > 0 && (
        <ul className={fr.cx('fr-badges-group', 'fr-mb-4w')} aria-label="Vos rôles">
          {roles.map((r, i) => (
            <li key={i}>
              <Badge small noIcon severity="info" as="span">
                {libelleHabilitation(r, {
                  regions: new Map(regionsArs.data?.map((x) => [x.code, x.nom])),
                  organisations: organisation ? new Map([[organisation.id, organisation.nom]]) : undefined,
                })}
              </Badge>
            </li>
          ))}
        </ul>
      )}

      <DemandesEnAttente actif={!!organisation || regions.length > 0 || organisationsReferent.length > 0} />
      {estAdmin && <AccueilAdmin />}
      {regions.map((code) => (
        <AccueilArs key={code} regionCode={code} />
      ))}
      {organisationsReferent.map((id) => (
        <AccueilReferent key={id} organisationId={id} />
      ))}
      {(sansRolePlateforme || roles.some(estRoleContrat)) && <AccueilContrats />}
    </>
  );
}
