import { clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { readClauses } from '@accord/shared/domain/clauseNodes';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import type * as Y from 'yjs';
import { buildClauseViews, type ClauseView, memoizedTextHasher } from './clauseViews';

/** Runs a callback soon, outside the current call stack. */
export type Scheduler = (callback: () => void) => void;

/**
 * The clause views of one live Y.Doc, for `useSyncExternalStore`. It observes the draft's text
 * fragment and the server's clause meta map (`CLAUSE_META_ROOT`) and never polls: a change by
 * anyone, a position stated or cleared, reaches every reader at once. Listeners are told after
 * the Yjs transaction is over (on `schedule`), never from inside it, and several transactions
 * in a row are read once.
 */
export class ClauseViewStore {
  private readonly listeners = new Set<() => void>();
  private readonly fragment: Y.XmlFragment;
  private readonly meta: Y.Map<unknown>;
  private readonly hashOf = memoizedTextHasher();
  private views: ClauseView[] | null = null;
  private notifyScheduled = false;

  constructor(
    private readonly doc: Y.Doc,
    // Wrapped: `queueMicrotask` called as a method of the store throws "Illegal invocation".
    private readonly schedule: Scheduler = (callback) => queueMicrotask(callback),
  ) {
    this.fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
    this.meta = clauseMetaMap(doc);
  }

  /** Adds a listener; the store observes the document only while someone listens. */
  subscribe = (listener: () => void): (() => void) => {
    if (this.listeners.size === 0) {
      this.fragment.observeDeep(this.onChange);
      this.meta.observe(this.onChange);
      this.views = null;
    }
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.fragment.unobserveDeep(this.onChange);
        this.meta.unobserve(this.onChange);
      }
    };
  };

  /** The current views; the same array until the document changes. */
  getSnapshot = (): ClauseView[] => {
    if (this.views === null) {
      this.views = buildClauseViews(
        readClauses(this.doc),
        (clauseId) => readClauseMeta(this.meta, clauseId),
        this.hashOf,
      );
    }
    return this.views;
  };

  private readonly onChange = (): void => {
    this.views = null;
    if (this.notifyScheduled) return;
    this.notifyScheduled = true;
    this.schedule(() => {
      this.notifyScheduled = false;
      for (const listener of [...this.listeners]) listener();
    });
  };
}

const stores = new WeakMap<Y.Doc, ClauseViewStore>();

/**
 * The one store of a live Y.Doc, shared by the clause panel and the editor plugins that need
 * clause meta (bracket chips and guard, status marks): each change is read once, and every
 * reader works whether or not the others are mounted.
 */
export function clauseViewStore(doc: Y.Doc): ClauseViewStore {
  let store = stores.get(doc);
  if (store === undefined) {
    store = new ClauseViewStore(doc);
    stores.set(doc, store);
  }
  return store;
}
