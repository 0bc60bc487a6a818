import { createHash } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import { SYNC_PATH } from '@accord/shared/protocol/api';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import * as Y from 'yjs';
import { type ServerKind, wireKind } from '../../servers/childProtocol';
import { ArrivalLog, type SentKeystrokes } from '../arrivalLog';
import { withTimeout } from '../clients/benchClient';
import { connectClient } from '../clients/connectClient';
import { type ArrivalSink, lightClient } from '../clients/lightClient';
import { hocuspocusFraming, type WireFraming, yWebsocketFraming } from '../clients/wireFraming';
import { sharedNow } from '../clock';
import { ErrorTally } from '../errorTally';
import { Typist } from '../typist';
import type {
  ClientSpec,
  FromThread,
  FullClientState,
  ThreadSetup,
  ToThread,
} from './workerProtocol';

/**
 * One generator thread: for each fan-out run (`setup` … `close`) it connects its share of the
 * clients, types when told, and records when each client received each sender's structs
 * (`ArrivalLog`). Light clients decode struct ids only; full clients are provider clients whose
 * documents apply everything, observed through `afterTransaction`, and checked for convergence
 * at the end. The thread outlives the run: starting one costs seconds on a loaded machine.
 */

const CONNECT_BATCH = 25;
const LAG_RESOLUTION_MS = 2;
const DRAIN_POLL_MS = 20;

interface Running {
  spec: ClientSpec;
  doc: Y.Doc;
  synced: Promise<void>;
  destroy(): void;
}

const port = parentPort;
if (port === null) throw new Error('loadWorker runs as a worker thread');
const post = (message: FromThread) => port.postMessage(message);
let setup: ThreadSetup;
let errors = new ErrorTally();
let log = new ArrivalLog();
let countingFrames = false;
let frames = 0;
const countFrame = () => {
  if (countingFrames) frames += 1;
};
const sink: ArrivalSink = {
  arrived: (receiver, sender, clock, at) => log.arrived(receiver, sender, clock, at),
  frame: countFrame,
};

/** Where a light client of `kind` connects for `room`. */
function socketUrl(kind: ServerKind, url: string, room: string): string {
  const ws = url.replace(/^http/, 'ws');
  if (wireKind(kind) === 'accord') return `${ws}${SYNC_PATH}/${room}`;
  if (kind === 'hocuspocus') return ws;
  return `${ws}/${room}`;
}

function framingOf(kind: ServerKind, room: string): WireFraming {
  if (kind === 'hocuspocus') return hocuspocusFraming(room);
  return yWebsocketFraming({ syncsFirst: kind !== 'relay' });
}

function start(spec: ClientSpec): Running {
  log.join(spec.clientId, spec.room);
  if (!spec.full) {
    const client = lightClient({
      url: socketUrl(setup.kind, spec.url ?? setup.url, spec.room),
      headers: spec.headers,
      clientId: spec.clientId,
      seed: setup.seed,
      framing: framingOf(setup.kind, spec.room),
      sink,
      errors,
      onDropped: () => dropped(spec.clientId),
    });
    return { spec, ...client };
  }
  const client = connectClient(
    setup.kind,
    {
      url: spec.url ?? setup.url,
      room: spec.room,
      headers: spec.headers,
      clientId: spec.clientId,
      onFrame: countFrame,
    },
    setup.seed,
    errors,
  );
  client.doc.on('afterTransaction', (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const at = sharedNow();
    for (const [sender, after] of transaction.afterState) {
      if (after > (transaction.beforeState.get(sender) ?? 0))
        log.arrived(spec.clientId, sender, after, at);
    }
  });
  return { spec, ...client };
}

function fullState(client: Running): FullClientState {
  const store = client.doc.store;
  const stateVector = [...Y.decodeStateVector(Y.encodeStateVector(client.doc))].sort(
    (a, b) => a[0] - b[0],
  );
  return {
    room: client.spec.room,
    clientId: client.spec.clientId,
    stateVector,
    contentHash: createHash('sha1')
      .update(client.doc.getXmlFragment(DRAFT_FRAGMENT).toString())
      .digest('hex'),
    pending: store.pendingStructs !== null || store.pendingDs !== null,
  };
}

let clients: Running[] = [];
let typists = new Map<number, Typist>();
let sent = new Map<number, SentKeystrokes>();

const droppedClients = new Set<number>();

