import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { ROLES_COOPERATION, normaliserRoles, type RoleCooperation, type TypeActeurGrille } from '@maillage/domain';
import { useState } from 'react';
import { estErreurApi } from '../../api/client';
import { type GrilleCooperation, type ParcoursVue, useEditionParcours, useGrille } from '../../api/parcours';
import { AlerteErreur, messageErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { ChoixOrganisation } from '../../components/choix-organisation';
import { EtatVide } from '../../components/etat-vide';
import { Telechargement } from '../../components/telechargement';
import './parcours.css';
import { RechercheRessource } from './recherche-ressource';

type Acteur = GrilleCooperation['acteurs'][number];
type Etape = GrilleCooperation['etapes'][number];
const ROLES = Object.entries(ROLES_COOPERATION) as [RoleCooperation, string][];
const cle = (type: TypeActeurGrille, acteurId: string, etapeId: string) => `${type}:${acteurId}:${etapeId}`;

interface PropsCellule {
  acteur: Acteur;
  etape: Etape;
  roles: RoleCooperation[];
  modifiable: boolean;
  enCours: boolean;
  onChanger: (roles: RoleCooperation[], role: RoleCooperation, coche: boolean) => void;
}

/** One cell: what the actor does at the step, as six checkboxes whose names say actor, step and role. */
function Cellule({ acteur, etape, roles, modifiable, enCours, onChanger }: PropsCellule) {
  if (!modifiable)
    return (
      <td>{roles.length ? roles.map((r) => ROLES_COOPERATION[r]).join(', ') : <span className={fr.cx('fr-sr-only')}>Aucun rôle</span>}</td>
    );
  return (
    <td>
      <fieldset className="maillage-cellule-grille">
        <legend className={fr.cx('fr-sr-only')}>
          {acteur.nom} à l’étape « {etape.libelle} »
        </legend>
        {ROLES.map(([role, libelle]) => {
          const id = `cellule-${acteur.id}-${etape.id}-${role}`;
          return (
            <div key={role} className={fr.cx('fr-checkbox-group', 'fr-checkbox-group--sm')}>
              <input
                type="checkbox"
                id={id}
                checked={roles.includes(role)}
                disabled={enCours}
                onChange={(e) => onChanger(e.target.checked ? [...roles, role] : roles.filter((r) => r !== role), role, e.target.checked)}
              />
              <label className={fr.cx('fr-label')} htmlFor={id}>
                {libelle}
                <span className={fr.cx('fr-sr-only')}>
                  {' '}
                  — {acteur.nom}, étape « {etape.libelle} »
                </span>
              </label>
            </div>
          );
        })}
      </fieldset>
    </td>
  );
}

/** Adds a row for an actor who is not yet at a step: an organisation of the directory, or a resource. */
function AjoutActeur({ onAjouter }: { onAjouter: (a: Acteur) => void }) {
  const [ouvert, setOuvert] = useState(false);
  if (!ouvert)
    return (
      <Button type="button" size="small" priority="secondary" iconId="fr-icon-add-line" onClick={() => setOuvert(true)}>
        Ajouter un acteur à la grille
      </Button>
    );
  return (
    <div className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-encart'}>
      <p className={fr.cx('fr-text--bold')}>Ajouter un acteur à la grille</p>
      <p className={fr.cx('fr-text--sm')}>
        Un acteur qui n’est encore à aucune étape : une organisation, ou une ressource du répertoire. Sa ligne est enregistrée dès que vous
        cochez un de ses rôles.
      </p>
      <ChoixOrganisation
        label="Organisation"
        valeur={null}
        creation={false}
        onChange={(id, nom) => {
          if (id && nom) onAjouter({ type: 'organisation', id, nom, organisationNom: null, surLesEtapes: false });
          setOuvert(false);
        }}
      />
      <RechercheRessource
        etapeLibelle="la grille"
        exclure={[]}
        enCours={false}
        onChoisir={(r) => {
          onAjouter({ type: 'ressource', id: r.id, nom: r.nom, organisationNom: r.organisationNom, surLesEtapes: false });
          setOuvert(false);
        }}
      />
      <Button type="button" size="small" priority="tertiary no outline" onClick={() => setOuvert(false)}>
        Annuler
      </Button>
    </div>
  );
}

/** The grid as XLSX, DOCX and PDF, and the contract's document carrying the grids of its parcours as an annex. */
function ExportsGrille({ parcours }: { parcours: ParcoursVue }) {
  const base = `/api/parcours/${parcours.id}`;
  return (
    <>
      <h3 className={fr.cx('fr-h6', 'fr-mt-4w')}>Exporter la grille</h3>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Telechargement libelle="Grille de coopération" details="XLSX – tableur" chemin={`${base}/grille.xlsx`} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Telechargement libelle="Grille de coopération" details="DOCX – traitement de texte" chemin={`${base}/grille.docx`} />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Telechargement libelle="Grille de coopération" details="PDF – pour diffusion" chemin={`${base}/grille.pdf`} />
        </div>
      </div>
      <h3 className={fr.cx('fr-h6')}>En annexe du contrat</h3>
      <p className={fr.cx('fr-text--sm')}>Le document du contrat peut porter en annexe les grilles de coopération de tous ses parcours.</p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement
            libelle="Contrat avec les grilles en annexe"
            details="PDF – état actuel du contrat"
            chemin={`/api/contrats/${parcours.contratId}/document.pdf?annexes=grilles`}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Telechargement
            libelle="Contrat avec les grilles en annexe"
            details="DOCX – modifiable"
            chemin={`/api/contrats/${parcours.contratId}/document.docx?annexes=grilles`}
          />
        </div>
      </div>
    </>
  );
}

/** The grille de coopération locale: actors × steps, each cell the roles of the actor at the step; exports and annex. */
export function GrilleCooperationParcours({ parcours }: { parcours: ParcoursVue }) {
  const grille = useGrille(parcours.id);
  const { cellule } = useEditionParcours(parcours.id);
  const [ajoutes, setAjoutes] = useState<Acteur[]>([]);
  const [enCours, setEnCours] = useState<string | null>(null);
  // The roles just ticked, shown at once while the cell is saved (then the saved grid replaces them).
  const [provisoires, setProvisoires] = useState<Map<string, RoleCooperation[]>>(new Map());
  const [annonce, setAnnonce] = useState('');
  const [erreur, setErreur] = useState<unknown>(null);
  if (grille.isPending) return <Chargement />;
  if (grille.error) return <AlerteErreur erreur={grille.error} titre="Impossible de charger la grille de coopération" />;
  const g = grille.data;
  const etapes = [...g.etapes].sort((a, b) => a.position - b.position);
  const connus = new Set(g.acteurs.map((a) => `${a.type}:${a.id}`));
  const acteurs = [...g.acteurs, ...ajoutes.filter((a) => !connus.has(`${a.type}:${a.id}`))];
  const cellules = new Map(g.cellules.map((c) => [cle(c.acteurType, c.acteurId, c.etapeId), c]));

  const changer = (acteur: Acteur, etape: Etape, roles: RoleCooperation[], role: RoleCooperation, coche: boolean) => {
    const k = cle(acteur.type, acteur.id, etape.id);
    setEnCours(k);
    setErreur(null);
    setProvisoires((m) => new Map(m).set(k, roles));
    cellule.mutate(
      {
        acteurType: acteur.type,
        acteurId: acteur.id,
        etapeId: etape.id,
        roles: normaliserRoles(roles),
        version: cellules.get(k)?.version ?? 0,
      },
      {
        onSuccess: () =>
          setAnnonce(`${acteur.nom}, étape « ${etape.libelle} » : « ${ROLES_COOPERATION[role]} » ${coche ? 'ajouté' : 'retiré'}.`),
        onError: (e) => {
          setErreur(e);
          setAnnonce(messageErreur(e));
          if (estErreurApi(e, 409)) grille.refetch();
        },
        onSettled: () => {
          setEnCours(null);
          setProvisoires((m) => {
            const n = new Map(m);
            n.delete(k);
            return n;
          });
        },
      },
    );
  };

  return (
    <>
      <h2>Grille de coopération locale</h2>
      <p className={fr.cx('fr-text--sm')}>
        Qui fait quoi à chaque étape : chaque case dit si l’acteur repère, informe, oriente, évalue, prend en charge ou coordonne.
        {g.modifiable ? ' Cochez ou décochez un rôle : il est enregistré aussitôt.' : ''} Les ressources placées aux étapes y figurent
        d’office.
      </p>
      <p role="status" className={fr.cx('fr-sr-only')}>
        {annonce}
      </p>
      {erreur ? (
        <AlerteErreur
          erreur={erreur}
          titre={estErreurApi(erreur, 409) ? 'La case a changé entre-temps : la grille est rechargée' : 'La case n’a pas changé'}
        />
      ) : null}
      {!etapes.length ? (
        <EtatVide titre="Aucune étape" titreAs="h3">
          <p>La grille croise les acteurs et les étapes : ajoutez d’abord les étapes du parcours.</p>
        </EtatVide>
      ) : (
        <>
          {g.modifiable && <AjoutActeur onAjouter={(a) => setAjoutes((l) => [...l, a])} />}
          {!acteurs.length && <p>Aucun acteur pour l’instant : placez des ressources aux étapes, ou ajoutez un acteur à la grille.</p>}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a wide table scrolls inside this region, reachable by keyboard. */}
          <div className="maillage-defilement" tabIndex={0} role="region" aria-label="Grille de coopération (défilement horizontal)">
            <div className={fr.cx('fr-table', 'fr-table--bordered')}>
              <table>
                <caption>Grille de coopération locale — parcours « {g.titre} »</caption>
                <thead>
                  <tr>
                    <th scope="col">Acteur</th>
                    {etapes.map((e) => (
                      <th key={e.id} scope="col">
                        {e.position}. {e.libelle}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {acteurs.map((a) => (
                    <tr key={`${a.type}:${a.id}`}>
                      <th scope="row">
                        {a.nom}
                        {a.organisationNom && (
                          <span className={fr.cx('fr-text--xs')} style={{ display: 'block' }}>
                            {a.organisationNom}
                          </span>
                        )}
                      </th>
                      {etapes.map((e) => {
                        const k = cle(a.type, a.id, e.id);
                        return (
                          <Cellule
                            key={e.id}
                            acteur={a}
                            etape={e}
                            roles={provisoires.get(k) ?? cellules.get(k)?.roles ?? []}
                            modifiable={g.modifiable}
                            enCours={enCours === k}
                            onChanger={(roles, role, coche) => changer(a, e, roles, role, coche)}
                          />
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </>
      )}
      <ExportsGrille parcours={parcours} />
    </>
  );
}
