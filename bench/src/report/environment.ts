import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The machine and software a run measured on. */
export interface Environment {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  kernel: string;
  /** Versions of the packages under test, as installed. */
  versions: Record<string, string>;
  /** The repository's commit, with "+changes" when the work tree differs from it. */
  commit: string;
}

const PACKAGES: { name: string; from: string }[] = [
  { name: 'yjs', from: 'bench' },
  { name: 'y-websocket', from: 'bench' },
  { name: '@hocuspocus/server', from: 'bench' },
  { name: '@hocuspocus/extension-database', from: 'bench' },
  { name: '@y/websocket-server', from: 'bench' },
  { name: 'ws', from: 'bench' },
  { name: 'better-sqlite3', from: 'server' },
  { name: 'hono', from: 'server' },
  { name: '@playwright/test', from: 'bench' },
];

function versionOf(name: string, from: string): string {
  try {
    const file = join(benchDir, '..', from, 'node_modules', name, 'package.json');
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'not installed';
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: benchDir })
      .toString()
      .trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain'], { cwd: benchDir }).toString().trim() !== '';
    return dirty ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
}

/** Describes this machine and the installed packages. */
export function describeEnvironment(): Environment {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    kernel: release(),
    versions: Object.fromEntries(PACKAGES.map(({ name, from }) => [name, versionOf(name, from)])),
    commit: commit(),
  };
}
