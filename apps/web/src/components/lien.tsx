import { forwardRef, type AnchorHTMLAttributes } from 'react';
import { Link, type LinkProps } from 'react-router';

type Props = LinkProps | (AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; to?: undefined });

/**
 * The link DSFR components render: `to` goes through the router; `href` (pages the server serves
 * itself, such as /api/docs) is a plain anchor that reloads the document.
 */
export const Lien = forwardRef<HTMLAnchorElement, Props>(function Lien(props, ref) {
  if ('to' in props && props.to !== undefined) return <Link ref={ref} {...props} />;
  return <a ref={ref} {...(props as AnchorHTMLAttributes<HTMLAnchorElement>)} />;
});

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Link;
  }
}
