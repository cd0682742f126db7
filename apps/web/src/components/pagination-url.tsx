import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { fr } from '@codegouvfr/react-dsfr';
import { useSearchParams } from 'react-router';

/** The current page from the URL (?page=), 1 by default. */
export function usePageUrl(): number {
  const [params] = useSearchParams();
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page > 0 ? page : 1;
}

/** DSFR pagination whose links keep the other URL filters. */
export function PaginationUrl({ total, parPage }: { total: number; parPage: number }) {
  const [params] = useSearchParams();
  const page = usePageUrl();
  const pages = Math.max(1, Math.ceil(total / parPage));
  if (pages <= 1) return null;
  return (
    <Pagination
      className={fr.cx('fr-mt-3w')}
      count={pages}
      defaultPage={Math.min(page, pages)}
      showFirstLast
      getPageLinkProps={(n) => {
        const suivants = new URLSearchParams(params);
        if (n === 1) suivants.delete('page');
        else suivants.set('page', String(n));
        return { to: { search: suivants.toString() } };
      }}
    />
  );
}
