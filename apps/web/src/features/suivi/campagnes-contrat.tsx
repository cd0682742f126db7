import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { zodResolver } from '@hookform/resolvers/zod';
import { campagneSchema, libellePeriodeSuivi, type CampagneSaisie } from '@maillage/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import { useCampagnes, useOuvertureCampagne } from '../../api/suivi';
import type { ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { formaterNombre } from '../../components/format';
import { appliquerErreursServeur, etatChamp, videEnNull } from '../../components/formulaire';
import { BarreAvancement, formaterDateDuJour } from './libelles-suivi';
import './suivi.css';
import { peutAjouter } from '../../components/statuts-contrat';

type Valeurs = z.input<typeof campagneSchema>;
const anneeCourante = () => String(new Date().getFullYear());
const dansUnMois = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** Statuts where a campaign makes sense: the plan exists and the contract runs. */
const STATUTS_EN_SUIVI = ['elaboration', 'signe', 'evaluation'];

interface Resultat {
  id: string;
  periode: string;
  destinataires: string[];
  organisationsSansCompte: { id: string; nom: string }[];
}

function FormulaireCampagne({
  contratId,
  periodesPrises,
  onAnnuler,
  onOuverte,
}: {
  contratId: string;
  periodesPrises: string[];
  onAnnuler: () => void;
  onOuverte: (r: Resultat) => void;
}) {
  const ouverture = useOuvertureCampagne(contratId);
  const annee = anneeCourante();
  const form = useForm<Valeurs, unknown, CampagneSaisie>({
    resolver: zodResolver(campagneSchema),
    defaultValues: { periode: periodesPrises.includes(annee) ? String(Number(annee) + 1) : annee, echeance: dansUnMois(), message: null },
  });
  const {
    register,
    formState: { errors },
  } = form;
  const envoyer = (s: CampagneSaisie) =>
    ouverture.mutate(s, {
      onSuccess: (r) => onOuverte({ ...r, periode: s.periode }),
      onError: (e) => appliquerErreursServeur(e, form.setError, ['periode', 'echeance', 'message']),
    });
  return (
    <form
      onSubmit={form.handleSubmit(envoyer)}
      noValidate
      className={fr.cx('fr-p-3w', 'fr-mb-4w') + ' maillage-encart'}
      aria-labelledby="titre-ouvrir-campagne"
    >
      <h3 id="titre-ouvrir-campagne" className={fr.cx('fr-h5')}>
        Ouvrir une campagne de suivi
      </h3>
      <p className={fr.cx('fr-text--sm')}>
        Chaque pilote ayant un compte reçoit un courriel avec le lien vers le formulaire de ses fiches. Des rappels partent automatiquement
        sept jours puis un jour avant l’échéance, aux seuls pilotes dont les fiches ne sont pas complètes.
      </p>
      {ouverture.error ? <AlerteErreur erreur={ouverture.error} as="h4" titre="La campagne n’a pas été ouverte" /> : null}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Période suivie"
            hintText="Une année (2026), un semestre (2026-S1) ou un trimestre (2026-T3)"
            nativeInputProps={{ ...register('periode'), required: true, autoComplete: 'off', spellCheck: false }}
            {...etatChamp(errors.periode?.message)}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
          <Input
            label="Échéance"
            hintText="Date à laquelle les pilotes doivent avoir répondu"
            nativeInputProps={{ ...register('echeance'), type: 'date', required: true }}
            {...etatChamp(errors.echeance?.message)}
          />
        </div>
      </div>
      <Input
        label="Message aux pilotes (facultatif)"
        hintText="Ajouté au courriel : le contexte, la date du COPIL, une personne à joindre…"
        textArea
        nativeTextAreaProps={{ ...register('message', { setValueAs: videEnNull }), rows: 4, maxLength: 5000 }}
        {...etatChamp(errors.message?.message)}
      />
      <BoutonsFormulaire
        taille="md"
        icones
        icone="fr-icon-mail-line"
        libelle={ouverture.isPending ? 'Ouverture et envoi des courriels…' : 'Ouvrir la campagne et écrire aux pilotes'}
        enCours={ouverture.isPending}
        onAnnuler={onAnnuler}
      />
    </form>
  );
}

/** The contract's yearly campaigns: completion of each, a link to its dashboard, and opening the next one. */
export function CampagnesContrat({ contrat }: { contrat: ContratDetail }) {
  const campagnes = useCampagnes(contrat.id);
  const [formulaire, setFormulaire] = useState(false);
  const [resultat, setResultat] = useState<Resultat | null>(null);
  const peutOuvrir = peutAjouter(contrat, 'campagne') && STATUTS_EN_SUIVI.includes(contrat.statut);

  const boutonOuvrir = peutOuvrir && !formulaire && (
    <Button
      type="button"
      iconId="fr-icon-add-line"
      onClick={() => {
        setResultat(null);
        setFormulaire(true);
      }}
    >
      Ouvrir une campagne
    </Button>
  );

  return (
    <section aria-labelledby="titre-campagnes" className={fr.cx('fr-mb-6w')}>
      <div className="maillage-titre-avec-action">
        <h2 id="titre-campagnes">Campagnes de suivi</h2>
        {campagnes.data && campagnes.data.length > 0 && boutonOuvrir}
      </div>
      {resultat && (
        <div role="status">
          <Alert
            severity="success"
            as="h3"
            className={fr.cx('fr-mb-2w')}
            title={`Campagne ${libellePeriodeSuivi(resultat.periode)} ouverte`}
            description={
              <>
                {resultat.destinataires.length
                  ? `Courriel envoyé à ${resultat.destinataires.length} pilote${resultat.destinataires.length > 1 ? 's' : ''} : ${resultat.destinataires.join(', ')}.`
                  : 'Aucun courriel envoyé : aucun pilote n’a de compte sur ce contrat.'}{' '}
                <Link to={`/campagnes/${resultat.id}`}>Suivre les réponses sur le tableau de bord</Link>
              </>
            }
          />
          {resultat.organisationsSansCompte.length > 0 && (
            <Alert
              severity="warning"
              as="h3"
              small={false}
              className={fr.cx('fr-mb-2w')}
              title="Des fiches n’ont personne pour répondre"
              description={`Ces organisations pilotent des fiches mais aucune personne n’y a le rôle de pilote sur ce contrat : ${resultat.organisationsSansCompte.map((o) => o.nom).join(', ')}. Donnez ce rôle à une personne de chacune (onglet « Personnes et accès » du contrat), ou saisissez leur suivi vous-même.`}
            />
          )}
        </div>
      )}
      {formulaire && (
        <FormulaireCampagne
          contratId={contrat.id}
          periodesPrises={(campagnes.data ?? []).map((c) => c.periode)}
          onAnnuler={() => setFormulaire(false)}
          onOuverte={(r) => {
            setFormulaire(false);
            setResultat(r);
          }}
        />
      )}
      {campagnes.isPending ? (
        <Chargement libelle="Chargement des campagnes…" />
      ) : campagnes.error ? (
        <AlerteErreur erreur={campagnes.error} as="h3" titre="Impossible de charger les campagnes" />
      ) : campagnes.data.length === 0 ? (
        !formulaire && (
          <EtatVide
            titre="Aucune campagne de suivi"
            titreAs="h3"
            iconId="fr-icon-calendar-line"
            action={peutOuvrir ? { children: 'Ouvrir une campagne', onClick: () => setFormulaire(true) } : undefined}
          >
            <p>
              Une fois par an (ou par semestre), la campagne de suivi demande à chaque pilote de renseigner, avant une échéance, les valeurs
              des indicateurs de ses fiches et un bilan : réalisations, difficultés, perspectives. La coordination valide ou renvoie pour
              correction, suit les réponses sur un tableau de bord, et en tire le bilan annuel pour le COPIL.
            </p>
            {!peutOuvrir && contrat.droits.completer && <p>Une campagne s’ouvre sur un contrat en élaboration, signé ou en évaluation.</p>}
          </EtatVide>
        )
      ) : (
        <div className="maillage-defilement">
          <Table
            caption="Les campagnes du contrat, de la plus récente à la plus ancienne"
            headers={['Période', 'Échéance', 'État', 'Fiches complètes (soumises ou validées)', 'Validées', 'Tableau de bord']}
            data={campagnes.data.map((c) => {
              const taux = c.fiches ? Math.round((c.completes / c.fiches) * 1000) / 10 : 0;
              return [
                libellePeriodeSuivi(c.periode),
                formaterDateDuJour(c.echeance),
                c.etat === 'ouverte' ? (
                  <Badge key="e" small severity="info" as="span">
                    Ouverte
                  </Badge>
                ) : (
                  <Badge key="e" small noIcon as="span">
                    Close
                  </Badge>
                ),
                <div key="t">
                  <BarreAvancement valeur={c.fiches ? taux : null} />
                  <span className={fr.cx('fr-text--xs')}>
                    {formaterNombre(c.completes)} sur {formaterNombre(c.fiches)} fiche{c.fiches > 1 ? 's' : ''}
                  </span>
                </div>,
                formaterNombre(c.validees),
                <Link key="l" to={`/campagnes/${c.id}`}>
                  Campagne {libellePeriodeSuivi(c.periode)}
                </Link>,
              ];
            })}
          />
        </div>
      )}
    </section>
  );
}
