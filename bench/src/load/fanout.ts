import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import { type ProfileSummary, summariseProfileFile } from '../report/cpuProfile';
import type { ServerKind } from '../servers/childProtocol';
import { startChildServer } from '../servers/childServer';
import { cpuPercent } from '../servers/procStats';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import { accordSignIn } from './accordSignIn';
import { type BenchClient, withTimeout } from './clients/benchClient';
import { connectClient } from './clients/connectClient';
import { clauseCountOf, clausesOf } from './draftModel';
import { ErrorTally } from './errorTally';
import { LatencyRecorder } from './latencyRecorder';
import { mapLimited } from './mapLimited';
import { type LatencySummary, summarise } from './stats';
import { Typist } from './typist';

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
  /** Sender's change → applied by every other client of the room, in ms. */
  latency: LatencySummary;
  /** Keystrokes applied by a peer, per second, during the measured window. */
  deliveredPerSecond: number;
  /** Keystrokes typed per second in the measured window (the offered load). */
  typedPerSecond: number;
  /** Server process CPU during the measured window, in percent of one core. */
  serverCpuPercent: number;
  /**
   * Peak resident set of the server process while clients typed (sampled every 100 ms from the
   * first keystroke to the end of the drain), in bytes. Sign-in's argon2 memory comes before.
   */
  serverPeakRssBytes: number;
  /** The load generator's own CPU in the window: near 100% means the harness is the limit. */
  loadgenCpuPercent: number;
  /** The load generator's event-loop delay p99 in the window, in ms. */
  loadgenLagP99Ms: number;
  /** Time to connect and sync every client, in ms. */
  connectMs: number;
  /** Recorded keystrokes some peer never applied within the drain time. */
  undelivered: number;
  errors: number;
  errorDetail: string;
  /** Where the server spent its CPU (V8 sampling profile of the whole process), if profiled. */
  profile?: ProfileSummary;
}

const CONNECT_BATCH = 25;
const LAG_RESOLUTION_MS = 2;
const RSS_SAMPLE_MS = 100;
const SIGN_IN_CONCURRENCY = 4;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Room names of a run; Accord uses them as document ids. */
export function roomNames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `bench-room-${index + 1}`);
}

