import { useEffect } from 'react';

/** Sets the browser tab's title while a page is shown ("Draft — Accord"). */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Accord` : 'Accord';
  }, [title]);
}
