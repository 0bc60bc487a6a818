import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNC_PATH } from '@accord/shared/protocol/api';
import { REFUSED_CHANGE_CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { accordSignIn } from '../load/accordSignIn';
import { sharedNow } from '../load/clock';
import { type LatencySummary, summarise } from '../load/stats';
import { Typist } from '../load/typist';
import { type ChildServer, startChildServer } from '../servers/childServer';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import type { FailoverSettings } from '../settings';
import { accordPgEnv, dropSchema, freshSchema, leaseHolder } from './postgres';

/** One kill of a draft's owner. */
export interface FailoverKill {
  /** Kill → the first update typed after the kill by one client reaching another client, ms. */
  resumedMs: number;
  /**
   * Kill → every client has received a post-kill update from every other client (the clients
   * of the killed server reconnected too), ms.
   */
  allResumedMs: number;
  /** The lease's time left at the kill (as the database saw it just before), ms. */
  leaseLeftMs: number;
  /** Whether every client ended with the same state vector once typing stopped. */
  converged: boolean;
  /** Connections closed (by the kill, or by the survivor when it gave up on the dead owner). */
  closes: number;
  /**
   * Clients the survivor refused a change of (close 4409 and the like) that started over from a
   * fresh document, as Accord's browser client does.
   */
  refusals: number;
  /** Keystrokes those clients had typed that no other client ever received: lost. */
  lostKeystrokes: number;
}

/** A series of kills at one lease length. */
export interface FailoverResult {
  leaseMs: number;
  servers: number;
  clients: number;
  kills: FailoverKill[];
  /** Kills after which typing did not resume within the time allowed (they are not in `kills`). */
  stuck: number;
  resumed: LatencySummary;
  allResumed: LatencySummary;
}

type PolyfillClass = NonNullable<
  NonNullable<ConstructorParameters<typeof WebsocketProvider>[3]>['WebSocketPolyfill']
>;

const ROOM = 'bench-failover';
const SERVERS = 2;
/** How long after a kill typing may take to resume before the kill counts as stuck. */
const RESUME_GRACE_MS = 15_000;
const CONVERGE_MS = 10_000;
const CONNECT_TIMEOUT_MS = 15_000;
const POLL_MS = 10;
/** A placeholder host the clients' sockets are sent to; the balancer picks a live server. */
const BALANCED = 'ws://balancer.invalid';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = sharedNow() + timeoutMs;
  while (!done()) {
    if (sharedNow() > deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  typist: Typist;
  synced: Promise<void>;
  closes: number;
  closeLog: string[];
}

/**
 * What the clients of one fail-over series share: the measurement of the current kill, which
 * each client document's listener feeds, and the documents refused clients left behind.
 */
interface Watch {
  /** Set at a kill: each sender's clock then, and when each receiver first heard each sender. */
  trial: { killedAt: number; clocks: Map<number, number>; first: Map<string, number> } | null;
  /** Which client (by index) a Yjs client id belongs to: a client that starts over gets a new id. */
  indexOf: Map<number, number>;
  /** Documents of clients that started over, with their own clock when they were dropped. */
  discarded: { clientId: number; clock: number }[];
  refusals: number;
}

/**
 * Fail-over (issue 19): two Accord servers over one fresh PostgreSQL schema and Redis, the
 * clients split across them, all typing. The server holding the draft's lease is SIGKILLed;
 * its clients reconnect to the survivor at once (a load balancer that knows which servers are
 * up), the survivor's clients keep their sockets. Measured: from the kill until an update typed
 * after it by one client reaches another (typing resumes), and until every client hears every
 * other again. The survivor cannot take the draft before the dead owner's lease runs out, so
 * this is mostly the lease. Between kills the killed server is restarted on the same schema
 * and the clients start afresh, split over both again.
 */
export async function runFailover(run: {
  script: string;
  leaseMs: number;
  settings: FailoverSettings;
  seed: Uint8Array;
  log?: (line: string) => void;
}): Promise<FailoverResult> {
  const { settings, leaseMs } = run;
  const log = run.log ?? (() => undefined);
  const dir = makeTempDir('accord-bench-failover-');
  const seedFile = join(dir, 'seed.bin');
  writeFileSync(seedFile, run.seed);
  const schema = freshSchema('failover');
  const env = accordPgEnv(schema, { leaseMs });
  const servers: (ChildServer | null)[] = Array.from({ length: SERVERS }, () => null);
  let started = 0;
  const start = async (slot: number) => {
    started += 1;
    const dataDir = join(dir, `server-${started}`);
    mkdirSync(dataDir, { recursive: true });
    // The first server seeds the demo, the draft and the users; later ones find them.
    const first = started === 1;
    servers[slot] = await startChildServer(
      'accord-cluster',
      run.script,
      {
        dataDir,
        rooms: first ? [ROOM] : [],
        users: first ? settings.clients : 0,
        seedFile: first ? seedFile : null,
      },
      { env },
    );
  };
  const live = (slot: number): ChildServer => {
    const own = servers[slot];
    if (own) return own;
    const other = servers.find((server): server is ChildServer => server !== null);
    if (!other) throw new Error('no server is up');
    return other;
  };
  let clients: Client[] = [];
  const watch: Watch = { trial: null, indexOf: new Map(), discarded: [], refusals: 0 };
  const kills: FailoverKill[] = [];
  let stuck = 0;
  try {
    for (let slot = 0; slot < SERVERS; slot++) await start(slot);
    const firstServer = live(0);
    const cookies = await Promise.all(
      firstServer.ready.users.map((user) => accordSignIn(firstServer.ready.url, user)),
    );
    const random = seededRandom(424242 + leaseMs);
    const open = (index: number, cookie: string): Client => {
      const client = openClient(index % SERVERS, cookie, live, random, settings.charsPerSecond);
      watch.indexOf.set(client.doc.clientID, index);
      // A document opened after the kill (a refused client starting over) types only after it.
      watch.trial?.clocks.set(client.doc.clientID, 0);
      client.doc.on('afterTransaction', (transaction: Y.Transaction) => {
        const trial = watch.trial;
        if (transaction.local || trial === null) return;
        const at = sharedNow();
        for (const [sender, after] of transaction.afterState) {
          const from = watch.indexOf.get(sender);
          // Only documents open at the kill or opened after it count: the structs of documents
          // dropped before the kill (earlier kills' clients, refused ones) are all older.
          const before = trial.clocks.get(sender);
          if (from === undefined || before === undefined || from === index || after <= before) {
            continue;
          }
          const key = `${index}:${from}`;
          if (!trial.first.has(key)) trial.first.set(key, at - trial.killedAt);
        }
      });
      client.provider.on('connection-close', (event) => {
        if (!event || !(REFUSED_CHANGE_CLOSE_CODES as readonly number[]).includes(event.code))
          return;
        // As Accord's client: the refused document is dropped (with whatever the server never
        // got of it) and the client starts over from the server's, at once the first time.
        watch.refusals += 1;
        setTimeout(() => {
          if (clients[index] !== client) return;
          watch.discarded.push({
            clientId: client.doc.clientID,
            clock: Y.getState(client.doc.store, client.doc.clientID),
          });
          destroy(client);
          const fresh = open(index, cookie);
          clients[index] = fresh;
          fresh.typist.start();
        }, 0);
      });
      return client;
    };
    const connect = async () => {
      watch.discarded = [];
      clients = cookies.map((cookie, index) => open(index, cookie));
      const all = Promise.all(clients.map((client) => client.synced));
      const ok = await Promise.race([
        all.then(() => true),
        sleep(CONNECT_TIMEOUT_MS).then(() => false),
      ]);
      if (!ok) throw new Error(`fail-over: clients not synced within ${CONNECT_TIMEOUT_MS} ms`);
      for (const client of clients) client.typist.start();
    };
    await connect();
    for (let kill = 1; kill <= settings.kills; kill++) {
      await sleep(settings.settleMs);
      const lease = await leaseHolder(schema, ROOM);
      const slot = servers.findIndex((server) => server?.ready.url === lease?.url);
      const owner = servers[slot];
      if (!owner || !lease) {
        throw new Error(`fail-over: no live server holds the draft (lease: ${lease?.url})`);
      }
      const measured = await killOwner(
        () => clients,
        watch,
        owner,
        () => {
          servers[slot] = null;
        },
        leaseMs,
        lease.leftMs,
        log,
      );
      if (measured === null) {
        stuck += 1;
        log(`fail-over lease ${leaseMs} ms, kill ${kill}: typing did not resume`);
      } else {
        const converged = await convergence(clients);
        kills.push({ ...measured.kill, converged, ...losses(watch, clients) });
        log(
          `fail-over lease ${leaseMs} ms, kill ${kill}/${settings.kills}: typing resumed after ${measured.kill.resumedMs.toFixed(0)} ms, every client after ${measured.kill.allResumedMs.toFixed(0)} ms${converged ? '' : ' (clients diverged)'}`,
        );
      }
      for (const client of clients) destroy(client);
      clients = [];
      await start(slot);
      if (kill < settings.kills) await connect();
    }
  } finally {
    for (const client of clients) destroy(client);
    await Promise.all(servers.map((server) => server?.stop()));
    await dropSchema(schema).catch((error: unknown) => {
      log(`fail-over: dropping schema ${schema} failed (${String(error)})`);
    });
    removeTempDir(dir);
  }
  return {
    leaseMs,
    servers: SERVERS,
    clients: settings.clients,
    kills,
    stuck,
    resumed: summarise(kills.map((kill) => kill.resumedMs)),
    allResumed: summarise(kills.map((kill) => kill.allResumedMs)),
  };
}

/**
 * Kills the owner and waits until every client has received, from every other client, an
 * update typed after the kill; null if that does not happen within the lease and a grace.
 */
async function killOwner(
  current: () => Client[],
  watch: Watch,
  owner: ChildServer,
  gone: () => void,
  leaseMs: number,
  leaseLeftMs: number,
  log: (line: string) => void,
): Promise<{ kill: Omit<FailoverKill, 'converged' | 'refusals' | 'lostKeystrokes'> } | null> {
  const clients = current();
  const closes = () => current().reduce((sum, client) => sum + client.closes, 0);
  const closesBefore = closes();
  watch.refusals = 0;
  const first = new Map<string, number>();
  watch.trial = {
    killedAt: sharedNow(),
    clocks: new Map(
      clients.map((client) => [
        client.doc.clientID,
        Y.getState(client.doc.store, client.doc.clientID),
      ]),
    ),
    first,
  };
  const killedAt = watch.trial.killedAt;
  // The balancer stops sending clients to it as it dies.
  gone();
  await owner.kill();
  const pairs = clients.length * (clients.length - 1);
  const done = await until(() => first.size >= pairs, leaseMs + RESUME_GRACE_MS);
  watch.trial = null;
  if (!done) {
    for (const client of current()) {
      log(
        `client ${client.doc.clientID}: connected ${client.provider.wsconnected} synced ${client.provider.synced}; kill at ${(killedAt % 100000).toFixed(0)}; closes ${client.closeLog.join(' | ')}`,
      );
    }
    log(`fail-over: after the kill, ${first.size} of ${pairs} client pairs heard each other`);
    return null;
  }
  const times = [...first.values()];
  return {
    kill: {
      resumedMs: Math.min(...times),
      allResumedMs: Math.max(...times),
      leaseLeftMs,
      closes: closes() - closesBefore,
    },
  };
}

/** Refused clients of this kill, and the keystrokes of theirs no other client ever received. */
function losses(watch: Watch, clients: Client[]): { refusals: number; lostKeystrokes: number } {
  let lost = 0;
  for (const { clientId, clock } of watch.discarded) {
    const heard = Math.max(0, ...clients.map((client) => Y.getState(client.doc.store, clientId)));
    lost += Math.max(0, clock - heard);
  }
  return { refusals: watch.refusals, lostKeystrokes: lost };
}

/** Stops typing and waits until every client holds the same state. */
async function convergence(clients: Client[]): Promise<boolean> {
  for (const client of clients) client.typist.stop();
  const vector = (client: Client) => Y.encodeStateVector(client.doc).toString();
  return until(
    () => clients.every((client) => vector(client) === vector(clients[0] as Client)),
    CONVERGE_MS,
  );
}

function destroy(client: Client): void {
  client.typist.stop();
  client.provider.destroy();
  client.doc.destroy();
}

/**
 * A client on the stock y-websocket provider (as Accord's browser client), whose every
 * (re)connection goes through a balancer: to its own server while that is up, else to one that
 * is, with that server as its Origin and the session cookie (sessions live in PostgreSQL).
 */
function openClient(
  slot: number,
  cookie: string,
  live: (slot: number) => ChildServer,
  random: () => number,
  charsPerSecond: number,
): Client {
  class BalancedSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      const server = live(slot).ready.url;
      const target = String(address).replace(BALANCED, server.replace(/^http/, 'ws'));
      super(target, protocols, { headers: { cookie, origin: server } });
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${BALANCED}${SYNC_PATH}`, ROOM, doc, {
    disableBc: true,
    // The DOM WebSocket type the provider declares and `ws` differ only in typings.
    WebSocketPolyfill: BalancedSocket as unknown as PolyfillClass,
  });
  const client: Client = {
    doc,
    provider,
    typist: new Typist(doc, { charsPerSecond, random, onTyped: () => undefined }),
    synced: new Promise<void>((resolve) => {
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off('sync', onSync);
        resolve();
      };
      provider.on('sync', onSync);
    }),
    closes: 0,
    closeLog: [],
  };
  provider.on('connection-close', (event) => {
    client.closes += 1;
    client.closeLog.push(
      `${(sharedNow() % 100000).toFixed(0)} ${event?.code ?? '?'} ${event?.reason ?? ''}`,
    );
  });
  return client;
}
