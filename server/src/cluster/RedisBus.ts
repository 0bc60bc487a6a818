import { Redis } from 'ioredis';
import type { SyncLog } from '../sync/syncTypes';
import { type ClusterMessage, decodeBatch, encodeBatch } from './wire';

/** What the bus tells the cluster layer. */
export interface BusEvents {
  message(from: string, message: ClusterMessage): void;
  /** Messages from `from` were lost (a gap in its numbering): every link with it must go. */
  lost(peer: string): void;
  /** Our own subscription was cut and restored: anything may have been lost, from anyone. */
  reset(): void;
}

/** The Redis channel a server listens on. */
export function inboxOf(serverId: string): string {
  return `accord:server:${serverId}`;
}

/**
 * Point-to-point messages between servers over Redis pub/sub (SPEC H5). Each server listens on
 * its own inbox. Messages to one server in one turn go out as one publish, numbered per
 * (sender, receiver) stream; a receiver that sees a gap, or whose subscription was cut, reports
 * it, and the cluster layer drops the links concerned so their clients resync from the owner.
 * Pub/sub delivers at most once, so this is where loss is detected, never assumed away.
 */
export class RedisBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly nextSeq = new Map<string, number>();
  private readonly lastSeen = new Map<string, number>();
  private readonly queued = new Map<string, ClusterMessage[]>();
  private flushing = false;
  private readyOnce = false;
  private closed = false;

  constructor(
    url: string,
    private readonly serverId: string,
    private readonly events: BusEvents,
    private readonly log: SyncLog,
  ) {
    const options = { lazyConnect: true, maxRetriesPerRequest: 2, enableAutoPipelining: true };
    this.pub = new Redis(url, { ...options, connectionName: `accord-${serverId}-pub` });
    this.sub = new Redis(url, {
      ...options,
      maxRetriesPerRequest: null,
      connectionName: `accord-${serverId}-sub`,
    });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => {
        if (!this.closed) this.log('warn', `Redis: ${error.message}`);
      });
    }
    this.sub.on('messageBuffer', (_channel: Buffer, payload: Buffer) => this.receive(payload));
    this.sub.on('ready', () => {
      // ioredis subscribes again by itself; whatever was published meanwhile is gone.
      if (this.readyOnce) {
        this.log(
          'warn',
          'Redis subscription restored: dropping links that may have lost messages.',
        );
        this.lastSeen.clear();
        this.events.reset();
      }
      this.readyOnce = true;
    });
  }

  async start(): Promise<void> {
    await Promise.all([this.pub.connect(), this.sub.connect()]);
    await this.sub.subscribe(inboxOf(this.serverId));
  }

  /** Whether both connections to Redis are up (health). */
  get healthy(): boolean {
    return this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  /** Resolves when Redis answers a PING (health). */
  ping(): Promise<unknown> {
    return this.pub.ping();
  }

  /** Queues a message; everything queued in this turn leaves in one publish per receiver. */
  send(to: string, message: ClusterMessage): void {
    let queue = this.queued.get(to);
    if (queue === undefined) {
      queue = [];
      this.queued.set(to, queue);
    }
    queue.push(message);
    if (!this.flushing) {
      this.flushing = true;
      queueMicrotask(() => this.flush());
    }
  }

  /** Forgets the numbering of a peer that is gone (its streams will never continue). */
  forget(peer: string): void {
    this.nextSeq.delete(peer);
    this.lastSeen.delete(peer);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sub.disconnect();
    await this.pub.quit().catch(() => this.pub.disconnect());
  }

  private flush(): void {
    this.flushing = false;
    const batches = [...this.queued];
    this.queued.clear();
    for (const [to, messages] of batches) {
      let seq = this.nextSeq.get(to) ?? 0;
      const batch = messages.map((message) => ({ seq: ++seq, message }));
      this.nextSeq.set(to, seq);
      const payload = Buffer.from(encodeBatch(this.serverId, batch));
      this.pub.publish(inboxOf(to), payload).catch((error: unknown) => {
        if (this.closed) return;
        this.log('warn', `Redis: sending to ${to} failed (${String(error)}).`);
        this.events.lost(to);
      });
    }
  }

  private receive(payload: Buffer): void {
    let envelopes: ReturnType<typeof decodeBatch>;
    try {
      envelopes = decodeBatch(new Uint8Array(payload.buffer, payload.byteOffset, payload.length));
    } catch (error) {
      this.log('error', `Redis: a malformed cluster message was dropped (${String(error)}).`);
      return;
    }
    for (const { from, seq, message } of envelopes) {
      const last = this.lastSeen.get(from) ?? 0;
      this.lastSeen.set(from, seq);
      if (seq !== last + 1) {
        this.log('warn', `Redis: messages ${last + 1}..${seq - 1} from ${from} were lost.`);
        this.events.lost(from);
      }
      this.events.message(from, message);
    }
  }
}
