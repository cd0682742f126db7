import { fr } from '@codegouvfr/react-dsfr';
import { Summary } from '@codegouvfr/react-dsfr/Summary';
import { can, FAMILLES_INDICATEUR, formaterNombre } from '@maillage/domain';
import { useDiagnostic } from '../../api/diagnostics';
import { useIndicateurs } from '../../api/indicateurs';
import { usePerimetre } from '../../api/territoires';
import type { ContratDetail } from '@maillage/domain/api';
import { useSession } from '../../app/session';
import { AlerteErreur } from '../../components/alerte-erreur';
import { Chargement } from '../../components/chargement';
import { EtatVide } from '../../components/etat-vide';
import { Telechargement } from '../../components/telechargement';
import { CarteIndicateur } from './carte-indicateur';
import { ChaineDiagnostic } from './chaine-diagnostic';
import { CommunesIndicateur } from './communes-indicateur';
import { FinancementsTerritoireDiagnostic } from './financements-territoire';
import { RencontresDiagnostic } from './rencontres-diagnostic';
import { ResumeTerritoire } from './resume-territoire';
import { VerbatimsDiagnostic } from './verbatims-diagnostic';
import { peutAjouter } from '../../components/statuts-contrat';

const SECTIONS = [
  { id: 'diagnostic-rapport', texte: 'Rapport de diagnostic' },
  { id: 'diagnostic-territoire', texte: 'Le territoire' },
  { id: 'diagnostic-indicateurs', texte: 'Indicateurs' },
  { id: 'diagnostic-communes', texte: 'Les communes' },
  { id: 'diagnostic-zones-blanches', texte: 'Zones blanches des ressources' },
  { id: 'diagnostic-chaine', texte: 'Des constats aux axes' },
  { id: 'diagnostic-verbatims', texte: 'Verbatims' },
  { id: 'diagnostic-rencontres', texte: 'Rencontres' },
  { id: 'diagnostic-financements', texte: 'Financements existants' },
];

