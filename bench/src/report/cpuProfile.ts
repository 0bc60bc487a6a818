import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSourceMap, type SourceMapIndex } from './sourceMap';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A V8 CPU profile as the inspector's Profiler.stop returns it (the fields this reader uses). */
interface CpuProfileJson {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a share of a server's CPU time went. */
export interface ProfileEntry {
  name: string;
  /** Percent of the busy (non-idle) samples. */
  percent: number;
}

/** The self-time summary of one profile: top functions and coarse buckets. */
export interface ProfileSummary {
  busyMs: number;
  topFunctions: ProfileEntry[];
  buckets: ProfileEntry[];
}

/** The area of socket I/O: `ws`, Node's net and stream code, and the native writes under them. */
export const SOCKETS_BUCKET = 'sockets and streams (ws, Node net/streams)';

const SOCKET_NATIVES = new Set([
  'writev',
  'writeBuffer',
  'writeUtf8String',
  'writeLatin1String',
  'readStart',
  'readStop',
  'shutdown',
]);

/** Coarse areas of a sync server's time, recognised from the script URL of each frame. */
const BUCKETS: { name: string; test: (url: string, fn: string) => boolean }[] = [
  { name: 'garbage collection', test: (_url, fn) => fn === '(garbage collector)' },
  { name: 'update validation', test: (url) => /UpdateValidator/.test(url) },
  { name: 'Accord sync (other)', test: (url) => /server\/src\/sync\//.test(url) },
  { name: 'Accord HTTP, auth, storage', test: (url) => /server\/src\//.test(url) },
  {
    name: 'SQLite',
    test: (url, fn) =>
      /sqlite/i.test(url) || (/^(run|prepare|exec|transaction)$/.test(fn) && url === ''),
  },
  { name: 'Yjs', test: (url) => /\/yjs\/|yjs\.mjs|\/yjs@/.test(url) },
  { name: 'lib0 / y-protocols', test: (url) => /lib0|y-protocols/.test(url) },
  {
    name: SOCKETS_BUCKET,
    test: (url, fn) =>
      /\/ws\/|\/ws@/.test(url) || url.startsWith('node:') || (url === '' && SOCKET_NATIVES.has(fn)),
  },
  { name: 'other native / runtime', test: (url, fn) => url === '' && fn !== '(idle)' },
];

/** Short location of a frame: the package or file name, not the whole path. */
function shortUrl(url: string): string {
  if (url === '') return 'native';
  if (url.startsWith('server/') || url.startsWith('shared/') || url.startsWith('bench/'))
    return url;
  const pnpm = /node_modules\/\.pnpm\/([^/]+)\//.exec(url);
  if (pnpm?.[1]) return pnpm[1].replace(/@[^@]+$/, '').replace('+', '/');
  const parts = url.split('/');
  return parts.slice(-1)[0] ?? url;
}

/** Reads a `.cpuprofile` file and summarises its self time. */
export function summariseProfileFile(file: string, top = 8): ProfileSummary {
  return summariseProfile(JSON.parse(readFileSync(file, 'utf8')) as CpuProfileJson, top);
}

/** Self time per function and per bucket, as percentages of the busy time. */
export function summariseProfile(profile: CpuProfileJson, top = 8): ProfileSummary {
  const maps = new Map<string, SourceMapIndex | undefined>();
  // Bundled code (Accord's server) is named by its original source file, through the bundle's map.
  const located = (frame: CpuProfileJson['nodes'][number]['callFrame']) => {
    if (!frame.url.endsWith('.mjs')) return frame;
    if (!maps.has(frame.url)) maps.set(frame.url, loadSourceMap(frame.url, repoRoot));
    const source = maps.get(frame.url)?.sourceOf(frame.lineNumber, frame.columnNumber ?? 0);
    return source === undefined ? frame : { ...frame, url: source };
  };
  const byId = new Map(profile.nodes.map((node) => [node.id, located(node.callFrame)]));
  const selfUs = new Map<string, number>();
  const bucketUs = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const frame = byId.get(nodeId);
    const delta = profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0;
    if (frame === undefined || frame.functionName === '(idle)') return;
    busyUs += delta;
    const key = `${frame.functionName || '(anonymous)'} — ${shortUrl(frame.url)}`;
    selfUs.set(key, (selfUs.get(key) ?? 0) + delta);
    const bucket =
      BUCKETS.find((candidate) => candidate.test(frame.url, frame.functionName))?.name ??
      'application code';
    bucketUs.set(bucket, (bucketUs.get(bucket) ?? 0) + delta);
  });
  const toEntries = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, percent: busyUs > 0 ? (us / busyUs) * 100 : 0 }));
  return {
    busyMs: busyUs / 1000,
    topFunctions: toEntries(selfUs).slice(0, top),
    buckets: toEntries(bucketUs),
  };
}
