import { expect, type Locator, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { joinDraft, placeCaretAtEndOf, selectClause } from '../support/session';

const accord = useAccordServer();

async function statePosition(page: Page, clauseId: string, position: string): Promise<void> {
  const panel = await selectClause(page, clauseId);
  const button = panel.locator(`[data-testid="position-button"][data-position="${position}"]`);
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

async function openConsensus(page: Page): Promise<Locator> {
  await page.getByTestId('consensus-toggle').click();
  const view = page.getByTestId('consensus-view');
  await expect(view).toBeVisible();
  return view;
}

function consensusRow(page: Page, clauseId: string): Locator {
  return page.locator(`[data-testid="consensus-row"][data-clause-id="${clauseId}"]`);
}

test('an objection and a reservation read as such in the panel, the margin, the table and the counts', async ({
  browser,
}) => {
  const salvador = await joinDraft(browser, accord.current.url, 'sv.delegate');
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const guatemala = await joinDraft(browser, accord.current.url, 'gt.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');

  // The example: OP1 with an Object from SV and a Reserve from MX.
  await statePosition(salvador.page, 'op-investment', 'object');
  await statePosition(mexico.page, 'op-investment', 'reserve');
  // OP4 reserved by Guatemala alone.
  await statePosition(guatemala.page, 'op-jobs', 'reserve');

  const panel = await selectClause(chair.page, 'op-investment');
  const badge = panel.getByTestId('clause-status');
  await expect(badge).toHaveText('Objection: SV · Reserved: MX');
  await expect(badge).toHaveAttribute('data-status', 'objected');
  await expect(panel).toContainText('A delegation objects to the current text');
  await expect(chair.page.locator('p.clause[data-clause-id="op-investment"]')).toHaveAttribute(
    'data-status',
    'objected',
  );

  const view = await openConsensus(chair.page);
  await expect(consensusRow(chair.page, 'op-investment').getByTestId('clause-status')).toHaveText(
    'Objection: SV · Reserved: MX',
  );
  await expect(consensusRow(chair.page, 'op-jobs').getByTestId('clause-status')).toHaveText(
    'Reserved: GT',
  );
  await expect(view).toContainText('1 objection');
  await expect(view).toContainText('1 reserved');

  // The filter keeps the contested clauses, and only them.
  const filter = view.locator('[data-testid="consensus-filter"][data-filter="contested"]');
  await expect(filter).toContainText('Objections and reservations 2');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(view.getByTestId('consensus-row')).toHaveCount(2);
  await expect(consensusRow(chair.page, 'op-tariffs')).toHaveCount(0);

  // Salvador withdraws its objection: the clause reads "Reserved: MX" for everyone, live.
  await salvador.page
    .getByTestId('clause-panel')
    .locator('[data-testid="position-button"][data-position="none"]')
    .click();
  await expect(consensusRow(chair.page, 'op-investment').getByTestId('clause-status')).toHaveText(
    'Reserved: MX',
  );
  await expect(filter).toContainText('Objections and reservations 2');

  for (const person of [salvador, mexico, guatemala, chair]) await person.context.close();
});

test('a delegation whose position a text change cleared is told live, wherever it is looking', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const canada = await joinDraft(browser, accord.current.url, 'ca.delegate');
  const unitedStates = await joinDraft(browser, accord.current.url, 'us.delegate');
  await statePosition(mexico.page, 'op-follow-up', 'agree');
  // Mexico moves on to another clause, far from OP10; its consensus tab is closed.
  await selectClause(mexico.page, 'pp-shared-prosperity');
  await expect(mexico.page.getByTestId('cleared-toast')).toHaveCount(0);

  await placeCaretAtEndOf(unitedStates.page, 'Decide to meet again');
  await unitedStates.page.keyboard.type(' in Mexico City');

  const toast = mexico.page.getByTestId('cleared-toast');
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText(
    'Your Agree on OP10 was cleared: Elena Marsh (US) changed the text.',
  );
  await expect(toast).toBeInViewport();
  await expect(mexico.page.getByTestId('cleared-notices')).toHaveAttribute('aria-live', 'polite');
  // Canada had no position there: nothing to tell it.
  await expect(canada.page.getByTestId('cleared-toast')).toHaveCount(0);
  // The consensus tab carries a badge, and the row says whose position went.
  await expect(mexico.page.getByTestId('consensus-cleared-count')).toContainText('1');
  await openConsensus(mexico.page);
  await expect(consensusRow(mexico.page, 'op-follow-up').getByTestId('cleared-badge')).toHaveText(
    'Your Agree cleared',
  );

  // "Go to OP10" shows the clause, where Mexico states its position again on the new text.
  await toast.getByTestId('cleared-toast-show').click();
  await expect(toast).toHaveCount(0);
  const panel = mexico.page.getByTestId('clause-panel');
  await expect(panel).toHaveAttribute('data-clause-id', 'op-follow-up');
  await expect(mexico.page.locator('p.clause[data-clause-id="op-follow-up"]')).toBeInViewport();
  await panel.locator('[data-testid="position-button"][data-position="agree"]').click();
  await expect(mexico.page.getByTestId('consensus-cleared-count')).toHaveCount(0);

  // A clearing that happened while Mexico was away: no toast on opening, but the badge shows.
  await mexico.context.close();
  await placeCaretAtEndOf(unitedStates.page, 'in Mexico City');
  await unitedStates.page.keyboard.type(' or Ottawa');
  const back = await joinDraft(browser, accord.current.url, 'mx.delegate');
  await expect(back.page.getByTestId('consensus-cleared-count')).toContainText('1');
  await expect(back.page.getByTestId('cleared-toast')).toHaveCount(0);

  for (const person of [back, canada, unitedStates]) await person.context.close();
});
