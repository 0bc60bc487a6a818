import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { accordPgEnv, dropSchema, freshSchema } from '../cluster/postgres';
import { type ProfileSummary, summariseProfileFile } from '../report/cpuProfile';
import { kindEnv, type ServerKind, type ServerLaunch, wireKind } from '../servers/childProtocol';
import { type ChildServer, startChildServer } from '../servers/childServer';
import { cpuPercent, type ProcSample } from '../servers/procStats';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import { accordSignIn } from './accordSignIn';
import { combineTallies, type SentKeystrokes } from './arrivalLog';
import { sharedNow } from './clock';
import { checkConvergence } from './convergence';
import { ErrorTally } from './errorTally';
import { mapLimited } from './mapLimited';
import { type LatencySummary, summarise } from './stats';
import { GeneratorThreads } from './threads/generatorThreads';
import type { ClientSpec, ThreadSetup } from './threads/workerProtocol';

/** R rooms × C clients per room. */
export interface FanoutShape {
  rooms: number;
  clientsPerRoom: number;
}

/** How long each phase of a run lasts, and how fast people type. */
export interface FanoutTiming {
  /** Typing before measuring starts (connections, JIT and caches settle). */
  warmupMs: number;
  /** The measured window: keystrokes typed in it are the samples. */
  measureMs: number;
  /** After typing stops, how long to wait for the last keystrokes to arrive everywhere. */
  drainMs: number;
  charsPerSecond: number;
  /** Per batch of connections. */
  connectTimeoutMs: number;
}

/** What one run of one server at one shape measured. */
export interface FanoutResult {
  server: ServerKind;
  shape: FanoutShape;
  /** Sender's change → received by every other client of the room, in ms. */
  latency: LatencySummary;
  /** Keystrokes received by a peer, per second, during the measured window. */
  deliveredPerSecond: number;
  /** Keystrokes typed per second in the measured window (the offered load). */
  typedPerSecond: number;
  /** WebSocket messages the clients received per second in the window, whatever they carried. */
  framesPerSecond: number;
  /** Server process CPU during the measured window, in percent of one core. */
  serverCpuPercent: number;
  /**
   * The headline: server CPU time in the window divided by the deliveries in it (one typist's
   * update reaching one peer), in µs. It does not move with the generator's own delays.
   */
  serverCpuPerDeliveryUs: number;
  /**
   * Peak resident set of the server process while clients typed (sampled every 100 ms from the
   * first keystroke to the end of the drain), in bytes. Sign-in's argon2 memory comes before.
   */
  serverPeakRssBytes: number;
  /** The load generator's CPU in the window (all its threads), in percent of one core. */
  loadgenCpuPercent: number;
  /** How many worker threads the generator ran its clients in. */
  loadgenThreads: number;
  /** Busy share of the generator's busiest thread's event loop in the window, in percent. */
  loadgenBusiestThreadPercent: number;
  /** The generator's worst event-loop delay p99 over its threads in the window, in ms. */
  loadgenLagP99Ms: number;
  /** Time to connect and sync every client, in ms. */
  connectMs: number;
  /** Recorded keystrokes some peer never received within the drain time. */
  undelivered: number;
  /** Rooms whose full clients were checked and found identical (every run checks every room). */
  convergedRooms: number;
  /** Full Y.Doc clients per room (the others only decode struct ids). */
  fullClientsPerRoom: number;
  errors: number;
  errorDetail: string;
  /** Where the server spent its CPU (V8 sampling profile of the whole process), if profiled. */
  profile?: ProfileSummary;
}

/** Full Y.Doc clients per room: enough to check that the server's rooms converge. */
export const FULL_CLIENTS_PER_ROOM = 2;
/** Worker threads of the load generator: one per core of the 2-core machine it was sized for. */
export const GENERATOR_THREADS = 2;
const RSS_SAMPLE_MS = 100;
const SIGN_IN_CONCURRENCY = 4;
/**
 * Distinct Accord users per run: client k of a room signs in as user k modulo this, so beyond it
 * a user has several connections (as with several tabs). Each sign-in is an argon2 check of
 * about 0.1 s on a loaded 2-core machine, and 3 runs of 20 + 50 + 100 sign-ins took a minute of
 * the five the full run may take; the server's work per connection is the same.
 */
