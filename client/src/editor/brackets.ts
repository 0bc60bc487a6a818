import { closingBracketOf, parseBracketCharKey } from '@accord/shared/domain/bracketChars';
import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import { NODE_NAMES } from '@accord/shared/domain/schema';
import { t } from '@lingui/core/macro';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import {
  type Command,
  type EditorState,
  Plugin,
  PluginKey,
  type Transaction,
} from '@tiptap/pm/state';
import { ReplaceAroundStep, ReplaceStep, type Step } from '@tiptap/pm/transform';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { readableTextColour } from '../app/colour';
import { delegationName } from '../i18n/domainWords';
import type { ClauseView } from '../sync/clauseViews';
import { followClauseViews } from './followClauseViews';
import { isFromYjs } from './remoteTransactions';

/**
 * Wraps the selection in '[' … ']' in one transaction, when it is a non-empty span inside one
 * clause. The server records the delegation whose update inserted the '['.
 */
export const wrapInBrackets: Command = (state, dispatch) => {
  const { from, to, $from, $to } = state.selection;
  if (from === to || $from.parent !== $to.parent) return false;
  if ($from.parent.type.name !== NODE_NAMES.clause) return false;
  if (dispatch) {
    // The ']' first, so that `from` still points where the '[' belongs.
    dispatch(state.tr.insertText(']', to).insertText('[', from).scrollIntoView());
  }
  return true;
};

/** Who owns each opening bracket, by `bracketCharKey` of its '['. */
export type BracketOwnerMap = ReadonlyMap<string, DelegationCode>;

interface BracketChipsState {
  owners: BracketOwnerMap;
  decorations: DecorationSet;
}

/** The bracket-chips plugin's key. */
export const bracketChipsPluginKey = new PluginKey<BracketChipsState>('accordBracketChips');

/** The ProseMirror position of the '[' with this key, or null when it is not in the view. */
function bracketPosition(state: EditorState, key: string): number | null {
  const id = parseBracketCharKey(key);
  const binding: unknown = ySyncPluginKey.getState(state)?.binding;
  if (id === null || typeof binding !== 'object' || binding === null) return null;
  const { doc, type, mapping } = binding as {
    doc: Y.Doc;
    type: Y.XmlFragment;
    mapping: Parameters<typeof relativePositionToAbsolutePosition>[3];
  };
  const relative = Y.createRelativePositionFromJSON({ item: id });
  const position = relativePositionToAbsolutePosition(doc, type, relative, mapping);
  // A deleted '[' resolves to the character after it: only a '[' still there gets a chip.
  if (position === null || position >= state.doc.content.size) return null;
  return state.doc.textBetween(position, position + 1) === '[' ? position : null;
}

function chip(code: DelegationCode): HTMLElement {
  const element = document.createElement('sup');
  const { colour } = DELEGATIONS[code];
  const name = delegationName(code);
  element.className = 'bracket-chip';
  element.textContent = code === 'CHAIR' ? name : code;
  element.title = t`Bracket asked for by ${name}`;
  element.dataset.testid = 'bracket-chip';
  element.dataset.delegation = code;
  element.style.backgroundColor = colour;
  element.style.color = readableTextColour(colour);
  return element;
}

/** A chip after each owned '[' that the view shows. */
export function bracketChipDecorations(
  state: EditorState,
  doc: ProseMirrorNode,
  owners: BracketOwnerMap,
): DecorationSet {
  const decorations: Decoration[] = [];
  for (const [key, code] of owners) {
    const position = bracketPosition(state, key);
    if (position === null) continue;
    decorations.push(
      Decoration.widget(position + 1, () => chip(code), {
        side: -1,
        key: `${key}:${code}`,
        owner: code,
      }),
    );
  }
  return DecorationSet.create(doc, decorations);
}

/** An owned '[' in the document: its position and the delegation that asked for it. */
export interface OwnedBracket {
  position: number;
  owner: DelegationCode;
}

