// Bundles the server and the admin tool into dist/ with esbuild. Native and optional packages
// stay external and are loaded from server/node_modules at run time.
import { build } from 'esbuild';

const external = [
  'better-sqlite3',
  '@node-rs/argon2',
  // pdfkit reads its standard fonts' metrics from files beside its own code at run time.
  'pdfkit',
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
    // Aliased: a bundled ESM dependency (fflate) imports `createRequire` under its own name.
    js: "import { createRequire as accordCreateRequire } from 'node:module'; const require = accordCreateRequire(import.meta.url);",
  },
  logLevel: 'info',
});
