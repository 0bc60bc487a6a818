import type { FanoutShape } from './load/fanout';
import { SERVER_KINDS, type ServerKind } from './servers/childProtocol';
import { type BenchSettings, FULL, QUICK } from './settings';

/** The parts of a run. */
export const PARTS = ['fanout', 'failover', 'scale', 'browser'] as const;

/** One part of a run. */
export type Part = (typeof PARTS)[number];

/** What the command line asked for. */
export interface RunOptions {
  settings: BenchSettings;
  parts: Part[];
  /** Run every server under the V8 profiler. */
  profile: boolean;
  /** Where the report goes; the full run also updates results/latest.md. */
  outDir: string | null;
  /** Whether anything narrowed or changed the run: such runs never update latest.md. */
  customised: boolean;
}

const USAGE = `Usage: pnpm bench [-- options]
  --quick              tiny run (1 room × 3 clients, 2 s; small documents), report under results/tmp/
  --only=a,b           parts to run: ${PARTS.join(', ')}
  --servers=a,b        servers to run: ${SERVER_KINDS.join(', ')}
  --shapes=RxC,...     fan-out shapes, e.g. 1x3,10x20
  --seconds=N          measured window per fan-out run
  --runs=N             runs of each shape, servers interleaved (full run: 3)
  --scale-size=CxE     document scale: C clauses built by E edits, e.g. 200x20000
  --profile            profile each server in the measured window (default for the full run)
  --no-profile         do not
  --out=DIR            write the report there (and do not touch results/latest.md)`;

function parseList<T extends string>(
  raw: string,
  allowed: readonly T[],
  what: string,
): { ok: true; value: T[] } | { ok: false; error: string } {
  const items = raw.split(',').filter((item) => item.length > 0);
  const bad = items.filter((item) => !(allowed as readonly string[]).includes(item));
  if (bad.length > 0 || items.length === 0) {
    return {
      ok: false,
      error: `unknown ${what}: ${bad.join(', ') || '(none given)'}; expected ${allowed.join(', ')}`,
    };
  }
  return { ok: true, value: items as T[] };
}

function parseShapes(
  raw: string,
): { ok: true; value: FanoutShape[] } | { ok: false; error: string } {
  const shapes: FanoutShape[] = [];
  for (const part of raw.split(',')) {
    const match = /^(\d+)x(\d+)$/.exec(part.trim());
    if (!match)
      return { ok: false, error: `bad shape "${part}": expected ROOMSxCLIENTS such as 10x20` };
    const rooms = Number(match[1]);
    const clientsPerRoom = Number(match[2]);
    if (rooms < 1 || clientsPerRoom < 2 || rooms * clientsPerRoom > 500) {
      return {
        ok: false,
        error: `bad shape "${part}": at least 1 room of 2 clients, at most 500 clients`,
      };
    }
    shapes.push({ rooms, clientsPerRoom });
  }
  return { ok: true, value: shapes };
}

/** Parses the command line; an error carries the usage text. */
export function parseRunOptions(
  argv: readonly string[],
): { ok: true; value: RunOptions } | { ok: false; error: string } {
  const quick = argv.includes('--quick');
  const base = quick ? QUICK : FULL;
  let settings: BenchSettings = { ...base, timing: { ...base.timing } };
  let parts: Part[] = [...PARTS];
  let profile = !quick;
  let outDir: string | null = null;
  let customised = quick;
  for (const arg of argv) {
    if (/^--(only|servers|shapes|seconds|runs|scale-size|no-profile|out)\b/.test(arg))
      customised = true;
    const [flag, value = ''] = arg.split('=', 2) as [string, string?];
    let parsed: { ok: true } | { ok: false; error: string } = { ok: true };
    if (flag === '--quick' || arg === '--') {
      // handled above / pnpm's separator
    } else if (flag === '--only') {
      const list = parseList(value, PARTS, 'part');
      if (list.ok) parts = list.value;
      parsed = list;
    } else if (flag === '--servers') {
      const list = parseList<ServerKind>(value, SERVER_KINDS, 'server');
      if (list.ok) settings = { ...settings, servers: list.value };
      parsed = list;
    } else if (flag === '--shapes') {
      const shapes = parseShapes(value);
      if (shapes.ok) settings = { ...settings, shapes: shapes.value, clusterShapes: shapes.value };
      parsed = shapes;
    } else if (flag === '--seconds') {
      const seconds = Number(value);
      if (!(seconds > 0 && seconds <= 60))
        parsed = { ok: false, error: '--seconds must be between 0 and 60' };
      else settings = { ...settings, timing: { ...settings.timing, measureMs: seconds * 1000 } };
    } else if (flag === '--runs') {
      const runs = Number(value);
      if (!(Number.isInteger(runs) && runs >= 1 && runs <= 9))
        parsed = { ok: false, error: '--runs must be a whole number from 1 to 9' };
      else settings = { ...settings, repetitions: runs };
    } else if (flag === '--scale-size') {
      const match = /^(\d+)x(\d+)$/.exec(value);
      const clauses = Number(match?.[1]);
      const edits = Number(match?.[2]);
      if (!match || clauses < 1 || edits < clauses * 2 || !settings.scale) {
        parsed = {
          ok: false,
          error: '--scale-size must be CLAUSESxEDITS with at least 2 edits a clause',
        };
      } else {
        const sizes = settings.scale.validationSizes.filter((size) => size < clauses);
        settings = {
          ...settings,
          scale: { ...settings.scale, clauses, edits, validationSizes: [...sizes, clauses] },
        };
      }
    } else if (flag === '--no-profile') {
      profile = false;
    } else if (flag === '--profile') {
      profile = true;
    } else if (flag === '--out') {
      if (value === '') parsed = { ok: false, error: '--out needs a folder' };
      outDir = value;
    } else {
      parsed = { ok: false, error: `unknown option ${arg}` };
    }
    if (!parsed.ok) return { ok: false, error: `${parsed.error}\n\n${USAGE}` };
  }
  return { ok: true, value: { settings, parts, profile, outDir, customised } };
}