/**
 * The owner of the first owned '[' a transaction deletes that this person may not remove, or
 * null. The server refuses such a change anyway (and the editor would then start over from the
 * server's copy); stopping it here keeps the person's other work.
 */
export function forbiddenBracketDeletion(
  tr: Transaction,
  brackets: readonly OwnedBracket[],
  mayRemove: (owner: DelegationCode) => boolean,
): DelegationCode | null {
  if (!tr.docChanged) return null;
  for (const { position, owner } of brackets) {
    if (mayRemove(owner)) continue;
    if (tr.mapping.mapResult(position, 1).deletedAfter) return owner;
  }
  return null;
}

/**
 * The ranges of text a step moves into another textblock, as y-prosemirror writes it: for a join
 * (Backspace at a clause's start, Delete at its end, a deletion across clauses) or a split (Enter
 * inside a clause, a paste of several paragraphs), the rest of the textblock after the step's end.
 * y-prosemirror keeps the first clause's Yjs text and edits it in place, but deletes the text after
 * the boundary and inserts it again, so a bracket there is deleted in Yjs. For a wrap or a lift
 * (a ReplaceAroundStep), every textblock the step covers, to be safe. Empty for a step that stays
 * inside one textblock or inserts or deletes only whole blocks.
 */
function movedText(step: Step, doc: ProseMirrorNode): [number, number][] {
  if (step instanceof ReplaceAroundStep) {
    const blocks: [number, number][] = [];
    doc.nodesBetween(step.from, step.to, (node, pos) => {
      if (!node.isTextblock) return true;
      blocks.push([pos + 1, pos + 1 + node.content.size]);
      return false;
    });
    return blocks;
  }
  if (!(step instanceof ReplaceStep)) return [];
  const $from = doc.resolve(step.from);
  const $to = doc.resolve(step.to);
  const structural =
    step.slice.openStart > 0 || step.slice.openEnd > 0 || $from.parent !== $to.parent;
  if (!structural || !$to.parent.isTextblock) return [];
  return [[step.to, $to.end()]];
}

/**
 * The owner of the first owned bracket this person may not remove that a join or a split of
 * clauses would move, or null. ProseMirror only removes or adds a block boundary, but
 * y-prosemirror writes the change as a delete of the moved text and an insert of it again: the
 * server sees the '[' (or the ']' closing it) deleted (B2) and refuses the whole update.
 */
export function forbiddenBracketMove(
  tr: Transaction,
  brackets: readonly OwnedBracket[],
  mayRemove: (owner: DelegationCode) => boolean,
): DelegationCode | null {
  const guarded = brackets.filter(({ owner }) => !mayRemove(owner));
  if (guarded.length === 0) return null;
  for (let index = 0; index < tr.steps.length; index++) {
    const step = tr.steps[index];
    const doc = tr.docs[index];
    if (step === undefined || doc === undefined) continue;
    const moved = movedText(step, doc);
    if (moved.length === 0) continue;
    const before = tr.mapping.slice(0, index);
    for (const { position, owner } of guarded) {
      const mapped = before.mapResult(position, 1);
      if (mapped.deletedAfter) continue;
      if (moved.some(([start, end]) => mapped.pos >= start && mapped.pos < end)) return owner;
    }
  }
  return null;
}

/**
 * The owned brackets the chips plugin shows now: each '[' and the ']' that closes it (brackets
 * are pairs, and the server refuses removing either character of another delegation's pair).
 */
function ownedBrackets(state: EditorState): OwnedBracket[] {
  const decorations = bracketChipsPluginKey.getState(state)?.decorations;
  if (decorations === undefined) return [];
  return decorations.find().flatMap((decoration) => {
    const owner = (decoration.spec as { owner: DelegationCode }).owner;
    // The chip sits right after its '['.
    const position = decoration.from - 1;
    const close = closingPosition(state.doc, position);
    return close === null
      ? [{ position, owner }]
      : [
          { position, owner },
          { position: close, owner },
        ];
  });
}