const MAX_ACCORD_USERS = 20;
/** Client ids start here (the seed is written by client 1). */
const FIRST_CLIENT_ID = 1_000;
const ANSWER_TIMEOUT_MS = 15_000;
const PROFILE_TIMEOUT_MS = 30_000;
/**
 * After the drain, how long the full clients may still take to receive every keystroke before
 * the convergence check: a loaded machine can be seconds late, which is a latency, not a
 * divergence. A keystroke still missing then was lost, and fails the run.
 */
const CONVERGENCE_WAIT_MS = 15_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Room names of a run; Accord uses them as document ids. */
export function roomNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `bench-room-${index + 1}`);
}

/**
 * Runs one server at one shape: starts it as a child process, connects every client in the
 * generator's worker threads, types for warm-up + measured window, drains, checks that the full
 * clients of every room converged, and stops everything (also on failure). A room whose full
 * clients differ fails the run.
 */
export async function runFanout(run: {
  kind: ServerKind;
  /** The bundled child script of `kind`. */
  script: string;
  shape: FanoutShape;
  timing: FanoutTiming;
  seed: Uint8Array;
  /** Profiles the server (V8's sampling profiler) during warm-up and window, and summarises it. */
  profile?: boolean;
  /** Worker threads for the clients (default `GENERATOR_THREADS`). */
  threads?: number;
  log?: (line: string) => void;
}): Promise<FanoutResult> {
  const { kind, shape, timing, seed } = run;
  const log = run.log ?? (() => undefined);
  const dataDir = makeTempDir(`accord-bench-${kind}-`);
  const seedFile = join(dataDir, 'seed.bin');
  writeFileSync(seedFile, seed);
  const rooms = roomNames(shape.rooms);
  const profileFile = join(dataDir, 'server.cpuprofile');
  const server = await startServers(kind, run.script, {
    dataDir,
    rooms,
    users: Math.min(shape.clientsPerRoom, MAX_ACCORD_USERS),
    seedFile,
  }).catch((error: unknown) => {
    removeTempDir(dataDir);
    throw error;
  });
  let threads: GeneratorThreads | undefined;
  let peakRss = 0;
  const sampleRss = () => {
    peakRss = Math.max(peakRss, server.sample()?.rssBytes ?? 0);
  };
  let rssTimer: NodeJS.Timeout | undefined;
  try {
    const errors = new ErrorTally();
    const connectStart = performance.now();
    const cookies = await clientHeaders(kind, server.url, server.users);
    // Over several servers, client k of a room connects to server k mod n (as a load balancer
    // would spread them), with that server as its Origin; the session is valid on every server.
    const specs: ClientSpec[] = rooms.flatMap((room, roomIndex) =>
      Array.from({ length: shape.clientsPerRoom }, (_, index) => {
        const url = server.urls[index % server.urls.length] ?? server.url;
        const headers = cookies[index % cookies.length] ?? {};
        return {
          clientId: FIRST_CLIENT_ID + roomIndex * shape.clientsPerRoom + index,
          room,
          headers: headers.origin === undefined ? headers : { ...headers, origin: url },
          full: index < FULL_CLIENTS_PER_ROOM,
          url,
        };
      }),
    );
    const threadCount = Math.max(1, Math.min(run.threads ?? GENERATOR_THREADS, specs.length));
    const setups: ThreadSetup[] = Array.from({ length: threadCount }, (_, index) => ({
      kind,
      url: server.url,
      clients: specs.filter((_, clientIndex) => clientIndex % threadCount === index),
      seed,
      charsPerSecond: timing.charsPerSecond,
      connectTimeoutMs: timing.connectTimeoutMs,
      randomSeed: 20250611 + index,
    }));
    const batches = Math.ceil(specs.length / threadCount / 25);
    threads = await GeneratorThreads.begin(
      setups,
      timing.connectTimeoutMs * Math.max(1, batches) + 10_000,
    );
    const connectMs = performance.now() - connectStart;
    rssTimer = setInterval(sampleRss, RSS_SAMPLE_MS);
    threads.tell({ type: 'type' });
    log(
      `${kind} ${shape.rooms}×${shape.clientsPerRoom}: ${specs.length} clients on ${server.urls.length} server(s) in ${threadCount} threads synced in ${connectMs.toFixed(0)} ms; warming up`,
    );
    // Starting the profiler stalls the server briefly: do it in the warm-up, not the window.
    // Only a lone server is profiled (a profile of one of two servers would mislead).
    const profiling = run.profile === true && server.children.length === 1;
    // Not awaited: the warm-up goes on while it starts (its answer is only a convenience).
    if (profiling) server.children[0]?.startProfile().catch(() => {});
    await sleep(timing.warmupMs);

    const serverBefore = server.sample();
    const loadgenBefore = process.cpuUsage();
    threads.tell({ type: 'window-start' });
    const windowStart = sharedNow();
    await sleep(timing.measureMs);
    const windowEnd = sharedNow();
    const windowMs = windowEnd - windowStart;
    const serverAfter = server.sample();
    const loadgenUsed = process.cpuUsage(loadgenBefore);
    const windows = await threads.ask({ type: 'window-end' }, 'window', ANSWER_TIMEOUT_MS);
    // Handled at once: the steps below may fail first, and a loaded server may answer late.
    const profiled = profiling
      ? (server.children[0] as ChildServer).stopProfile(profileFile, PROFILE_TIMEOUT_MS).then(
          () => true,
          (error: unknown) => {
            log(`${kind}: no profile (${error instanceof Error ? error.message : String(error)})`);
            return false;
          },
        )
      : undefined;

    const stopped = await threads.ask({ type: 'stop' }, 'stopped', ANSWER_TIMEOUT_MS);
    const sent: SentKeystrokes[] = stopped.flatMap((answer) => answer.sent);
    const drained = await threads.ask(
      {
        type: 'drain',
        targets: sent
          .filter((sender) => !sender.disconnected)
          .map((sender) => ({
            room: sender.room,
            client: sender.client,
            clock: sender.endClocks[sender.endClocks.length - 1] ?? 0,
          })),
        deadline: sharedNow() + timing.drainMs,
        fullDeadline: sharedNow() + timing.drainMs + CONVERGENCE_WAIT_MS,
      },
      'drained',
      timing.drainMs + CONVERGENCE_WAIT_MS + ANSWER_TIMEOUT_MS,
    );
    clearInterval(rssTimer);
    sampleRss();
    const tallied = await threads.ask(
      { type: 'tally', sent, windowStart, windowEnd },
      'tallied',
      ANSWER_TIMEOUT_MS,
    );
    for (const answer of tallied) {
      for (const [kindOfError, count] of answer.errors) errors.add(kindOfError, count);
    }
    if (drained.some((answer) => answer.missing > 0)) {
      errors.add('keystroke not delivered to every peer');
    }
    // A light sender the server dropped (counted in the errors) may have typed keystrokes that
    // never left it: they are not expected anywhere, wherever its thread learnt of the drop.
    const droppedIds = new Set(drained.flatMap((answer) => answer.dropped));
    for (const sender of sent) if (droppedIds.has(sender.client)) sender.disconnected = true;
    const lost = new Set(
      drained.flatMap((answer) => answer.fullMissingSenders).filter((id) => !droppedIds.has(id)),
    );
    if (lost.size > 0) {
      throw new Error(
        `${kind}: keystrokes of ${lost.size} senders never reached the full clients within ${(timing.drainMs + CONVERGENCE_WAIT_MS) / 1000} s of the end of typing (errors: ${errors.describe() || 'none'})`,
      );
    }
    const converged = checkConvergence(
      tallied.flatMap((answer) => answer.full),
      sent,
      rooms,
    );
    if (!converged.ok) {
      throw new Error(
        `${kind}: the full clients diverged: ${converged.error} (errors: ${errors.describe() || 'none'})`,
      );
    }
    const arrivals = combineTallies(
      sent,
      tallied.map((answer) => answer.tally),
      () => shape.clientsPerRoom,
      windowStart,
      windowEnd,
    );
    const serverCpuMs =
      serverBefore && serverAfter ? serverAfter.cpuMs - serverBefore.cpuMs : Number.NaN;
    const result: FanoutResult = {
      server: kind,
      shape,
      latency: summarise(arrivals.latencies),
      deliveredPerSecond: (arrivals.deliveriesInWindow * 1000) / windowMs,
      typedPerSecond: (arrivals.typed * 1000) / windowMs,
      framesPerSecond: (windows.reduce((sum, answer) => sum + answer.frames, 0) * 1000) / windowMs,
      serverCpuPercent:
        serverBefore && serverAfter ? cpuPercent(serverBefore, serverAfter, windowMs) : Number.NaN,
      serverCpuPerDeliveryUs:
        arrivals.deliveriesInWindow > 0
          ? (serverCpuMs * 1000) / arrivals.deliveriesInWindow
          : Number.NaN,
      serverPeakRssBytes: peakRss > 0 ? peakRss : Number.NaN,
      loadgenCpuPercent: ((loadgenUsed.user + loadgenUsed.system) / 1000 / windowMs) * 100,
      loadgenThreads: threadCount,
      loadgenBusiestThreadPercent: Math.max(...windows.map((answer) => answer.utilisation)) * 100,
      loadgenLagP99Ms: Math.max(...windows.map((answer) => answer.lagP99Ms)),
      connectMs,
      undelivered: arrivals.undelivered,
      convergedRooms: converged.value,
      fullClientsPerRoom: Math.min(FULL_CLIENTS_PER_ROOM, shape.clientsPerRoom),
      errors: errors.total,
      errorDetail: errors.describe(),
    };
    if (profiled === undefined || !(await profiled)) return result;
    if (process.env.BENCH_KEEP_PROFILES)
      copyFileSync(
        profileFile,
        `${process.env.BENCH_KEEP_PROFILES}/${kind}-${shape.rooms}x${shape.clientsPerRoom}-${Date.now()}.cpuprofile`,
      );
    return { ...result, profile: summariseProfileFile(profileFile) };
  } finally {
    clearInterval(rssTimer);
    await threads?.end();
    await server.stop();
    removeTempDir(dataDir);
  }
}

