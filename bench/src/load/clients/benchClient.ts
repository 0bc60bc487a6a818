import type * as Y from 'yjs';

/** One simulated editor: a real Y.Doc kept in sync with a server over a real WebSocket. */
export interface BenchClient {
  doc: Y.Doc;
  /** Resolves once the first sync with the server (or, for the relay, the socket) is complete. */
  synced: Promise<void>;
  /** Disconnects for good; later closes are not counted as errors. */
  destroy(): void;
}

/** Where a client connects, and as whom. */
export interface ClientTarget {
  /** http://127.0.0.1:<port> of the server under test. */
  url: string;
  room: string;
  /** Extra handshake headers (Accord: Cookie and Origin). */
  headers: Record<string, string>;
  /** The Yjs client id of the client's document (fan-out fixes it so every thread can name every sender); random if absent. */
  clientId?: number;
  /** Called for every WebSocket message the client receives. */
  onFrame?: () => void;
}

/** Rejects after `ms` unless `promise` settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
