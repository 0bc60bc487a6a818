import type { RevisionListResponse } from '@accord/shared/revisions/revisions';
import { useCallback, useState } from 'react';
import { useApiResource } from '../../app/useApiResource';
import { useVisibleInterval } from '../../app/useVisibleInterval';
import { fetchRevisions } from './revisionEndpoints';

/** How often the revisions and the silence procedure are fetched again. */
const POLL_MS = 3_000;

/**
 * A draft's revisions and silence procedure, fetched again every few seconds while the page
 * is visible, so that a silence started, broken or adopted shows everywhere without a reload.
 */
export function useRevisionList(documentId: string) {
  const [receivedAt, setReceivedAt] = useState(() => Date.now());
  const load = useCallback(
    async (signal: AbortSignal) => {
      const result = await fetchRevisions(documentId, signal);
      if (result.ok) setReceivedAt(Date.now());
      return result;
    },
    [documentId],
  );
  const handle = useApiResource(`revisions:${documentId}`, load);
  useVisibleInterval(handle.refresh, POLL_MS);
  const list: RevisionListResponse | null =
    handle.resource.status === 'ready' ? handle.resource.value : null;
  return { ...handle, list, receivedAt };
}
