import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useFiches } from '../../api/fiches';
import { usePlanificationSeance, type Instance, type Seance } from '../../api/gouvernance';
import type { ContratDetail } from '@maillage/domain/api';
import { EtatVide } from '../../components/etat-vide';
import { pluriel } from '../../components/format';
import { quandSeance } from './dates';
import { FormulaireSeance } from './formulaire-seance';
import { BadgeStatutSeance } from './libelles';
import { estClos } from '@maillage/domain';

function lieuDe(s: Seance): string {
  if (s.lieu && s.visio) return `${s.lieu} et en visio`;
  return s.lieu ?? (s.visio ? 'En visio' : '—');
}

function TableauSeances({ seances, caption }: { seances: Seance[]; caption: string }) {
  return (
    <Table
      caption={caption}
      headers={['Date', 'Instance', 'Lieu', 'Ordre du jour', 'Décisions', 'Statut']}
      data={seances.map((s) => [
        <Link key="l" to={`/seances/${s.id}`}>
          {quandSeance(s.debut, s.fin)}
          <span className={fr.cx('fr-sr-only')}> — {s.instanceNom}</span>
        </Link>,
        s.instanceNom,
        lieuDe(s),
        pluriel(s.ordreDuJour.length, 'point'),
        pluriel(s.decisions.length, 'décision'),
        <BadgeStatutSeance key="s" statut={s.statut} />,
      ])}
    />
  );
}

/** The séances, upcoming first (soonest first) then past (latest first), and the form that plans a new one. */
export function SeancesContrat({ contrat, instances, seances }: { contrat: ContratDetail; instances: Instance[]; seances: Seance[] }) {
  const [formulaire, setFormulaire] = useState(false);
  const planification = usePlanificationSeance(contrat.id);
  const fiches = useFiches(contrat.id);
  const naviguer = useNavigate();
  const bouton = useRef<HTMLDivElement>(null);
  const edition = contrat.droits.completer;
  const maintenant = Date.now();
  const aVenir = seances.filter((s) => new Date(s.debut).getTime() >= maintenant).sort((a, b) => a.debut.localeCompare(b.debut));
  const passees = seances.filter((s) => new Date(s.debut).getTime() < maintenant).sort((a, b) => b.debut.localeCompare(a.debut));
  const copil = instances.find((i) => i.type === 'copil');

  const ouvrir = () => {
    planification.reset();
    setFormulaire(true);
  };

  return (
    <section aria-labelledby="gouvernance-seances" className={fr.cx('fr-mb-6w')}>
      <h2 id="gouvernance-seances">Séances</h2>
      {formulaire ? (
        <FormulaireSeance
          instances={instances}
          fiches={fiches.data ?? []}
          instanceInitiale={copil?.id}
          erreur={planification.error}
          enCours={planification.isPending}
          onAnnuler={() => {
            setFormulaire(false);
            setTimeout(() => bouton.current?.querySelector('button')?.focus(), 0);
          }}
          onEnregistrer={(s) =>
            planification.mutateAsync(s).then(({ id }) =>
              naviguer(`/seances/${id}`, {
                state: { message: 'La séance est planifiée. Envoyez les invitations quand l’ordre du jour est prêt.' },
              }),
            )
          }
        />
      ) : (
        edition &&
        instances.length > 0 &&
        seances.length > 0 && (
          <div ref={bouton} className={fr.cx('fr-mb-3w')}>
            <Button type="button" iconId="fr-icon-calendar-event-line" onClick={ouvrir}>
              Planifier une séance
            </Button>
          </div>
        )
      )}
      {seances.length === 0 && !formulaire && (
        <EtatVide
          titre="Aucune séance prévue"
          titreAs="h3"
          iconId="fr-icon-calendar-line"
          action={
            edition && instances.length > 0
              ? { children: copil ? 'Planifier le premier COPIL' : 'Planifier la première séance', onClick: ouvrir }
              : undefined
          }
        >
          <p>
            {instances.length === 0 && estClos(contrat.statut)
              ? 'Ce contrat est clos sans instance : il ne reçoit plus de nouvelle instance, donc aucune séance ne peut plus s’y tenir.'
              : instances.length === 0
                ? 'Créez d’abord une instance (le COPIL en premier) : ses séances se planifient ici, avec leur ordre du jour.'
                : 'Une séance a une date, un lieu ou une visio et un ordre du jour. Ses membres reçoivent l’invitation et le fichier d’agenda ; on y note les présences, le compte rendu et les décisions, qui s’appliquent aux fiches-action.'}{' '}
            La doctrine attend au moins deux COPIL par an, et un premier COPIL dans les mois qui suivent la signature.
          </p>
        </EtatVide>
      )}
      {aVenir.length > 0 && <TableauSeances seances={aVenir} caption={`Séances à venir (${aVenir.length})`} />}
      {seances.length > 0 && aVenir.length === 0 && <p>Aucune séance à venir.</p>}
      {passees.length > 0 && (
        <TableauSeances seances={passees} caption={`Séances passées (${passees.length}), de la plus récente à la plus ancienne`} />
      )}
    </section>
  );
}
