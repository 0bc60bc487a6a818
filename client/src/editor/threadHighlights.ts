import { DELEGATIONS } from '@accord/shared/domain/delegations';
import { NODE_NAMES } from '@accord/shared/domain/schema';
import { resolveThreadAnchor } from '@accord/shared/domain/threadAnchor';
import type { ThreadView } from '@accord/shared/protocol/threads';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

/** What the highlights show: the threads this person may read, and the one in focus. */
export interface ThreadHighlightInput {
  threads: readonly ThreadView[];
  activeId: string | null;
}

/** Where a thread's words are in the editor now; null when they were deleted (detached). */
export type ThreadRanges = ReadonlyMap<string, { from: number; to: number } | null>;

interface HighlightState {
  input: ThreadHighlightInput;
  ranges: ThreadRanges;
  decorations: DecorationSet;
}

/** The thread-highlights plugin's key. */
export const threadHighlightsKey = new PluginKey<HighlightState>('accordThreadHighlights');

const EMPTY: ThreadHighlightInput = { threads: [], activeId: null };

/** Where each thread's anchor lies in the ProseMirror document, read from the Yjs document. */
export function resolveRanges(
  doc: ProseMirrorNode,
  ydoc: Y.Doc,
  threads: readonly ThreadView[],
): Map<string, { from: number; to: number } | null> {
  const clauseStarts = new Map<string, number>();
  doc.forEach((node, offset) => {
    if (node.type.name !== NODE_NAMES.clause) return;
    const id: unknown = node.attrs.id;
    if (typeof id === 'string' && !clauseStarts.has(id)) clauseStarts.set(id, offset + 1);
  });
  const ranges = new Map<string, { from: number; to: number } | null>();
  for (const thread of threads) {
    const resolved = resolveThreadAnchor(ydoc, thread.anchor);
    const start = resolved.ok ? clauseStarts.get(resolved.value.clauseId) : undefined;
    if (!resolved.ok || start === undefined || resolved.value.from >= resolved.value.to) {
      ranges.set(thread.id, null);
      continue;
    }
    const from = start + resolved.value.from;
    const to = Math.min(start + resolved.value.to, doc.content.size);
    ranges.set(thread.id, from < to ? { from, to } : null);
  }
  return ranges;
}

function decorationsFor(
  doc: ProseMirrorNode,
  input: ThreadHighlightInput,
  ranges: ThreadRanges,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const thread of input.threads) {
    const range = ranges.get(thread.id);
    if (!range || thread.resolved !== null) continue;
    const active = thread.id === input.activeId;
    decorations.push(
      Decoration.inline(range.from, range.to, {
        class: active ? 'thread-highlight thread-highlight--active' : 'thread-highlight',
        'data-thread-id': thread.id,
        style: `--thread-colour: ${DELEGATIONS[thread.delegation].colour}`,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function mapRanges(ranges: ThreadRanges, tr: Transaction): ThreadRanges {
  const mapped = new Map<string, { from: number; to: number } | null>();
  for (const [id, range] of ranges) {
    if (range === null) {
      mapped.set(id, null);
      continue;
    }
    const from = tr.mapping.map(range.from, 1);
    const to = tr.mapping.map(range.to, -1);
    mapped.set(id, from < to ? { from, to } : null);
  }
  return mapped;
}

/**
 * Highlights the words each visible open thread is about, in its delegation's colour. The
 * threads come from the server's per-person channel (`setThreadHighlights`), so a thread this
 * person may not read has no highlight. Ranges are resolved from the threads' Yjs relative
 * positions whenever the text comes from Yjs (remote edits, undo) and mapped through local
 * transactions, whose changes reach the Yjs document only after ProseMirror applied them.
 */
export function threadHighlightsPlugin(ydoc: Y.Doc): Plugin<HighlightState> {
  const rebuild = (doc: ProseMirrorNode, input: ThreadHighlightInput): HighlightState => {
    const ranges = resolveRanges(doc, ydoc, input.threads);
    return { input, ranges, decorations: decorationsFor(doc, input, ranges) };
  };
  return new Plugin<HighlightState>({
    key: threadHighlightsKey,
    state: {
      init: () => ({ input: EMPTY, ranges: new Map(), decorations: DecorationSet.empty }),
      apply: (tr, previous) => {
        const input = tr.getMeta(threadHighlightsKey) as ThreadHighlightInput | undefined;
        if (input !== undefined) return rebuild(tr.doc, input);
        if (!tr.docChanged) return previous;
        if (tr.getMeta(ySyncPluginKey) !== undefined) return rebuild(tr.doc, previous.input);
        const ranges = mapRanges(previous.ranges, tr);
        return {
          input: previous.input,
          ranges,
          decorations: decorationsFor(tr.doc, previous.input, ranges),
        };
      },
    },
    props: {
      decorations: (state) => threadHighlightsKey.getState(state)?.decorations,
    },
  });
}

/** Shows the given threads' highlights. Call it outside Yjs transactions (from an effect). */
export function setThreadHighlights(view: EditorView, input: ThreadHighlightInput): void {
  view.dispatch(view.state.tr.setMeta(threadHighlightsKey, input));
}

/** Where each thread's words are now (null: detached). */
export function threadRanges(view: EditorView): ThreadRanges {
  return threadHighlightsKey.getState(view.state)?.ranges ?? new Map();
}
