import type { SyncLog } from '../sync/syncTypes';

/** Who holds a draft's lease, as the database says (a live lease only). */
export interface LeaseHolder {
  owner: string;
  epoch: number;
}

/** The leases table (PostgreSQL): one owner per draft, with a fencing epoch (SPEC H5). */
export interface LeaseStore {
  acquire(
    documentId: string,
    owner: string,
    ttlMs: number,
  ): Promise<{ epoch: number } | { heldBy: string; until: number }>;
  renew(documentId: string, owner: string, epoch: number, ttlMs: number): Promise<boolean>;
  release(documentId: string, owner: string, epoch: number): Promise<unknown>;
  /** The live holder, or null when the lease is free or expired. */
  holder(documentId: string): Promise<LeaseHolder | null>;
}

/** Timing of leases; tests shorten it. */
export interface LeaseTiming {
  /** How long a lease lasts without renewal: a dead owner's drafts move after about this long. */
  ttlMs: number;
  /** How often held leases are renewed (a third of the TTL by default). */
  renewMs: number;
}

export const LEASE_DEFAULTS: LeaseTiming = { ttlMs: 5_000, renewMs: 1_500 };

/**
 * The leases this process holds, kept alive by renewal. It is also the fence the storage checks
 * on every commit (`epochOf`): a lease lost here, or taken over while this process was frozen,
 * makes that draft's next commit fail in the database, whatever this process believes.
 */
export class LeaseKeeper {
  private readonly held = new Map<string, { epoch: number; renewedAt: number; takenAt: number }>();
  private readonly claims = new Map<string, Promise<string | null>>();
  private timer: NodeJS.Timeout | null = null;
  private inUse: (documentId: string) => boolean = () => true;

  constructor(
    private readonly store: LeaseStore,
    readonly owner: string,
    private readonly timing: LeaseTiming,
    private readonly onLost: (documentId: string) => void,
    private readonly log: SyncLog,
  ) {}

  /** The epoch this process holds for a draft, or null (the storage fence). */
  epochOf(documentId: string): number | null {
    return this.held.get(documentId)?.epoch ?? null;
  }

  holds(documentId: string): boolean {
    return this.held.has(documentId);
  }

  /**
   * Takes the draft's lease if it is free, expired or ours. Returns null when this process owns
   * the draft, else the owner string of the live holder. Concurrent claims share one query.
   */
  claim(documentId: string): Promise<string | null> {
    const lease = this.held.get(documentId);
    if (lease !== undefined && !this.overdue(lease)) return Promise.resolve(null);
    let claim = this.claims.get(documentId);
    if (claim === undefined) {
      claim = (
        lease === undefined ? this.acquire(documentId) : this.confirm(documentId, lease)
      ).finally(() => this.claims.delete(documentId));
      this.claims.set(documentId, claim);
    }
    return claim;
  }

  /** Gives a draft up (it was unloaded): another server may take it at once. */
  async release(documentId: string): Promise<void> {
    const lease = this.held.get(documentId);
    if (lease === undefined) return;
    this.held.delete(documentId);
    await this.store.release(documentId, this.owner, lease.epoch);
  }

  /**
   * Renews held leases every `renewMs`. A lease whose draft is not in memory here (`inUse`),
   * once it is older than one renewal period, is released instead: an idle draft can move.
   */
  start(inUse: (documentId: string) => boolean): void {
    this.inUse = inUse;
    this.stop();
    this.timer = setInterval(() => {
      this.renewAll().catch((error: unknown) => {
        this.log('error', `Renewing leases failed (${String(error)}).`);
      });
    }, this.timing.renewMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
  }

  /** Releases every lease (orderly shutdown), so the drafts move without waiting for expiry. */
  async releaseAll(): Promise<void> {
    this.stop();
    await Promise.all([...this.held.keys()].map((documentId) => this.release(documentId)));
  }

  /**
   * Whether a held lease has missed a renewal: renewals stalled (the process was frozen, or the
   * database is slow), so another server may have taken the draft meanwhile.
   */
  private overdue(lease: { renewedAt: number }): boolean {
    return Date.now() - lease.renewedAt >= 2 * this.timing.renewMs;
  }

  /**
   * A lease held here whose renewal is overdue is renewed before it is trusted. When it was
   * taken over meanwhile, it is lost here at once (its draft evicted, `onLost`) and the new
   * holder is returned: a process that wakes up after losing a lease routes its clients to the
   * new owner instead of serving them from a stale copy whose every commit the fence refuses.
   */
  private async confirm(
    documentId: string,
    lease: { epoch: number; renewedAt: number },
  ): Promise<string | null> {
    let renewed: boolean;
    try {
      renewed = await this.store.renew(documentId, this.owner, lease.epoch, this.timing.ttlMs);
    } catch (error) {
      // Keep serving; the fence guards commits, and renewals decide when the lease is gone.
      this.log('warn', `Renewing the lease of ${documentId} failed (${String(error)}).`);
      return null;
    }
    if (this.held.get(documentId) !== lease) {
      return this.held.has(documentId) ? null : this.acquire(documentId);
    }
    if (renewed) {
      lease.renewedAt = Date.now();
      return null;
    }
    this.held.delete(documentId);
    this.log('warn', `Lease of ${documentId} lost (epoch ${lease.epoch}).`);
    this.onLost(documentId);
    return this.acquire(documentId);
  }

  private async acquire(documentId: string): Promise<string | null> {
    const result = await this.store.acquire(documentId, this.owner, this.timing.ttlMs);
    if ('heldBy' in result) return result.heldBy;
    const now = Date.now();
    this.held.set(documentId, { epoch: result.epoch, renewedAt: now, takenAt: now });
    this.log('info', `Lease of ${documentId} taken (epoch ${result.epoch}).`);
    return null;
  }

  private async renewAll(): Promise<void> {
    await Promise.all(
      [...this.held].map(async ([documentId, lease]) => {
        if (!this.inUse(documentId) && Date.now() - lease.takenAt >= this.timing.renewMs) {
          await this.release(documentId);
          return;
        }
        let renewed = false;
        try {
          renewed = await this.store.renew(documentId, this.owner, lease.epoch, this.timing.ttlMs);
        } catch (error) {
          this.log('warn', `Renewing the lease of ${documentId} failed (${String(error)}).`);
          // Keep serving until the lease would have run out; the fence guards commits anyway.
          if (Date.now() - lease.renewedAt < this.timing.ttlMs - this.timing.renewMs) return;
        }
        if (this.held.get(documentId) !== lease) return;
        if (renewed) {
          lease.renewedAt = Date.now();
          return;
        }
        this.held.delete(documentId);
        this.log('warn', `Lease of ${documentId} lost (epoch ${lease.epoch}).`);
        this.onLost(documentId);
      }),
    );
  }
}
