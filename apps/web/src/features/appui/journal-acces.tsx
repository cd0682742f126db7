import { useJournalAcces } from '../../api/appui';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { formaterDateHeure } from '../../components/format';
import { TableauDefilant } from '../../components/tableau-defilant';

/** Who read the case, when, what — and the reasons declared to open it (the référent's and coordinators' view). */
export function JournalAccesSituation({ situationId }: { situationId: string }) {
  const journal = useJournalAcces(situationId, true);
  if (journal.isPending) return <Chargement libelle="Chargement du journal des accès…" />;
  if (journal.error) return <AlerteErreur erreur={journal.error} titre="Le journal des accès n’a pas pu être chargé" as="h3" />;
  return (
    <>
      <h2>Journal des accès</h2>
      <p>Chaque lecture de la situation y est inscrite ; un accès ouvert par un motif déclaré y figure avec ce motif.</p>
      <TableauDefilant
        caption="Lectures de la situation, les plus récentes d’abord"
        headers={['Quand', 'Qui', 'Quoi', 'Motif déclaré']}
        data={journal.data.elements.map((e) => [
          formaterDateHeure(e.le),
          e.utilisateur,
          e.nature === 'motif_declare' ? `Ouverture par motif — ${e.objet}` : e.objet,
          e.motif ?? '—',
        ])}
      />
    </>
  );
}
