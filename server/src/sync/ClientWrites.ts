import { can } from '@accord/shared/policy/policy';
import { uint32 } from 'lib0/random';
import * as Y from 'yjs';
import type { DocumentPersistence } from './DocumentPersistence';
import { type DocumentPlugin, firstRefusal, type UpdateSender } from './DocumentPlugin';
import type { ServerStructIndex } from './ServerStructIndex';
import type { DocumentPeer, SyncLog, SyncResult } from './syncTypes';
import { validateUpdate } from './UpdateValidator';

/** What happened to an update a connection sent. */
export type UpdateOutcome = 'applied' | 'alreadyKnown' | 'droppedReadOnly';

/** A client update of a group commit: applied to the document, not committed or broadcast yet. */
export interface StagedUpdate {
  sender: UpdateSender;
  /** The update as the client sent it: what the log stores. */
  update: Uint8Array;
  origin: DocumentPeer;
  unboundClientIds: number[];
  /** What the document emitted when it was applied (what peers are sent); null if nothing. */
  applied: Uint8Array | null;
  /** What each plugin's `staged` took of it, by plugin. */
  work: unknown[];
}

/** The client updates of one group commit, in order, and what the group knows so far. */
export class StagedGroup {
  readonly updates: StagedUpdate[] = [];
  /** Client ids the group's earlier updates bind (not committed yet), to their users (S6). */
  readonly owners = new Map<number, string>();
  /** An update's `afterCommit` will change what later checks read: commit the group now. */
  barrier = false;
}

/** What a document's client writes need from it. */
export interface ClientWritesOptions {
  documentId: string;
  doc: Y.Doc;
  /**
   * Applies a validated update to the document without broadcasting it (group commit: it is
   * broadcast once committed) and returns the update the document emitted, if any.
   */
  applyHeld: (update: Uint8Array, origin: DocumentPeer) => Uint8Array | null;
  persistence: DocumentPersistence;
  serverStructs: ServerStructIndex;
  plugins: readonly DocumentPlugin[];
  log: SyncLog;
}

/**
 * The path of every update written as a person (a client's, or one the server writes on their
 * behalf): authorize, validate, commit, apply and broadcast, then the plugins' `afterCommit`.
 * Its callers (`SyncDocument`) run it as a task of the document's queue (SPEC S5).
 */
export class ClientWrites {
  constructor(private readonly options: ClientWritesOptions) {}

