import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '@accord/shared/testing/seededRandom';
import { type Browser, chromium, type Page } from '@playwright/test';
import { ACCORD_DEMO_PASSWORD, accordSignIn } from '../load/accordSignIn';
import type { BenchClient } from '../load/clients/benchClient';
import { connectClient } from '../load/clients/connectClient';
import { ErrorTally } from '../load/errorTally';
import { type LatencySummary, summarise } from '../load/stats';
import { Typist } from '../load/typist';
import type { CommuniqueHistory } from '../scale/buildCommunique';
import { writeHistoryFile } from '../scale/historyFile';
import { ACCORD_IMPORT_ENV } from '../servers/accordImport';
import { startChildServer } from '../servers/childServer';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import type { BrowserSettings } from '../settings';
import { editableWithClauses, installKeystrokeProbe, readKeystrokes } from './inPage';

/** The browser part's results. */
export interface BrowserResults {
  keystrokes: number;
  remoteTypists: number;
  /** keydown → next animation frame, ms. */
  keyToFrame: LatencySummary;
  /** keydown → just after that frame was produced, ms. */
  keyAfterFrame: LatencySummary;
  /** Navigation start → editor editable with every clause shown, ms. */
  openLargeDraftMs: number;
  largeDraftClauses: number;
}

const ROOM = 'bench-browser-room';
const LARGE = 'bench-browser-large';
const LOCAL_USER = 'mx.delegate';
const GAP_MS = 80;
const WARMUP_KEYSTROKES = 5;

/** Chromium as the e2e suite launches it: Debian's by default, ACCORD_CHROMIUM elsewhere. */
function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
  });
}

/**
 * Accord's built client, served by the real server, in Chromium: keystroke-to-paint while
 * `remoteTypists` Node clients type into the same draft, then the time to open the large draft
 * until it is editable.
 */
export async function runBrowser(
  script: string,
  clientDir: string,
  settings: BrowserSettings,
  seed: Uint8Array,
  large: CommuniqueHistory,
): Promise<BrowserResults> {
  const dataDir = makeTempDir('accord-bench-browser-');
  const seedFile = join(dataDir, 'seed.bin');
  writeFileSync(seedFile, seed);
  const historyFile = join(dataDir, 'history.bin');
  // Only the final state is needed: the large draft is stored compacted, as a running server keeps it.
  writeHistoryFile(historyFile, { ...large, updates: [] });
  const server = await startChildServer(
    'accord',
    script,
    { dataDir, rooms: [ROOM], users: settings.remoteTypists, seedFile },
    {
      env: {
        [ACCORD_IMPORT_ENV.clientDir]: clientDir,
        [ACCORD_IMPORT_ENV.historyFile]: historyFile,
        [ACCORD_IMPORT_ENV.copies]: LARGE,
      },
    },
  ).catch((error: unknown) => {
    removeTempDir(dataDir);
    throw error;
  });
  const url = server.ready.url;
  const remotes: BenchClient[] = [];
  const typists: Typist[] = [];
  let browser: Browser | undefined;
  try {
    const errors = new ErrorTally();
    for (const username of server.ready.users) {
      const cookie = await accordSignIn(url, username);
      remotes.push(
        connectClient(
          'accord',
          { url, room: ROOM, headers: { cookie, origin: url } },
          seed,
          errors,
        ),
      );
    }
    await Promise.all(remotes.map((remote) => remote.synced));
    browser = await launchChromium();
    const context = await browser.newContext({
      baseURL: url,
      viewport: { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    await signIn(page);
    await page.goto(`/d/${ROOM}`);
    await page.waitForFunction(editableWithClauses, 1, { polling: 'raf', timeout: 30_000 });
    const random = seededRandom(5);
    for (const remote of remotes) {
      const typist = new Typist(remote.doc, {
        charsPerSecond: 5,
        random,
        onTyped: () => undefined,
      });
      typists.push(typist);
      typist.start();
    }
    const samples = await typeAndMeasure(page, settings.keystrokes);
    for (const typist of typists) typist.stop();
    if (errors.total > 0) throw new Error(`remote typists: ${errors.describe()}`);

    await page.goto(`/d/${LARGE}`);
    const opened = await page.waitForFunction(editableWithClauses, large.clauses, {
      polling: 'raf',
      timeout: 120_000,
    });
    const openLargeDraftMs = Number(await opened.jsonValue());
    return {
      keystrokes: samples.length,
      remoteTypists: remotes.length,
      keyToFrame: summarise(samples.map((sample) => sample.toFrame)),
      keyAfterFrame: summarise(samples.map((sample) => sample.afterFrame)),
      openLargeDraftMs,
      largeDraftClauses: large.clauses,
    };
  } finally {
    for (const typist of typists) typist.stop();
    for (const remote of remotes) remote.destroy();
    await browser?.close();
    await server.stop();
    removeTempDir(dataDir);
  }
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(LOCAL_USER);
  await page.getByTestId('login-password').fill(ACCORD_DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((target) => !target.pathname.startsWith('/login'), { timeout: 30_000 });
}

/** Types into the end of the first clause, one key at a time, and reads the page's samples. */
async function typeAndMeasure(page: Page, keystrokes: number) {
  const clause = page.locator('[data-testid="editor"] p.clause').first();
  await clause.click();
  await page.keyboard.press('End');
  // A few unmeasured keystrokes first: the first ones pay for lazy initialisation, not typing.
  for (let index = 0; index < WARMUP_KEYSTROKES; index++) {
    await page.keyboard.press('x');
    await page.waitForTimeout(GAP_MS);
  }
  await page.evaluate(installKeystrokeProbe);
  const lengthBefore = (await clause.textContent())?.length ?? 0;
  for (let index = 0; index < keystrokes; index++) {
    await page.keyboard.press(String.fromCharCode(97 + (index % 26)));
    await page.waitForTimeout(GAP_MS);
  }
  await page.waitForTimeout(200);
  const samples = await page.evaluate(readKeystrokes);
  if (samples.length < keystrokes) {
    throw new Error(`the page recorded ${samples.length} of ${keystrokes} keystrokes`);
  }
  // Remote typists only insert, so the clause grew by at least what was typed here.
  const grown = ((await clause.textContent())?.length ?? 0) - lengthBefore;
  if (grown < keystrokes)
    throw new Error(`the clause grew by ${grown} characters, ${keystrokes} were typed`);
  return samples;
}