/** The server(s) of one run, measured as one: CPU and memory are the sum over the processes. */
interface ServerGroup {
  children: ChildServer[];
  /** The first server's URL (where clients sign in). */
  url: string;
  /** Every server's URL; clients are spread over them. */
  urls: string[];
  users: string[];
  sample(): ProcSample | undefined;
  /** Stops every server and drops the run's PostgreSQL schema, if any. */
  stop(): Promise<void>;
}

/** Servers of a cluster run: two, the clients split across them (one owns the draft). */
const CLUSTER_SERVERS = 2;
/** The production lease (ACCORD_LEASE_MS default); fan-out kills nobody, so it never expires. */
const CLUSTER_LEASE_MS = 5_000;

/**
 * Starts the server(s) of `kind`: one child, or for Accord on PostgreSQL one child in a fresh
 * schema, or for an Accord cluster two children over that schema and Redis, started one after
 * the other (the first seeds the demo and prepares the rooms and users).
 */
async function startServers(
  kind: ServerKind,
  script: string,
  launch: ServerLaunch,
): Promise<ServerGroup> {
  const schema = kind === 'accord-pg' || kind === 'accord-cluster' ? freshSchema(kind) : null;
  const count = kind === 'accord-cluster' ? CLUSTER_SERVERS : 1;
  // Accord's sync settings (accord-ungrouped turns group commit and coalescing off), plus PostgreSQL.
  const env = {
    ...kindEnv(kind),
    ...(schema === null
      ? {}
      : accordPgEnv(schema, kind === 'accord-cluster' ? { leaseMs: CLUSTER_LEASE_MS } : null)),
  };
  const children: ChildServer[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    if (schema !== null) await dropSchema(schema);
  };
  try {
    for (let index = 0; index < count; index++) {
      const dataDir = index === 0 ? launch.dataDir : join(launch.dataDir, `server-${index + 1}`);
      mkdirSync(dataDir, { recursive: true });
      const own =
        index === 0 ? { ...launch, dataDir } : { ...launch, dataDir, rooms: [], users: 0 };
      children.push(await startChildServer(kind, script, own, { env }));
    }
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
  const first = children[0] as ChildServer;
  return {
    children,
    url: first.ready.url,
    urls: children.map((child) => child.ready.url),
    users: first.ready.users,
    sample: () => {
      const samples = children.map((child) => child.sample());
      if (samples.some((entry) => entry === undefined)) return undefined;
      let cpuMs = 0;
      let rssBytes = 0;
      let peakRssBytes = 0;
      for (const entry of samples as ProcSample[]) {
        cpuMs += entry.cpuMs;
        rssBytes += entry.rssBytes;
        peakRssBytes += entry.peakRssBytes;
      }
      return { cpuMs, rssBytes, peakRssBytes };
    },
    stop,
  };
}

/** Handshake headers per user: Accord clients sign in (one session per user); others need none. */
async function clientHeaders(
  kind: ServerKind,
  url: string,
  users: readonly string[],
): Promise<Record<string, string>[]> {
  if (wireKind(kind) !== 'accord') return [{}];
  const cookies = await mapLimited(users, SIGN_IN_CONCURRENCY, (user) => accordSignIn(url, user));
  return cookies.map((cookie) => ({ cookie, origin: url }));
}
