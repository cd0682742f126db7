import { fr } from '@codegouvfr/react-dsfr';
import { Notice } from '@codegouvfr/react-dsfr/Notice';
import { formaterNombre } from '@maillage/domain';
import type { Indicateur } from '@maillage/domain/api';
import { METHODES_EXPLIQUEES, POLARITES_EXPLIQUEES } from '../../components/libelles-indicateurs';

function Ligne({ terme, children }: { terme: string; children: React.ReactNode }) {
  return (
    <div className={fr.cx('fr-mb-2w')}>
      <dt className={fr.cx('fr-text--bold')}>{terme}</dt>
      <dd className={fr.cx('fr-ml-0')}>{children}</dd>
    </div>
  );
}

/** An indicator's definition for those who read the catalogue without maintaining it. */
export function LectureIndicateur({ indicateur: i }: { indicateur: Indicateur }) {
  return (
    <>
      <Notice
        className={fr.cx('fr-mb-3w')}
        title="Consultation seule : le catalogue est tenu par les agents d’ARS et les administrateurs de la plateforme."
      />
      <dl>
        <Ligne terme="Famille">{i.famille}</Ligne>
        <Ligne terme="Unité">
          {i.unite} (facteur {formaterNombre(i.facteur)})
        </Ligne>
        {(i.numerateur || i.denominateur) && (
          <Ligne terme="Calcul">
            {i.numerateur ?? '?'} rapporté à {i.denominateur ?? '?'}
          </Ligne>
        )}
        {i.standardisation && <Ligne terme="Standardisation">{i.standardisation}</Ligne>}
        <Ligne terme="Polarité">
          {POLARITES_EXPLIQUEES[i.polarite].libelle}. {POLARITES_EXPLIQUEES[i.polarite].explication}
        </Ligne>
        <Ligne terme="Méthode d’agrégation">
          {METHODES_EXPLIQUEES[i.methodeAgregation].libelle}. {METHODES_EXPLIQUEES[i.methodeAgregation].explication}
        </Ligne>
        <Ligne terme="Valeurs">
          {i.denombrement
            ? 'Dénombrement : nombres entiers seulement (une valeur décimale est refusée à l’import).'
            : 'Nombres décimaux acceptés.'}
        </Ligne>
        <Ligne terme="Source">{[i.source, i.millesime].filter(Boolean).join(', ') || 'non précisée'}</Ligne>
        {i.regleSecret && <Ligne terme="Secret statistique">{i.regleSecret}</Ligne>}
      </dl>
    </>
  );
}
