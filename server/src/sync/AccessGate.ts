import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import type { SyncAccess, SyncLog, SyncPrincipal, SyncRejection } from './syncTypes';

/** A connection as the server closes it: attached to its draft, or still waiting for the load. */
export interface Closable {
  readonly principal: SyncPrincipal;
  close(code: number, reason: string): void;
  describe(): string;
}

/**
 * Keeps open connections' rights current at the cost of one access-version read per batch of
 * frames, not one per frame (S10). Every frame is stamped when it arrives; before it is acted
 * on, `fresh(stamp)` makes sure that a `noticeChanges` that started after its arrival has
 * finished (closing the connections whose rights changed). One read covers every frame that
 * had arrived before it started, across all drafts; frames arriving during it wait for the
 * next. So nothing sent after an access change committed is acted on with the old rights.
 */
export class AccessGate {
  private arrivals = 0;
  /** Every frame stamped up to this was covered by a read that finished. */
  private covered = 0;
  private reading: { upTo: number; done: Promise<void> } | null = null;

  constructor(private readonly access: SyncAccess | undefined) {}

  /** Stamps a frame as it arrives. */
  stamp(): number {
    this.arrivals += 1;
    return this.arrivals;
  }

  /**
   * Resolves once a read that started after the frame stamped `stamp` arrived has finished;
   * undefined when one already has (no await needed). Rejects when storage could not be read.
   */
  fresh(stamp: number): Promise<void> | undefined {
    const access = this.access;
    if (access === undefined || stamp <= this.covered) return undefined;
    const reading = this.reading;
    if (reading !== null && stamp <= reading.upTo) return reading.done;
    const upTo = this.arrivals;
    const current = { upTo, done: Promise.resolve() };
    current.done = Promise.resolve()
      .then(() => access.noticeChanges())
      .then(() => {
        this.covered = Math.max(this.covered, upTo);
      })
      .finally(() => {
        if (this.reading === current) this.reading = null;
      });
    this.reading = current;
    return current.done;
  }
}

/**
 * Checks every open connection's rights again, once per session, negotiation and granted
 * rights, and closes those that no longer hold with the reason (`SyncServer.recheckAccess`).
 */
export async function recheckAll(
  access: SyncAccess,
  connections: readonly Closable[],
  log: SyncLog,
): Promise<void> {
  const verdicts = new Map<string, Promise<SyncRejection | undefined>>();
  const checked = connections.map(async (connection) => {
    const { sessionId, negotiationId, role, delegation } = connection.principal;
    const key = `${sessionId}\n${negotiationId}\n${role}\n${delegation}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = access.recheck(connection.principal);
      verdicts.set(key, verdict);
    }
    const ended = await verdict;
    if (ended === undefined) return;
    log('info', `${connection.describe()}: closed with ${ended.reason}: ${ended.message}`);
    connection.close(CLOSE_CODES[ended.reason], ended.message);
  });
  await Promise.all(checked);
}
