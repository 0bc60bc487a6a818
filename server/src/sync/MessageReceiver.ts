import { LIMITS } from '@accord/shared/protocol/limits';
import * as decoding from 'lib0/decoding';
import { MESSAGE_TYPES, SYNC_MESSAGE_TYPES } from './protocol';
import type { SyncDocument, UpdateOutcome } from './SyncDocument';
import type { DocumentPeer, SyncLog, SyncRejection, SyncResult, TakenUpdate } from './syncTypes';

/** The connection whose frames a receiver reads (`SyncConnection`). */
export interface ReceivingConnection extends DocumentPeer {
  readonly document: SyncDocument;
  reject(rejection: SyncRejection): void;
  describe(): string;
}

const MALFORMED: SyncRejection = {
  reason: 'malformedMessage',
  message: 'Message could not be decoded.',
};

/**
 * Reads the frames of one connection: one switch over the y-websocket message types. Any frame
 * that fails to decode closes the connection; unknown types are logged and ignored, so a newer
 * client cannot take the server down.
 */
export class MessageReceiver {
  /** Whether the client has answered the server's sync step 1 (S2). */
  private sentStep2 = false;
  private warnedReadOnly = false;

  constructor(
    private readonly connection: ReceivingConnection,
    private readonly log: SyncLog,
  ) {}

  /** Handles one frame; rejects the connection when the frame or its content is refused. */
  async receive(data: Uint8Array): Promise<void> {
    if (data.byteLength > LIMITS.maxSyncMessageBytes) {
      this.connection.reject({
        reason: 'messageTooLarge',
        message: `Message exceeds ${LIMITS.maxSyncMessageBytes} bytes.`,
      });
      return;
    }
    const decoder = decoding.createDecoder(data);
    let messageType: number;
    let payload: Uint8Array | undefined;
    let syncType: number | undefined;
    try {
      messageType = decoding.readVarUint(decoder);
      if (messageType === MESSAGE_TYPES.sync) syncType = decoding.readVarUint(decoder);
      if (messageType === MESSAGE_TYPES.sync || messageType === MESSAGE_TYPES.awareness) {
        // Copied: the frame's buffer must not be retained by the document or the store.
        payload = decoding.readVarUint8Array(decoder).slice();
      }
    } catch {
      this.connection.reject(MALFORMED);
      return;
    }
    switch (messageType) {
      case MESSAGE_TYPES.sync:
        await this.receiveSync(syncType!, payload!);
        return;
      case MESSAGE_TYPES.awareness: {
        const result = this.connection.document.receiveAwareness(this.connection, payload!);
        if (!result.ok) this.connection.reject(result.error);
        return;
      }
      case MESSAGE_TYPES.queryAwareness:
        this.connection.send(this.connection.document.awarenessFrame());
        return;
      default:
        this.log(
          'warn',
          `${this.connection.describe()}: ignored a message of unknown type ${messageType}. ` +
            'The server speaks y-websocket sync (0), awareness (1) and queryAwareness (3); ' +
            'check that the client is a y-websocket provider of a compatible version.',
        );
    }
  }

  /**
   * Group commit: the update a sync step 2 or update frame carries (`carriesClientUpdate`), or
   * null when the frame is refused (the connection is closed, as `receive` would).
   */
  updateOf(data: Uint8Array): TakenUpdate | null {
    if (data.byteLength > LIMITS.maxSyncMessageBytes) {
      this.connection.reject({
        reason: 'messageTooLarge',
        message: `Message exceeds ${LIMITS.maxSyncMessageBytes} bytes.`,
      });
      return null;
    }
    try {
      const decoder = decoding.createDecoder(data);
      decoding.readVarUint(decoder);
      const syncType = decoding.readVarUint(decoder);
      // Copied: the frame's buffer must not be retained by the document or the store.
      return { update: decoding.readVarUint8Array(decoder).slice(), syncType };
    } catch {
      this.connection.reject(MALFORMED);
      return null;
    }
  }

  /** Acts on what became of an update the connection sent: a refusal closes it (but S2). */
  settle({ update, syncType }: TakenUpdate, result: SyncResult<UpdateOutcome>): void {
    const beforeStep2 = !this.sentStep2;
    if (syncType === SYNC_MESSAGE_TYPES.step2) this.sentStep2 = true;
    if (
      !result.ok &&
      result.error.reason === 'missingDependencies' &&
      beforeStep2 &&
      syncType === SYNC_MESSAGE_TYPES.update
    ) {
      // S2: typed while (re)connecting, before the client answered our step 1; its step 2,
      // computed from its whole document, carries this change with what it builds on.
      this.log(
        'info',
        `${this.connection.describe()}: an update ahead of the client's sync step 2 waits for it.`,
      );
      return;
    }
    if (!result.ok) this.connection.reject(result.error);
    else if (result.value === 'droppedReadOnly') this.warnReadOnlyOnce(update);
  }

  private async receiveSync(syncType: number, payload: Uint8Array): Promise<void> {
    const document = this.connection.document;
    switch (syncType) {
      case SYNC_MESSAGE_TYPES.step1: {
        const reply = await document.syncStep2For(payload);
        if (reply.ok) this.connection.send(reply.value);
        else this.connection.reject(reply.error);
        return;
      }
      case SYNC_MESSAGE_TYPES.step2:
      case SYNC_MESSAGE_TYPES.update: {
        this.settle(
          { update: payload, syncType },
          await document.receiveUpdate(this.connection, payload),
        );
        return;
      }
      default:
        this.log(
          'warn',
          `${this.connection.describe()}: ignored a sync message of unknown type ${syncType}. ` +
            'y-protocols defines step 1 (0), step 2 (1) and update (2); check the client version.',
        );
    }
  }

  /**
   * An observer's client sends an empty step 2 on every connect; only a real change is worth a
   * log line, and only once per connection so that a typing observer cannot flood the log.
   */
  private warnReadOnlyOnce(update: Uint8Array): void {
    // An empty v1 update is two bytes: no client lists, no deletions.
    if (this.warnedReadOnly || update.byteLength <= 2) return;
    this.warnedReadOnly = true;
    this.log(
      'info',
      `${this.connection.describe()}: dropped changes from a read-only member (role ${this.connection.principal.role}).`,
    );
  }
}
