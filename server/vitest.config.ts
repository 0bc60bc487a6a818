import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Integration tests start servers and the admin tool as processes: on a busy 2-core machine
    // one can take longer than Vitest's default 5 s without anything being wrong.
    testTimeout: 20_000,
  },
});
