import { fr } from '@codegouvfr/react-dsfr';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { formaterDate } from '@maillage/domain';
import { useState } from 'react';
import { useAvenants } from '../../api/contrats';
import type { ContratDetail } from '@maillage/domain/api';
import { FichiersContrat } from '../../components/fichiers-contrat';
import { ImportPlan } from './import-plan';
import { editionStructure } from '../../components/statuts-contrat';
import { Telechargement } from '../../components/telechargement';

const aujourdhui = () => new Date().toISOString().slice(0, 10);

/** The contract as DOCX/PDF (current, as signed, consolidated at a date), the plan's exports, and its import. */
export default function OngletDocuments({ contrat }: { contrat: ContratDetail }) {
  const avenants = useAvenants(contrat.id);
  const [date, setDate] = useState(aujourdhui);
  // The grilles de coopération of the contract's parcours, as an annex of the current version when the coordinator asks.
  const [grilles, setGrilles] = useState(false);
  const annexe = grilles ? '?annexes=grilles' : '';
  const base = `/api/contrats/${contrat.id}`;
  const versions = avenants.data?.versions ?? [];
  const signe = versions.length > 0;
  const premiere = versions.map((v) => v.dateEffet).sort()[0];
  const edition = editionStructure(contrat);
  const dateValide = /^\d{4}-\d{2}-\d{2}$/.test(date) && (!premiere || date >= premiere);

  return (
    <>
      <h2>Documents</h2>
      <h3>Le contrat</h3>
      <p className={fr.cx('fr-text--sm')}>
        Le document réunit la couverture, les parties, le contexte, les axes, la gouvernance, les blocs de signature et les fiches-action en
        annexe. Il est produit à la demande.
      </p>
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <h4 className={fr.cx('fr-h6')}>Version actuelle</h4>
          <Checkbox
            small
            options={[
              {
                label: 'Inclure en annexe les grilles de coopération des parcours',
                hintText: 'Qui fait quoi à chaque étape des parcours de santé du contrat',
                nativeInputProps: { checked: grilles, onChange: (e) => setGrilles(e.target.checked) },
              },
            ]}
          />
          <Telechargement
            libelle="Contrat (version actuelle)"
            details={`PDF – état actuel du contrat${grilles ? ', grilles de coopération en annexe' : ''}`}
            chemin={`${base}/document.pdf${annexe}`}
          />
          <Telechargement
            libelle="Contrat (version actuelle)"
            details={`DOCX – modifiable dans un traitement de texte${grilles ? ', grilles en annexe' : ''}`}
            chemin={`${base}/document.docx${annexe}`}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <h4 className={fr.cx('fr-h6')}>Tel que signé</h4>
          {signe ? (
            <>
              <Telechargement
                libelle="Contrat tel que signé"
                details={`PDF – signé le ${formaterDate(premiere)}`}
                chemin={`${base}/document.pdf?version=signee`}
              />
              <Telechargement
                libelle="Contrat tel que signé"
                details={`DOCX – signé le ${formaterDate(premiere)}`}
                chemin={`${base}/document.docx?version=signee`}
              />
            </>
          ) : (
            <p className={fr.cx('fr-text--sm')}>
              {avenants.isPending
                ? 'Chargement des versions…'
                : 'Le contrat n’est pas encore signé : la version signée sera disponible après la signature.'}
            </p>
          )}
        </div>
      </div>
      {signe && (
        <div className={fr.cx('fr-mb-4w')}>
          <h4 className={fr.cx('fr-h6')}>Version consolidée à une date</h4>
          <p className={fr.cx('fr-text--sm')}>Le contrat tel qu’il était en vigueur à cette date, avenants signés compris.</p>
          <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
            <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
              <Input
                label="Date de consolidation"
                hintText={`À partir du ${formaterDate(premiere)}`}
                nativeInputProps={{ type: 'date', value: date, min: premiere, onChange: (e) => setDate(e.target.value) }}
                state={dateValide ? 'default' : 'error'}
                stateRelatedMessage={
                  dateValide ? undefined : `Choisissez une date à partir du ${formaterDate(premiere)}, date de la signature.`
                }
              />
            </div>
            {dateValide && (
              <div className={fr.cx('fr-col-12', 'fr-col-md-8')}>
                <Telechargement
                  libelle={`Contrat consolidé au ${formaterDate(date)}`}
                  details="PDF"
                  chemin={`${base}/document.pdf?date=${date}`}
                />
                <Telechargement
                  libelle={`Contrat consolidé au ${formaterDate(date)}`}
                  details="DOCX"
                  chemin={`${base}/document.docx?date=${date}`}
                />
              </div>
            )}
          </div>
        </div>
      )}

      <h3>Le plan d’action</h3>
      <p className={fr.cx('fr-text--sm')}>
        Une ligne par fiche-action, avec tous ses champs : pour travailler dans un tableur, ou passer le plan à un autre outil.
      </p>
      <Telechargement
        libelle="Plan d’action (format Maillage)"
        details="XLSX – une ligne par fiche et une feuille des axes"
        chemin={`${base}/plan.xlsx`}
      />
      <Telechargement
        libelle="Plan d’action pour Territoires en Transitions"
        details="XLSX – au format d’import de Territoires en Transitions"
        chemin={`${base}/plan.xlsx?format=tet`}
      />
      <Telechargement libelle="Plan d’action (format Maillage)" details="CSV – séparateur « ; », pour Excel" chemin={`${base}/plan.csv`} />

      <h3 className={fr.cx('fr-mt-4w')}>Fichiers du contrat</h3>
      <FichiersContrat contratId={contrat.id} modifiable={contrat.droits.completer} />

      <h3 className={fr.cx('fr-mt-4w')}>Importer un plan d’action</h3>
      {edition.possible ? (
        <ImportPlan contratId={contrat.id} />
      ) : (
        <Notice
          title={edition.raison ?? 'Vous ne pouvez pas modifier ce contrat : l’import de plan d’action est réservé à sa coordination.'}
        />
      )}
    </>
  );
}
