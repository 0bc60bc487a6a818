import { DELEGATION_CODES } from '@accord/shared/domain/delegations';
import type { Actor } from '@accord/shared/policy/policy';
import { useLingui } from '@lingui/react/macro';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { setThreadHighlights, threadRanges } from '../../editor/threadHighlights';
import { delegationName } from '../../i18n/domainWords';
import { useClauseViews } from '../clauses/useClauseViews';
import { NewThreadForm } from './NewThreadForm';
import { ThreadCard } from './ThreadCard';
import { markThreadRead } from './threadEndpoints';
import {
  countByDelegation,
  DEFAULT_FILTERS,
  filterThreads,
  type ThreadFilters,
} from './threadFilters';
import type { CommentsSession } from './useComments';
import './CommentsMargin.css';

/** Space between two cards in the margin, in pixels. */
const CARD_GAP = 8;

/**
 * The comments margin beside the draft: each thread's card sits level with the words it is
 * about (pushed down when cards would overlap), detached threads are listed below with their
 * quote, and filters narrow by delegation, visibility, state and clause. Only threads the
 * server sent this person exist here, and only they are highlighted in the text.
 */
export function CommentsMargin({
  editor,
  doc,
  comments,
  me,
  list = false,
}: {
  /** A plain list in reading order (a narrow window's sheet) instead of cards beside the text. */
  list?: boolean;
  editor: Editor | null;
  doc: Y.Doc;
  comments: CommentsSession;
  me: Actor & { userId: string };
}) {
  const { t } = useLingui();
  const { threads, pending, activeId, setActiveId, channel } = comments;
  const [filters, setFilters] = useState<ThreadFilters>(DEFAULT_FILTERS);
  const clauses = useClauseViews(doc);
  const labels = useMemo(
    () => new Map(clauses.map((clause) => [clause.id, clause.label])),
    [clauses],
  );
  const shown = useMemo(() => filterThreads(threads, filters), [threads, filters]);
  const [version, setVersion] = useState(0);
  const trackRef = useRef<HTMLDivElement>(null);
  const cardRefs = useRef(new Map<string, HTMLElement>());

  // Highlights: the threads shown, in the text; recomputed by the plugin as the text moves.
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    setThreadHighlights(editor.view, { threads: shown, activeId });
  }, [editor, shown, activeId]);

  // A click on highlighted words brings their thread into focus, and reads it, like a click on
  // its card. The latest threads are read through a ref, so the listener is not re-attached.
  const threadsRef = useRef(threads);
  threadsRef.current = threads;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const target =
        event.target instanceof Element ? event.target.closest('[data-thread-id]') : null;
      const id = target?.getAttribute('data-thread-id');
      if (!id) return;
      setActiveId(id);
      const thread = threadsRef.current.find((candidate) => candidate.id === id);
      if (thread === undefined || thread.unread === 0) return;
      void markThreadRead(thread.documentId, id).then((result) => {
        if (result.ok) channel.apply(result.value.thread);
      });
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor, setActiveId, channel]);

  // Re-place the cards whenever the text changes or the window is resized.
  useEffect(() => {
    if (!editor) return;
    const bump = () => setVersion((value) => value + 1);
    editor.on('update', bump);
    editor.on('transaction', bump);
    window.addEventListener('resize', bump);
    return () => {
      editor.off('update', bump);
      editor.off('transaction', bump);
      window.removeEventListener('resize', bump);
    };
  }, [editor]);

  const ranges = editor && !editor.isDestroyed ? threadRanges(editor.view) : new Map();
  void version;
  const anchored = shown
    .filter((thread) => ranges.get(thread.id))
    .sort((a, b) => (ranges.get(a.id)?.from ?? 0) - (ranges.get(b.id)?.from ?? 0));
  const detached = shown.filter((thread) => !ranges.get(thread.id));

  const formRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const track = trackRef.current;
    if (!editor || editor.isDestroyed || !track) return;
    if (list) {
      track.style.minHeight = '';
      return;
    }
    const origin = track.getBoundingClientRect().top;
    // Each card, and the new thread's form, wants to sit level with its words; in that order,
    // each is pushed down below the one before it.
    const items: { element: HTMLElement; wanted: number }[] = [];
    let previous = 0;
    for (const thread of anchored) {
      const element = cardRefs.current.get(thread.id);
      const range = ranges.get(thread.id);
      if (!element || !range) continue;
      let wanted = previous;
      try {
        wanted = editor.view.coordsAtPos(range.from).top - origin;
      } catch {
        // The position is outside the view for a moment: keep the card in order.
      }
      previous = wanted;
      items.push({ element, wanted });
    }
    const form = formRef.current;
    if (form && pending) {
      const wanted = pendingWordsTop(editor, pending.clauseId);
      items.push({ element: form, wanted: wanted === null ? 0 : wanted - origin });
    }
    items.sort((a, b) => a.wanted - b.wanted);
    let next = 0;
    for (const item of items) {
      const top = Math.max(item.wanted, next);
      item.element.style.top = `${top}px`;
      next = top + item.element.offsetHeight + CARD_GAP;
    }
    track.style.minHeight = `${next}px`;
  });

  const cardRef = useCallback(
    (id: string) => (element: HTMLElement | null) => {
      if (element) cardRefs.current.set(id, element);
      else cardRefs.current.delete(id);
    },
    [],
  );
  const counts = countByDelegation(threads);
  const card = (thread: (typeof shown)[number], isDetached: boolean) => (
    <ThreadCard
      key={thread.id}
      ref={isDetached || list ? undefined : cardRef(thread.id)}
      thread={thread}
      clauseLabel={labels.get(thread.clauseId) ?? t`a clause no longer in the draft`}
      detached={isDetached}
      active={thread.id === activeId}
      me={me}
      channel={channel}
      onActivate={setActiveId}
      style={isDetached || list ? undefined : { position: 'absolute', left: 0, right: 0 }}
    />
  );

  return (
    <section
      className="comments-margin"
      aria-label={t({ message: 'Comments', context: 'Tab' })}
      data-testid="comments-margin"
    >
      <header className="comments-margin__header">
        <h2 className="comments-margin__title">{t({ message: 'Comments', context: 'Tab' })}</h2>
        <div className="comments-filters">
          <select
            aria-label={t`Filter by delegation`}
            value={filters.delegation}
            onChange={(event) =>
              setFilters({
                ...filters,
                delegation: event.target.value as ThreadFilters['delegation'],
              })
            }
          >
            <option value="all">{t`All delegations`}</option>
            {DELEGATION_CODES.map((code) => (
              <option key={code} value={code}>
                {delegationName(code)} ({counts.get(code) ?? 0})
              </option>
            ))}
          </select>
          <select
            aria-label={t`Filter by visibility`}
            value={filters.visibility}
            onChange={(event) =>
              setFilters({
                ...filters,
                visibility: event.target.value as ThreadFilters['visibility'],
              })
            }
          >
            <option value="all">{t`Public and private`}</option>
            <option value="public">
              {t({ message: 'Public', context: 'Comment threads seen by all' })}
            </option>
            <option value="private">
              {t({ message: 'Private', context: 'Comment threads of one delegation' })}
            </option>
          </select>
          <select
            aria-label={t`Filter by state`}
            value={filters.state}
            onChange={(event) =>
              setFilters({ ...filters, state: event.target.value as ThreadFilters['state'] })
            }
          >
            <option value="open">
              {t({ message: 'Open', context: 'Comment threads not resolved' })}
            </option>
            <option value="resolved">
              {t({ message: 'Resolved', context: 'Comment threads' })}
            </option>
            <option value="all">{t`Open and resolved`}</option>
          </select>
          <select
            aria-label={t`Filter by clause`}
            value={filters.clauseId}
            onChange={(event) => setFilters({ ...filters, clauseId: event.target.value })}
          >
            <option value="all">{t`All clauses`}</option>
            {clauses.map((clause) => (
              <option key={clause.id} value={clause.id}>
                {clause.label}
              </option>
            ))}
          </select>
        </div>
      </header>
      {pending && list ? (
        <NewThreadForm
          key={`${pending.clauseId}:${pending.anchor.start}`}
          documentId={comments.documentId}
          target={pending}
          me={me}
          channel={channel}
          onDone={(threadId) => {
            comments.cancelThread();
            if (threadId) setActiveId(threadId);
          }}
        />
      ) : null}
      {shown.length === 0 && !pending ? (
        <p className="comments-margin__empty">
          {t`No comments here. Select words in a clause and press Comment.`}
        </p>
      ) : null}
      <div className="comments-margin__track" ref={trackRef}>
        {pending && !list ? (
          <div ref={formRef} className="comments-margin__new-thread">
            <NewThreadForm
              key={`${pending.clauseId}:${pending.anchor.start}`}
              documentId={comments.documentId}
              target={pending}
              me={me}
              channel={channel}
              onDone={(threadId) => {
                comments.cancelThread();
                if (threadId) setActiveId(threadId);
              }}
            />
          </div>
        ) : null}
        {anchored.map((thread) => card(thread, false))}
      </div>
      {detached.length > 0 ? (
        <div className="comments-margin__detached">
          <h3 className="comments-margin__subtitle">{t`Detached threads`}</h3>
          {detached.map((thread) => card(thread, true))}
        </div>
      ) : null}
    </section>
  );
}

/**
 * The top, on screen, of the words a new thread is about: the selection when it is still in
 * that clause, else the clause itself; null if neither is in the view.
 */
function pendingWordsTop(editor: Editor, clauseId: string): number | null {
  const { selection } = editor.state;
  if (!selection.empty && selection.$from.parent.attrs.id === clauseId) {
    try {
      return editor.view.coordsAtPos(selection.from).top;
    } catch {
      // Fall back to the clause.
    }
  }
  const element = editor.view.dom.querySelector(
    `p.clause[data-clause-id="${CSS.escape(clauseId)}"]`,
  );
  return element ? element.getBoundingClientRect().top : null;
}
