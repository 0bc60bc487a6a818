import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { clauseViewStore } from '../../sync/ClauseViewStore';
import type { ClauseView } from '../../sync/clauseViews';

/** The clauses of a live draft, re-read whenever its text or its clause meta changes. */
export function useClauseViews(doc: Y.Doc): ClauseView[] {
  const store = useMemo(() => clauseViewStore(doc), [doc]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
