// Bundles the server and the admin tool into dist/ with esbuild. Native and optional packages
// stay external and are loaded from server/node_modules at run time.
import { build } from 'esbuild';

const external = [
  'better-sqlite3',
  '@node-rs/argon2',
  // Optional native speed-ups of `ws`; it works without them.
  'bufferutil',
  'utf-8-validate',
];

await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external,
  // Bundled CommonJS dependencies call `require`; ESM output has none unless it is created.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'info',
});