function Section({ id, titre, children }: { id: string; titre: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-titre`} className={fr.cx('fr-mb-6w')}>
      <h3 id={`${id}-titre`}>
        <span id={id} tabIndex={-1}>
          {titre}
        </span>
      </h3>
      {children}
    </section>
  );
}

/** The contract's "Territoire et diagnostic" tab: perimeter, indicators with comparators, communes, the chain, verbatims, meetings. */
export default function OngletDiagnostic({ contrat, zonesBlanches }: { contrat: ContratDetail; zonesBlanches?: React.ReactNode }) {
  const diagnostic = useDiagnostic(contrat.id);
  const catalogue = useIndicateurs();
  const perimetre = usePerimetre(contrat.perimetre);
  const { sujet } = useSession();
  // A closed contract's diagnostic is kept as it was: the next one is made on the renewed contract (decision 0006).
  const editable = peutAjouter(contrat, 'diagnostic');
  const gestionCatalogue = can(sujet, 'creer', { type: 'catalogue' });
  const { territoire } = contrat;
  const nomPerimetre =
    territoire.epci.length === 1 && contrat.perimetre.communes.length === 0 ? territoire.epci[0].nom : 'Périmètre du contrat';

  if (diagnostic.isPending) return <Chargement libelle="Chargement du diagnostic…" />;
  if (diagnostic.error) return <AlerteErreur erreur={diagnostic.error} titre="Impossible de charger le diagnostic" />;
  const d = diagnostic.data;
  const libelles = new Map([
    ...(catalogue.data ?? []).map((i) => [i.code, i.libelle] as const),
    ...d.indicateurs.map((a) => [a.indicateur.code, a.indicateur.libelle] as const),
  ]);
  const communes = (perimetre.data?.communes ?? []).map((c) => ({ code: c.code, nom: c.nom }));

  return (
    <>
      <h2>Territoire et diagnostic</h2>
      <p>
        Le diagnostic local de santé partagé réunit les indicateurs du territoire, comparés au département, à la région et à la France, et
        la parole des habitants et des acteurs. Ses constats mènent aux besoins, puis aux priorités et aux axes du contrat.
      </p>
      <Summary
        title="Dans cet onglet"
        as="h3"
        links={SECTIONS.map((s) => ({ text: s.texte, linkProps: { href: `#${s.id}` } }))}
        className={fr.cx('fr-mb-4w')}
      />

      <Section id="diagnostic-rapport" titre="Rapport de diagnostic">
        <p className={fr.cx('fr-text--sm')}>
          Le rapport reprend les indicateurs avec leurs graphiques suivis de leurs tableaux, les constats, les besoins, les priorités et les
          verbatims.
        </p>
        <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Telechargement
              libelle="Rapport de diagnostic"
              details="PDF – à diffuser"
              chemin={`/api/contrats/${contrat.id}/diagnostic.pdf`}
            />
          </div>
          <div className={fr.cx('fr-col-12', 'fr-col-md-6')}>
            <Telechargement
              libelle="Rapport de diagnostic"
              details="DOCX – modifiable dans un traitement de texte"
              chemin={`/api/contrats/${contrat.id}/diagnostic.docx`}
            />
          </div>
        </div>
      </Section>

      <Section id="diagnostic-territoire" titre="Le territoire">
        <ResumeTerritoire contrat={contrat} />
      </Section>

      <Section id="diagnostic-indicateurs" titre="Indicateurs">
        {d.indicateurs.length === 0 ? (
          <EtatVide
            titre="Aucune valeur importée pour ce territoire"
            titreAs="h4"
            action={
              gestionCatalogue
                ? { children: 'Importer des valeurs', linkProps: { to: '/indicateurs/import-valeurs' }, iconId: 'fr-icon-upload-line' }
                : undefined
            }
          >
            <p>
              Les indicateurs (démographie, conditions de vie, état de santé, offre et recours aux soins…) s’affichent ici dès que leurs
              valeurs sont importées pour les communes, l’EPCI, les départements ou les régions du périmètre.
              {!gestionCatalogue &&
                ' Les valeurs sont importées par l’ARS ou un administrateur de la plateforme : demandez-leur les fichiers de votre diagnostic.'}
            </p>
          </EtatVide>
        ) : (
          <>
            <p className={fr.cx('fr-text--sm')}>
              {formaterNombre(d.indicateurs.length)} indicateurs ont une valeur sur ce périmètre. Chaque valeur est publiée pour le
              territoire même, ou calculée à partir de ses communes selon la méthode de l’indicateur, jamais inventée : un secret
              statistique la rend « au moins … » ou indisponible. Les écarts aux comparateurs sont qualifiés selon la polarité de
              l’indicateur.
            </p>
            {FAMILLES_INDICATEUR.map((famille) => {
              const cartes = d.indicateurs.filter((a) => a.indicateur.famille === famille);
              if (!cartes.length) return null;
              return (
                <div key={famille} className={fr.cx('fr-mb-4w')}>
                  <h4>{famille}</h4>
                  <div className={fr.cx('fr-grid-row', 'fr-grid-row--gutters')}>
                    {cartes.map((a) => (
                      <CarteIndicateur
                        key={a.indicateur.code}
                        agregat={a}
                        territoires={d.territoires}
                        nomPerimetre={nomPerimetre}
                        constats={d.constats.filter((c) => c.indicateurs.includes(a.indicateur.code))}
                      />
                    ))}
                  </div>
                </div>
              );
            })}
          </>
        )}
      </Section>

      <Section id="diagnostic-communes" titre="Les communes">
        <CommunesIndicateur contrat={contrat} indicateurs={d.indicateurs} />
      </Section>

      {/* The resource directory's card (features/ressources), given by the contract page. */}
      <Section id="diagnostic-zones-blanches" titre="Zones blanches des ressources">
        {zonesBlanches}
      </Section>

      <Section id="diagnostic-chaine" titre="Des constats aux axes">
        <p className={fr.cx('fr-text--sm')}>
          Chaque constat cite ses indicateurs et ses verbatims ; chaque besoin, ses constats ; chaque priorité, ses besoins et les axes où
          elle se décline. Les liens se suivent dans les deux sens.
        </p>
        <ChaineDiagnostic contratId={contrat.id} diagnostic={d} libelles={libelles} editable={editable} />
      </Section>

      <Section id="diagnostic-verbatims" titre="Verbatims">
        <VerbatimsDiagnostic contratId={contrat.id} diagnostic={d} communes={communes} editable={editable} />
      </Section>

      <Section id="diagnostic-rencontres" titre="Rencontres">
        <RencontresDiagnostic contratId={contrat.id} rencontres={d.rencontres} editable={editable} />
      </Section>

      <Section id="diagnostic-financements" titre="Financements existants du territoire">
        <p className={fr.cx('fr-text--sm')}>
          Le contrat ne reçoit pas de financement national dédié : il s’appuie sur les moyens déjà présents. Ils sont recensés ici, à côté
          du financement propre du contrat (ses lignes de financement, sur les fiches-action et hors fiches).
        </p>
        <FinancementsTerritoireDiagnostic contratId={contrat.id} financements={d.financementsTerritoire} editable={editable} />
      </Section>
    </>
  );
}
