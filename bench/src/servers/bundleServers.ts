import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import type { ServerKind } from './childProtocol';

const serversDir = dirname(fileURLToPath(import.meta.url));
const benchDir = join(serversDir, '..', '..');

/** Where the compiled child scripts go (git-ignored). */
export const BUNDLE_DIR = join(benchDir, 'dist', 'servers');

/** The script that runs each server under test. */
export const SERVER_SCRIPTS: Record<ServerKind, string> = {
  'accord-ungrouped': 'accordMain.ts',
  accord: 'accordMain.ts',
  hocuspocus: 'hocuspocusMain.ts',
  'y-websocket': 'yWebsocketMain.ts',
  relay: 'relayMain.ts',
  // Accord's PostgreSQL configurations run the same child, configured by its environment.
  'accord-pg': 'accordMain.ts',
  'accord-cluster': 'accordMain.ts',
};

/**
 * Every published package stays an import, so that each runs as installed (native addons
 * included) and a CPU profile names it by its path. It is imported by the absolute path it
 * resolves to from the file that imports it, since the workspace packages each have their own
 * node_modules. Only the workspace's TypeScript packages (@accord/*) are compiled in.
 */
const externalPackages: Plugin = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (
        args.path.startsWith('@accord/') ||
        args.path.startsWith('node:') ||
        args.pluginData === SKIP
      ) {
        return undefined;
      }
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: SKIP,
      });
      if (resolved.errors.length > 0 || resolved.external)
        return { path: args.path, external: true };
      return { path: resolved.path, external: true };
    });
  },
};

const SKIP = Symbol('resolving');

/**
 * Compiles the child server scripts of `kinds` into plain JavaScript so that each server runs on
 * bare `node`, as Accord runs in production: no TypeScript loader sits in the measured process to
 * inflate its memory or CPU. Returns the script of each kind asked for.
 */
export async function bundleServers(
  kinds: readonly ServerKind[],
): Promise<Partial<Record<ServerKind, string>>> {
  const entries = [...new Set(kinds.map((kind) => SERVER_SCRIPTS[kind]))];
  await Promise.all(
    entries.map((entry) =>
      build({
        entryPoints: [join(serversDir, entry)],
        outfile: scriptOf(entry),
        bundle: true,
        platform: 'node',
        target: 'node20',
        format: 'esm',
        plugins: [externalPackages],
        // Lets the profile summary name Accord's own functions by source file.
        sourcemap: 'external',
        logLevel: 'warning',
      }),
    ),
  );
  return Object.fromEntries(kinds.map((kind) => [kind, scriptOf(SERVER_SCRIPTS[kind])]));
}

/**
 * Compiles the load generator's worker thread (`load/threads/loadWorker.ts`) the same way, and
 * returns its script.
 */
export async function bundleLoadWorker(): Promise<string> {
  const outfile = join(benchDir, 'dist', 'load', 'loadWorker.mjs');
  await build({
    entryPoints: [join(serversDir, '..', 'load', 'threads', 'loadWorker.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    plugins: [externalPackages],
    logLevel: 'warning',
  });
  return outfile;
}

function scriptOf(entry: string): string {
  return join(BUNDLE_DIR, entry.replace(/\.ts$/, '.mjs'));
}
