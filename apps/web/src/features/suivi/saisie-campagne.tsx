import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import {
  bilanFicheSchema,
  LIBELLES_STATUT_FICHE,
  libellePeriodeSuivi,
  type BilanFicheSaisie,
  type EtatSuivi,
  type StatutFiche,
} from '@maillage/domain';
import { useState } from 'react';
import { useForm, type FieldErrors, type Resolver, type UseFormReturn } from 'react-hook-form';
import { Link } from 'react-router';
import { estErreurApi } from '../../api/client';
import {
  saisirBilan,
  saisirValeur,
  transitionFiche,
  useEnchainementSuivi,
  type EtatRetour,
  type FicheSaisieCampagne,
  type SaisieCampagne,
} from '../../api/suivi';
import { AlerteErreur } from '../../components/alerte-erreur';
import { ConflitVersion, differences } from '../../components/conflit-version';
import { EtatVide } from '../../components/etat-vide';
import { versFormulaireValeur, versSaisieValeur, schemaValeur, type FormulaireValeur } from './formulaire-valeur';
import { BilanCampagne, ChampsIndicateurCampagne, type FormulaireFicheCampagne } from './saisie-campagne-champs';
import { BadgeEtatCampagne, ecrireMesure, formaterDateDuJour } from './libelles-suivi';

/** A value or a report may still be typed: not yet entered, a draft, or sent back. */
export const modifiable = (etat: EtatSuivi | null | undefined) => !etat || etat === 'brouillon' || etat === 'a_corriger';

const vide = (v: FormulaireValeur) => !v.valeur.trim() && !v.numerateur.trim() && !v.denominateur.trim() && !v.recit.trim();

function versFormulaire(f: FicheSaisieCampagne, periode: string): FormulaireFicheCampagne {
  return {
    indicateurs: f.indicateurs.map((i) => versFormulaireValeur(periode, i.valeur)),
    bilan: {
      recit: f.bilan?.recit ?? '',
      difficultes: f.bilan?.difficultes ?? '',
      perspectives: f.bilan?.perspectives ?? '',
      statutPropose: f.bilan?.statutPropose ?? f.statut,
    },
  };
}

function versBilan(b: FormulaireFicheCampagne['bilan']): BilanFicheSaisie {
  return {
    recit: b.recit.trim() || null,
    difficultes: b.difficultes.trim() || null,
    perspectives: b.perspectives.trim() || null,
    statutPropose: (b.statutPropose || null) as StatutFiche | null,
  };
}

/** Each value typed is checked with the domain's schema (empty ones are simply not saved); the report too. */
function resolverFiche(f: FicheSaisieCampagne): Resolver<FormulaireFicheCampagne> {
  return async (v) => {
    const erreurs: Record<string, unknown> = {};
    const indicateurs: Record<number, Record<string, { type: string; message: string }>> = {};
    f.indicateurs.forEach((i, n) => {
      const saisie = v.indicateurs[n];
      if (!modifiable(i.valeur?.etat) || !saisie || vide(saisie)) return;
      const r = schemaValeur(i.pourcentage).safeParse({ ...versSaisieValeur(saisie, i.pourcentage), periode: saisie.periode });
      if (!r.success)
        for (const issue of r.error.issues) {
          indicateurs[n] ??= {};
          indicateurs[n][String(issue.path[0])] ??= { type: 'validation', message: issue.message };
        }
    });
    if (Object.keys(indicateurs).length) erreurs.indicateurs = indicateurs;
    const bilan = bilanFicheSchema.safeParse(versBilan(v.bilan));
    if (!bilan.success)
      erreurs.bilan = Object.fromEntries(bilan.error.issues.map((i) => [String(i.path[0]), { type: 'validation', message: i.message }]));
    return Object.keys(erreurs).length
      ? { values: {}, errors: erreurs as FieldErrors<FormulaireFicheCampagne> }
      : { values: v, errors: {} };
  };
}

/** What went back to the pilote, and why: the last send-back comment of the report or of a value. */
function dernierRenvoi(f: FicheSaisieCampagne): string | null {
  if (f.bilan?.etat === 'a_corriger' && f.bilan.dernierRenvoi) return f.bilan.dernierRenvoi;
  const etapes = f.indicateurs.flatMap((i) =>
    i.valeur?.etat === 'a_corriger' ? i.valeur.etapes.filter((e) => e.action === 'renvoyer') : [],
  );
  etapes.sort((a, b) => a.le.localeCompare(b.le));
  return etapes.at(-1)?.commentaire ?? f.bilan?.dernierRenvoi ?? null;
}

type Conflit = { element: 'bilan' | number; courant: Record<string, unknown> };

