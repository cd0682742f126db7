import { fr } from '@codegouvfr/react-dsfr';
import { intituleAvecGeneration } from '@maillage/domain';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useContrat, useRenouvellement } from '../../api/contrats';
import { useFiches } from '../../api/fiches';
import type { Fiche } from '@maillage/domain/api';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { Chargement } from '../../components/chargement';
import { formaterNombre } from '../../components/format';
import { useTitrePage } from '../../components/titre-page';
import { libelleGeneration } from '../../components/statuts-contrat';

/** Fiches still alive are proposed for the next generation; those done or abandoned are not. */
const aReprendre = (f: Fiche) => f.statut !== 'realisee' && f.statut !== 'abandonnee';

/** Start generation N+1 from a signed, evaluated or expired contract, with the fiches chosen. */
export default function RenouvellementPage() {
  const { id = '' } = useParams();
  const naviguer = useNavigate();
  const contrat = useContrat(id);
  const fiches = useFiches(id);
  const renouveler = useRenouvellement(id);
  const [choisies, setChoisies] = useState<Set<string> | null>(null);
  const [intitule, setIntitule] = useState('');
  useTitrePage('Renouveler un contrat');

  useEffect(() => {
    if (fiches.data && choisies === null) setChoisies(new Set(fiches.data.filter(aReprendre).map((f) => f.id)));
  }, [fiches.data, choisies]);

  const filAriane = (
    <Breadcrumb
      currentPageLabel="Renouvellement"
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        ...(contrat.data ? [{ label: contrat.data.intitule, linkProps: { to: `/contrats/${id}` } }] : []),
      ]}
    />
  );
  if (contrat.isPending || fiches.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  if (contrat.error || fiches.error) {
    return (
      <>
        {filAriane}
        <h1>Renouvellement impossible</h1>
        <AlerteErreur erreur={contrat.error ?? fiches.error} />
      </>
    );
  }
  const c = contrat.data;
  const suivante = c.generation + 1;
  const selection = choisies ?? new Set<string>();
  const basculer = (ficheId: string, coche: boolean) =>
    setChoisies((s) => {
      const n = new Set(s);
      if (coche) n.add(ficheId);
      else n.delete(ficheId);
      return n;
    });
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    renouveler.mutate(
      { ficheIds: fiches.data.filter((f) => selection.has(f.id)).map((f) => f.id), intitule: intitule.trim() || null },
      {
        onSuccess: (r) =>
          naviguer(`/contrats/${r.id}`, {
            state: {
              message: `Le contrat de ${libelleGeneration(r.generation)} est créé, avec ${
                selection.size === 0
                  ? 'aucune fiche reprise'
                  : `${formaterNombre(selection.size)} fiche${selection.size > 1 ? 's' : ''} reprise${selection.size > 1 ? 's' : ''}`
              }. Il commence au statut « En préparation ».`,
            },
          }),
      },
    );
  };

  return (
    <>
      {filAriane}
      <h1>Renouveler le contrat</h1>
      <p className={fr.cx('fr-text--lead')}>
        Le renouvellement crée le contrat de {libelleGeneration(suivante)} sur le même territoire, avec les mêmes ARS, collectivités
        porteuses, partenaires et signataires (qui signeront à nouveau), et les personnes qui y ont un rôle.
      </p>
      <p>
        Les fiches-action choisies sont reprises avec leurs axes et objectifs, renumérotées à partir de 1 et remises au statut « À venir » ;
        leurs financements ne sont pas repris. Le contrat actuel reste consultable.
      </p>
      {renouveler.error && <AlerteErreur erreur={renouveler.error} titre="Le renouvellement n’a pas abouti" />}
      <form onSubmit={soumettre} noValidate>
        <Input
          label="Intitulé du nouveau contrat (facultatif)"
          hintText={`Par défaut : « ${intituleAvecGeneration(c.intitule, suivante)} »`}
          nativeInputProps={{ value: intitule, onChange: (e) => setIntitule(e.target.value), maxLength: 300 }}
        />
        {fiches.data.length === 0 ? (
          <p>Ce contrat n’a aucune fiche-action : le nouveau contrat commencera sans fiche.</p>
        ) : (
          <>
            <ul className={fr.cx('fr-btns-group', 'fr-btns-group--inline-sm', 'fr-btns-group--sm')}>
              <li>
                <Button type="button" priority="secondary" onClick={() => setChoisies(new Set(fiches.data.map((f) => f.id)))}>
                  Tout cocher
                </Button>
              </li>
              <li>
                <Button type="button" priority="secondary" onClick={() => setChoisies(new Set())}>
                  Tout décocher
                </Button>
              </li>
            </ul>
            <Checkbox
              legend={`Fiches-action à reprendre (${formaterNombre(selection.size)} sur ${formaterNombre(fiches.data.length)})`}
              hintText="Les fiches réalisées ou abandonnées ne sont pas cochées d’office."
              small
              options={fiches.data.map((f) => ({
                label: `Fiche ${f.numero} — ${f.intitule}`,
                hintText: `${f.statutLibelle}${f.axe ? ` · axe ${f.axe.numero}` : ''}`,
                nativeInputProps: { checked: selection.has(f.id), onChange: (e) => basculer(f.id, e.target.checked) },
              }))}
            />
          </>
        )}
        <BoutonsFormulaire
          taille="md"
          icones
          icone="fr-icon-refresh-line"
          libelle={`Créer le contrat de ${libelleGeneration(suivante)}`}
          enCours={renouveler.isPending}
          annulerVers={`/contrats/${id}`}
        />
      </form>
    </>
  );
}
