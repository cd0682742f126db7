import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ConsultationPublique, QuestionVue } from '@maillage/domain/api';
import { useApercuConsultation } from '../../api/participation';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';

function libelle(q: QuestionVue, numero: number) {
  return `${numero}. ${q.libelle}${q.obligatoire ? ' (obligatoire)' : ''}`;
}

/** One question as the public will see it, inert. */
function QuestionApercu({ q, numero, c }: { q: QuestionVue; numero: number; c: ConsultationPublique }) {
  const nom = `apercu-${q.id}`;
  const aide = q.aide ?? undefined;
  switch (q.type) {
    case 'choix_unique':
      return (
        <RadioButtons
          legend={libelle(q, numero)}
          hintText={aide}
          name={nom}
          disabled
          options={(q.choix ?? []).map((o) => ({ label: o, nativeInputProps: { value: o } }))}
        />
      );
    case 'choix_multiple':
      return (
        <Checkbox
          legend={libelle(q, numero)}
          hintText={aide}
          disabled
          options={(q.choix ?? []).map((o) => ({ label: o, nativeInputProps: { name: nom, value: o } }))}
        />
      );
    case 'echelle': {
      const e = q.echelle ?? { min: 1, max: 5, libelleMin: null, libelleMax: null };
      const valeurs = Array.from({ length: e.max - e.min + 1 }, (_, i) => e.min + i);
      return (
        <RadioButtons
          legend={libelle(q, numero)}
          hintText={[aide, e.libelleMin && `${e.min} : ${e.libelleMin}`, e.libelleMax && `${e.max} : ${e.libelleMax}`]
            .filter(Boolean)
            .join(' · ')}
          name={nom}
          orientation="horizontal"
          disabled
          options={valeurs.map((v) => ({ label: String(v), nativeInputProps: { value: String(v) } }))}
        />
      );
    }
    case 'commune':
    case 'tranche_age': {
      const options = q.type === 'commune' ? c.communes : c.tranchesAge;
      return (
        <Select label={libelle(q, numero)} hint={aide} disabled nativeSelectProps={{ defaultValue: '' }}>
          <option value="">Choisir</option>
          {options.map((o) => (
            <option key={o.code} value={o.code}>
              {o.libelle}
            </option>
          ))}
        </Select>
      );
    }
    default:
      return q.type === 'texte_long' ? (
        <Input label={libelle(q, numero)} hintText={aide} disabled textArea nativeTextAreaProps={{ rows: 4 }} />
      ) : (
        <Input label={libelle(q, numero)} hintText={aide} disabled />
      );
  }
}

/** The questionnaire as the public will see it: read-only, in any state (GET /api/consultations/:id/apercu). */
export function ApercuConsultation({ id }: { id: string }) {
  const apercu = useApercuConsultation(id);
  if (apercu.isPending) return <Chargement libelle="Chargement de l’aperçu…" />;
  if (apercu.error) return <AlerteErreur erreur={apercu.error} as="h3" titre="Impossible d’afficher l’aperçu" />;
  const c = apercu.data;
  let numero = 0;
  return (
    <div className={fr.cx('fr-p-3w') + ' maillage-encart'}>
      <Alert
        severity="info"
        small
        className={fr.cx('fr-mb-3w')}
        description="Aperçu : le questionnaire tel que les habitants le verront. On ne peut pas y répondre d’ici."
      />
      <h3>{c.titre}</h3>
      {c.introduction && <p className="maillage-texte-long">{c.introduction}</p>}
      {c.codesRequis && <p className={fr.cx('fr-text--sm')}>Un code à usage unique, distribué sur papier, sera demandé pour répondre.</p>}
      {c.sections.map((s) => (
        <section key={s.id} className={fr.cx('fr-mb-3w')} aria-label={s.titre ?? `Section ${s.position}`}>
          {s.titre && <h4>{s.titre}</h4>}
          {s.description && <p>{s.description}</p>}
          {s.questions.map((q) => {
            numero++;
            return <QuestionApercu key={q.id} q={q} numero={numero} c={c} />;
          })}
        </section>
      ))}
      {c.sections.every((s) => s.questions.length === 0) && <p>Le questionnaire n’a encore aucune question.</p>}
    </div>
  );
}
