import { expect, type Locator, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { joinDraft, placeCaretAtEndOf, selectClause } from '../support/session';

const accord = useAccordServer();

/** States the page's own delegation's position on a clause through the clause panel. */
async function statePosition(page: Page, clauseId: string, position: string): Promise<void> {
  const panel = await selectClause(page, clauseId);
  await panel.locator(`[data-testid="position-button"][data-position="${position}"]`).click();
  await expect(
    panel.locator(`[data-testid="position-button"][data-position="${position}"]`),
  ).toHaveAttribute('aria-pressed', 'true');
}

/** Opens the consensus view in the side panel. */
async function openConsensus(page: Page): Promise<Locator> {
  await page.getByTestId('consensus-toggle').click();
  const view = page.getByTestId('consensus-view');
  await expect(view).toBeVisible();
  return view;
}

function consensusRow(page: Page, clauseId: string): Locator {
  return page.locator(`[data-testid="consensus-row"][data-clause-id="${clauseId}"]`);
}

function chip(scope: Locator, delegation: string): Locator {
  return scope.locator(`[data-testid="position-chip"][data-delegation="${delegation}"]`);
}

function documentIdOf(page: Page): string {
  const match = /\/d\/([^/?#]+)/.exec(page.url());
  if (!match?.[1]) throw new Error(`not on a draft page: ${page.url()}`);
  return decodeURIComponent(match[1]);
}

test('delegations state positions in their own browsers and everyone sees the consensus change live', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const guatemala = await joinDraft(browser, accord.current.url, 'gt.delegate');
  const others = [
    { code: 'US', person: await joinDraft(browser, accord.current.url, 'us.delegate') },
    { code: 'CA', person: await joinDraft(browser, accord.current.url, 'ca.delegate') },
    { code: 'MX', person: await joinDraft(browser, accord.current.url, 'mx.delegate') },
    { code: 'SV', person: await joinDraft(browser, accord.current.url, 'sv.delegate') },
  ];

  // The Chair and Guatemala watch the consensus view; nothing is agreed yet.
  const chairView = await openConsensus(chair.page);
  await openConsensus(guatemala.page);
  const count = chairView.getByTestId('consensus-count');
  await expect(count).toHaveText(/^0 of \d+ clauses agreed$/);
  const total = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(1);
  await expect(consensusRow(chair.page, 'op-jobs')).toHaveAttribute('data-status', 'open');

  // Four delegations agree, each in its own browser; both watchers see every one arrive.
  for (const { code, person } of others) {
    await statePosition(person.page, 'op-jobs', 'agree');
    for (const watcher of [chair.page, guatemala.page]) {
      await expect(chip(consensusRow(watcher, 'op-jobs'), code)).toHaveAttribute(
        'data-position',
        'agree',
      );
    }
  }
  await expect(chip(consensusRow(chair.page, 'op-jobs'), 'GT')).toHaveAttribute(
    'data-position',
    'none',
  );
  await expect(count).toHaveText(`0 of ${total} clauses agreed`);

  // Guatemala agrees last: the clause is agreed, for everyone at once.
  await guatemala.page.getByTestId('consensus-toggle').click();
  await statePosition(guatemala.page, 'op-jobs', 'agree');
  await expect(count).toHaveText(`1 of ${total} clauses agreed`);
  await expect(consensusRow(chair.page, 'op-jobs')).toHaveAttribute('data-status', 'agreed');
  const mexico = others[2]!.person.page;
  await openConsensus(mexico);
  await expect(mexico.getByTestId('consensus-count')).toHaveText(`1 of ${total} clauses agreed`);

  // "Needs work" hides the agreed clause; a row shows its clause in the editor.
  await chairView.locator('[data-testid="consensus-filter"][data-filter="needsWork"]').click();
  await expect(consensusRow(chair.page, 'op-jobs')).toHaveCount(0);
  await expect(consensusRow(chair.page, 'op-tariffs')).toHaveAttribute('data-status', 'bracketed');
  await chairView.locator('[data-testid="consensus-filter"][data-filter="all"]').click();
  await consensusRow(chair.page, 'op-jobs').click();
  await expect(chair.page.locator('p.clause[data-clause-id="op-jobs"]')).toBeInViewport();
  await expect(chair.page.locator('p.clause[data-clause-id="op-jobs"]')).toHaveAttribute(
    'data-status',
    'agreed',
  );

  // Withdrawing a position is live too.
  await others[0]!.person.page
    .getByTestId('clause-panel')
    .locator('[data-testid="position-button"][data-position="none"]')
    .click();
  await expect(count).toHaveText(`0 of ${total} clauses agreed`);
  await expect(chip(consensusRow(chair.page, 'op-jobs'), 'US')).toHaveAttribute(
    'data-position',
    'none',
  );

  for (const person of [chair, guatemala, ...others.map((other) => other.person)]) {
    await person.context.close();
  }
});

test('a text change clears positions visibly for everyone, and the history shows who made it', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const canada = await joinDraft(browser, accord.current.url, 'ca.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const unitedStates = await joinDraft(browser, accord.current.url, 'us.delegate');

  await statePosition(mexico.page, 'op-investment', 'agree');
  await statePosition(canada.page, 'op-investment', 'reserve');
  const chairView = await openConsensus(chair.page);
  await expect(chip(consensusRow(chair.page, 'op-investment'), 'CA')).toHaveAttribute(
    'data-position',
    'reserve',
  );
  const mexicoPanel = mexico.page.getByTestId('clause-panel');
  await expect(chip(mexicoPanel, 'MX')).toHaveAttribute('data-position', 'agree');
  await expect(mexicoPanel.getByTestId('positions-cleared')).toHaveCount(0);

  // The United States changes the wording: the positions given on the old text are cleared.
  await placeCaretAtEndOf(unitedStates.page, 'sectors that create formal employment');
  await unitedStates.page.keyboard.type(' and women-led businesses');

  const cleared = mexicoPanel.getByTestId('positions-cleared');
  await expect(cleared).toContainText("MX's Agree");
  await expect(cleared).toContainText("CA's Reserve");
  await expect(cleared).toContainText('cleared when Elena Marsh (US) changed the text');
  await expect(chip(mexicoPanel, 'MX')).toHaveAttribute('data-position', 'none');
  await expect(chip(mexicoPanel, 'MX')).toHaveAttribute('data-cleared', 'agree');
  const chairRow = consensusRow(chair.page, 'op-investment');
  await expect(chip(chairRow, 'CA')).toHaveAttribute('data-position', 'none');
  await expect(chip(chairRow, 'CA')).toHaveAttribute('data-cleared', 'reserve');
  await expect(chairView).toBeVisible();
  await chair.page.getByTestId('consensus-toggle').click();
  await expect(
    (await selectClause(chair.page, 'op-investment')).getByTestId('positions-cleared'),
  ).toContainText('cleared when Elena Marsh (US) changed the text');

  // Canada states again on the new text: its entry leaves the notice, Mexico's stays.
  await statePosition(canada.page, 'op-investment', 'agree');
  await expect(cleared).not.toContainText("CA's Reserve");
  await expect(cleared).toContainText("MX's Agree");

  // Mexico opens the clause's history: the change, its author and the inserted words.
  await mexicoPanel.getByTestId('history-button').click();
  const drawer = mexico.page.getByTestId('history-drawer');
  await expect(drawer).toBeVisible();
  const entry = drawer.getByTestId('history-entry').first();
  await expect(entry).toContainText('Elena Marsh');
  await expect(entry).toHaveAttribute('data-delegation', 'US');
  await expect(entry.locator('ins')).toContainText('women-led businesses');
  await entry.getByRole('button', { name: 'View clause after this change' }).click();
  await expect(drawer.getByTestId('history-version-text')).toContainText(
    'and women-led businesses',
  );
  await drawer.getByRole('button', { name: 'View', exact: true }).click();
  await expect(drawer.getByTestId('history-version-text')).not.toContainText('women-led');
  await drawer.getByTestId('history-close').click();
  await expect(drawer).toBeHidden();

  for (const person of [mexico, canada, chair, unitedStates]) await person.context.close();
});

test('only a delegation states its own position: no button for another, and the server refuses', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const observer = await joinDraft(browser, accord.current.url, 'observer');

  // Mexico's buttons are Mexico's only.
  const panel = await selectClause(mexico.page, 'pp-human-rights');
  const buttons = panel.getByTestId('position-button');
  await expect(buttons.first()).toBeVisible();
  expect(await buttons.count()).toBeGreaterThanOrEqual(4);
  for (const delegation of await buttons.evaluateAll((elements) =>
    elements.map((element) => element.getAttribute('data-delegation')),
  )) {
    expect(delegation).toBe('MX');
  }
  await expect(panel.locator('[data-testid="position-button"][data-delegation="US"]')).toHaveCount(
    0,
  );

  // The Chair and an observer see positions but have no buttons at all.
  for (const page of [chair.page, observer.page]) {
    const theirPanel = await selectClause(page, 'pp-human-rights');
    await expect(chip(theirPanel, 'US')).toBeVisible();
    await expect(theirPanel.getByTestId('position-button')).toHaveCount(0);
  }

  // Asked directly, the server refuses Mexico's attempt to state the United States' position.
  const documentId = documentIdOf(mexico.page);
  const path = `/api/documents/${encodeURIComponent(documentId)}/clauses/pp-human-rights/position`;
  const forged = await mexico.page.request.put(path, {
    data: { position: 'agree', delegation: 'US' },
    headers: { Origin: accord.current.url },
  });
  expect(forged.status()).toBe(403);
  expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  await expect(chip(panel, 'US')).toHaveAttribute('data-position', 'none');

  // The same request for Mexico's own position goes through and reaches the Chair live.
  const own = await mexico.page.request.put(path, {
    data: { position: 'object' },
    headers: { Origin: accord.current.url },
  });
  expect(own.status()).toBe(200);
  await expect(chip(chair.page.getByTestId('clause-panel'), 'MX')).toHaveAttribute(
    'data-position',
    'object',
  );
  await expect(chip(observer.page.getByTestId('clause-panel'), 'MX')).toHaveAttribute(
    'data-position',
    'object',
  );

  for (const person of [mexico, chair, observer]) await person.context.close();
});
