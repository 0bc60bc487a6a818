import { expect, type Page, test } from '@playwright/test';
import {
  type ClusterServer,
  clusterOutput,
  clusterSchemas,
  draftOwnerUrl,
  killClusterServers,
  startCluster,
} from '../support/accordCluster';
import { clauseText, placeCaretAfter, remoteCaretDistance } from '../support/caret';
import { openDemoDraft, type Person, selectClause, signInAs } from '../support/session';

// Two servers over PostgreSQL and Redis (SPEC H5), real browsers on each, as a load balancer
// would spread them: one delegate's page is served by server A, the other's by server B. The
// draft has one owner; the other server relays its clients to it, and takes over when it dies.

const schemas = clusterSchemas('cluster');
let servers: ClusterServer[] = [];
let people: Person[] = [];

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus && servers.length > 0) {
    await testInfo.attach('servers', { body: clusterOutput(servers), contentType: 'text/plain' });
  }
  await Promise.all(people.map((person) => person.context.close().catch(() => {})));
  people = [];
  await killClusterServers();
  servers = [];
});
test.afterAll(async () => {
  await killClusterServers();
  await schemas.dropAll();
});

async function join(
  browser: Parameters<typeof signInAs>[0],
  server: ClusterServer,
  username: string,
): Promise<Person> {
  const person = await signInAs(browser, server.url, username);
  people.push(person);
  await openDemoDraft(person.page);
  return person;
}

function documentIdOf(page: Page): string {
  const match = /\/d\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a draft page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

/** Types `text` one key at a time, `interval` ms apart, as a person does. */
async function typeSlowly(page: Page, text: string, interval: number): Promise<void> {
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(interval);
  }
}

async function expectConnected(page: Page): Promise<void> {
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
    timeout: 20_000,
  });
}

function positionChip(page: Page, delegation: string) {
  return page
    .getByTestId('clause-panel')
    .locator(`[data-testid="position-chip"][data-delegation="${delegation}"]`);
}

test('delegates on two servers type in one clause together, see each other and each other’s positions', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const schema = schemas.fresh();
  servers = await startCluster(2, { schema });
  const [a, b] = servers as [ClusterServer, ClusterServer];

  const us = await join(browser, a, 'us.delegate');
  const ca = await join(browser, b, 'ca.delegate');
  // A opened the draft first and owns it; B relays its delegate to A.
  const documentId = documentIdOf(us.page);
  expect(await draftOwnerUrl(schema, documentId)).toBe(a.url);

  // Each sees the other in the presence bar, under their own delegation.
  await expect(
    us.page.getByTestId('presence-user').filter({ hasText: 'Liam Tremblay' }),
  ).toHaveAttribute('data-delegation', 'CA');
  await expect(
    ca.page.getByTestId('presence-user').filter({ hasText: 'Elena Marsh' }),
  ).toHaveAttribute('data-delegation', 'US');

  // Both type into the same clause at the same time, each at their own place.
  await placeCaretAfter(us.page, 'op-institutions', 'Commit to strengthen');
  await placeCaretAfter(ca.page, 'op-institutions', 'lasting regional stability');
  await Promise.all([typeSlowly(us.page, ' Xx Xx', 150), typeSlowly(ca.page, ' and peace', 120)]);
  const expected =
    'Commit to strengthen Xx Xx democratic institutions, governance and the rule of law as the foundation of lasting regional stability and peace;';
  for (const person of [us, ca]) {
    await expect.poll(() => clauseText(person.page, 'op-institutions')).toBe(expected);
  }
  // Each sees the other's caret, named, at the words the other typed.
  await expect(
    us.page.locator('.collaboration-carets__label', { hasText: 'Liam Tremblay' }),
  ).toBeVisible();
  await expect(
    ca.page.locator('.collaboration-carets__label', { hasText: 'Elena Marsh' }),
  ).toBeVisible();
  await expect
    .poll(() => remoteCaretDistance(us.page, 'Liam Tremblay', 'op-institutions', 'and peace'))
    .toBeLessThan(3);
  await expect
    .poll(() => remoteCaretDistance(ca.page, 'Elena Marsh', 'op-institutions', 'Xx Xx'))
    .toBeLessThan(3);

  // After a reload, each from its own server, both read the same stored text.
  await Promise.all([us.page.reload(), ca.page.reload()]);
  for (const person of [us, ca]) {
    await expectConnected(person.page);
    await expect.poll(() => clauseText(person.page, 'op-institutions')).toBe(expected);
  }

  // Canada states its position through server B; the delegate on A sees it arrive live.
  await selectClause(us.page, 'op-institutions');
  await expect(positionChip(us.page, 'CA')).toHaveAttribute('data-position', 'none');
  const caPanel = await selectClause(ca.page, 'op-institutions');
  const agree = caPanel.locator('[data-testid="position-button"][data-position="agree"]');
  await agree.click();
  await expect(agree).toHaveAttribute('aria-pressed', 'true');
  await expect(positionChip(us.page, 'CA')).toHaveAttribute('data-position', 'agree');
});

