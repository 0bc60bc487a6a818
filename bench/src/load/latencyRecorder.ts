import * as Y from 'yjs';

/** One keystroke a client typed, waiting to be applied by every other client of its room. */
interface Keystroke {
  /** The sender's Yjs clock right after the keystroke: applied once a peer's state reaches it. */
  endClock: number;
  sentAt: number;
  /** Peers that have not applied it yet. */
  waiting: number;
  recorded: boolean;
}

/** What the recorder knows about one client. */
interface Participant {
  doc: Y.Doc;
  room: string;
  keystrokes: Keystroke[];
  /** Per peer client id: index of the first of this client's keystrokes that peer lacks. */
  cursors: Map<number, number>;
}

/**
 * Measures end-to-end latency: from a sender's local change to the moment the last other client
 * of its room has applied it. All clients live in this process, so one clock serves all. Peers
 * are observed through `afterTransaction` (the state vector before and after each remote
 * transaction), which tells exactly which of a sender's changes were integrated, without
 * decoding updates and without counting anything Yjs left pending.
 */
export class LatencyRecorder {
  private readonly participants = new Map<number, Participant>();
  private readonly rooms = new Map<string, number[]>();
  private recording = false;
  private windowDeliveries = 0;
  private pendingRecorded = 0;
  /** Latencies of recorded keystrokes, in milliseconds, in completion order. */
  readonly latencies: number[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Adds a client; call for every client before anyone types. */
  join(room: string, doc: Y.Doc): void {
    const members = this.rooms.get(room) ?? [];
    members.push(doc.clientID);
    this.rooms.set(room, members);
    this.participants.set(doc.clientID, { doc, room, keystrokes: [], cursors: new Map() });
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) return;
      const at = this.now();
      for (const [client, after] of transaction.afterState) {
        if (after > (transaction.beforeState.get(client) ?? 0))
          this.applied(doc.clientID, client, after, at);
      }
    });
  }

  /** Starts or stops recording: only keystrokes typed while recording count. */
  setRecording(recording: boolean): void {
    this.recording = recording;
  }

  /** Deliveries (one keystroke applied by one peer) seen since the last call. */
  takeDeliveries(): number {
    const count = this.windowDeliveries;
    this.windowDeliveries = 0;
    return count;
  }

  /** Recorded keystrokes that some peer has not applied yet. */
  get pending(): number {
    return this.pendingRecorded;
  }

  /** Registers a keystroke the client of `doc` has just made locally. */
  typed(doc: Y.Doc): void {
    const sender = this.participants.get(doc.clientID);
    if (sender === undefined) return;
    const peers = (this.rooms.get(sender.room)?.length ?? 1) - 1;
    if (peers <= 0) return;
    const endClock = Y.getState(doc.store, doc.clientID);
    sender.keystrokes.push({
      endClock,
      sentAt: this.now(),
      waiting: peers,
      recorded: this.recording,
    });
    if (this.recording) this.pendingRecorded += 1;
  }

  private applied(receiver: number, senderId: number, stateAfter: number, at: number): void {
    const sender = this.participants.get(senderId);
    if (sender === undefined) return;
    let index = sender.cursors.get(receiver) ?? 0;
    const keystrokes = sender.keystrokes;
    while (index < keystrokes.length) {
      const keystroke = keystrokes[index];
      if (keystroke === undefined || keystroke.endClock > stateAfter) break;
      index += 1;
      this.windowDeliveries += 1;
      keystroke.waiting -= 1;
      if (keystroke.waiting === 0 && keystroke.recorded) {
        this.latencies.push(at - keystroke.sentAt);
        this.pendingRecorded -= 1;
      }
    }
    sender.cursors.set(receiver, index);
  }
}