/**
 * Runs one server at one shape: starts it as a child process, connects every client, types
 * for warm-up + measured window, drains, and stops everything (also on failure).
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
  log?: (line: string) => void;
}): Promise<FanoutResult> {
  const { kind, shape, timing, seed } = run;
  const log = run.log ?? (() => undefined);
  const dataDir = makeTempDir(`accord-bench-${kind}-`);
  const seedFile = join(dataDir, 'seed.bin');
  writeFileSync(seedFile, seed);
  const rooms = roomNames(shape.rooms);
  const profileFile = join(dataDir, 'server.cpuprofile');
  const server = await startChildServer(kind, run.script, {
    dataDir,
    rooms,
    users: shape.clientsPerRoom,
    seedFile,
  }).catch((error: unknown) => {
    removeTempDir(dataDir);
    throw error;
  });
  const clients: BenchClient[] = [];
  const typists: Typist[] = [];
  let peakRss = 0;
  const sampleRss = () => {
    peakRss = Math.max(peakRss, server.sample()?.rssBytes ?? 0);
  };
  let rssTimer: NodeJS.Timeout | undefined;
  try {
    const errors = new ErrorTally();
    const connectStart = performance.now();
    const headers = await clientHeaders(kind, server.ready.url, server.ready.users);
    const targets = rooms.flatMap((room) =>
      Array.from({ length: shape.clientsPerRoom }, (_, index) => ({
        url: server.ready.url,
        room,
        headers: headers[index % headers.length] ?? {},
      })),
    );
    for (let start = 0; start < targets.length; start += CONNECT_BATCH) {
      const batch = targets
        .slice(start, start + CONNECT_BATCH)
        .map((target) => connectClient(kind, target, seed, errors));
      clients.push(...batch);
      await withTimeout(
        Promise.all(batch.map((client) => client.synced)),
        timing.connectTimeoutMs,
        `${kind}: syncing clients ${start + 1}-${start + batch.length}`,
      );
    }
    const connectMs = performance.now() - connectStart;
    const expectedClauses = clauseCountOf(seed);
    const recorder = new LatencyRecorder();
    clients.forEach((client, index) => {
      if (clausesOf(client.doc).length !== expectedClauses || expectedClauses === 0) {
        errors.add('incomplete first sync');
      }
      recorder.join(targets[index]?.room ?? '', client.doc);
    });
    const random = seededRandom(20250611);
    rssTimer = setInterval(sampleRss, RSS_SAMPLE_MS);
    for (const client of clients) {
      const typist = new Typist(client.doc, {
        charsPerSecond: timing.charsPerSecond,
        random,
        onTyped: (doc) => recorder.typed(doc),
      });
      typists.push(typist);
      typist.start();
    }
    log(
      `${kind} ${shape.rooms}×${shape.clientsPerRoom}: ${clients.length} clients synced in ${connectMs.toFixed(0)} ms; warming up`,
    );
    // Starting the profiler stalls the server briefly: do it in the warm-up, not the window.
    if (run.profile) server.startProfile();
    await sleep(timing.warmupMs);

    const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    const serverBefore = server.sample();
    const loadgenBefore = process.cpuUsage();
    const windowStart = performance.now();
    recorder.takeDeliveries();
    recorder.setRecording(true);
    lag.enable();
    await sleep(timing.measureMs);
    recorder.setRecording(false);
    lag.disable();
    const deliveries = recorder.takeDeliveries();
    const windowMs = performance.now() - windowStart;
    const serverAfter = server.sample();
    const loadgenUsed = process.cpuUsage(loadgenBefore);
    const profiled = run.profile ? server.stopProfile(profileFile) : undefined;
    const typed = recorder.latencies.length + recorder.pending;
    for (const typist of typists) typist.stop();

    const drainEnd = performance.now() + timing.drainMs;
    while (recorder.pending > 0 && performance.now() < drainEnd) await sleep(20);
    clearInterval(rssTimer);
    sampleRss();
    if (recorder.pending > 0) errors.add('keystroke not delivered to every peer');
    const result: FanoutResult = {
      server: kind,
      shape,
      latency: summarise(recorder.latencies),
      deliveredPerSecond: (deliveries * 1000) / windowMs,
      typedPerSecond: (typed * 1000) / windowMs,
      serverCpuPercent:
        serverBefore && serverAfter ? cpuPercent(serverBefore, serverAfter, windowMs) : Number.NaN,
      serverPeakRssBytes: peakRss > 0 ? peakRss : Number.NaN,
      loadgenCpuPercent: ((loadgenUsed.user + loadgenUsed.system) / 1000 / windowMs) * 100,
      // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
      loadgenLagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS),
      connectMs,
      undelivered: recorder.pending,
      errors: errors.total,
      errorDetail: errors.describe(),
    };
    if (profiled === undefined) return result;
    await profiled;
    return { ...result, profile: summariseProfileFile(profileFile) };
  } finally {
    clearInterval(rssTimer);
    for (const typist of typists) typist.stop();
    for (const client of clients) client.destroy();
    await server.stop();
    removeTempDir(dataDir);
  }
}

/** Handshake headers per user: Accord clients sign in (one session per user); others need none. */
async function clientHeaders(
  kind: ServerKind,
  url: string,
  users: readonly string[],
): Promise<Record<string, string>[]> {
  if (kind !== 'accord') return [{}];
  const cookies = await mapLimited(users, SIGN_IN_CONCURRENCY, (user) => accordSignIn(url, user));
  return cookies.map((cookie) => ({ cookie, origin: url }));
}
