import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The smoke run starts real servers as child processes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
