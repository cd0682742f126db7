import { Table, type TableProps } from '@codegouvfr/react-dsfr/Table';
import { useLayoutEffect, useRef, useState } from 'react';

/**
 * A DSFR table that scrolls sideways inside its own region when it is wider than the screen (a ranked table of
 * communes on a phone): the region then becomes focusable and named, so that it can be scrolled with the keyboard.
 */
export function TableauDefilant(props: TableProps) {
  const cadre = useRef<HTMLDivElement>(null);
  const [deborde, setDeborde] = useState(false);
  useLayoutEffect(() => {
    const el = cadre.current;
    if (!el) return;
    const mesurer = () => setDeborde(el.scrollWidth > el.clientWidth + 1);
    mesurer();
    const observateur = new ResizeObserver(mesurer);
    observateur.observe(el);
    const table = el.querySelector('table');
    if (table) observateur.observe(table);
    return () => observateur.disconnect();
  }, []);
  const nom = typeof props.caption === 'string' ? props.caption : 'Tableau';
  return (
    <div
      ref={cadre}
      className="maillage-defilement"
      {...(deborde ? { tabIndex: 0, role: 'region', 'aria-label': `${nom} (défilement horizontal)` } : {})}
    >
      <Table {...props} />
    </div>
  );
}
