import { type ClauseLock, clauseMetaMap, readClauseMeta } from '@accord/shared/domain/clauseMeta';
import { formatZonedTime } from '@accord/shared/domain/timeZone';
import { i18n } from '@lingui/core';
import { t } from '@lingui/core/macro';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { lockerPhraseFor } from '../i18n/domainWords';
import { numberClauses } from './clauseNumbers';
import { keepsLockedClausesInPlace, lockedClauseTouched, lockedRanges } from './lockedRanges';
import { isFromYjs } from './remoteTransactions';

interface ClauseLocksState {
  locks: ReadonlyMap<string, ClauseLock>;
  ids: ReadonlySet<string>;
  decorations: DecorationSet;
}

/** The clause-locks plugin's key. */
export const clauseLocksPluginKey = new PluginKey<ClauseLocksState>('accordClauseLocks');

/** The locks of a draft as its meta map holds them, by clause id. */
export function readLocks(doc: Y.Doc): Map<string, ClauseLock> {
  const map = clauseMetaMap(doc);
  const locks = new Map<string, ClauseLock>();
  for (const clauseId of map.keys()) {
    const lock = readClauseMeta(map, clauseId)?.lock ?? null;
    if (lock !== null) locks.set(clauseId, lock);
  }
  return locks;
}

/** Who locked a clause, in words ("the Chair (Amb. Ruth Okafor)"); `lockerPhraseFor` by default. */
export type DescribeLocker = (lock: ClauseLock) => string;

/**
 * "Locked by the Chair (Amb. Ruth Okafor) · 2:05 PM EST", the label a locked clause carries
 * under its text, its time written like the clause panel's, on the negotiation's clock
 * ("Jun 11, …" another day).
 */
export function lockLabel(
  lock: ClauseLock,
  timeZone: string,
  now = Date.now(),
  describeLocker: DescribeLocker = lockerPhraseFor,
): string {
  const locker = describeLocker(lock);
  const when = formatZonedTime(lock.at, now, { timeZone, locale: i18n.locale });
  return t`Locked by ${locker} · ${when}`;
}

function lockDecorations(
  doc: ProseMirrorNode,
  locks: ReadonlyMap<string, ClauseLock>,
  timeZone: string,
  describeLocker: DescribeLocker,
): DecorationSet {
  const decorations = lockedRanges(doc, new Set(locks.keys())).map((range) => {
    const lock = locks.get(range.clauseId)!;
    const label = lockLabel(lock, timeZone, Date.now(), describeLocker);
    return Decoration.node(range.from, range.to, {
      class: 'clause--locked',
      // The browser then offers no caret inside: typing, IME and spellcheck cannot reach it.
      contenteditable: 'false',
      'data-locked': 'true',
      'data-lock-label': label,
      title: lock.reason ? `${label} — ${lock.reason}` : label,
    });
  });
  return DecorationSet.create(doc, decorations);
}

function stateFor(
  doc: ProseMirrorNode,
  locks: ReadonlyMap<string, ClauseLock>,
  timeZone: string,
  describeLocker: DescribeLocker,
): ClauseLocksState {
  return {
    locks,
    ids: new Set(locks.keys()),
    decorations: lockDecorations(doc, locks, timeZone, describeLocker),
  };
}

/**
 * What the editor says when it stops a local change to a locked clause: which clause, who
 * locked it, and that nothing was sent.
 */
export function lockedEditNotice(
  doc: ProseMirrorNode,
  clauseId: string | null,
  lock: ClauseLock | undefined,
  describeLocker: DescribeLocker = lockerPhraseFor,
): string {
  if (clauseId === null || lock === undefined) {
    return t`That change would move or rewrite a locked clause, so it was not made. Edit around the locked clauses instead.`;
  }
  let label = t`This clause`;
  const numbered = numberClauses(doc);
  doc.forEach((node, offset) => {
    if (node.attrs.id !== clauseId) return;
    label = numbered.find((clause) => clause.pos === offset)?.label ?? label;
  });
  const locker = describeLocker(lock);
  return t`${label} is locked by ${locker}: nobody can change it until a moderator unlocks it.`;
}

/** The ids of the clauses the editor currently treats as locked. */
export function lockedClauseIds(state: Parameters<typeof clauseLocksPluginKey.getState>[0]) {
  return clauseLocksPluginKey.getState(state)?.ids ?? new Set<string>();
}

