import { defineConfig } from 'vitest/config';

/**
 * The co-editing fuzz test: real ProseMirror views (Tiptap editors with every Accord extension)
 * in jsdom, synced through the built server. Runs after `pnpm build`, before the Playwright specs.
 */
export default defineConfig({
  test: {
    include: ['fuzz/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['fuzz/jsdomLayout.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
