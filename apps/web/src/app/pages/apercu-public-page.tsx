import { fr } from '@codegouvfr/react-dsfr';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useParams } from 'react-router';
import { useApercuPublic } from '../../api/acces';
import { useContrat } from '../../api/contrats';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { useTitrePage } from '../../components/titre-page';
import { InterrupteurPublication } from '../../features/contrats/interrupteur-publication';
import { VueContratPublic } from '../../features/public/contrat-public-page';

/**
 * /contrats/:id/apercu-public: the contract's public page exactly as the public sees it (or will, once published),
 * with the switch to publish or withdraw it — so that nobody publishes without having seen what becomes public.
 * It shows the public feature's view inside a contract screen, so it lives in app/.
 */
export default function ApercuPublicPage() {
  const { id = '' } = useParams();
  const contrat = useContrat(id);
  const apercu = useApercuPublic(id);
  useTitrePage(contrat.data ? `Aperçu public — ${contrat.data.intitule}` : 'Aperçu public');
  const filAriane = (
    <Breadcrumb
      currentPageLabel="Aperçu de la page publique"
      homeLinkProps={{ to: '/' }}
      segments={[
        { label: 'Contrats', linkProps: { to: '/contrats' } },
        { label: contrat.data?.intitule ?? 'Contrat', linkProps: { to: `/contrats/${id}` } },
      ]}
    />
  );
  if (contrat.isPending || apercu.isPending)
    return (
      <>
        {filAriane}
        <Chargement />
      </>
    );
  const erreur = contrat.error ?? apercu.error;
  if (erreur || !contrat.data || !apercu.data)
    return (
      <>
        {filAriane}
        <h1>Aperçu de la page publique</h1>
        <AlerteErreur erreur={erreur} />
      </>
    );
  const c = contrat.data;
  return (
    <>
      {filAriane}
      <Alert
        severity={c.publie ? 'success' : 'info'}
        as="h2"
        className={fr.cx('fr-mb-3w')}
        title={c.publie ? 'Ce contrat est publié : voici sa page publique' : 'Aperçu : cette page n’est pas encore publique'}
        description="Voici ce que verra toute personne, connectée ou non, et ce que reprendront les données ouvertes. Seules les organisations qui ont confirmé leur rôle y sont nommées ; aucune personne, note interne ni ligne de financement n’y figure."
      />
      <InterrupteurPublication contrat={c} />
      <div className="maillage-encart fr-p-3w">
        <VueContratPublic c={apercu.data} />
      </div>
    </>
  );
}
