import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { ETATS_PRESENCE } from '@maillage/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useGestionSeance, type EtatPresence, type Instance, type Presence, type Seance } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { formaterNombre, pluriel } from '../../components/format';
import { nomMembre } from './libelles';

type Saisie = Record<string, { etat: EtatPresence | ''; representePar: string }>;

const depuis = (seance: Seance, instance: Instance): Saisie =>
  Object.fromEntries(
    instance.membres.map((m) => {
      const p = seance.presences.find((x) => x.membreId === m.id);
      return [m.id, { etat: p?.etat ?? '', representePar: p?.representePar ?? '' }];
    }),
  );

function libellePresence(p: Presence | undefined): string {
  if (!p) return 'Non renseignée';
  return p.etat === 'represente' ? `Représenté par ${p.representePar ?? '—'}` : ETATS_PRESENCE[p.etat];
}

/** "5 présents, 1 excusé, 1 représenté" — counts of what is recorded. */
function bilan(presences: Presence[]): string {
  const n = (etat: EtatPresence) => presences.filter((p) => p.etat === etat).length;
  const morceaux = [
    [n('present'), 'présent'],
    [n('represente'), 'représenté'],
    [n('excuse'), 'excusé'],
    [n('absent'), 'absent'],
  ] as const;
  return morceaux
    .filter(([k]) => k > 0)
    .map(([k, mot]) => `${formaterNombre(k)} ${mot}${k > 1 ? 's' : ''}`)
    .join(', ');
}

/** " ; dont 2 représentants des usagers présents": counted by the server, shown when the instance has some. */
const representants = (seance: Seance) =>
  seance.representantsUsagersPresents
    ? ` ; dont ${pluriel(seance.representantsUsagersPresents, 'représentant des usagers présent', 'représentants des usagers présents')}`
    : '';

/** Attendance: présent, excusé, absent or représenté par someone, for each member of the instance. */
export function PresencesSeance({ seance, instance, modifiable }: { seance: Seance; instance: Instance; modifiable: boolean }) {
  const { presences } = useGestionSeance(seance.id);
  const [saisie, setSaisie] = useState<Saisie>(() => depuis(seance, instance));
  const [erreurs, setErreurs] = useState<Record<string, string>>({});
  const [enregistre, setEnregistre] = useState(false);
  // The saved attendance comes back with the refreshed séance.
  useEffect(() => setSaisie(depuis(seance, instance)), [seance, instance]);

  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    setEnregistre(false);
    const manquants = Object.fromEntries(
      Object.entries(saisie)
        .filter(([, v]) => v.etat === 'represente' && !v.representePar.trim())
        .map(([id]) => [id, 'Indiquez par qui ce membre est représenté']),
    );
    setErreurs(manquants);
    const premier = Object.keys(manquants)[0];
    if (premier) {
      document.getElementById(`represente-${premier}`)?.focus();
      return;
    }
    const liste: Presence[] = Object.entries(saisie)
      .filter(([, v]) => v.etat !== '')
      .map(([membreId, v]) => ({
        membreId,
        etat: v.etat as EtatPresence,
        representePar: v.etat === 'represente' ? v.representePar.trim() : null,
      }));
    presences.mutate(liste, { onSuccess: () => setEnregistre(true) });
  };

  return (
    <section aria-labelledby="seance-presences" className={fr.cx('fr-mb-6w')}>
      <h2 id="seance-presences">Présences</h2>
      {instance.membres.length === 0 ? (
        <p>L’instance n’a pas de membre : il n’y a pas de présence à noter.</p>
      ) : !modifiable ? (
        <Table
          caption={`Présences des membres de « ${instance.nom} »${seance.presences.length ? ` : ${bilan(seance.presences)}` : ''}${representants(seance)}`}
          headers={['Membre', 'Présence']}
          data={instance.membres.map((m) => [nomMembre(m), libellePresence(seance.presences.find((p) => p.membreId === m.id))])}
        />
      ) : (
        <form onSubmit={soumettre} noValidate>
          <p className={fr.cx('fr-text--sm')}>
            {seance.presences.length ? `Enregistré : ${bilan(seance.presences)}${representants(seance)}.` : 'Aucune présence enregistrée.'}{' '}
            Les membres sans réponse restent « non renseignés ».
          </p>
          {instance.membres.map((m) => {
            const v = saisie[m.id] ?? { etat: '', representePar: '' };
            const changer = (etat: EtatPresence) => setSaisie((s) => ({ ...s, [m.id]: { ...v, etat } }));
            return (
              <div key={m.id} className="maillage-presence">
                <RadioButtons
                  legend={nomMembre(m)}
                  hintText={m.role ?? undefined}
                  name={`presence-${m.id}`}
                  orientation="horizontal"
                  small
                  options={(Object.keys(ETATS_PRESENCE) as EtatPresence[]).map((etat) => ({
                    label: ETATS_PRESENCE[etat],
                    nativeInputProps: { value: etat, checked: v.etat === etat, onChange: () => changer(etat) },
                  }))}
                />
                {v.etat === 'represente' && (
                  <Input
                    label={`${nomMembre(m)} est représenté par`}
                    hintText="Prénom, nom et qualité"
                    nativeInputProps={{
                      id: `represente-${m.id}`,
                      value: v.representePar,
                      maxLength: 200,
                      onChange: (e) => setSaisie((s) => ({ ...s, [m.id]: { ...v, representePar: e.target.value } })),
                    }}
                    state={erreurs[m.id] ? 'error' : 'default'}
                    stateRelatedMessage={erreurs[m.id]}
                  />
                )}
              </div>
            );
          })}
          <Button type="submit" className={fr.cx('fr-mt-2w')} disabled={presences.isPending}>
            Enregistrer les présences
          </Button>
          <div role="status">{enregistre && <p className={fr.cx('fr-text--sm', 'fr-mt-1w')}>Présences enregistrées.</p>}</div>
          {presences.error ? (
            <AlerteErreur erreur={presences.error} as="h3" titre="Les présences n’ont pas été enregistrées" className={fr.cx('fr-mt-2w')} />
          ) : null}
        </form>
      )}
    </section>
  );
}
