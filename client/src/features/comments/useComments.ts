import type { ThreadView } from '@accord/shared/protocol/threads';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CommentTarget } from '../../editor/commentSelection';
import { ThreadChannel } from './ThreadChannel';

/** The comments of one open draft: live threads, the thread being opened, the thread in focus. */
export interface CommentsSession {
  documentId: string;
  channel: ThreadChannel;
  threads: readonly ThreadView[];
  /** The words a new thread is being written about, or null. */
  pending: CommentTarget | null;
  startThread: (target: CommentTarget) => void;
  cancelThread: () => void;
  activeId: string | null;
  setActiveId: (id: string | null) => void;
}

/** Opens the draft's live thread channel for as long as the page shows it. */
export function useComments(documentId: string): CommentsSession {
  const channel = useMemo(() => new ThreadChannel(documentId), [documentId]);
  useEffect(() => {
    channel.open();
    return () => channel.close();
  }, [channel]);
  const subscribe = useCallback((listener: () => void) => channel.subscribe(listener), [channel]);
  const threads = useSyncExternalStore(subscribe, () => channel.list());
  const [pending, setPending] = useState<CommentTarget | null>(null);
  const [activeId, setActiveId] = useState<string | null>(null);
  return {
    documentId,
    channel,
    threads,
    pending,
    startThread: setPending,
    cancelThread: useCallback(() => setPending(null), []),
    activeId,
    setActiveId,
  };
}