test('the owner is killed mid-typing: the delegate on the other server recovers and keeps every word', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const schema = schemas.fresh();
  servers = await startCluster(2, { schema, leaseMs: 1_000 });
  const [a, b] = servers as [ClusterServer, ClusterServer];

  const us = await join(browser, a, 'us.delegate');
  const ca = await join(browser, b, 'ca.delegate');
  const documentId = documentIdOf(us.page);
  // A's page connected first: A owns the draft and is the one to kill; Canada, on B, stays.
  expect(await draftOwnerUrl(schema, documentId)).toBe(a.url);
  const [owner, survivorServer, onOwner, survivor] = [a, b, us, ca];

  // Words typed before the kill reach the owner's delegate: they went through the owner.
  await placeCaretAfter(survivor.page, 'op-legal-pathways', 'temporary work programmes');
  await typeSlowly(survivor.page, ' for seasonal', 100);
  await expect
    .poll(() => clauseText(onOwner.page, 'op-legal-pathways'))
    .toContain('programmes for seasonal');

  // Watch the survivor's connection indicator and banner from inside its page.
  await survivor.page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { accordStatuses: string[] }).accordStatuses = seen;
    const note = () => {
      const status =
        document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-status') ??
        'none';
      const banner = document.querySelector('[data-testid="connection-banner"]') ? '+banner' : '';
      const now = `${status}${banner}`;
      if (seen.at(-1) !== now) seen.push(now);
    };
    note();
    new MutationObserver(note).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-status'],
    });
  });

  await owner.kill('SIGKILL');
  await onOwner.context.close();
  // The survivor keeps typing through the fail-over, without touching its caret.
  await typeSlowly(survivor.page, ' and year-round', 150);
  await expectConnected(survivor.page);
  await expect(survivor.page.getByTestId('connection-banner')).toHaveCount(0);
  await typeSlowly(survivor.page, ' workers', 100);

  // The indicator did show the lost connection, and came back.
  const statuses = await survivor.page.evaluate(
    () => (window as unknown as { accordStatuses: string[] }).accordStatuses,
  );
  test.info().annotations.push({ type: 'connection', description: statuses.join(' > ') });
  expect(statuses[0]).toBe('connected');
  expect(statuses.some((status) => status.startsWith('reconnecting'))).toBe(true);
  expect(statuses.at(-1)).toBe('connected');

  // The surviving server took the draft over.
  await expect
    .poll(() => draftOwnerUrl(schema, documentId), { timeout: 15_000 })
    .toBe(survivorServer.url);

  // Everything typed after the kill is stored: a fresh page on the surviving server reads it,
  // and so does the survivor's own page after a reload.
  const wanted = 'temporary work programmes for seasonal and year-round workers';
  const mexico = await join(browser, survivorServer, 'mx.delegate');
  await expect.poll(() => clauseText(mexico.page, 'op-legal-pathways')).toContain(wanted);
  await survivor.page.reload();
  await expectConnected(survivor.page);
  await expect.poll(() => clauseText(survivor.page, 'op-legal-pathways')).toContain(wanted);

  // Presence after the fail-over: the delegate of the dead server is gone, the living see each
  // other; and the draft's requests (a position) now go to the new owner.
  const [survivorName, survivorDelegation, goneName] = ['Liam Tremblay', 'CA', 'Elena Marsh'];
  await expect(
    mexico.page.getByTestId('presence-user').filter({ hasText: survivorName }),
  ).toHaveAttribute('data-delegation', survivorDelegation);
  await expect(
    survivor.page.getByTestId('presence-user').filter({ hasText: 'Sofía Ramírez' }),
  ).toHaveAttribute('data-delegation', 'MX');
  for (const person of [survivor, mexico]) {
    await expect(
      person.page.getByTestId('presence-user').filter({ hasText: goneName }),
    ).toHaveCount(0);
  }
  await selectClause(mexico.page, 'op-jobs');
  const panel = await selectClause(survivor.page, 'op-jobs');
  const agree = panel.locator('[data-testid="position-button"][data-position="agree"]');
  await agree.click();
  await expect(agree).toHaveAttribute('aria-pressed', 'true');
  await expect(positionChip(mexico.page, survivorDelegation)).toHaveAttribute(
    'data-position',
    'agree',
  );

  // Stored in PostgreSQL, not only in the surviving server's memory: once it is gone too, a new
  // server on the same schema serves the same words.
  await survivorServer.kill('SIGTERM');
  const [fresh] = (await startCluster(1, { schema, leaseMs: 1_000, seed: false })) as [
    ClusterServer,
  ];
  servers.push(fresh);
  const chair = await join(browser, fresh, 'chair');
  await expect.poll(() => clauseText(chair.page, 'op-legal-pathways')).toContain(wanted);
});
