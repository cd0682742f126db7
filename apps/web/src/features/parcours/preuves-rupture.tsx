import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { TYPES_PREUVE_RUPTURE, type PreuveRupture, type TypePreuveRupture } from '@maillage/domain';
import { useState } from 'react';
import { useDiagnostic } from '../../api/diagnostics';
import { BoutonLigne } from '../../components/boutons-element';

/** What a piece of evidence says, for the list under the form (verbatims and constats by their text). */
export function texteBrouillon(p: PreuveRupture, noms: Map<string, string>): string {
  switch (p.type) {
    case 'verbatim':
      return `Verbatim : ${noms.get(p.verbatimId) ?? 'verbatim du diagnostic'}`;
    case 'constat':
      return `Constat : ${noms.get(p.constatId) ?? 'constat du diagnostic'}`;
    case 'signalement':
      return `Signalement${p.auteur ? ` de ${p.auteur}` : ''} : ${p.texte}`;
    case 'indicateur':
      return `Indicateur${p.indicateurCode ? ` ${p.indicateurCode}` : ''} : ${p.texte}`;
  }
}

/** The verbatims or constats of the contract's diagnostic, to cite one as evidence. */
function ChoixDiagnostic({
  contratId,
  type,
  onAjouter,
}: {
  contratId: string;
  type: 'verbatim' | 'constat';
  onAjouter: (p: PreuveRupture, texte: string) => void;
}) {
  const diagnostic = useDiagnostic(contratId);
  const [choix, setChoix] = useState('');
  const options =
    type === 'verbatim'
      ? (diagnostic.data?.verbatims ?? []).map((v) => ({ id: v.id, texte: `« ${v.texte} » — ${v.locuteur}` }))
      : (diagnostic.data?.constats ?? []).map((c) => ({ id: c.id, texte: c.intitule }));
  if (diagnostic.isPending) return <p className={fr.cx('fr-text--sm')}>Chargement du diagnostic…</p>;
  if (!options.length)
    return (
      <p className={fr.cx('fr-text--sm')}>
        Le diagnostic du contrat n’a pas encore de {type === 'verbatim' ? 'verbatim' : 'constat'} : choisissez un signalement ou un
        indicateur.
      </p>
    );
  return (
    <div className="maillage-actions">
      <Select
        label={type === 'verbatim' ? 'Verbatim du diagnostic' : 'Constat du diagnostic'}
        nativeSelectProps={{ value: choix, onChange: (e) => setChoix(e.target.value) }}
      >
        <option value="">Choisir</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.texte.length > 140 ? `${o.texte.slice(0, 140)}…` : o.texte}
          </option>
        ))}
      </Select>
      <Button
        type="button"
        size="small"
        priority="secondary"
        disabled={!choix}
        onClick={() => {
          const texte = options.find((o) => o.id === choix)?.texte ?? '';
          onAjouter(type === 'verbatim' ? { type, verbatimId: choix } : { type, constatId: choix }, texte);
          setChoix('');
        }}
      >
        Ajouter cette preuve
      </Button>
    </div>
  );
}

/** A free evidence: a professional's report (with its author) or what an indicator shows. */
function PreuveLibre({ type, onAjouter }: { type: 'signalement' | 'indicateur'; onAjouter: (p: PreuveRupture) => void }) {
  const [texte, setTexte] = useState('');
  const [complement, setComplement] = useState('');
  const [erreur, setErreur] = useState('');
  const ajouter = () => {
    if (!texte.trim()) {
      setErreur(type === 'signalement' ? 'Écrivez le signalement' : 'Dites ce que l’indicateur montre');
      return;
    }
    setErreur('');
    const c = complement.trim() || null;
    onAjouter(type === 'signalement' ? { type, texte: texte.trim(), auteur: c } : { type, texte: texte.trim(), indicateurCode: c });
    setTexte('');
    setComplement('');
  };
  return (
    <>
      <Input
        label={type === 'signalement' ? 'Ce que le professionnel signale' : 'Ce que montre l’indicateur'}
        textArea
        nativeTextAreaProps={{ value: texte, onChange: (e) => setTexte(e.target.value), rows: 2 }}
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur || undefined}
      />
      <Input
        label={type === 'signalement' ? 'Auteur du signalement (facultatif)' : 'Code de l’indicateur (facultatif)'}
        hintText={type === 'signalement' ? 'Par exemple : infirmière du SSIAD' : undefined}
        nativeInputProps={{ value: complement, onChange: (e) => setComplement(e.target.value), autoComplete: 'off' }}
      />
      <Button type="button" size="small" priority="secondary" onClick={ajouter}>
        Ajouter cette preuve
      </Button>
    </>
  );
}

/** The evidence of a rupture being recorded: the list so far, and the sub-form adding one of the four kinds. */
export function PreuvesRupture({
  contratId,
  preuves,
  onChange,
}: {
  contratId: string;
  preuves: PreuveRupture[];
  onChange: (p: PreuveRupture[]) => void;
}) {
  const [type, setType] = useState<TypePreuveRupture>('signalement');
  const [noms] = useState(() => new Map<string, string>());
  return (
    <fieldset className={fr.cx('fr-fieldset', 'fr-mb-2w')}>
      <legend className={fr.cx('fr-fieldset__legend', 'fr-text--regular')}>Preuves (verbatim, constat, signalement, indicateur)</legend>
      <div className={fr.cx('fr-fieldset__element')}>
        {preuves.length ? (
          <ul className={fr.cx('fr-text--sm')}>
            {preuves.map((p, i) => (
              <li key={i}>
                {texteBrouillon(p, noms)}
                <BoutonLigne
                  libelle="Retirer"
                  etiquette={`Retirer la preuve ${i + 1}`}
                  icone="fr-icon-close-line"
                  onClick={() => onChange(preuves.filter((_, j) => j !== i))}
                />
              </li>
            ))}
          </ul>
        ) : (
          <p className={fr.cx('fr-text--sm')}>Aucune preuve pour l’instant.</p>
        )}
        <Select
          label="Type de preuve à ajouter"
          nativeSelectProps={{ value: type, onChange: (e) => setType(e.target.value as TypePreuveRupture) }}
        >
          {Object.entries(TYPES_PREUVE_RUPTURE).map(([code, libelle]) => (
            <option key={code} value={code}>
              {libelle}
            </option>
          ))}
        </Select>
        {type === 'verbatim' || type === 'constat' ? (
          <ChoixDiagnostic
            contratId={contratId}
            type={type}
            onAjouter={(p, texte) => {
              noms.set(p.type === 'verbatim' ? p.verbatimId : p.type === 'constat' ? p.constatId : '', texte);
              onChange([...preuves, p]);
            }}
          />
        ) : (
          <PreuveLibre key={type} type={type} onAjouter={(p) => onChange([...preuves, p])} />
        )}
      </div>
    </fieldset>
  );
}
