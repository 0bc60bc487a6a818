import type { SyncConnection } from './SyncConnection';
import type { SyncConnectionHandle, SyncPrincipal, SyncSocket } from './syncTypes';

/**
 * The handle `SyncServer.connect` gives the transport at once, while the draft is loaded (an
 * asynchronous read of its log): frames that arrive meanwhile are kept, in order, and handed
 * to the connection once it is attached; a socket closed meanwhile is never attached.
 */
export class PendingConnection implements SyncConnectionHandle {
  private frames: Uint8Array[] = [];
  private connection: SyncConnection | null = null;
  private ended = false;

  constructor(
    readonly socket: SyncSocket,
    readonly principal: SyncPrincipal,
  ) {}

  /** Whether the socket was closed (by either side) before the connection was attached. */
  get isEnded(): boolean {
    return this.ended;
  }

  receive(data: Uint8Array): void {
    if (this.connection !== null) this.connection.receive(data);
    else if (!this.ended) this.frames.push(data);
  }

  heard(): void {
    this.connection?.heard();
  }

  closed(): void {
    if (this.connection !== null) this.connection.closed();
    else this.ended = true;
  }

  /** Closes from the server side; before attaching, the connection never starts. */
  close(code: number, reason: string): void {
    if (this.connection !== null) {
      this.connection.close(code, reason);
      return;
    }
    if (this.ended) return;
    this.ended = true;
    this.frames = [];
    this.socket.close(code, reason);
  }

  /** Starts the connection and hands it the frames that arrived while the draft loaded. */
  attach(connection: SyncConnection): void {
    this.connection = connection;
    connection.start();
    for (const frame of this.frames.splice(0)) connection.receive(frame);
  }

  /** Names the connection in log lines: who, where; never what they wrote. */
  describe(): string {
    return `Sync ${this.principal.documentId} user ${this.principal.userId}`;
  }
}
