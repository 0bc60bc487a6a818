import { test } from '@playwright/test';
import { type AccordProcess, removeDataDir, startAccord } from './accordProcess';

/**
 * Starts one Accord for the test file before its tests and stops it (removing its data folder)
 * after them. `current` is the running process; a test that restarts the server replaces it.
 */
export function useAccordServer(): { current: AccordProcess } {
  const server = {} as { current: AccordProcess };
  test.beforeAll(async () => {
    server.current = await startAccord();
  });
  test.afterAll(async () => {
    await server.current.stop();
    removeDataDir(server.current.dataDir);
  });
  return server;
}
