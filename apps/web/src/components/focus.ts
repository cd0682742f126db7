import { useEffect, useRef } from 'react';

/**
 * An inline form replaces the button that opened it: the focus goes to its first field, so keyboard and screen
 * reader users land in the form instead of the top of the page.
 */
export function useFocusPremierChamp<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current
      ?.querySelector<HTMLElement>('input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea, [contenteditable="true"]')
      ?.focus();
  }, []);
  return ref;
}
