import { fr } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useRef, useState } from 'react';
import { estErreurApi } from '../../api/client';
import { useGestionSeance, type Seance } from '../../api/gouvernance';
import { AlerteErreur } from '../../components/alerte-erreur';
import { BoutonsFormulaire } from '../../components/boutons-formulaire';
import { ConflitVersion } from '../../components/conflit-version';
import { EditeurTexteRiche } from './editeur-texte-riche';

/** The text of some HTML, to compare two versions in words. */
function texteDe(html: string | null): string {
  if (!html) return '';
  // Each paragraph, item or heading ends with " · ", so the blocks do not run into each other.
  const separe = html.replace(/<\/(p|li|h[2-4]|td|th|blockquote)>/g, ' · $&');
  return (new DOMParser().parseFromString(separe, 'text/html').body.textContent ?? '')
    .replace(/\s+/g, ' ')
    .replace(/( · )+$/, '')
    .replace(/ ·\s*$/, '')
    .trim();
}

/** The compte rendu: rendered (the server sanitised it), and edited in a small rich-text editor. */
export function CompteRenduSeance({ seance, modifiable }: { seance: Seance; modifiable: boolean }) {
  const { compteRendu } = useGestionSeance(seance.id);
  const [edition, setEdition] = useState(false);
  const [depart, setDepart] = useState('');
  // A new key remounts the editor on a fresh start (open, or take the saved version after a conflict).
  const [cle, setCle] = useState(0);
  const [courant, setCourant] = useState<Seance | null>(null);
  const [message, setMessage] = useState('');
  const html = useRef('');
  const version = useRef(seance.version);
  const titre = useRef<HTMLHeadingElement>(null);

  const ouvrir = () => {
    compteRendu.reset();
    setMessage('');
    html.current = seance.compteRendu ?? '';
    version.current = seance.version;
    setDepart(seance.compteRendu ?? '');
    setCle((k) => k + 1);
    setEdition(true);
  };
  const enregistrer = (v = version.current) =>
    compteRendu.mutate(
      { compteRendu: html.current, version: v },
      {
        onSuccess: () => {
          setEdition(false);
          setCourant(null);
          setMessage('Compte rendu enregistré.');
          setTimeout(() => titre.current?.focus(), 0);
        },
        onError: (e) => {
          if (estErreurApi(e, 409) && e.probleme.courant) setCourant(e.probleme.courant as Seance);
        },
      },
    );

  return (
    <section aria-labelledby="seance-compte-rendu" className={fr.cx('fr-mb-6w')}>
      <h2 id="seance-compte-rendu" ref={titre} tabIndex={-1}>
        Compte rendu
      </h2>
      <p role="status" className={fr.cx('fr-text--sm')}>
        {message}
      </p>
      {!edition &&
        (seance.compteRendu ? (
          // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitised by the server (sanitize-html: paragraphs, emphasis, lists, headings, links, tables only).
          <div className="maillage-compte-rendu fr-mb-2w" dangerouslySetInnerHTML={{ __html: seance.compteRendu }} />
        ) : (
          <p>
            Pas encore de compte rendu
            {modifiable ? ' : rédigez-le ici après la séance, il sera lisible par toutes les parties du contrat.' : '.'}
          </p>
        ))}
      {modifiable && !edition && (
        <Button type="button" priority="secondary" iconId="fr-icon-edit-line" onClick={ouvrir}>
          {seance.compteRendu ? 'Modifier le compte rendu' : 'Rédiger le compte rendu'}
        </Button>
      )}
      {edition && (
        <>
          {courant && (
            <ConflitVersion
              entite="Cette séance"
              diffs={[{ libelle: 'Compte rendu', saisie: texteDe(html.current), actuel: texteDe(courant.compteRendu) }].filter(
                (d) => d.saisie !== d.actuel,
              )}
              enCours={compteRendu.isPending}
              onReprendre={() => {
                html.current = courant.compteRendu ?? '';
                version.current = courant.version;
                setDepart(courant.compteRendu ?? '');
                setCle((k) => k + 1);
                setCourant(null);
                compteRendu.reset();
              }}
              onEcraser={() => {
                version.current = courant.version;
                enregistrer(courant.version);
              }}
            />
          )}
          {compteRendu.error && !courant ? (
            <AlerteErreur erreur={compteRendu.error} as="h3" titre="Le compte rendu n’a pas été enregistré" />
          ) : null}
          <form
            onSubmit={(e) => {
              e.preventDefault();
              enregistrer();
            }}
          >
            <EditeurTexteRiche
              key={cle}
              label="Texte du compte rendu"
              indication="Participants, échanges point par point, suites à donner. Raccourcis : Ctrl+B pour le gras, Ctrl+I pour l’italique. Les décisions qui changent une fiche se notent plutôt dans le relevé de décisions ci-dessous."
              valeur={depart}
              onChange={(h) => (html.current = h)}
            />
            <BoutonsFormulaire
              sansMarge
              libelle="Enregistrer le compte rendu"
              enCours={compteRendu.isPending}
              onAnnuler={() => {
                setEdition(false);
                setCourant(null);
              }}
            />
          </form>
        </>
      )}
    </section>
  );
}