/** The position of the ']' closing the '[' at `open`, in the same textblock, or null. */
export function closingPosition(doc: ProseMirrorNode, open: number): number | null {
  const $open = doc.resolve(open);
  const start = $open.start();
  // One character per leaf, so that offsets in the string are offsets in the block.
  const text = doc.textBetween(start, $open.end(), undefined, '\ufffc');
  const close = closingBracketOf(text, open - start);
  return close === null ? null : start + close;
}

/**
 * Why the guard stopped a keystroke: it would delete the bracket (`remove`), or join or split
 * clauses so that y-prosemirror deletes and re-inserts it (`move`).
 */
export type BracketBlockReason = 'remove' | 'move';

/** Who may remove whose brackets in this editor, and what to do when a keystroke may not. */
export interface BracketGuard {
  mayRemove: (owner: DelegationCode) => boolean;
  onBlocked: (owner: DelegationCode, reason: BracketBlockReason) => void;
}

/** Who owns each '[' of the draft, by its key, as the clause meta says. */
export function bracketOwners(views: readonly ClauseView[]): BracketOwnerMap {
  const owners = new Map<string, DelegationCode>();
  for (const view of views) {
    for (const [key, bracket] of Object.entries(view.brackets)) owners.set(key, bracket.delegation);
  }
  return owners;
}

/** What the bracket-chips plugin reads, and whom it asks before a '[' or ']' goes. */
export interface BracketChipsOptions {
  /** The draft's Y.Doc: the owners are read from its clause meta, live, by the plugin itself. */
  doc?: Y.Doc | undefined;
  guard?: BracketGuard | undefined;
}

/**
 * Shows, after each '[' the server attributed to a delegation, a small chip with that
 * delegation's code and colour. With a doc, the plugin follows the clause meta itself (through
 * the doc's shared `clauseViewStore`), so chips and guard work with no clause panel mounted (a
 * phone): after each change of the draft or the meta, once Yjs has updated its mapping, the
 * chips are placed anew; in between, they follow the text. With a guard, a local edit that
 * would delete a '[' (or its ']') this person may not remove, or join or split clauses so that
 * it moves (which Yjs writes as a delete), is stopped, and the guard told.
 */
export function bracketChipsPlugin({
  doc,
  guard,
}: BracketChipsOptions = {}): Plugin<BracketChipsState> {
  return new Plugin<BracketChipsState>({
    key: bracketChipsPluginKey,
    // Only this person's own edits: what comes out of Yjs is shared state already.
    filterTransaction: (tr, state) => {
      if (guard === undefined || isFromYjs(tr)) return true;
      const brackets = ownedBrackets(state);
      const removed = forbiddenBracketDeletion(tr, brackets, guard.mayRemove);
      if (removed !== null) {
        guard.onBlocked(removed, 'remove');
        return false;
      }
      const moved = forbiddenBracketMove(tr, brackets, guard.mayRemove);
      if (moved === null) return true;
      guard.onBlocked(moved, 'move');
      return false;
    },
    state: {
      init: () => ({ owners: new Map(), decorations: DecorationSet.empty }),
      apply: (tr, previous, _old, state) => {
        const owners = tr.getMeta(bracketChipsPluginKey) as BracketOwnerMap | undefined;
        if (owners !== undefined) {
          return { owners, decorations: bracketChipDecorations(state, tr.doc, owners) };
        }
        if (!tr.docChanged) return previous;
        return {
          owners: previous.owners,
          decorations: previous.decorations.map(tr.mapping, tr.doc),
        };
      },
    },
    props: {
      decorations: (state) => bracketChipsPluginKey.getState(state)?.decorations,
    },
    ...(doc === undefined
      ? {}
      : {
          view: (view: EditorView) =>
            followClauseViews(view, doc, (current, clauses) =>
              current.dispatch(
                current.state.tr.setMeta(bracketChipsPluginKey, bracketOwners(clauses)),
              ),
            ),
        }),
  });
}
