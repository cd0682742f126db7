import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { formaterDate, NATURES_AVIS, STATUTS_AVIS, type StatutAvis } from '@maillage/domain';
import { useState } from 'react';
import { type AvisAModerer, useAvisAModerer, useModerationAvis } from '../../api/participation-public';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { pluriel } from '../../components/format';

const SEVERITE: Record<StatutAvis, 'new' | 'success' | 'error'> = { en_attente: 'new', publie: 'success', rejete: 'error' };

/** One opinion and its moderation: publish (with a public answer) or reject with a reason. */
function AvisAModererCarte({ contratId, a }: { contratId: string; a: AvisAModerer }) {
  const moderation = useModerationAvis(contratId);
  const [reponse, setReponse] = useState(a.reponse ?? '');
  const [motif, setMotif] = useState(a.motifRejet ?? '');
  const titre = `avis-${a.id}-titre`;
  const decider = (decision: 'publier' | 'rejeter') =>
    moderation.mutate({
      id: a.id,
      decision,
      version: a.version,
      reponse: decision === 'publier' ? reponse || null : null,
      motif: decision === 'rejeter' ? motif || null : null,
    });
  return (
    <article aria-labelledby={titre} className={fr.cx('fr-p-2w', 'fr-mb-2w') + ' maillage-element-chaine'}>
      <h4 id={titre} className={fr.cx('fr-h6', 'fr-mb-1w')}>
        {NATURES_AVIS[a.nature]} du {formaterDate(a.deposeLe)}
        {a.ficheNumero !== null ? ` sur la fiche ${a.ficheNumero} « ${a.ficheIntitule} »` : ' sur le contrat'}
      </h4>
      <p className={fr.cx('fr-mb-1w')}>
        <Badge small severity={SEVERITE[a.statut]} as="span">
          {STATUTS_AVIS[a.statut]}
        </Badge>
        {a.modereLe && <span className={fr.cx('fr-text--sm')}> — modéré le {formaterDate(a.modereLe)}</span>}
      </p>
      <blockquote className="maillage-texte-long">{a.texte}</blockquote>
      <p className={fr.cx('fr-text--sm')}>Contact laissé (jamais publié) : {a.contact ?? 'aucun'}</p>
      {a.statut === 'rejete' && a.motifRejet && <p className={fr.cx('fr-text--sm')}>Motif du rejet : {a.motifRejet}</p>}
      {moderation.error && <AlerteErreur erreur={moderation.error} as="h4" titre="La modération n’a pas été enregistrée" />}
      <Input
        label="Réponse publique (facultatif)"
        hintText="Publiée sous l’avis, au nom de la coordination."
        textArea
        nativeTextAreaProps={{ value: reponse, onChange: (e) => setReponse(e.target.value), rows: 3, maxLength: 3000 }}
      />
      <div className="maillage-actions fr-mb-2w">
        <Button type="button" size="small" onClick={() => decider('publier')} disabled={moderation.isPending}>
          {a.statut === 'publie' ? 'Enregistrer la réponse' : 'Publier'}
          <span className={fr.cx('fr-sr-only')}> l’avis du {formaterDate(a.deposeLe)}</span>
        </Button>
      </div>
      <Input
        label="Motif du rejet"
        hintText="Obligatoire pour rejeter : il reste interne à la coordination."
        nativeInputProps={{ value: motif, onChange: (e) => setMotif(e.target.value), maxLength: 1000 }}
      />
      <Button type="button" size="small" priority="secondary" onClick={() => decider('rejeter')} disabled={moderation.isPending}>
        Rejeter<span className={fr.cx('fr-sr-only')}> l’avis du {formaterDate(a.deposeLe)}</span>
      </Button>
    </article>
  );
}

/** The opinions left by inhabitants on the public page, for the coordination to moderate: nothing is public before. */
export function ModerationAvis({ contratId, publie }: { contratId: string; publie: boolean }) {
  const [statut, setStatut] = useState<StatutAvis | null>('en_attente');
  const avis = useAvisAModerer(contratId, statut);
  return (
    <>
      <p>
        {publie
          ? 'Les habitants donnent leur avis depuis la page publique du contrat. Un avis n’y paraît qu’une fois publié ici ; le contact laissé ne l’est jamais.'
          : 'Le contrat n’est pas publié : sa page publique, et son formulaire d’avis, ne sont pas ouverts aux habitants.'}
      </p>
      <Select
        label="Afficher"
        nativeSelectProps={{ value: statut ?? '', onChange: (e) => setStatut((e.target.value || null) as StatutAvis | null) }}
      >
        <option value="en_attente">Les avis à modérer</option>
        <option value="publie">Les avis publiés</option>
        <option value="rejete">Les avis rejetés</option>
        <option value="">Tous les avis</option>
      </Select>
      {avis.isPending ? (
        <Chargement libelle="Chargement des avis…" />
      ) : avis.error ? (
        <AlerteErreur erreur={avis.error} as="h4" titre="Impossible de charger les avis" />
      ) : avis.data.length === 0 ? (
        <EtatVide titre={statut === 'en_attente' ? 'Aucun avis à modérer' : 'Aucun avis'} titreAs="h4">
          <p>Les avis et suggestions laissés sur la page publique du contrat arrivent ici avant toute publication.</p>
        </EtatVide>
      ) : (
        <>
          <p role="status" className={fr.cx('fr-text--sm')}>
            {pluriel(avis.data.length, 'avis')}
          </p>
          {avis.data.map((a) => (
            <AvisAModererCarte key={`${a.id}-${a.version}`} contratId={contratId} a={a} />
          ))}
        </>
      )}
    </>
  );
}
