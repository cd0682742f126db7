import { fr } from '@codegouvfr/react-dsfr';
import { Table } from '@codegouvfr/react-dsfr/Table';
import {
  DETERMINANTS,
  DIMENSIONS_RIFKIN,
  formaterDate,
  formaterMontant,
  formaterNombre,
  formaterPeriode,
  INTERVENTIONS,
  ISTS,
  LIBELLES_PRIORITE,
  LIBELLES_STATUT_FICHE,
  LIBELLES_STATUT_FINANCEMENT,
  LIBELLES_TYPE_INDICATEUR,
  libelleTerme,
  niveauTetDepuisRifkin,
  PUBLICS,
  SECTEURS,
  THEMATIQUES,
  TYPES_PARTICIPATION,
  valeurDeMesure,
  type Terme,
  type StatutFinancement,
} from '@maillage/domain';
import type { ReactNode } from 'react';
import type { FicheDetail } from '@maillage/domain/api';
import { DispositifsFiche } from './dispositifs-fiche';

const NON = <span className={fr.cx('fr-text--sm')}>Non renseigné</span>;
const ouiNon = (v: boolean | null | undefined) => (v === true ? 'Oui' : v === false ? 'Non' : NON);

function Ligne({ libelle, children }: { libelle: string; children: ReactNode }) {
  return (
    <p className={fr.cx('fr-mb-1w')}>
      <strong>{libelle} :</strong> {children}
    </p>
  );
}

/** A long text, its line breaks kept. */
function Texte({ libelle, valeur }: { libelle: string; valeur: string | null | undefined }) {
  return (
    <>
      <p className={fr.cx('fr-mb-1v', 'fr-text--bold')}>{libelle}</p>
      <p className="maillage-texte-long">{valeur || NON}</p>
    </>
  );
}

