import { fr } from '@codegouvfr/react-dsfr';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { courrielMembreSchema } from '@maillage/domain';
import { useId, useState } from 'react';
import type { MembreInstance } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { pluriel } from '../../components/format';
import { useFocusPremierChamp } from '../../components/focus';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { nomMembre } from './libelles';
import { FormulaireEncart } from '../../components/formulaire-encart';

/** Who receives the invitations of an instance, said once above its members. */
export const QUI_EST_INVITE =
  'Les invitations aux séances partent vers les utilisateurs de Maillage de chaque organisation membre, l’adresse de chaque personne membre, ' +
  'et l’adresse d’invitation donnée pour un membre qui n’a pas de compte.';

/** The "Invitations" cell: how many addresses the member's invitations reach. */
export function PorteeInvitations({ membre }: { membre: MembreInstance }) {
  if (membre.destinataires === 0) return <strong className={fr.cx('fr-text--sm')}>Personne ne les reçoit : ajoutez une adresse</strong>;
  return (
    <>
      {pluriel(membre.destinataires, 'adresse')}
      {membre.email && <span className={fr.cx('fr-hint-text')}>dont {membre.email}</span>}
    </>
  );
}

/** The invitation address of a member (empty: removed). */
export function FormulaireCourrielMembre(props: {
  membre: MembreInstance;
  instanceNom: string;
  onEnregistrer: (email: string | null) => Promise<unknown>;
  onAnnuler: () => void;
  erreur: unknown;
  enCours: boolean;
}) {
  const { membre, instanceNom, onEnregistrer, onAnnuler, erreur, enCours } = props;
  const id = useId();
  const cadre = useFocusPremierChamp<HTMLFormElement>();
  const [valeur, setValeur] = useState(membre.email ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const soumettre = (e: React.FormEvent) => {
    e.preventDefault();
    const lu = courrielMembreSchema.safeParse({ email: valeur.trim() === '' ? null : valeur });
    if (!lu.success) return setMessage(lu.error.issues[0].message);
    setMessage(null);
    onEnregistrer(lu.data.email ?? null).catch(() => {});
  };
  return (
    <FormulaireEncart
      cadre={cadre}
      idTitre={`${id}-titre`}
      titre={
        <>
          Adresse d’invitation de {nomMembre(membre)} (« {instanceNom} »)
        </>
      }
      onSubmit={soumettre}
    >
      {erreur ? <AlerteErreur erreur={erreur} as="h4" titre="L’adresse n’a pas été enregistrée" /> : null}
      <Input
        label="Adresse e-mail (laisser vide pour la retirer)"
        hintText="Pour un membre sans compte Maillage : ses invitations partiront aussi à cette adresse, par exemple celle de son secrétariat."
        nativeInputProps={{
          type: 'email',
          autoComplete: 'email',
          value: valeur,
          onChange: (e) => setValeur(e.target.value),
          maxLength: 320,
        }}
        state={message ? 'error' : 'default'}
        stateRelatedMessage={message ?? undefined}
      />
      <BoutonsFormulaire libelle="Enregistrer l’adresse" enCours={enCours} onAnnuler={onAnnuler} />
    </FormulaireEncart>
  );
}