interface PropsFiche {
  campagne: SaisieCampagne;
  fiche: FicheSaisieCampagne;
  message: string;
  onMessage: (m: string) => void;
}

/** What differs between the pilote's typing and what someone else saved meanwhile, for the conflict notice. */
function diffsConflit(conflit: Conflit, fiche: FicheSaisieCampagne, form: UseFormReturn<FormulaireFicheCampagne>, periode: string) {
  const c = conflit.courant;
  if (conflit.element === 'bilan') {
    const actuel = {
      recit: String(c.recit ?? ''),
      difficultes: String(c.difficultes ?? ''),
      perspectives: String(c.perspectives ?? ''),
      statutPropose: String(c.statutPropose ?? ''),
    };
    return differences<FormulaireFicheCampagne['bilan']>(
      [
        { libelle: 'Réalisations', valeur: (b) => b.recit.trim() },
        { libelle: 'Difficultés', valeur: (b) => b.difficultes.trim() },
        { libelle: 'Perspectives', valeur: (b) => b.perspectives.trim() },
        { libelle: 'Statut proposé', valeur: (b) => (b.statutPropose ? LIBELLES_STATUT_FICHE[b.statutPropose as StatutFiche] : '') },
      ],
      form.getValues('bilan'),
      actuel,
    );
  }
  const i = fiche.indicateurs[conflit.element];
  return differences<FormulaireValeur>(
    [
      { libelle: `Valeur de « ${i.libelle} »`, valeur: (v) => ecrireMesure(versSaisieValeur(v, i.pourcentage), i) },
      { libelle: 'Récit', valeur: (v) => v.recit.trim() },
    ],
    form.getValues(`indicateurs.${conflit.element}`),
    versFormulaireValeur(periode, c as never),
  );
}

