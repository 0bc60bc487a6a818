import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { MessageReceiver } from './MessageReceiver';
import type { SyncDocument } from './SyncDocument';
import type { SyncLog, SyncPrincipal, SyncRejection, SyncSocket } from './syncTypes';

/** Options of one connection. */
export interface SyncConnectionOptions {
  socket: SyncSocket;
  principal: SyncPrincipal;
  document: SyncDocument;
  log: SyncLog;
  /** Called once, when the connection is closed by either side. */
  onClosed: (connection: SyncConnection) => void;
}

/**
 * One socket of one principal on one document. It owns the socket's lifetime: once closed, by
 * the server or the peer, it sends nothing more, handles nothing more and has left its document.
 */
export class SyncConnection {
  readonly principal: SyncPrincipal;
  readonly document: SyncDocument;
  /** The awareness client id this connection speaks for, once it has announced one. */
  awarenessClientId: number | undefined;
  private readonly socket: SyncSocket;
  private readonly log: SyncLog;
  private readonly onClosed: (connection: SyncConnection) => void;
  private readonly receiver: MessageReceiver;
  private open = true;

  constructor(options: SyncConnectionOptions) {
    this.socket = options.socket;
    this.principal = options.principal;
    this.document = options.document;
    this.log = options.log;
    this.onClosed = options.onClosed;
    this.receiver = new MessageReceiver(this, options.log);
  }

  /** Whether the connection may still send and receive. */
  get isOpen(): boolean {
    return this.open;
  }

  /** Joins the document: the handshake starts now. */
  start(): void {
    this.document.add(this);
  }

  /** Handles one binary frame from the peer. */
  receive(data: Uint8Array): void {
    if (!this.open) return;
    try {
      this.receiver.receive(data);
    } catch (error) {
      // A bug, not bad input (that is rejected with its own code): drop this socket, keep the rest.
      this.log('error', `${this.describe()}: handling a message failed (${String(error)}).`);
      this.close(CLOSE_CODES.internalError, 'The server failed to handle a message.');
    }
  }

  /** Sends one frame; a socket that refuses it is treated as gone. */
  send(frame: Uint8Array): void {
    if (!this.open) return;
    try {
      this.socket.send(frame);
    } catch (error) {
      this.log(
        'warn',
        `${this.describe()}: send failed, dropping the connection (${String(error)}).`,
      );
      this.close(CLOSE_CODES.internalError, 'Send failed.');
    }
  }

  /** Closes the connection because of something it sent; nothing of it was applied. */
  reject(rejection: SyncRejection): void {
    this.log('warn', `${this.describe()}: closed with ${rejection.reason}: ${rejection.message}`);
    this.close(CLOSE_CODES[rejection.reason], rejection.message);
  }

  /** Closes from the server side, with a close code the client understands. */
  close(code: number, reason: string): void {
    if (!this.open) return;
    this.open = false;
    try {
      this.socket.close(code, reason);
    } catch (error) {
      this.log('warn', `${this.describe()}: close failed (${String(error)}).`);
    }
    this.leave();
  }

  /** The peer or the transport closed the socket. */
  closed(): void {
    if (!this.open) return;
    this.open = false;
    this.leave();
  }

  /** Names the connection in log lines: who, where; never what they wrote. */
  describe(): string {
    return `Sync ${this.principal.documentId} user ${this.principal.userId}`;
  }

  private leave(): void {
    this.document.remove(this);
    this.onClosed(this);
  }
}
