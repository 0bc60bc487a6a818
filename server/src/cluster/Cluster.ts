import { randomUUID } from 'node:crypto';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import type {
  SyncConnectionHandle,
  SyncLog,
  SyncPrincipal,
  SyncResult,
  SyncSocket,
} from '../sync/syncTypes';
import { EdgeLinks } from './EdgeLinks';
import { LEASE_DEFAULTS, LeaseKeeper, type LeaseStore, type LeaseTiming } from './LeaseKeeper';
import { RedisBus } from './RedisBus';
import { RemotePeers } from './RemotePeers';

/** What the cluster needs of the sync core. */
export interface ClusterSync {
  connect(socket: SyncSocket, principal: SyncPrincipal): SyncConnectionHandle;
  /** Closes every connection of a draft with this code and drops it from memory. */
  evict(documentId: string, code: number, reason: string): Promise<void>;
  /** Whether the draft is in memory here (a lease of a draft not in memory is released). */
  isLoaded(documentId: string): boolean;
  /** Sets what is asked before a draft is loaded: here, only with its lease. */
  guardLoads(guard: (documentId: string) => Promise<SyncResult<void>>): void;
}

export interface ClusterOptions {
  redisUrl: string;
  leases: LeaseStore;
  /** How other servers reach this one's HTTP API (forwarded draft requests). */
  httpUrl: string;
  timing?: Partial<LeaseTiming> & { watchMs?: number };
  log: SyncLog;
}

/** Where a draft is served: here, or by the server that holds its lease. */
export type DraftRoute =
  | { local: true }
  | { local: false; serverId: string; httpUrl: string; lease: string };

const SEPARATOR = ' ';

function parseOwner(lease: string): { serverId: string; httpUrl: string } {
  const at = lease.indexOf(SEPARATOR);
  return { serverId: lease.slice(0, at), httpUrl: lease.slice(at + 1) };
}

/**
 * Several Accord servers over PostgreSQL and Redis (SPEC H5). One server owns each draft, by a
 * lease with a fencing epoch; clients may connect to any server. A server that does not own a
 * draft relays its clients' frames to the owner (`EdgeLinks`), where they are remote connections
 * of the ordinary sync core (`RemotePeers`): validation, commit before broadcast and clause
 * tracking stay in one place per draft. When an owner dies its lease runs out, the edges close
 * their links, and the clients reconnect to a server that takes the lease and loads the draft
 * from PostgreSQL.
 */
export class Cluster {
  readonly serverId = randomUUID();
  readonly keeper: LeaseKeeper;
  private readonly bus: RedisBus;
  private readonly owners: RemotePeers;
  private readonly edges: EdgeLinks;
  private readonly watchMs: number;
  private watchTimer: NodeJS.Timeout | null = null;
  private sync: ClusterSync | null = null;

  constructor(private readonly options: ClusterOptions) {
    const timing = { ...LEASE_DEFAULTS, ...options.timing };
    this.watchMs = options.timing?.watchMs ?? Math.min(1_000, timing.renewMs);
    this.keeper = new LeaseKeeper(
      options.leases,
      `${this.serverId}${SEPARATOR}${options.httpUrl}`,
      timing,
      (documentId) => this.lost(documentId),
      options.log,
    );
    this.bus = new RedisBus(
      options.redisUrl,
      this.serverId,
      {
        message: (from, message) => {
          if (message.type === 'out' || message.type === 'ping') this.edges.receive(from, message);
          else if (message.type === 'bye' && this.edges.has(message.connId)) {
            this.edges.receive(from, message);
          } else this.owners.receive(from, message);
        },
        lost: (peer) => {
          this.owners.dropEdge(peer);
          this.edges.drop((link) => link.owner === peer, 'Messages between servers were lost.');
        },
        reset: () => {
          this.owners.dropAll();
          this.edges.drop(() => true, 'The link between servers was interrupted.');
        },
      },
      options.log,
    );
    this.owners = new RemotePeers({
      connect: (socket, principal) => this.requireSync().connect(socket, principal),
      send: (edge, message) => this.bus.send(edge, message),
    });
    this.edges = new EdgeLinks((owner, message) => this.bus.send(owner, message));
  }

  /** The storage fence: the epoch this process holds for a draft (`PgStorage`). */
  readonly fence = { epochOf: (documentId: string) => this.keeper.epochOf(documentId) };

  /** Connects to Redis and starts renewing leases and watching the owners of linked drafts. */
  async start(sync: ClusterSync): Promise<void> {
    this.sync = sync;
    // Any load (a connection, a forwarded command, a silence deadline) needs the lease first.
    sync.guardLoads(async (documentId) => {
      const heldBy = await this.keeper.claim(documentId);
      if (heldBy === null) return { ok: true, value: undefined };
      return {
        ok: false,
        error: { reason: 'draftMoved', message: 'Another server holds this draft.' },
      };
    });
    await this.bus.start();
    this.keeper.start((documentId) => sync.isLoaded(documentId));
    this.watchTimer = setInterval(() => {
      this.watchOwners().catch((error: unknown) => {
        this.options.log('warn', `Checking draft owners failed (${String(error)}).`);
      });
    }, this.watchMs);
    this.watchTimer.unref();
  }