function Termes({ termes, codes, vide = 'Aucun' }: { termes: readonly Terme[]; codes: string[] | undefined; vide?: string }) {
  if (!codes?.length) return <p className={fr.cx('fr-text--sm')}>{vide}.</p>;
  const groupes = [...new Set(termes.filter((t) => codes.includes(t.code)).map((t) => t.groupe ?? ''))];
  if (groupes.length <= 1)
    return (
      <ul>
        {codes.map((c) => (
          <li key={c}>{libelleTerme(termes, c)}</li>
        ))}
      </ul>
    );
  return (
    <ul>
      {groupes.map((g) => (
        <li key={g}>
          {g}
          <ul>
            {termes
              .filter((t) => t.groupe === g && codes.includes(t.code))
              .map((t) => (
                <li key={t.code}>{t.libelle}</li>
              ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export const LectureAxeObjectif = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Ligne libelle="Numéro">{fiche.numero}</Ligne>
    <Ligne libelle="Axe stratégique">{fiche.axe ? `${fiche.axe.numero}. ${fiche.axe.intitule}` : 'Aucun'}</Ligne>
    <Ligne libelle="Objectif stratégique">{fiche.objectif ? `${fiche.objectif.numero}. ${fiche.objectif.intitule}` : 'Aucun'}</Ligne>
  </>
);

export const LecturePilotes = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <ul>{fiche.pilotes.length ? fiche.pilotes.map((p, i) => <li key={i}>{p.libelle}</li>) : <li>À définir</li>}</ul>
    <Ligne libelle="Personnes référentes">{fiche.personnesReferentes || NON}</Ligne>
  </>
);

export const LectureDuree = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Ligne libelle="Durée">{fiche.duree === 'annuelle' ? 'Annuelle' : fiche.duree === 'pluriannuelle' ? 'Pluriannuelle' : NON}</Ligne>
    <Ligne libelle="Période">{fiche.debut || fiche.fin ? formaterPeriode(fiche.debut, fiche.fin) : NON}</Ligne>
  </>
);

export const LectureArgumentation = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Texte libelle="Argumentation" valeur={fiche.argumentation} />
    <Ligne libelle="ISTS identifiées">{ouiNon(fiche.istsIdentifiees)}</Ligne>
    {fiche.istsIdentifiees && <Termes termes={ISTS} codes={fiche.ists} />}
    {fiche.istsPrecision && <Ligne libelle="Précisions">{fiche.istsPrecision}</Ligne>}
    <Ligne libelle="Territoires concernés">
      {fiche.territoireTout !== false ? 'Tout le territoire du contrat' : fiche.territoiresConcernes || NON}
    </Ligne>
  </>
);

export const LecturePublic = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Termes termes={PUBLICS} codes={fiche.publics} vide="Aucun public renseigné" />
    {fiche.publicPrecision && <Ligne libelle="Précisions">{fiche.publicPrecision}</Ligne>}
    <Ligne libelle="Vise le public concerné par les ISTS">{ouiNon(fiche.publicCibleIsts)}</Ligne>
  </>
);

export const LectureAvancement = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Ligne libelle="Action déjà en cours">{ouiNon(fiche.dejaEnCours)}</Ligne>
    {fiche.dejaEnCours && (
      <Ligne libelle="Phase">
        {fiche.phase === 'evaluation' ? 'Évaluation' : fiche.phase === 'mise_en_oeuvre' ? 'Mise en œuvre' : NON}
      </Ligne>
    )}
  </>
);

export const LectureDescription = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Texte libelle="Description" valeur={fiche.description} />
    <p className={fr.cx('fr-mb-1v', 'fr-text--bold')}>Objectifs opérationnels</p>
    {fiche.objectifsOperationnels?.length ? (
      <ul>
        {fiche.objectifsOperationnels.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
    ) : (
      <p>{NON}</p>
    )}
    <Ligne libelle="Visent la réduction des ISTS">{ouiNon(fiche.objectifsCiblentIsts)}</Ligne>
    {fiche.etapes?.length ? (
      <Table
        caption="Déroulé : les étapes"
        headers={['Étape', 'Pilote', 'Statut', 'Début', 'Fin']}
        data={fiche.etapes.map((e) => [
          e.description ? (
            <>
              {e.libelle}
              <br />
              <span className={fr.cx('fr-text--xs')}>{e.description}</span>
            </>
          ) : (
            e.libelle
          ),
          e.pilote || '—',
          e.statut ? LIBELLES_STATUT_FICHE[e.statut] : '—',
          formaterDate(e.debut) || '—',
          formaterDate(e.fin) || '—',
        ])}
      />
    ) : (
      <Ligne libelle="Étapes">{NON}</Ligne>
    )}
  </>
);

export const LectureDeterminants = ({ fiche }: { fiche: FicheDetail }) => <Termes termes={DETERMINANTS} codes={fiche.determinants} />;
export const LectureInterventions = ({ fiche }: { fiche: FicheDetail }) => (
  <Termes termes={INTERVENTIONS} codes={fiche.interventions} vide="Aucune" />
);

export const LecturePartenaires = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    {fiche.partenaires?.length ? (
      <Table
        caption="Partenaires de l’action"
        headers={['Secteur', 'Acteur', 'Participation']}
        data={fiche.partenaires.map((p) => [
          libelleTerme(SECTEURS, p.secteur),
          p.acteur,
          (p.participation ?? []).map((c) => libelleTerme(TYPES_PARTICIPATION, c)).join(', ') || '—',
        ])}
      />
    ) : (
      <p className={fr.cx('fr-text--sm')}>Aucun partenaire.</p>
    )}
    <DispositifsFiche fiche={fiche} />
  </>
);

export const LectureParticipation = ({ fiche }: { fiche: FicheDetail }) => {
  const rifkin = (fiche.rifkin ?? {}) as Record<string, number | undefined>;
  return (
    <>
      <Ligne libelle="Participation citoyenne">{ouiNon(fiche.participationCitoyenne)}</Ligne>
      <Table
        caption="Échelle de Rifkin (1 : participation faible, 5 : forte)"
        headers={['Dimension', 'Niveau']}
        data={DIMENSIONS_RIFKIN.map((d) => [d.libelle, rifkin[d.code] ? `${rifkin[d.code]} sur 5` : 'Non évalué'])}
      />
      <Ligne libelle="Équivalent Territoires en Transitions">{niveauTetDepuisRifkin(rifkin)}</Ligne>
      {fiche.facteursFacilitants && <Texte libelle="Facteurs facilitants" valeur={fiche.facteursFacilitants} />}
      {fiche.difficultes && <Texte libelle="Difficultés" valeur={fiche.difficultes} />}
    </>
  );
};

export const LectureSuivi = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    {fiche.indicateurs?.length ? (
      <Table
        caption="Indicateurs de suivi"
        headers={['Indicateur', 'Type', 'Unité', 'Méthode', 'Cible']}
        data={fiche.indicateurs.map((i) => [
          i.libelle,
          LIBELLES_TYPE_INDICATEUR[i.type],
          i.pourcentage ? '%' : i.unite || '—',
          i.methode || '—',
          i.cible ||
            (i.cibles?.length
              ? i.cibles
                  .map((c) => `${c.periode} : ${formaterNombre(valeurDeMesure(c, !!i.pourcentage) ?? 0)}${i.pourcentage ? ' %' : ''}`)
                  .join(' ; ')
              : '—'),
        ])}
      />
    ) : (
      <p className={fr.cx('fr-text--sm')}>Aucun indicateur.</p>
    )}
    <Texte libelle="Méthode d’évaluation" valeur={fiche.methodeEvaluation} />
  </>
);

export const LectureFinancement = ({ fiche }: { fiche: FicheDetail }) =>
  fiche.financements.length ? (
    <Table
      caption={`Lignes de financement (total : ${formaterMontant(fiche.totalFinancementCentimes)})`}
      headers={['Financeur', 'Dispositif', 'Année', 'Montant', 'Nature', 'Statut', 'Valorisation']}
      data={fiche.financements.map((l) => [
        l.financeurNom ?? l.financeurLibelle ?? '—',
        l.dispositif,
        String(l.annee),
        formaterMontant(l.montantCentimes),
        l.nature === 'investissement' ? 'Investissement' : 'Fonctionnement',
        LIBELLES_STATUT_FINANCEMENT[l.statut as StatutFinancement] ?? l.statut,
        l.valorisationNature || '—',
      ])}
    />
  ) : (
    <p className={fr.cx('fr-text--sm')}>Aucune ligne de financement.</p>
  );

export const LectureClassement = ({ fiche }: { fiche: FicheDetail }) => (
  <>
    <Ligne libelle="Statut">{fiche.statutLibelle}</Ligne>
    <Ligne libelle="Priorité">{fiche.priorite ? LIBELLES_PRIORITE[fiche.priorite] : NON}</Ligne>
    <Ligne libelle="Thématiques">
      {fiche.thematiques.length ? fiche.thematiques.map((t) => libelleTerme(THEMATIQUES, t)).join(', ') : NON}
    </Ligne>
    {fiche.notes && <Texte libelle="Notes" valeur={fiche.notes} />}
  </>
);