/**
 * Locked clauses in the editor (issue 4). The locks are read from the server's meta map of the
 * Y.Doc, live. A local transaction that would change a locked clause (typing, deleting,
 * formatting, paste, drop, a split or a join) is filtered out; transactions that come out of
 * Yjs (remote edits, the first render) always pass, because the server is the authority and a
 * client must never diverge from it. So is a local transaction that y-tiptap would mirror by
 * rewriting a locked clause's element (`keepsLockedClausesInPlace`). Locked clauses are marked (class, lock label, no caret).
 * The server refuses such changes anyway; this is for a good experience.
 */
export function clauseLocksPlugin(
  doc: Y.Doc,
  onBlocked: ((notice: string) => void) | undefined,
  /** The negotiation's zone, for the time on each lock label. */
  timeZone: string,
  /** Names the person who locked; dispatch `refreshLockLabels` when its answers change. */
  describeLocker: DescribeLocker = lockerPhraseFor,
): Plugin<ClauseLocksState> {
  return new Plugin<ClauseLocksState>({
    key: clauseLocksPluginKey,
    state: {
      init: (_config, state) => stateFor(state.doc, readLocks(doc), timeZone, describeLocker),
      apply: (tr, previous) => {
        const locks = tr.getMeta(clauseLocksPluginKey) as Map<string, ClauseLock> | undefined;
        if (locks !== undefined) return stateFor(tr.doc, locks, timeZone, describeLocker);
        if (!tr.docChanged) return previous;
        return stateFor(tr.doc, previous.locks, timeZone, describeLocker);
      },
    },
    filterTransaction: (tr, state) => {
      if (!tr.docChanged || isFromYjs(tr)) return true;
      const pluginState = clauseLocksPluginKey.getState(state);
      const ids = pluginState?.ids ?? new Set<string>();
      const touched = lockedClauseTouched(tr, ids);
      if (touched === null && keepsLockedClausesInPlace(tr.before, tr.doc, ids)) return true;
      if (onBlocked) {
        const lock = touched === null ? undefined : pluginState?.locks.get(touched);
        onBlocked(lockedEditNotice(state.doc, touched, lock, describeLocker));
      }
      return false;
    },
    props: {
      decorations: (state) => clauseLocksPluginKey.getState(state)?.decorations,
      // A locked clause offers no caret (contenteditable false), so a key pressed with the
      // browser's selection inside it reaches no transaction: say why instead of nothing.
      handleKeyDown: (view, event) => {
        if (!onBlocked || !isEditingKey(event)) return false;
        const clauseId = lockedClauseAtDomSelection(view);
        if (clauseId === null) return false;
        const lock = clauseLocksPluginKey.getState(view.state)?.locks.get(clauseId);
        if (lock === undefined) return false;
        onBlocked(lockedEditNotice(view.state.doc, clauseId, lock, describeLocker));
        return true;
      },
    },
    view: (view) => {
      let destroyed = false;
      const map = clauseMetaMap(doc);
      // Observers run inside the Yjs transaction that y-tiptap is also mirroring: dispatch after.
      const refresh = () =>
        queueMicrotask(() => {
          if (destroyed || view.isDestroyed) return;
          view.dispatch(view.state.tr.setMeta(clauseLocksPluginKey, readLocks(doc)));
        });
      map.observe(refresh);
      return {
        destroy: () => {
          destroyed = true;
          map.unobserve(refresh);
        },
      };
    },
  });
}

/** Tells the lock labels to name people afresh (the member names have arrived or changed). */
export function refreshLockLabels(view: EditorView, doc: Y.Doc): void {
  view.dispatch(view.state.tr.setMeta(clauseLocksPluginKey, readLocks(doc)));
}

/** Whether a key press would change text: a character, Enter, Backspace or Delete. */
function isEditingKey(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  return event.key.length === 1 || ['Enter', 'Backspace', 'Delete'].includes(event.key);
}

/** The id of the locked clause the browser's selection is in, if it is in one. */
function lockedClauseAtDomSelection(view: EditorView): string | null {
  const anchor = view.dom.ownerDocument.getSelection()?.anchorNode ?? null;
  if (anchor === null || !view.dom.contains(anchor)) return null;
  const element = anchor instanceof Element ? anchor : anchor.parentElement;
  const locked = element?.closest('[data-locked="true"]');
  return locked?.getAttribute('data-clause-id') ?? null;
}
