import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { PUBLICS_RESSOURCE, type PublicRessource } from '@maillage/domain';
import { Link } from 'react-router';
import { useCommunesNommees, useRessourcesPubliques } from '../../api/ressources-publiques';
import { useTerritoire } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { FormulaireRecherche } from '../../components/formulaire-recherche';
import { useTitrePage } from '../../components/titre-page';
import { FicheRessourcePublique } from './fiche-ressource-publique';

const CODE_INSEE = /^(\d{5}|2[AB]\d{3})$/i;
const sansAccents = (t: string) =>
  t
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'’-]+/g, ' ')
    .trim();

/**
 * The commune a visitor typed, by INSEE code or by name: a code is taken as is; a name is looked up in the public
 * référentiel and taken when one commune bears it (or only one answers), else the visitor chooses among them.
 */
function useCommuneSaisie(saisie: string) {
  const texte = saisie.trim();
  const estCode = CODE_INSEE.test(texte);
  const recherche = useCommunesNommees(texte, !!texte && !estCode);
  // A code typed or chosen: its name, for the heading (the code alone until it comes, or if it is unknown).
  const parCode = useTerritoire(estCode ? 'commune' : undefined, estCode ? texte.toUpperCase() : undefined);
  if (!texte) return { etat: 'aucune' as const };
  if (estCode) return { etat: 'trouvee' as const, code: texte.toUpperCase(), nom: parCode.data?.nom ?? null };
  if (recherche.isPending) return { etat: 'recherche' as const };
  if (recherche.error) return { etat: 'erreur' as const, erreur: recherche.error };
  const communes = recherche.data ?? [];
  const memeNom = communes.filter((c) => sansAccents(c.nom) === sansAccents(texte));
  const retenues = memeNom.length ? memeNom : communes;
  if (retenues.length === 1) return { etat: 'trouvee' as const, code: retenues[0].code, nom: retenues[0].nom };
  if (retenues.length === 0) return { etat: 'inconnue' as const };
  return { etat: 'plusieurs' as const, communes: retenues };
}

/** /public/ressources: the published resources of the territories, for anybody (no account), by commune and public. */
export default function RessourcesPubliquesPage() {
  useTitrePage('Ressources de santé près de chez vous');
  const { valeurs, champ, soumettre, appliquer } = useFiltresUrl(['commune', 'public'] as const);
  const commune = useCommuneSaisie(valeurs.commune);
  const publicChoisi = (valeurs.public || undefined) as PublicRessource | undefined;
  const pret = commune.etat === 'aucune' || commune.etat === 'trouvee';
  const ressources = useRessourcesPubliques({ commune: commune.etat === 'trouvee' ? commune.code : undefined, public: publicChoisi }, pret);

  return (
    <>
      <h1>Ressources de santé près de chez vous</h1>
      <p className={fr.cx('fr-text--lead')}>
        Les dispositifs et services de santé, d’accompagnement et de coordination que les acteurs des contrats locaux de santé ont choisi de
        rendre publics : qui fait quoi, pour qui, et comment les joindre.
      </p>
      <FormulaireRecherche onSubmit={soumettre} libelle="Rechercher une ressource" colonneBouton="fr-col-md-3">
        <div className={fr.cx('fr-col-12', 'fr-col-md-5')}>
          <Input
            label="Commune"
            hintText="Nom ou code INSEE, par exemple Redon ou 35236"
            nativeInputProps={{ ...champ('commune'), autoComplete: 'address-level2' }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Select label="Public" hint="La personne concernée" nativeSelectProps={champ('public')}>
            <option value="">Tous les publics</option>
            {Object.entries(PUBLICS_RESSOURCE)
              .filter(([code]) => code !== 'tous_publics')
              .map(([code, libelle]) => (
                <option key={code} value={code}>
                  {libelle}
                </option>
              ))}
          </Select>
        </div>
      </FormulaireRecherche>

      {commune.etat === 'recherche' ? (
        <Chargement libelle="Recherche de la commune…" />
      ) : commune.etat === 'erreur' ? (
        <AlerteErreur erreur={commune.erreur} titre="Impossible de chercher la commune" />
      ) : commune.etat === 'inconnue' ? (
        <EtatVide titre={`Aucune commune ne s’appelle « ${valeurs.commune} »`}>
          <p>Vérifiez l’orthographe, ou saisissez le code INSEE de la commune (5 caractères).</p>
        </EtatVide>
      ) : commune.etat === 'plusieurs' ? (
        <section aria-labelledby="titre-communes">
          <h2 id="titre-communes">Plusieurs communes correspondent : laquelle ?</h2>
          <ul>
            {commune.communes.map((c) => (
              <li key={c.code}>
                <Link to={`?${new URLSearchParams({ commune: c.code, ...(publicChoisi ? { public: publicChoisi } : {}) })}`}>
                  {c.nom} ({c.departementCode ? `département ${c.departementCode}, ` : ''}code {c.code})
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : ressources.isPending || ressources.isPlaceholderData ? (
        <Chargement libelle="Recherche des ressources…" />
      ) : ressources.error ? (
        <AlerteErreur erreur={ressources.error} titre="Impossible de charger les ressources" />
      ) : (
        <section aria-labelledby="titre-resultats">
          <h2 id="titre-resultats" aria-live="polite">
            {ressources.data.length === 0
              ? 'Aucune ressource publiée'
              : `${formaterNombre(ressources.data.length)} ressource${ressources.data.length > 1 ? 's' : ''}`}
            {commune.etat === 'trouvee' ? ` pour ${commune.nom ?? `la commune ${commune.code}`}` : ''}
            {publicChoisi ? ` – ${PUBLICS_RESSOURCE[publicChoisi]}` : ''}
          </h2>
          {ressources.data.length === 0 ? (
            <EtatVide titre="Rien n’est encore publié pour cette recherche" titreAs="h3">
              <p>
                Essayez sans choisir de public, ou une commune voisine. Seules les ressources que leurs responsables ont publiées
                apparaissent ici.
              </p>
              {valeurs.commune || publicChoisi ? (
                <p>
                  <button type="button" className={fr.cx('fr-link')} onClick={() => appliquer({})}>
                    Voir toutes les ressources publiées
                  </button>
                </p>
              ) : null}
            </EtatVide>
          ) : (
            <ul className={fr.cx('fr-raw-list')}>
              {ressources.data.map((r) => (
                <li key={r.id} className={fr.cx('fr-mb-3w')}>
                  <FicheRessourcePublique ressource={r} />
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