  /** `SyncDocument.writeTextAs`, inside a task of the queue. */
  async writeTextAs(
    author: UpdateSender,
    change: (doc: Y.Doc) => void,
  ): Promise<SyncResult<UpdateOutcome>> {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(this.options.doc));
      while (
        Y.getState(this.options.doc.store, copy.clientID) > 0 ||
        this.options.persistence.ownerOf(copy.clientID) !== undefined
      ) {
        copy.clientID = uint32();
      }
      let made: Uint8Array | null = null;
      copy.on('update', (update: Uint8Array) => {
        made = update;
      });
      copy.transact(() => change(copy));
      const update = made as Uint8Array | null;
      if (update === null) return { ok: true, value: 'alreadyKnown' };
      return await this.applyAs(author, update, null);
    } finally {
      copy.destroy();
    }
  }

  /**
   * Authorize (S4), validate with the plugins' checks (S1–S3, S6), commit (S5), apply,
   * broadcast (to all but `origin`), then the plugins' `afterCommit`. Runs inside a task of the
   * queue: no other task comes between the check and the commit, or the commit and the
   * broadcast, so the update is checked against the very state it is applied to (S11).
   */
  async applyAs(
    principal: UpdateSender,
    update: Uint8Array,
    origin: DocumentPeer | null,
  ): Promise<SyncResult<UpdateOutcome>> {
    if (!can(principal, 'editText')) return { ok: true, value: 'droppedReadOnly' };
    const checked = validateUpdate(update, {
      doc: this.options.doc,
      userId: principal.userId,
      ownerOf: (clientId) => this.options.persistence.ownerOf(clientId),
      hasLiveServerStruct: (clientId, clock, end) =>
        this.options.serverStructs.hasLiveIn(clientId, clock, end),
      check: (decoded) =>
        firstRefusal(this.options.plugins, decoded, { doc: this.options.doc, sender: principal }),
    });
    if (!checked.ok) return checked;
    if (!checked.value.novel) return { ok: true, value: 'alreadyKnown' };
    const committed = await this.options.persistence.commit(
      update,
      principal.userId,
      checked.value.unboundClientIds,
    );
    if (!committed.ok) return committed;
    try {
      // Committed before this line: the broadcast in the 'update' listener follows the commit.
      Y.applyUpdate(this.options.doc, update, origin);
    } catch (error) {
      this.options.log(
        'error',
        `Document ${this.options.documentId}: applying a validated update failed (${String(error)}).`,
      );
    }
    this.options.persistence.applied(committed.value);
    for (const plugin of this.options.plugins) {
      try {
        await plugin.afterCommit?.({ seq: committed.value, sender: principal });
      } catch (error) {
        // The update is committed and broadcast: a bug in a plugin must not undo that.
        this.options.log(
          'error',
          `Document ${this.options.documentId}: plugin ${plugin.name} failed (${String(error)}).`,
        );
      }
    }
    return { ok: true, value: 'applied' };
  }

  /**
   * Group commit, inside a task of the queue: authorize and validate `update` against the
   * document as the group's earlier updates left it (their client-id bindings included), then
   * apply it (held back from peers) and let the plugins take what their `afterCommit` needs.
   * A refused update changes nothing. Nothing is stored here: `SyncDocument` commits the group.
   */
  stage(
    principal: UpdateSender,
    update: Uint8Array,
    origin: DocumentPeer,
    group: StagedGroup,
  ): SyncResult<UpdateOutcome> {
    if (!can(principal, 'editText')) return { ok: true, value: 'droppedReadOnly' };
    const checked = validateUpdate(update, {
      doc: this.options.doc,
      userId: principal.userId,
      ownerOf: (clientId) =>
        this.options.persistence.ownerOf(clientId) ?? group.owners.get(clientId),
      hasLiveServerStruct: (clientId, clock, end) =>
        this.options.serverStructs.hasLiveIn(clientId, clock, end),
      check: (decoded) =>
        firstRefusal(this.options.plugins, decoded, { doc: this.options.doc, sender: principal }),
    });
    if (!checked.ok) return checked;
    if (!checked.value.novel) return { ok: true, value: 'alreadyKnown' };
    const unboundClientIds = checked.value.unboundClientIds;
    for (const clientId of unboundClientIds) group.owners.set(clientId, principal.userId);
    let applied: Uint8Array | null = null;
    try {
      applied = this.options.applyHeld(update, origin);
    } catch (error) {
      this.options.log(
        'error',
        `Document ${this.options.documentId}: applying a validated update failed (${String(error)}).`,
      );
    }
    const work = this.options.plugins.map((plugin) => {
      if (plugin.staged === undefined) {
        if (plugin.afterCommit !== undefined) group.barrier = true;
        return undefined;
      }
      try {
        const taken = plugin.staged(principal);
        if (taken.barrier) group.barrier = true;
        return taken.work;
      } catch (error) {
        group.barrier = true;
        this.options.log(
          'error',
          `Document ${this.options.documentId}: plugin ${plugin.name} failed (${String(error)}).`,
        );
        return undefined;
      }
    });
    group.updates.push({ sender: principal, update, origin, unboundClientIds, applied, work });
    return { ok: true, value: 'applied' };
  }

  /** Group commit: one committed update's `afterCommit`s, with what `stage` took of it. */
  async afterGroupCommit(staged: StagedUpdate, seq: number): Promise<void> {
    for (const [index, plugin] of this.options.plugins.entries()) {
      try {
        await plugin.afterCommit?.({ seq, sender: staged.sender, staged: staged.work[index] });
      } catch (error) {
        // The update is committed and broadcast: a bug in a plugin must not undo that.
        this.options.log(
          'error',
          `Document ${this.options.documentId}: plugin ${plugin.name} failed (${String(error)}).`,
        );
      }
    }
  }
}
