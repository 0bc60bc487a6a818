import {
  clauseElements,
  clauseIdOf,
  enclosingClause,
  isClauseElement,
  plainText,
} from '@accord/shared/domain/clauseNodes';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import * as Y from 'yjs';

/**
 * A clause whose text changed, which appeared (`textBefore` undefined), left the draft
 * (`removed`, `textAfter` empty) or came back after leaving it (`restored`, `textBefore` empty),
 * in client updates.
 */
export interface ClauseTextChange {
  clauseId: string;
  /** The text before; undefined when the clause id was not in the document before. */
  textBefore: string | undefined;
  textAfter: string;
  removed?: true;
  restored?: true;
}

/**
 * The text as one flat string. `plainText` builds a clause's text piece by piece, and V8 keeps
 * such a string as a rope (a node per piece, each Yjs item's text): an index that keeps every
 * clause's text would hold all those nodes (2.7 MiB on a 1,000-clause draft of 100,000 edits,
 * issue 17). A copy through UTF-16 code units is exact (lone surrogates too) and always flat;
 * tricks that flatten in place (`Number(text)`) are dropped by the optimising compiler.
 */
function flattened(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}

interface ElementState {
  id: string | null;
  text: string;
}

/**
 * The clauses of one loaded document by id, with the last text the server saw for each, kept
 * up to date from client transactions. Built once (O(document)); afterwards each transaction
 * costs what it changed: the changed types are walked up to their clause, and the new and
 * deleted structs are looked at for clauses that appeared or went away.
 *
 * The build waits until something needs it (issue 17: a cold load answers its first sync
 * without it): any read of the index, or the start of any transaction on the document (the
 * texts before the first change are the ones it must remember), builds it first, from the
 * document as it is then; `build` lets the draft's queue do it in the background.
 */
export class ClauseIndex {
  private readonly fragment: Y.XmlFragment;
  private readonly states = new Map<Y.XmlElement, ElementState>();
  private readonly elementsById = new Map<string, Set<Y.XmlElement>>();
  /** The last text of every clause id seen while loaded, kept after a clause is removed. */
  private readonly lastText = new Map<string, string>();
  private readonly touched = new Set<Y.XmlElement>();
  /** Clause ids that left the draft while loaded (their last text stays in `lastText`). */
  private readonly removed = new Set<string>();
  private built = false;

  constructor(private readonly doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(DRAFT_FRAGMENT);
    doc.on('beforeTransaction', this.build);
    doc.on('afterTransaction', this.collect);
  }

  /** Builds the index from the document as it is now, unless it was built already. */
  readonly build = (): void => {
    if (this.built) return;
    this.built = true;
    this.doc.off('beforeTransaction', this.build);
    for (const element of clauseElements(this.doc)) {
      const state = { id: clauseIdOf(element), text: flattened(plainText(element)) };
      this.track(element, state);
      if (state.id !== null && !this.lastText.has(state.id))
        this.lastText.set(state.id, state.text);
    }
  };

  /** The current text of a clause that is in the document, or undefined. */
  currentText(clauseId: string): string | undefined {
    this.build();
    const elements = this.elementsById.get(clauseId);
    if (elements === undefined) return undefined;
    for (const element of elements) {
      if (isLive(element)) return this.lastText.get(clauseId);
    }
    return undefined;
  }

  /** The live elements that carry a clause id (more than one only after a paste, briefly). */
  elementsOf(clauseId: string): Y.XmlElement[] {
    this.build();
    return [...(this.elementsById.get(clauseId) ?? [])].filter(isLive);
  }

  /**
   * The clauses whose text changed (or that appeared) since the last call, as client
   * transactions left them. Clear on return.
   */
  takeChanges(): ClauseTextChange[] {
    this.build();
    const after = new Map<string, string>();
    const gone = new Set<string>();
    for (const element of this.touched) {
      const old = this.states.get(element);
      if (old !== undefined) this.untrack(element, old);
      if (!isLive(element)) {
        if (old?.id) gone.add(old.id);
        continue;
      }
      const state = { id: clauseIdOf(element), text: flattened(plainText(element)) };
      this.track(element, state);
      if (state.id !== null) after.set(state.id, state.text);
    }
    this.touched.clear();
    const changes: ClauseTextChange[] = [];
    for (const [clauseId, textAfter] of after) {
      if (this.removed.delete(clauseId)) {
        this.lastText.set(clauseId, textAfter);
        changes.push({ clauseId, textBefore: '', textAfter, restored: true });
        continue;
      }
      const textBefore = this.lastText.get(clauseId);
      this.lastText.set(clauseId, textAfter);
      if (textBefore !== textAfter) changes.push({ clauseId, textBefore, textAfter });
    }
    // A clause moved (deleted and inserted again) or a repaired duplicate still has its id live.
    for (const clauseId of gone) {
      if (after.has(clauseId) || this.currentText(clauseId) !== undefined) continue;
      if (this.removed.has(clauseId)) continue;
      this.removed.add(clauseId);
      changes.push({
        clauseId,
        textBefore: this.lastText.get(clauseId) ?? '',
        textAfter: '',
        removed: true,
      });
    }
    return changes;
  }

  /** Stops listening to the document. */
  destroy(): void {
    this.doc.off('beforeTransaction', this.build);
    this.doc.off('afterTransaction', this.collect);
  }

  /** Notes the clauses a client transaction touched; the server's own writes touch none. */
  private readonly collect = (transaction: Y.Transaction): void => {
    if (transaction.local) return;
    for (const type of transaction.changed.keys()) this.touch(type);
    // New structs: a clause that appeared is not among the changed types (Yjs lists only types
    // that existed before). The state vectors are the ones Yjs has just computed.
    for (const [clientId, after] of transaction.afterState) {
      const before = transaction.beforeState.get(clientId) ?? 0;
      const structs = this.doc.store.clients.get(clientId);
      if (after <= before || structs === undefined) continue;
      for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
        const struct = structs[index]!;
        if (struct.id.clock >= after) break;
        if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) {
          this.touch(struct.content.type);
        }
      }
    }
    Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentType) {
        if (isClauseElement(struct.content.type)) this.touched.add(struct.content.type);
      }
    });
  };

  private touch<Event>(type: Y.AbstractType<Event>): void {
    const clause = enclosingClause(type, this.fragment);
    if (clause !== null) this.touched.add(clause);
  }

  private track(element: Y.XmlElement, state: ElementState): void {
    this.states.set(element, state);
    if (state.id === null) return;
    let elements = this.elementsById.get(state.id);
    if (elements === undefined) {
      elements = new Set();
      this.elementsById.set(state.id, elements);
    }
    elements.add(element);
  }

  private untrack(element: Y.XmlElement, state: ElementState): void {
    this.states.delete(element);
    if (state.id === null) return;
    const elements = this.elementsById.get(state.id);
    elements?.delete(element);
    if (elements?.size === 0) this.elementsById.delete(state.id);
  }
}

/** Whether a clause element is still in the document (clauses sit directly in the fragment). */
function isLive(element: Y.XmlElement): boolean {
  return element._item !== null && !element._item.deleted;
}
