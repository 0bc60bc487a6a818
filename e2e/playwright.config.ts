import { defineConfig } from '@playwright/test';

/**
 * Playwright against the real built client served by the real server (each test file starts its
 * own server on a free port with a fresh data folder: see support/accordServer.ts). Chromium is
 * Debian's by default; ACCORD_CHROMIUM points elsewhere.
 */
export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.ACCORD_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
    viewport: { width: 1280, height: 800 },
    // An English browser (Accept-Language and navigator.languages): the page speaks English, as
    // the specs that find things by their English words expect. Specs in other languages set
    // their own context locale.
    locale: 'en-US',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
