import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import type { SensDuTiret } from '@maillage/domain';
import { useRef, useState } from 'react';
import { TIRETS } from '../../components/libelles-indicateurs';

/** How the file is read: what « - » means in it, and the source of values that do not cite one. */
export interface Lecture {
  tiret: SensDuTiret;
  source: string;
}

/** The reading choices, asked before the preview and editable after it. */
export function ChampsLecture({ lecture, onChange }: { lecture: Lecture; onChange: (l: Lecture) => void }) {
  return (
    <>
      <RadioButtons
        legend="Dans ce fichier, que veut dire « - » ?"
        hintText="Les sources l’emploient différemment (Rezone CPTS : « aucun ou neutralisé pour secret statistique »). Le choix est gardé avec chaque valeur et rappelé à côté des chiffres."
        options={(Object.keys(TIRETS) as SensDuTiret[]).map((t) => ({
          label: `« - » veut dire : ${TIRETS[t].libelle}`,
          hintText: TIRETS[t].explication,
          nativeInputProps: { name: 'tiret', value: t, checked: lecture.tiret === t, onChange: () => onChange({ ...lecture, tiret: t }) },
        }))}
      />
      <Input
        label="Source des valeurs (facultatif)"
        hintText="Utilisée pour les lignes qui ne citent pas leur source : « Insee, RP 2018 », « Rezone CPTS (31/12/2020) »…"
        nativeInputProps={{ value: lecture.source, onChange: (e) => onChange({ ...lecture, source: e.target.value }), maxLength: 300 }}
      />
    </>
  );
}

interface Props {
  fichier: File | null;
  lecture: Lecture;
  enCours: boolean;
  onFichier: (f: File | null) => void;
  onLecture: (l: Lecture) => void;
  onLire: (f: File) => void;
}

/** Step 1: the file and how to read it. */
export function ChoixFichierImport({ fichier, lecture, enCours, onFichier, onLecture, onLire }: Props) {
  const champ = useRef<HTMLInputElement>(null);
  const [erreur, setErreur] = useState<string | undefined>();
  const lire = () => {
    if (!fichier) {
      setErreur('Choisissez un fichier .csv, .xlsx ou .json.');
      champ.current?.focus();
      return;
    }
    onLire(fichier);
  };
  return (
    <>
      <Upload
        label="Fichier de valeurs"
        hint="Formats acceptés : .csv (séparateur détecté, UTF-8 ou Windows-1252), .xlsx, .json (dataValueSets DHIS2). Taille maximale : 300 Mo."
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur}
        className={fr.cx('fr-mb-3w')}
        nativeInputProps={{
          ref: champ,
          accept: '.csv,.xlsx,.json,text/csv,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          onChange: (e) => {
            onFichier(e.target.files?.[0] ?? null);
            setErreur(undefined);
          },
        }}
      />
      <ChampsLecture lecture={lecture} onChange={onLecture} />
      <Button type="button" iconId="fr-icon-search-line" onClick={lire} disabled={enCours}>
        Lire le fichier
      </Button>
      <p role="status" className={fr.cx('fr-mt-2w')}>
        {enCours ? 'Lecture du fichier…' : ''}
      </p>
    </>
  );
}