/** One fiche of the pilote's form: each indicator's target and value, the report, then save or submit. */
function FicheCampagneFormulaire({ campagne, fiche, message, onMessage }: PropsFiche) {
  const periode = campagne.periode;
  const form = useForm<FormulaireFicheCampagne>({ resolver: resolverFiche(fiche), defaultValues: versFormulaire(fiche, periode) });
  const [progression, setProgression] = useState('');
  const [conflit, setConflit] = useState<Conflit | null>(null);
  const [forcees, setForcees] = useState<Record<string, number>>({});
  const bilanModifiable = modifiable(fiche.bilan?.etat);
  const saisissable = fiche.droits.saisir && (bilanModifiable || fiche.indicateurs.some((i) => modifiable(i.valeur?.etat)));
  const prefixe = `campagne-fiche-${fiche.numero}`;

  /**
   * Saves each value typed and the report, one call after the other (progress is announced), then submits if asked.
   * The message is given to the parent before the data refreshes: the refreshed form is rebuilt and keeps it.
   */
  const enchainement = useEnchainementSuivi(
    async ({ v, soumettre, versions }: { v: FormulaireFicheCampagne; soumettre: boolean; versions: Record<string, number> }) => {
      const taches: { cle: string; element: 'bilan' | number; faire: (version: number | undefined) => Promise<EtatRetour> }[] = [];
      fiche.indicateurs.forEach((i, n) => {
        const s = v.indicateurs[n];
        if (!modifiable(i.valeur?.etat) || vide(s)) return;
        taches.push({
          cle: `i${n}`,
          element: n,
          faire: (version) => saisirValeur(i.id, periode, { ...versSaisieValeur(s, i.pourcentage), version: version ?? i.valeur?.version }),
        });
      });
      const bilan = versBilan(v.bilan);
      const bilanRempli = bilan.recit || bilan.difficultes || bilan.perspectives || fiche.bilan;
      if (bilanModifiable && bilanRempli)
        taches.push({
          cle: 'bilan',
          element: 'bilan',
          faire: (version) => saisirBilan(fiche.id, periode, { ...bilan, version: version ?? fiche.bilan?.version }),
        });
      const total = taches.length + (soumettre ? 1 : 0);
      const connues = { ...versions };
      let fait = 0;
      try {
        for (const t of taches) {
          setProgression(`Enregistrement ${fait + 1} sur ${total}…`);
          try {
            const r = await t.faire(connues[t.cle]);
            if (r.version !== undefined) connues[t.cle] = r.version;
          } catch (e) {
            if (estErreurApi(e, 409) && e.probleme.courant)
              setConflit({ element: t.element, courant: e.probleme.courant as Record<string, unknown> });
            throw e;
          }
          fait += 1;
        }
        if (soumettre) {
          setProgression(`Soumission ${total} sur ${total}…`);
          await transitionFiche(fiche.id, periode, 'soumettre');
        }
      } finally {
        // What was saved keeps its new version: a retry does not collide with itself.
        setForcees(connues);
        setProgression('');
      }
      const sansValeur = fiche.indicateurs.filter((i, n) => modifiable(i.valeur?.etat) && vide(v.indicateurs[n])).length;
      const manque = sansValeur
        ? ` ${sansValeur} indicateur${sansValeur > 1 ? 's restent' : ' reste'} sans valeur pour ${libellePeriodeSuivi(periode)}.`
        : '';
      onMessage(
        soumettre
          ? `Fiche ${fiche.numero} soumise : la coordination va la valider ou vous la renvoyer avec un commentaire.${manque}`
          : `Fiche ${fiche.numero} enregistrée en brouillon. Soumettez-la quand elle est complète.${manque}`,
      );
    },
  );

  const lancer =
    (soumettre: boolean, versions = forcees) =>
    (v: FormulaireFicheCampagne) => {
      if (soumettre && !v.bilan.recit.trim() && bilanModifiable) {
        form.setError(
          'bilan.recit',
          { type: 'validation', message: 'Décrivez ce qui a été réalisé avant de soumettre la fiche' },
          { shouldFocus: true },
        );
        return;
      }
      onMessage('');
      setConflit(null);
      enchainement.mutate({ v, soumettre, versions });
    };

  const renvoi = dernierRenvoi(fiche);
  const etatCourant = conflit
    ? conflit.element === 'bilan'
      ? 'le bilan'
      : `la valeur de « ${fiche.indicateurs[conflit.element].libelle} »`
    : '';

  return (
    <article className={fr.cx('fr-p-3w', 'fr-mb-4w') + ' maillage-bloc-suivi'} aria-labelledby={`${prefixe}-titre`}>
      <div className="maillage-entete-section">
        <h3 id={`${prefixe}-titre`} className={fr.cx('fr-h5', 'fr-mb-0')}>
          Fiche {fiche.numero} — {fiche.intitule}
        </h3>
        <BadgeEtatCampagne etat={fiche.etat} />
      </div>
      <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>
        Pilotes : {fiche.pilotes.map((p) => [p.nom ?? 'à définir', p.service].filter(Boolean).join(', ')).join(' ; ') || 'à définir'}.
        Statut actuel : {LIBELLES_STATUT_FICHE[fiche.statut]}.{' '}
        <Link to={`/fiches/${fiche.id}#section-suivi`}>Ouvrir la fiche {fiche.numero}</Link>
      </p>
      {fiche.etat === 'a_corriger' && renvoi && (
        <Alert
          severity="warning"
          as="h4"
          small={false}
          className={fr.cx('fr-mb-3w')}
          title="Renvoyée pour correction"
          description={`Le commentaire de la coordination : « ${renvoi} »`}
        />
      )}
      {fiche.etat === 'soumis' && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-3w')}
          description="Soumise : la coordination va la valider ou vous la renvoyer. Elle ne peut plus être modifiée d’ici là."
        />
      )}
      {fiche.etat === 'valide' && (
        <Alert
          severity="success"
          small
          className={fr.cx('fr-mb-3w')}
          description="Validée : la période est verrouillée et compte dans l’avancement du contrat."
        />
      )}
      <p role="status" className={fr.cx('fr-text--sm', 'fr-text--bold')}>
        {progression || message}
      </p>
      {conflit && (
        <ConflitVersion
          entite={etatCourant.charAt(0).toUpperCase() + etatCourant.slice(1)}
          masculin={conflit.element === 'bilan'}
          diffs={diffsConflit(conflit, fiche, form, periode)}
          enCours={enchainement.isPending}
          onReprendre={() => {
            const c = conflit.courant;
            if (conflit.element === 'bilan')
              form.setValue('bilan', {
                recit: String(c.recit ?? ''),
                difficultes: String(c.difficultes ?? ''),
                perspectives: String(c.perspectives ?? ''),
                statutPropose: String(c.statutPropose ?? fiche.statut),
              });
            else form.setValue(`indicateurs.${conflit.element}`, versFormulaireValeur(periode, c as never));
            setForcees((f) => ({ ...f, [conflit.element === 'bilan' ? 'bilan' : `i${conflit.element}`]: Number(c.version) }));
            setConflit(null);
            enchainement.reset();
          }}
          onEcraser={() => {
            const versions = {
              ...forcees,
              [conflit.element === 'bilan' ? 'bilan' : `i${conflit.element}`]: Number(conflit.courant.version),
            };
            setForcees(versions);
            void form.handleSubmit(lancer(false, versions))();
          }}
        />
      )}
      {enchainement.error && !conflit ? (
        <AlerteErreur erreur={enchainement.error} as="h4" titre="La saisie n’a pas été entièrement enregistrée" />
      ) : null}

      <form
        onSubmit={form.handleSubmit(lancer(false))}
        noValidate
        aria-label={`Suivi ${libellePeriodeSuivi(periode)} de la fiche ${fiche.numero}`}
      >
        {fiche.indicateurs.length === 0 ? (
          <p className={fr.cx('fr-text--sm')}>
            Cette fiche n’a pas d’indicateur de suivi : seul le bilan est demandé. Les indicateurs se définissent sur la fiche.
          </p>
        ) : (
          fiche.indicateurs.map((i, n) => (
            <ChampsIndicateurCampagne
              key={i.id}
              form={form}
              i={i}
              n={n}
              periode={periode}
              prefixe={prefixe}
              saisie={fiche.droits.saisir && modifiable(i.valeur?.etat)}
            />
          ))
        )}

        <BilanCampagne form={form} fiche={fiche} periode={periode} prefixe={prefixe} saisissable={fiche.droits.saisir && bilanModifiable} />

        {saisissable && (
          <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-md', 'fr-btns-group--icon-left')}>
            <li>
              <Button
                type="submit"
                priority="secondary"
                iconId="fr-icon-save-line"
                disabled={enchainement.isPending}
                nativeButtonProps={{ 'aria-label': `Enregistrer la fiche ${fiche.numero}` }}
              >
                Enregistrer
              </Button>
            </li>
            <li>
              <Button
                type="button"
                iconId="fr-icon-send-plane-line"
                disabled={enchainement.isPending}
                onClick={() => void form.handleSubmit(lancer(true))()}
                nativeButtonProps={{ 'aria-label': `Soumettre la fiche ${fiche.numero}` }}
              >
                Soumettre la fiche
              </Button>
            </li>
          </ul>
        )}
      </form>
    </article>
  );
}

