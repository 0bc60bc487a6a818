import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import { summarizeClauses } from '@accord/shared/domain/clauseSummary';
import { type FinalExportBlocker, finalExportBlockers } from '@accord/shared/export/finalBlockers';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

function blockersOf(doc: Y.Doc): FinalExportBlocker[] {
  const meta = clauseMetaMap(doc);
  return finalExportBlockers(
    summarizeClauses(readClauses(doc), (clauseId) => readClauseMeta(meta, clauseId)),
  );
}

/**
 * The clauses that block the final export, from the live document, kept up to date while
 * `active` (the dialog is open): a lock or a resolved bracket shows at once.
 */
export function useFinalExportBlockers(doc: Y.Doc, active: boolean): FinalExportBlocker[] {
  const [blockers, setBlockers] = useState<FinalExportBlocker[]>(() =>
    active ? blockersOf(doc) : [],
  );
  useEffect(() => {
    if (!active) return;
    const update = () => setBlockers(blockersOf(doc));
    update();
    doc.on('update', update);
    return () => doc.off('update', update);
  }, [doc, active]);
  return blockers;
}
