import type { ServerKind } from '../../servers/childProtocol';
import type { ArrivalTally, SentKeystrokes } from '../arrivalLog';

/** One simulated editor a generator thread runs. */
export interface ClientSpec {
  /** Its Yjs client id, unique in the run. */
  clientId: number;
  room: string;
  /** Handshake headers (Accord: Cookie and Origin). */
  headers: Record<string, string>;
  /** A provider client with a full Y.Doc (convergence check) rather than a light receiver. */
  full: boolean;
  /** The server it connects to, when the run has several (otherwise the setup's `url`). */
  url?: string;
}

/** What a generator thread runs in one fan-out run (sent with `setup`). */
export interface ThreadSetup {
  kind: ServerKind;
  /** http://127.0.0.1:<port> of the server under test. */
  url: string;
  clients: ClientSpec[];
  seed: Uint8Array;
  charsPerSecond: number;
  connectTimeoutMs: number;
  randomSeed: number;
}

/** A full client's document at the end of a run, for the convergence check. */
export interface FullClientState {
  room: string;
  clientId: number;
  /** [client, clock] pairs, sorted by client. */
  stateVector: [number, number][];
  /** SHA-1 of the draft fragment's XML. */
  contentHash: string;
  /** Whether Yjs holds structs or deletions it could not integrate yet. */
  pending: boolean;
}

/** One of a sender's final clocks a drain waits for. */
export interface DrainTarget {
  room: string;
  client: number;
  clock: number;
}

/** Commands from the main thread. */
export type ToThread =
  | { type: 'setup'; setup: ThreadSetup }
  | { type: 'type' }
  | { type: 'window-start' }
  | { type: 'window-end' }
  | { type: 'stop' }
  | {
      type: 'drain';
      targets: DrainTarget[];
      /** Until when every receiver may take (the drain time). */
      deadline: number;
      /** Until when the full clients may take, so that a slow run is not taken for divergence. */
      fullDeadline: number;
    }
  | { type: 'tally'; sent: SentKeystrokes[]; windowStart: number; windowEnd: number }
  | { type: 'close' };

/** Answers of a generator thread. */
export type FromThread =
  | { type: 'ready'; connectMs: number }
  | { type: 'failed'; error: string }
  | {
      type: 'window';
      lagP99Ms: number;
      /** WebSocket messages its clients received in the window. */
      frames: number;
      /** Share of the window its event loop was busy (0..1). */
      utilisation: number;
    }
  | { type: 'stopped'; sent: SentKeystrokes[] }
  | {
      type: 'drained';
      /** Receivers × senders still lacking a final clock at the drain deadline. */
      missing: number;
      /** Senders some full client here still lacked at the later deadline. */
      fullMissingSenders: number[];
      /** Light clients here the server dropped (they stop typing and do not reconnect). */
      dropped: number[];
    }
  | {
      type: 'tallied';
      tally: ArrivalTally;
      full: FullClientState[];
      errors: [string, number][];
    }
  | { type: 'closed' };
