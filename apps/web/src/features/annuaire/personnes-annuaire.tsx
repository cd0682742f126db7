import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { can } from '@maillage/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Personne } from '@maillage/domain/api';
import { usePersonnes } from '../../api/annuaire';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { useFiltresUrl } from '../../components/filtres-url';
import { formaterNombre } from '../../components/format';
import { FormulaireRecherche } from '../../components/formulaire-recherche';
import { FormulairePersonne } from './formulaire-personne';

/** Who the user may add: anyone (admin), or people of the organisations they are referent of. */
export function useDroitsPersonnes() {
  const { sujet, estAdmin, roles, session } = useSession();
  const organisations = roles.flatMap((r) =>
    r.role === 'referent_organisation'
      ? [
          {
            id: r.organisationId,
            nom: (r as { organisationNom?: string }).organisationNom ?? session?.organisation?.nom ?? 'mon organisation',
          },
        ]
      : [],
  );
  return {
    peutAjouter: estAdmin || organisations.length > 0,
    organisationFixe: estAdmin ? undefined : organisations[0],
    peutModifier: (p: Pick<Personne, 'organisationId'>) => can(sujet, 'modifier', { type: 'organisation', id: p.organisationId }),
  };
}

/** The persons of the directory (contacts, members of instances, referents): search, add, edit. */
export function PersonnesAnnuaire({ organisation, titreAs = 'h2' }: { organisation?: { id: string; nom: string }; titreAs?: 'h2' | 'h3' }) {
  const organisationId = organisation?.id;
  const { valeurs, champ, soumettre } = useFiltresUrl(['q'] as const, ['onglet']);
  const q = organisationId ? undefined : valeurs.q || undefined;
  const personnes = usePersonnes({ q, organisationId });
  const droits = useDroitsPersonnes();
  const [edite, setEdite] = useState<string | 'nouvelle' | null>(null);
  const [message, setMessage] = useState('');
  const fermer = (m?: string) => {
    setEdite(null);
    if (m) setMessage(m);
  };
  const Titre = titreAs;
  const liste = personnes.data ?? [];
  const enEdition = liste.find((p) => p.id === edite);
  const modifiable = liste.some((p) => droits.peutModifier(p));
  const ajout = organisationId ? droits.peutModifier({ organisationId }) : droits.peutAjouter;

  return (
    <section aria-labelledby="annuaire-personnes">
      <Titre id="annuaire-personnes">Personnes</Titre>
      {!organisationId && (
        <FormulaireRecherche onSubmit={soumettre} libelle="Rechercher une personne" marge="fr-mb-3w">
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Input label="Nom, prénom ou adresse e-mail" nativeInputProps={{ ...champ('q'), type: 'search', maxLength: 100 }} />
          </div>
        </FormulaireRecherche>
      )}
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {ajout && edite !== 'nouvelle' && (
        <Button
          type="button"
          priority="secondary"
          iconId="fr-icon-user-add-line"
          className={fr.cx('fr-mb-3w')}
          onClick={() => setEdite('nouvelle')}
        >
          Ajouter une personne
        </Button>
      )}
      {edite === 'nouvelle' && <FormulairePersonne organisationFixe={organisation ?? droits.organisationFixe} onFermer={fermer} />}
      {enEdition && <FormulairePersonne key={enEdition.id} personne={enEdition} onFermer={fermer} />}
      {personnes.isPending ? (
        <Chargement />
      ) : personnes.error ? (
        <AlerteErreur erreur={personnes.error} as="h3" />
      ) : liste.length === 0 ? (
        q ? (
          <div role="status">
            <p>Aucune personne ne correspond à « {q} ». Essayez le nom seul, ou une partie de l’adresse e-mail.</p>
          </div>
        ) : (
          <EtatVide titre="Aucune personne enregistrée" titreAs={titreAs === 'h2' ? 'h3' : 'h4'} iconId="fr-icon-user-line">
            <p>
              L’annuaire garde les contacts des organisations : élus, chargés de mission, référents. Une personne peut siéger dans une
              instance et recevoir ses invitations, même sans compte Maillage.
            </p>
          </EtatVide>
        )
      ) : (
        <>
          {liste.some((p) => !p.coordonneesVisibles) && (
            <p className={fr.cx('fr-text--sm')}>
              Vous voyez les personnes des contrats où vous avez un rôle. Leurs adresses e-mail et téléphones ne sont montrés qu’à qui
              organise le contrat (coordination, ARS, référents de leur organisation).
            </p>
          )}
          <Table
            caption={`Personnes${q ? ' trouvées' : ''} (${formaterNombre(liste.length)}${liste.length >= 500 ? ', 500 premières' : ''})`}
            headers={[
              'Nom',
              'Fonction',
              'Organisation',
              'Adresse e-mail',
              'Téléphone',
              'Compte Maillage',
              ...(modifiable ? ['Actions'] : []),
            ]}
            data={liste.map((p) => [
              `${p.prenom} ${p.nom}`,
              p.fonction ?? '—',
              p.organisationId ? (
                <Link key="o" to={`/organisations/${p.organisationId}`}>
                  {p.organisationNom}
                </Link>
              ) : (
                '—'
              ),
              p.email ? (
                <a key="m" href={`mailto:${p.email}`}>
                  {p.email}
                </a>
              ) : p.coordonneesVisibles ? (
                '—'
              ) : (
                'Non communiquée'
              ),
              p.telephone ?? (p.coordonneesVisibles ? '—' : 'Non communiqué'),
              p.aUnCompte ? 'Oui' : 'Non',
              ...(modifiable
                ? [
                    droits.peutModifier(p) ? (
                      <Button
                        key="e"
                        type="button"
                        size="small"
                        priority="tertiary no outline"
                        iconId="fr-icon-edit-line"
                        onClick={() => setEdite(p.id)}
                        nativeButtonProps={{ 'aria-label': `Modifier ${p.prenom} ${p.nom}` }}
                      >
                        Modifier
                      </Button>
                    ) : (
                      ''
                    ),
                  ]
                : []),
            ])}
          />
        </>
      )}
    </section>
  );
}
