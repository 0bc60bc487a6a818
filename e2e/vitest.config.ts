import { defineConfig } from 'vitest/config';
import { linguiPlugins } from '../vite.lingui';

/**
 * The co-editing fuzz test: real ProseMirror views (Tiptap editors with every Accord extension)
 * in jsdom, synced through the built server. Runs after `pnpm build`, before the Playwright specs.
 */
export default defineConfig({
  // The client's editor code uses Lingui's macros: compiled as in the client build.
  plugins: linguiPlugins(),
  test: {
    include: ['fuzz/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['fuzz/jsdomLayout.ts', '../client/src/i18n/testSetup.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
