import { fr, type FrIconClassName } from '@codegouvfr/react-dsfr';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useId, useRef } from 'react';

interface Commande {
  libelle: string;
  icone: FrIconClassName;
  commande: string;
  argument?: string;
}

const COMMANDES: Commande[] = [
  { libelle: 'Gras', icone: 'fr-icon-bold', commande: 'bold' },
  { libelle: 'Italique', icone: 'fr-icon-italic', commande: 'italic' },
  { libelle: 'Intertitre', icone: 'fr-icon-h-1', commande: 'formatBlock', argument: 'h3' },
  { libelle: 'Paragraphe', icone: 'fr-icon-align-left', commande: 'formatBlock', argument: 'p' },
  { libelle: 'Liste à puces', icone: 'fr-icon-list-unordered', commande: 'insertUnorderedList' },
  { libelle: 'Liste numérotée', icone: 'fr-icon-list-ordered', commande: 'insertOrderedList' },
];

const EQUIVALENTS: Record<string, string> = { B: 'strong', I: 'em', DIV: 'p' };

/**
 * What browsers type is not what the server keeps: <b>, <i> and <div> would be dropped (with the formatting or the
 * line break), so they become <strong>, <em> and <p>; empty paragraphs go.
 */
export function nettoyerHtml(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  for (const ancien of [...doc.body.querySelectorAll('b, i, div')]) {
    const nouveau = doc.createElement(EQUIVALENTS[ancien.tagName]);
    nouveau.append(...ancien.childNodes);
    ancien.replaceWith(nouveau);
  }
  for (const p of [...doc.body.querySelectorAll('p')]) if (!p.textContent?.trim()) p.remove();
  return doc.body.innerHTML;
}

interface Props {
  label: string;
  indication: string;
  /** HTML the editor starts from; later changes of this prop reset the content (used after a conflict). */
  valeur: string;
  onChange: (html: string) => void;
}

/**
 * A small rich-text editor without a library: an editable region (role textbox) and a few formatting buttons that
 * act on the last selection, then give focus back to the text. Ctrl+B and Ctrl+I work in the text too. The server
 * keeps only harmless tags.
 */
export function EditeurTexteRiche({ label, indication, valeur, onChange }: Props) {
  const id = useId();
  const zone = useRef<HTMLDivElement>(null);
  const plage = useRef<Range | null>(null);

  useEffect(() => {
    if (!zone.current) return;
    zone.current.innerHTML = valeur || '<p><br></p>';
  }, [valeur]);

  const memoriser = () => {
    const s = window.getSelection();
    if (s && s.rangeCount > 0 && zone.current?.contains(s.anchorNode)) plage.current = s.getRangeAt(0).cloneRange();
  };

  const appliquer = (c: Commande) => {
    const element = zone.current;
    if (!element) return;
    element.focus();
    const s = window.getSelection();
    if (s && plage.current) {
      s.removeAllRanges();
      s.addRange(plage.current);
    }
    // Enter makes paragraphs (the server keeps <p>, not <div>).
    document.execCommand('defaultParagraphSeparator', false, 'p');
    document.execCommand(c.commande, false, c.argument);
    memoriser();
    onChange(nettoyerHtml(element.innerHTML));
  };

  return (
    <div className={fr.cx('fr-input-group')}>
      <p className={fr.cx('fr-label')} id={`${id}-label`}>
        {label}
        <span className={fr.cx('fr-hint-text')} id={`${id}-aide`}>
          {indication}
        </span>
      </p>
      <div
        role="toolbar"
        aria-label={`Mise en forme : ${label}`}
        aria-controls={`${id}-zone`}
        className="maillage-barre-outils"
        // The arrows move between the buttons, as in any toolbar; Tab still reaches each of them.
        onKeyDown={(e) => {
          if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
          const boutons = [...e.currentTarget.querySelectorAll('button')];
          const i = boutons.indexOf(document.activeElement as HTMLButtonElement);
          if (i < 0) return;
          e.preventDefault();
          boutons[(i + (e.key === 'ArrowRight' ? 1 : boutons.length - 1)) % boutons.length].focus();
        }}
      >
        {COMMANDES.map((c) => (
          <Button
            key={c.libelle}
            type="button"
            size="small"
            priority="tertiary"
            iconId={c.icone}
            title={c.libelle}
            // A mouse click must not take the selection away from the text.
            nativeButtonProps={{ onMouseDown: (e) => e.preventDefault() }}
            onClick={() => appliquer(c)}
          >
            {c.libelle}
          </Button>
        ))}
      </div>
      <div
        ref={zone}
        id={`${id}-zone`}
        className="maillage-editeur"
        contentEditable
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-aide`}
        tabIndex={0}
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
        onInput={(e) => onChange(nettoyerHtml(e.currentTarget.innerHTML))}
        onKeyUp={memoriser}
        onMouseUp={memoriser}
        onBlur={memoriser}
      />
    </div>
  );
}
