import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { CHAMP_PIEGE_AVIS, NATURES_AVIS } from '@maillage/domain';
import type { AvisPublic, ContratPublic } from '@maillage/domain/api';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useAvisPublics } from '../../api/participation-public';
import { formaterDate } from '../../components/format';
import { etatChamp } from '../../components/formulaire';

/** A form the server refused (sent without JavaScript): its values and errors, put in the page by the server rendering. */
export interface FormulaireAvisRefuse {
  detail: string;
  erreurs: { champ: string; message: string }[];
  valeurs: Record<string, string>;
}
export const cleFormulaireAvis = (id: string) => ['public', 'formulaire-avis', id];

/**
 * The opinions of the inhabitants on a published contract: those the coordination published, with its answers, and a
 * form that works without JavaScript (a plain POST the server answers with a redirection or the page and its errors),
 * with the keyboard alone and on a phone. The contact is never shown; nothing unmoderated reaches this page.
 */
export function AvisPublics({ c, id }: { c: ContratPublic; id: string }) {
  const avis = useAvisPublics(id);
  const [recherche] = useSearchParams();
  // Only ever filled by the server rendering: there is nothing to fetch.
  const refus = useQuery<FormulaireAvisRefuse | null>({ queryKey: cleFormulaireAvis(id), queryFn: () => null, enabled: false }).data;
  const erreur = (champ: string) => refus?.erreurs.find((e) => e.champ === champ)?.message;
  const valeur = (champ: string) => refus?.valeurs[champ] ?? '';
  const fiches = [...c.axes.flatMap((a) => [...a.objectifs.flatMap((o) => o.fiches), ...a.fichesHorsObjectif]), ...c.fichesSansAxe];
  const publies: AvisPublic[] = avis.data ?? [];
  return (
    <section aria-labelledby="avis" className={fr.cx('fr-mt-6w')}>
      <h2 id="avis">Avis des habitants</h2>
      {recherche.get('avis') === 'merci' && (
        <Alert
          severity="success"
          as="h3"
          title="Merci, votre avis a bien été reçu"
          description="Il sera publié sur cette page après relecture par la coordination du contrat."
          className={fr.cx('fr-mb-3w')}
        />
      )}
      {recherche.get('avis') === 'erreur' && (
        <Alert
          severity="error"
          as="h3"
          title="Votre avis n’a pas pu être envoyé"
          description="Vérifiez votre texte et réessayez."
          className={fr.cx('fr-mb-3w')}
        />
      )}
      {publies.length === 0 ? (
        <p>Aucun avis publié pour l’instant. Donnez le vôtre ci-dessous : il sera lu par la coordination du contrat.</p>
      ) : (
        <ul className={fr.cx('fr-raw-list')}>
          {publies.map((a) => (
            <li key={a.id} className={fr.cx('fr-mb-3w')}>
              <article aria-label={`${NATURES_AVIS[a.nature]} du ${formaterDate(a.deposeLe)}`} className="maillage-avis">
                <p className={fr.cx('fr-text--sm', 'fr-mb-1v')}>
                  {NATURES_AVIS[a.nature]} du {formaterDate(a.deposeLe)}
                  {a.ficheNumero !== null ? ` sur la fiche-action ${a.ficheNumero} « ${a.ficheIntitule} »` : ' sur le contrat'}
                </p>
                <blockquote className="maillage-texte-long fr-mb-1w">{a.texte}</blockquote>
                {a.reponse && (
                  <p className="maillage-texte-long fr-pl-2w">
                    <strong>Réponse de la coordination{a.reponseLe ? ` (${formaterDate(a.reponseLe)})` : ''} :</strong> {a.reponse}
                  </p>
                )}
              </article>
            </li>
          ))}
        </ul>
      )}

      <h3 id="donner-avis">Donner votre avis</h3>
      <p className={fr.cx('fr-text--sm')}>
        Votre avis ou votre suggestion est publié après relecture par la coordination du contrat. Votre contact, facultatif, ne sert qu’à
        vous répondre : il n’est jamais publié. Nous ne gardons pas votre adresse de connexion avec votre avis.
      </p>
      {refus && (
        <Alert severity="error" as="h4" title="Votre avis n’a pas été envoyé" description={refus.detail} className={fr.cx('fr-mb-3w')} />
      )}
      {/* noValidate: the server checks and answers in French, the same on every browser. */}
      <form method="post" action={`/public/contrats/${id}/avis`} aria-labelledby="donner-avis" noValidate>
        <RadioButtons
          legend="C’est…"
          orientation="horizontal"
          options={Object.entries(NATURES_AVIS).map(([code, libelle]) => ({
            label: libelle === 'Avis' ? 'Un avis' : 'Une suggestion',
            nativeInputProps: { name: 'nature', value: code, defaultChecked: (valeur('nature') || 'avis') === code },
          }))}
          {...etatChamp(erreur('nature'))}
        />
        {fiches.length > 0 && (
          <Select
            label="Sur quelle action ? (facultatif)"
            nativeSelectProps={{ name: 'ficheId', defaultValue: valeur('ficheId') }}
            {...etatChamp(erreur('ficheId'))}
          >
            <option value="">Le contrat dans son ensemble</option>
            {fiches.map((f) => (
              <option key={f.id} value={f.id}>
                Fiche {f.numero} — {f.intitule}
              </option>
            ))}
          </Select>
        )}
        <Input
          label="Votre avis"
          hintText="Entre 10 et 3 000 caractères."
          textArea
          nativeTextAreaProps={{ name: 'texte', required: true, minLength: 10, maxLength: 3000, rows: 5, defaultValue: valeur('texte') }}
          {...etatChamp(erreur('texte'))}
        />
        <Input
          label="Votre contact pour vous répondre (facultatif)"
          hintText="Adresse électronique ou numéro de téléphone, jamais publié."
          nativeInputProps={{ name: 'contact', autoComplete: 'email', maxLength: 200, defaultValue: valeur('contact') }}
          {...etatChamp(erreur('contact'))}
        />
        {/* Hidden from people (and from assistive technologies): only robots fill it in. */}
        <div className="maillage-piege" aria-hidden="true">
          <label htmlFor={`piege-${id}`}>Ne pas remplir ce champ</label>
          <input id={`piege-${id}`} type="text" name={CHAMP_PIEGE_AVIS} tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <button type="submit" className={fr.cx('fr-btn')}>
          Envoyer mon avis
        </button>
      </form>
    </section>
  );
}
