import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { LIBELLES_TYPE_TERRITOIRE, TYPES_TERRITOIRE, type TypeTerritoire } from '@maillage/domain';
import { Link } from 'react-router';
import { useRechercheTerritoires } from '../../api/territoires';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { FormulaireRecherche } from '../../components/formulaire-recherche';

const LIMITE = 50;

export default function TerritoiresPage() {
  useTitrePage('Territoires');
  const { valeurs, champ, soumettre } = useFiltresUrl(['q', 'type'] as const);
  const type = (TYPES_TERRITOIRE as readonly string[]).includes(valeurs.type) ? valeurs.type : '';
  const recherche = useRechercheTerritoires({ q: valeurs.q, type, limite: LIMITE });

  const filtre = valeurs.q || type;
  return (
    <>
      <h1>Territoires</h1>
      <p className={fr.cx('fr-text--lead')}>
        Le référentiel géographique de Maillage : communes, EPCI, départements et régions, avec leur population légale. Le périmètre d’un
        contrat local de santé se compose d’EPCI et de communes.
      </p>
      <FormulaireRecherche onSubmit={soumettre} libelle="Rechercher un territoire">
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Nom ou code"
            hintText="Exemples : Redon, 35236 (code INSEE), 243500139 (SIREN d’un EPCI)"
            nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 100 }}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-3')}>
          <Select label="Type de territoire" nativeSelectProps={champ('type')}>
            <option value="">Tous les types</option>
            {TYPES_TERRITOIRE.map((t) => (
              <option key={t} value={t}>
                {LIBELLES_TYPE_TERRITOIRE[t]}
              </option>
            ))}
          </Select>
        </div>
      </FormulaireRecherche>

      {recherche.isPending ? (
        <Chargement libelle="Recherche en cours…" />
      ) : recherche.error ? (
        <AlerteErreur erreur={recherche.error} />
      ) : recherche.data.length === 0 ? (
        <div role="status">
          <h2>Aucun territoire trouvé</h2>
          <p>
            Vérifiez l’orthographe, essayez le début du nom (« Saint-Ma ») ou le code INSEE. Les communes nouvelles portent le nom issu de
            la fusion.
          </p>
        </div>
      ) : (
        <Table
          caption={
            filtre
              ? `Résultats de la recherche (${recherche.data.length}${recherche.data.length === LIMITE ? ' premiers' : ''})`
              : 'Territoires les plus peuplés'
          }
          headers={['Nom', 'Type', 'Code', 'Département', 'Région', 'Population']}
          data={recherche.data.map((t) => [
            <Link key="n" to={`/territoires/${t.type}/${t.code}`}>
              {t.nom}
            </Link>,
            LIBELLES_TYPE_TERRITOIRE[t.type as TypeTerritoire] ?? t.type,
            t.code,
            t.departementCode ?? '—',
            t.regionCode ?? '—',
            formaterNombre(t.population),
          ])}
        />
      )}
    </>
  );
}
