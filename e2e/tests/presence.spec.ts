import { expect, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { joinDraft, openDemoDraft, placeCaretAtEndOf, signInAs } from '../support/session';

const accord = useAccordServer();

/** The promise: a peer who is gone reads as gone within this long. */
const GONE_WITHIN_MS = 10_000;

function presenceOf(page: Page, delegation: string) {
  return page.locator(`[data-testid="presence-user"][data-delegation="${delegation}"]`);
}

function caretOf(page: Page, name: string) {
  return page.locator('.collaboration-carets__caret', { hasText: name });
}

/** Makes a page believe it went to the background (another tab, a minimised window). */
async function setHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((value) => {
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => (value ? 'hidden' : 'visible'),
    });
    document.dispatchEvent(new Event('visibilitychange'));
  }, hidden);
}

test('a peer whose browser closes is shown offline within 10 s, and its caret goes', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  await placeCaretAtEndOf(mexico.page, 'root causes that push people');
  await expect(caretOf(chair.page, 'Sofía Ramírez')).toBeVisible();
  await expect(presenceOf(chair.page, 'MX')).toHaveAttribute('data-presence', 'here');

  const closedAt = Date.now();
  await mexico.context.close();
  await expect(presenceOf(chair.page, 'MX')).toHaveAttribute('data-presence', 'offline', {
    timeout: GONE_WITHIN_MS,
  });
  expect(Date.now() - closedAt).toBeLessThan(GONE_WITHIN_MS);
  await expect(presenceOf(chair.page, 'MX')).toContainText('Sofía Ramírez · offline');
  await expect(presenceOf(chair.page, 'MX')).toHaveAttribute(
    'title',
    /offline since .*[AP]M E[SD]T/,
  );
  await expect(caretOf(chair.page, 'Sofía Ramírez')).toHaveCount(0);
  await expect(chair.page.getByTestId('presence-bar')).toContainText('On this draft 1');

  // Back again: present, no longer offline.
  const again = await joinDraft(browser, accord.current.url, 'mx.delegate');
  await expect(presenceOf(chair.page, 'MX')).toHaveAttribute('data-presence', 'here');
  await expect(presenceOf(chair.page, 'MX')).toHaveCount(1);
  await again.context.close();
  await chair.context.close();
});

test('a peer with the draft in the background is away, its caret faded; back, it is here', async ({
  browser,
}) => {
  const unitedStates = await joinDraft(browser, accord.current.url, 'us.delegate');
  const canada = await joinDraft(browser, accord.current.url, 'ca.delegate');
  await placeCaretAtEndOf(canada.page, 'favour negotiated solutions');
  await expect(caretOf(unitedStates.page, 'Liam Tremblay')).toBeVisible();

  await setHidden(canada.page, true);
  await expect(presenceOf(unitedStates.page, 'CA')).toHaveAttribute('data-presence', 'away');
  await expect(presenceOf(unitedStates.page, 'CA')).toContainText('Liam Tremblay · away');
  const caret = caretOf(unitedStates.page, 'Liam Tremblay');
  await expect(caret).toHaveClass(/collaboration-carets__caret--away/);
  // The label says so too (drawn by CSS, the caret's element being kept as it is).
  await expect
    .poll(() =>
      caret
        .locator('.collaboration-carets__label')
        .evaluate((label) => getComputedStyle(label, '::after').content),
    )
    .toBe('" · away"');
  await expect
    .poll(() => caret.evaluate((element) => getComputedStyle(element).opacity))
    .toBe('0.35');

  await setHidden(canada.page, false);
  await expect(presenceOf(unitedStates.page, 'CA')).toHaveAttribute('data-presence', 'here');
  await expect(caretOf(unitedStates.page, 'Liam Tremblay')).not.toHaveClass(/--away/);
  await unitedStates.context.close();
  await canada.context.close();
});

