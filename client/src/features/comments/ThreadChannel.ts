import {
  THREAD_EVENTS,
  type ThreadListResponse,
  type ThreadView,
  threadEventsPath,
} from '@accord/shared/protocol/threads';

/** The state of the live thread channel. */
export type ThreadChannelStatus = 'connecting' | 'live' | 'reconnecting';

/**
 * The threads of one draft this person may read, kept live by the server's event stream
 * (Server-Sent Events). The server decides what arrives; this only keeps the latest view of each
 * thread. Answers of our own HTTP commands are applied at once too (`apply`).
 */
export class ThreadChannel {
  private readonly threads = new Map<string, ThreadView>();
  private readonly listeners = new Set<() => void>();
  private source: EventSource | null = null;
  private snapshot: readonly ThreadView[] = [];
  status: ThreadChannelStatus = 'connecting';

  constructor(private readonly documentId: string) {}

  /** Opens the stream; EventSource reconnects by itself and the server resends a snapshot. */
  open(): void {
    if (this.source !== null) return;
    const source = new EventSource(threadEventsPath(this.documentId));
    source.addEventListener(THREAD_EVENTS.snapshot, (event) => {
      const list = JSON.parse((event as MessageEvent<string>).data) as ThreadListResponse;
      this.threads.clear();
      for (const thread of list.threads) this.threads.set(thread.id, thread);
      this.status = 'live';
      this.publish();
    });
    source.addEventListener(THREAD_EVENTS.thread, (event) => {
      this.apply(JSON.parse((event as MessageEvent<string>).data) as ThreadView);
    });
    source.addEventListener('error', () => {
      this.status = 'reconnecting';
      this.publish();
    });
    this.source = source;
  }

  /** Closes the stream. */
  close(): void {
    this.source?.close();
    this.source = null;
  }

  /** Takes a newer view of a thread (from the stream or from a command's answer). */
  apply(thread: ThreadView): void {
    this.threads.set(thread.id, thread);
    this.publish();
  }

  /** Every thread, oldest first; the same array until something changes. */
  list(): readonly ThreadView[] {
    return this.snapshot;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(): void {
    this.snapshot = [...this.threads.values()].sort((a, b) => a.createdAt - b.createdAt);
    for (const listener of [...this.listeners]) listener();
  }
}
