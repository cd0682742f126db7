import { fr } from '@codegouvfr/react-dsfr';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { formaterDate } from '@maillage/domain';
import { useState, type FormEvent } from 'react';
import { useAvenants, useGestionAvenants } from '../../api/contrats';
import type { Avenant, ContratDetail } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { Telechargement } from '../../components/telechargement';

const aujourdhui = () => new Date().toISOString().slice(0, 10);

function Ouverture({ contratId }: { contratId: string }) {
  const { ouverture } = useGestionAvenants(contratId);
  const [objet, setObjet] = useState('');
  const [erreur, setErreur] = useState<string | undefined>();
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    if (objet.trim().length < 3) return setErreur('Décrivez l’objet de l’avenant (au moins 3 caractères).');
    setErreur(undefined);
    ouverture.mutate(objet.trim(), { onSuccess: () => setObjet('') });
  };
  return (
    <form onSubmit={soumettre} noValidate className={fr.cx('fr-p-2w', 'fr-mb-4w') + ' maillage-encart'} aria-labelledby="ouvrir-avenant">
      <h3 id="ouvrir-avenant" className={fr.cx('fr-h6')}>
        Ouvrir un avenant
      </h3>
      <p className={fr.cx('fr-text--sm')}>
        Tant que l’avenant est en rédaction, le contrat signé redevient modifiable (fiches, axes, parties, période). À sa signature, la
        liste des changements est calculée et une version consolidée est enregistrée.
      </p>
      {ouverture.error && <AlerteErreur erreur={ouverture.error} as="h4" titre="L’avenant n’a pas été ouvert" />}
      <Input
        label="Objet de l’avenant"
        hintText="Exemple : ajout de deux fiches-action sur la santé mentale, prolongation d’un an"
        textArea
        nativeTextAreaProps={{ value: objet, onChange: (e) => setObjet(e.target.value), rows: 2, maxLength: 500, required: true }}
        state={erreur ? 'error' : 'default'}
        stateRelatedMessage={erreur}
      />
      <Button type="submit" disabled={ouverture.isPending}>
        Ouvrir l’avenant
      </Button>
    </form>
  );
}

function Signature({ contratId, avenant }: { contratId: string; avenant: Avenant }) {
  const { signature } = useGestionAvenants(contratId);
  const [date, setDate] = useState(aujourdhui);
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    signature.mutate({ id: avenant.id, dateAvenant: date });
  };
  const erreurDate =
    signature.error && 'probleme' in signature.error
      ? (signature.error as { probleme: { erreurs?: { champ: string; message: string }[] } }).probleme.erreurs?.find(
          (x) => x.champ === 'dateAvenant',
        )?.message
      : undefined;
  return (
    <form onSubmit={soumettre} noValidate className={fr.cx('fr-p-2w', 'fr-mb-4w') + ' maillage-encart'} aria-labelledby="signer-avenant">
      <h3 id="signer-avenant" className={fr.cx('fr-h6')}>
        Signer l’avenant n° {avenant.numero}
      </h3>
      <p className={fr.cx('fr-text--sm')}>Objet : {avenant.objet}</p>
      {signature.error && <AlerteErreur erreur={signature.error} as="h4" titre="L’avenant n’a pas été signé" />}
      <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters', 'fr-grid-row--bottom')}>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Input
            label="Date de l’avenant"
            hintText="Date de la dernière signature"
            nativeInputProps={{ type: 'date', value: date, onChange: (e) => setDate(e.target.value), required: true }}
            state={erreurDate ? 'error' : 'default'}
            stateRelatedMessage={erreurDate}
          />
        </div>
        <div className={fr.cx('fr-col-12', 'fr-col-md-4')}>
          <Button type="submit" iconId="fr-icon-edit-line" className={fr.cx('fr-mb-3w')} disabled={signature.isPending || !date}>
            Signer l’avenant
          </Button>
        </div>
      </div>
    </form>
  );
}

/** Avenants (open, sign, their numbered changes) and the signed versions of the contract. */
export default function OngletAvenants({ contrat }: { contrat: ContratDetail }) {
  const donnees = useAvenants(contrat.id);
  if (donnees.isPending) return <Chargement />;
  if (donnees.error) return <AlerteErreur erreur={donnees.error} titre="Impossible de charger les avenants" />;
  const { avenants, versions } = donnees.data;
  const ouvert = avenants.find((a) => a.etat === 'brouillon');
  const enVigueur = contrat.statut === 'signe' || contrat.statut === 'evaluation';

  return (
    <>
      <h2>Avenants et versions</h2>
      {contrat.droits.modifier && enVigueur && !ouvert && <Ouverture contratId={contrat.id} />}
      {contrat.droits.modifier && ouvert && <Signature contratId={contrat.id} avenant={ouvert} />}

      <h3>Avenants</h3>
      {avenants.length === 0 ? (
        <EtatVide titre="Aucun avenant" titreAs="h4">
          <p>
            Après sa signature, un contrat ne change que par avenant : nouvelles fiches-action, axes modifiés, période prolongée, nouveau
            signataire, périmètre élargi.{' '}
            {enVigueur
              ? 'Ouvrez un avenant ci-dessus pour modifier le contrat signé.'
              : 'Les avenants concernent les contrats signés et en vigueur.'}
          </p>
        </EtatVide>
      ) : (
        <ol className={fr.cx('fr-raw-list')}>
          {avenants.map((a) => (
            <li key={a.id} className={fr.cx('fr-mb-3w')}>
              <h4 className={fr.cx('fr-h6', 'fr-mb-1w')}>
                Avenant n° {a.numero} : {a.objet}{' '}
                <Badge small noIcon severity={a.etat === 'signe' ? 'success' : 'new'} as="span">
                  {a.etat === 'signe' ? `Signé le ${formaterDate(a.dateAvenant)}` : 'En rédaction'}
                </Badge>
              </h4>
              {a.etat === 'signe' ? (
                a.changements.length ? (
                  <ol>
                    {a.changements.map((c, i) => (
                      <li key={i}>{c.libelle}</li>
                    ))}
                  </ol>
                ) : (
                  <p className={fr.cx('fr-text--sm')}>Aucun changement enregistré.</p>
                )
              ) : (
                <p className={fr.cx('fr-text--sm')}>Ouvert le {formaterDate(a.creeLe)} : ses changements seront listés à sa signature.</p>
              )}
            </li>
          ))}
        </ol>
      )}

      <h3>Versions signées</h3>
      {versions.length === 0 ? (
        <p>Aucune version signée : la première est enregistrée à la signature du contrat.</p>
      ) : (
        <Table
          caption="Versions signées du contrat"
          headers={['En vigueur à partir du', 'Origine', 'Document']}
          data={versions.map((v) => [
            formaterDate(v.dateEffet),
            v.avenantNumero ? `Avenant n° ${v.avenantNumero} : ${v.avenantObjet ?? ''}` : 'Signature du contrat',
            <Telechargement
              key="t"
              libelle={`Version du ${formaterDate(v.dateEffet)}`}
              details="PDF"
              chemin={`/api/contrats/${contrat.id}/document.pdf?date=${v.dateEffet}`}
            />,
          ])}
        />
      )}
    </>
  );
}