test('offline, a delegate sees a banner that edits are kept; back online they are sent', async ({
  browser,
}) => {
  const guatemala = await joinDraft(browser, accord.current.url, 'gt.delegate');
  const salvador = await joinDraft(browser, accord.current.url, 'sv.delegate');
  await expect(guatemala.page.getByTestId('connection-banner')).toHaveCount(0);

  await guatemala.context.setOffline(true);
  const banner = guatemala.page.getByTestId('connection-banner');
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText('You are offline.');
  await expect(banner).toContainText(
    'Your edits are kept in this window and will be sent as soon as the connection is back',
  );
  // The banner spans the page, under the header, not a small pill.
  const box = await banner.boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(1000);
  // Offline, this page cannot know who else is there, and says so rather than show nobody.
  await expect(guatemala.page.getByTestId('presence-unknown')).toBeVisible();
  // The others see Guatemala go within 10 s.
  await expect(presenceOf(salvador.page, 'GT')).toHaveAttribute('data-presence', 'offline', {
    timeout: GONE_WITHIN_MS,
  });

  await placeCaretAtEndOf(guatemala.page, 'Decide to meet again');
  await guatemala.page.keyboard.type(' Typed on the train.');
  await guatemala.context.setOffline(false);
  await expect(banner).toHaveCount(0);
  await expect(guatemala.page.getByTestId('connection-status')).toHaveAttribute(
    'data-status',
    'connected',
  );
  await expect(salvador.page.getByTestId('editor')).toContainText('Typed on the train.');
  await expect(presenceOf(salvador.page, 'GT')).toHaveAttribute('data-presence', 'here');
  await expect(guatemala.page.getByTestId('presence-unknown')).toHaveCount(0);
  await guatemala.context.close();
  await salvador.context.close();
});

test('a link that silently stops carrying anything shows the banner, then catches up', async ({
  browser,
}) => {
  const canada = await joinDraft(browser, accord.current.url, 'ca.delegate');
  const unitedStates = await signInAs(browser, accord.current.url, 'us.delegate');
  // The US page's sync sockets pass through here. While the network is down every socket goes
  // dead: nothing passes either way, for good, and no close or error ever comes (a network that
  // drops packets without a reset). Sockets opened once it is back work.
  const network = { down: false, sockets: [] as { dead: boolean }[] };
  await unitedStates.page.routeWebSocket(/\/api\/sync\//, (page) => {
    const socket = { dead: network.down };
    network.sockets.push(socket);
    const server = page.connectToServer();
    page.onMessage((message) => {
      if (!socket.dead) server.send(message);
    });
    server.onMessage((message) => {
      if (!socket.dead) page.send(message);
    });
  });
  await openDemoDraft(unitedStates.page);
  expect(network.sockets).toHaveLength(1);

  const cutAt = Date.now();
  network.down = true;
  for (const socket of network.sockets) socket.dead = true;
  await placeCaretAtEndOf(unitedStates.page, 'Decide to meet again');
  await unitedStates.page.keyboard.type(' Written into the void.');
  const banner = unitedStates.page.getByTestId('connection-banner');
  await expect(banner).toContainText('Reconnecting to the server…', { timeout: 12_000 });
  // The server keepalive comes every 2 s: silence is noticed after 8 s, at the next 2 s check.
  expect(Date.now() - cutAt).toBeLessThan(12_000);
  await expect(banner).toContainText('Your edits are kept in this window');
  await expect(unitedStates.page.getByTestId('connection-status')).not.toHaveAttribute(
    'data-status',
    'connected',
  );

  // The network comes back: a fresh socket brings the edit to Canada, and the banner goes.
  network.down = false;
  await expect(banner).toHaveCount(0, { timeout: 20_000 });
  expect(network.sockets.length).toBeGreaterThan(1);
  await expect(canada.page.getByTestId('editor')).toContainText('Written into the void.');
  await canada.context.close();
  await unitedStates.context.close();
});

test('the member list names who is on a draft and who is only signed in', async ({ browser }) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const unitedStates = await signInAs(browser, accord.current.url, 'us.delegate');
  const chair = await signInAs(browser, accord.current.url, 'chair');
  const row = (name: string) => chair.page.getByTestId('member-row').filter({ hasText: name });

  await expect(row('Sofía Ramírez')).toHaveAttribute('data-presence', 'onDraft');
  await expect(row('Sofía Ramírez').getByTestId('member-presence')).toHaveText('On a draft');
  await expect(row('Elena Marsh')).toHaveAttribute('data-presence', 'signedIn');
  await expect(row('Elena Marsh').getByTestId('member-presence')).toHaveText('Signed in');
  await expect(row('Amb. Ruth Okafor').getByTestId('member-presence')).toHaveText('Signed in');
  // The observer has not opened Accord on this server at all.
  await expect(row('Press Observer').getByTestId('member-presence')).toHaveText('Offline');
  for (const summary of await chair.page.getByTestId('member-group-summary').allTextContents()) {
    expect(summary).not.toMatch(/\d+ of \d+/);
  }
  await expect(
    chair.page.getByRole('region', { name: 'United States' }).getByTestId('member-group-summary'),
  ).toHaveText('1 signed in');

  // Mexico leaves the draft: the list follows within its refresh.
  await mexico.context.close();
  await expect(row('Sofía Ramírez')).not.toHaveAttribute('data-presence', 'onDraft', {
    timeout: GONE_WITHIN_MS,
  });
  await unitedStates.context.close();
  await chair.context.close();
});
