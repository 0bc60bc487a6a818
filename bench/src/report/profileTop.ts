/**
 * Self and inclusive time per function of a `.cpuprofile` (issue 17: profiling a cold load).
 * `pnpm --filter @accord/bench exec tsx src/report/profileTop.ts FILE [TOP]` prints the busy
 * time, then the functions with the most inclusive time (time with it on the stack, counted once
 * per sample however deep it recurses) and with the most self time. Bundled Accord code is named
 * by its original source file, through the bundle's source map.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSourceMap, type SourceMapIndex } from './sourceMap';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber?: number;
}

interface ProfileNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Inclusive and self microseconds per function key, and the busy total. */
export function profileTimes(profile: Profile): {
  busyUs: number;
  inclusive: Map<string, number>;
  self: Map<string, number>;
} {
  const maps = new Map<string, SourceMapIndex | undefined>();
  const keyOf = (frame: Frame): string => {
    let url = frame.url;
    if (url.endsWith('.mjs')) {
      if (!maps.has(url)) maps.set(url, loadSourceMap(url, repoRoot));
      url = maps.get(url)?.sourceOf(frame.lineNumber, frame.columnNumber ?? 0) ?? url;
    }
    const short = url.replace(/^.*node_modules\/\.pnpm\/([^/]+)\/.*$/, '$1') || 'native';
    return `${frame.functionName || '(anonymous)'} — ${short}`;
  };
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const keys = new Map(profile.nodes.map((node) => [node.id, keyOf(node.callFrame)]));
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  let busyUs = 0;
  profile.samples.forEach((nodeId, index) => {
    const node = byId.get(nodeId);
    const delta = profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0;
    if (node === undefined || node.callFrame.functionName === '(idle)') return;
    busyUs += delta;
    const own = keys.get(nodeId) ?? '?';
    self.set(own, (self.get(own) ?? 0) + delta);
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const key = keys.get(id) ?? '?';
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
    }
  });
  return { busyUs, inclusive, self };
}

function main(): void {
  const [file, topArg] = process.argv.slice(2);
  if (file === undefined) {
    console.error('usage: profileTop.ts FILE.cpuprofile [TOP]');
    process.exit(2);
  }
  const top = Number(topArg ?? 40);
  const { busyUs, inclusive, self } = profileTimes(JSON.parse(readFileSync(file, 'utf8')));
  const rows = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`)
      .join('\n');
  console.log(`busy ${(busyUs / 1000).toFixed(1)} ms\n\ninclusive:\n${rows(inclusive)}`);
  console.log(`\nself:\n${rows(self)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