  /** Resolves when Redis answers (`GET /api/health`). */
  ping(): Promise<unknown> {
    return this.bus.ping();
  }

  /** Where a draft is served now, taking its lease if nobody live holds it. */
  async route(documentId: string): Promise<DraftRoute> {
    const heldBy = await this.keeper.claim(documentId);
    if (heldBy === null) return { local: true };
    return { local: false, ...parseOwner(heldBy), lease: heldBy };
  }

  /**
   * Where a draft's HTTP request runs, without taking anything: at its live owner if another
   * server holds it, else here (a load then takes the lease, `guardLoads`). So a request that
   * will be refused anyway (no session, no such draft) never moves a lease.
   */
  async where(documentId: string): Promise<DraftRoute> {
    if (this.keeper.holds(documentId)) return { local: true };
    const holder = await this.options.leases.holder(documentId);
    if (holder === null || holder.owner === this.keeper.owner) return { local: true };
    return { local: false, ...parseOwner(holder.owner), lease: holder.owner };
  }

  /**
   * Hands a socket to the draft's owner: the local sync core, or the owner over Redis. Routing
   * waits on the database, so the socket's first frames wait for it too, in order.
   */
  connect(socket: SyncSocket, principal: SyncPrincipal): SyncConnectionHandle {
    const early: ((handle: SyncConnectionHandle) => void)[] = [];
    let target: SyncConnectionHandle | null = null;
    let closed = false;
    this.route(principal.documentId)
      .then((route) => {
        if (closed) return;
        target = route.local
          ? this.requireSync().connect(socket, principal)
          : this.edges.link(route.serverId, route.lease, socket, principal);
        for (const replay of early.splice(0)) replay(target);
      })
      .catch((error: unknown) => {
        this.options.log('error', `Routing a connection failed (${String(error)}).`);
        if (!closed) socket.close(CLOSE_CODES.internalError, 'The draft could not be reached.');
      });
    const when = (use: (handle: SyncConnectionHandle) => void) => {
      if (target !== null) use(target);
      else early.push(use);
    };
    return {
      receive: (data) => when((handle) => handle.receive(data)),
      heard: () => when((handle) => handle.heard()),
      closed: () => {
        closed = true;
        when((handle) => handle.closed());
      },
    };
  }

  async stop(): Promise<void> {
    if (this.watchTimer !== null) clearInterval(this.watchTimer);
    this.owners.dropAll();
    this.edges.drop(() => true, 'The server is shutting down.');
    await this.keeper.releaseAll().catch(() => {});
    await this.bus.close();
  }

  private requireSync(): ClusterSync {
    if (this.sync === null) throw new Error('The cluster is not started.');
    return this.sync;
  }

  /** This process lost a lease: everyone on that draft reconnects to its new owner. */
  private lost(documentId: string): void {
    this.requireSync()
      .evict(documentId, CLOSE_CODES.draftMoved, 'The draft moved to another server.')
      .catch((error: unknown) => {
        this.options.log('error', `Evicting ${documentId} failed (${String(error)}).`);
      });
  }

  /** Closes links whose owner no longer holds the draft (it died, or the lease moved). */
  private async watchOwners(): Promise<void> {
    for (const [documentId, leases] of this.edges.linkedDrafts()) {
      const holder = await this.options.leases.holder(documentId);
      const current = holder?.owner ?? null;
      for (const lease of leases) {
        if (lease === current) continue;
        this.edges.drop(
          (link) => link.documentId === documentId && link.ownerLease === lease,
          'The draft moved to another server.',
        );
      }
    }
  }
}

/** What `startCluster` joins together. */
export interface ClusterParts {
  leases: LeaseStore;
  httpUrl: string;
  sync: ClusterSync;
  /** The storage's fence, pointed at this cluster's leases once it starts. */
  fence: { pointAt(target: { epochOf(documentId: string): number | null }): void };
  log: SyncLog;
}

/** Starts this server's part in a cluster: leases renewed a third of their life apart. */
export async function startCluster(
  config: { redisUrl: string; leaseMs: number },
  parts: ClusterParts,
): Promise<Cluster> {
  const cluster = new Cluster({
    redisUrl: config.redisUrl,
    leases: parts.leases,
    httpUrl: parts.httpUrl,
    timing: { ttlMs: config.leaseMs, renewMs: Math.max(50, Math.floor(config.leaseMs / 3)) },
    log: parts.log,
  });
  parts.fence.pointAt(cluster.fence);
  await cluster.start(parts.sync);
  return cluster;
}