/** A light client the server dropped stops typing, as a person whose connection broke would. */
function dropped(clientId: number): void {
  droppedClients.add(clientId);
  typists.get(clientId)?.stop();
  const record = sent.get(clientId);
  if (record !== undefined) record.disconnected = true;
}
const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
let busyAtStart = performance.eventLoopUtilization();

async function connectAll(): Promise<void> {
  const started = performance.now();
  for (let first = 0; first < setup.clients.length; first += CONNECT_BATCH) {
    const batch = setup.clients.slice(first, first + CONNECT_BATCH).map(start);
    clients.push(...batch);
    await withTimeout(
      Promise.all(batch.map((client) => client.synced)),
      setup.connectTimeoutMs,
      `${setup.kind}: syncing clients ${first + 1}-${first + batch.length} of a generator thread`,
    );
  }
  post({ type: 'ready', connectMs: performance.now() - started });
}

function startTyping(): void {
  const random = seededRandom(setup.randomSeed);
  for (const client of clients) {
    const record: SentKeystrokes = {
      client: client.spec.clientId,
      room: client.spec.room,
      endClocks: [],
      sentAt: [],
    };
    sent.set(client.spec.clientId, record);
    const typist = new Typist(client.doc, {
      charsPerSecond: setup.charsPerSecond,
      random,
      onTyped: (doc) => {
        record.endClocks.push(Y.getState(doc.store, doc.clientID));
        record.sentAt.push(sharedNow());
      },
    });
    typists.set(client.spec.clientId, typist);
    typist.start();
  }
}

async function drain(message: Extract<ToThread, { type: 'drain' }>): Promise<void> {
  const full = new Set(clients.filter((client) => client.spec.full).map((c) => c.spec.clientId));
  const missing = (among?: ReadonlySet<number>) =>
    message.targets.reduce(
      (sum, target) => sum + log.lacking(target.room, target.client, target.clock, among),
      0,
    );
  const wait = async (done: () => boolean, deadline: number) => {
    while (!done() && sharedNow() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
    }
  };
  await wait(() => missing() === 0, message.deadline);
  const missingAtDeadline = missing();
  // Keystrokes of a sender the server dropped may never have left it: not waited for here.
  const live = message.targets.filter((target) => !droppedClients.has(target.client));
  const fullMissing = () =>
    live.filter((target) => log.lacking(target.room, target.client, target.clock, full) > 0);
  await wait(() => fullMissing().length === 0, message.fullDeadline);
  post({
    type: 'drained',
    missing: missingAtDeadline,
    fullMissingSenders: fullMissing().map((target) => target.client),
    dropped: [...droppedClients],
  });
}

/** Stops typing and disconnects every client of the current run. */
function closeAll(): void {
  for (const typist of typists.values()) typist.stop();
  for (const client of clients) client.destroy();
  typists = new Map();
  clients = [];
}

port.on('message', (message: ToThread) => {
  switch (message.type) {
    case 'setup':
      closeAll();
      setup = message.setup;
      errors = new ErrorTally();
      log = new ArrivalLog();
      clients = [];
      typists = new Map();
      sent = new Map();
      droppedClients.clear();
      connectAll().catch((error: unknown) => {
        post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
      });
      return;
    case 'type':
      startTyping();
      return;
    case 'window-start':
      frames = 0;
      countingFrames = true;
      lag.reset();
      lag.enable();
      busyAtStart = performance.eventLoopUtilization();
      return;
    case 'window-end': {
      countingFrames = false;
      lag.disable();
      const busy = performance.eventLoopUtilization(busyAtStart);
      post({
        type: 'window',
        // The histogram holds whole timer intervals: the delay is what exceeds the resolution.
        lagP99Ms: Math.max(0, lag.percentile(99) / 1e6 - LAG_RESOLUTION_MS),
        frames,
        utilisation: busy.utilization,
      });
      return;
    }
    case 'stop':
      for (const typist of typists.values()) typist.stop();
      post({ type: 'stopped', sent: [...sent.values()] });
      return;
    case 'drain':
      void drain(message);
      return;
    case 'tally':
      post({
        type: 'tallied',
        tally: log.tally(message.sent, message.windowStart, message.windowEnd),
        full: clients.filter((client) => client.spec.full).map(fullState),
        errors: errors.entries(),
      });
      return;
    case 'close':
      closeAll();
      post({ type: 'closed' });
      return;
  }
});