/** The server data that, when it changes, rebuilds a fiche's form (after a save, a send-back, a validation). */
const signature = (f: FicheSaisieCampagne) =>
  [f.id, f.bilan?.version ?? 0, f.bilan?.etat ?? '', ...f.indicateurs.map((i) => `${i.valeur?.version ?? 0}${i.valeur?.etat ?? ''}`)].join(
    '|',
  );

/** « Vos fiches à renseigner »: the pilote's form for the campaign's period, one block per fiche. */
export function SaisieCampagneFiches({ campagne, titre = 'Vos fiches à renseigner' }: { campagne: SaisieCampagne; titre?: string }) {
  const [messages, setMessages] = useState<Record<string, string>>({});
  const fiches = campagne.fiches.filter((f) => f.droits.saisir);
  const completes = fiches.filter((f) => f.etat === 'soumis' || f.etat === 'valide').length;
  if (!fiches.length)
    return (
      <EtatVide titre="Aucune fiche à renseigner" titreAs="h2" iconId="fr-icon-checkbox-circle-line">
        <p>
          Vous n’êtes pilote d’aucune fiche suivie dans cette campagne. Si votre organisation pilote une fiche de ce contrat, demandez à la
          coordination de vérifier les pilotes de la fiche et votre rôle sur le contrat.
        </p>
      </EtatVide>
    );
  return (
    <section aria-labelledby="titre-vos-fiches">
      <h2 id="titre-vos-fiches">{titre}</h2>
      <p>
        Pour chaque fiche : la valeur {libellePeriodeSuivi(campagne.periode)} de chaque indicateur et le bilan, avant le{' '}
        <strong>{formaterDateDuJour(campagne.echeance)}</strong>. « Enregistrer » garde un brouillon que vous pouvez reprendre ; « Soumettre
        la fiche » l’envoie à la coordination, qui la valide ou vous la renvoie avec un commentaire.
      </p>
      <p className={fr.cx('fr-text--bold')}>
        {completes} fiche{completes > 1 ? 's' : ''} soumise{completes > 1 ? 's' : ''} ou validée{completes > 1 ? 's' : ''} sur{' '}
        {fiches.length}.
      </p>
      {campagne.etat === 'close' && (
        <Alert
          severity="info"
          small
          className={fr.cx('fr-mb-3w')}
          description="Cette campagne est close : la coordination a arrêté le bilan annuel. Vos saisies restent possibles pour les fiches non validées."
        />
      )}
      {fiches.map((f) => (
        <FicheCampagneFormulaire
          key={signature(f)}
          campagne={campagne}
          fiche={f}
          message={messages[f.id] ?? ''}
          onMessage={(m) => setMessages((x) => ({ ...x, [f.id]: m }))}
        />
      ))}
    </section>
  );
}
