import { expect, type Locator, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { clauseText, selectClauseText } from '../support/clauseText';
import { selectWords } from '../support/comments';
import { joinDraft, selectClause } from '../support/session';

const accord = useAccordServer();

/** The last two clauses of the demo draft (OP9, OP10): far below the top of the page. */
const BRACKETED = 'op-institutions';
const LOCKED = 'op-follow-up';

function clause(page: Page, clauseId: string): Locator {
  return page.locator(`p.clause[data-clause-id="${clauseId}"]`);
}

/** The element's box lies wholly inside the window. */
async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error('no box or no viewport');
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
}

test('a refused edit low in the draft is told in a notice in sight, naming the clause and who, and goes by itself', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  for (const person of [chair, us, mexico])
    await person.page.setViewportSize({ width: 1400, height: 900 });

  // The Chair locks the last clause; the United States bracket words of the one before it.
  const panel = await selectClause(chair.page, LOCKED);
  await panel.getByTestId('lock-button').click();
  await panel.getByTestId('lock-reason').fill('Agreed at the ministerial table');
  await panel.getByTestId('lock-confirm').click();
  await expect(clause(mexico.page, LOCKED)).toHaveClass(/clause--locked/);
  // The lock label under the clause names the person, not only "the Chair".
  await expect(clause(mexico.page, LOCKED)).toHaveAttribute(
    'data-lock-label',
    /^Locked by the Chair \(Amb\. Ruth Okafor\) · /,
  );
  await selectWords(us.page, BRACKETED, 'democratic institutions');
  await us.page.getByRole('button', { name: 'Bracket' }).click();
  await expect
    .poll(() => clauseText(mexico.page, BRACKETED))
    .toContain('strengthen [democratic institutions]');
  await expect(
    clause(mexico.page, BRACKETED).locator('[data-testid="bracket-chip"][data-delegation="US"]'),
  ).toBeVisible();

  // Mexico works at the bottom of the draft, and types into the locked clause.
  const notice = mexico.page.getByTestId('edit-blocked-notice');
  await clause(mexico.page, LOCKED).scrollIntoViewIfNeeded();
  await clause(mexico.page, LOCKED).click();
  expect(await mexico.page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
  const before = await clauseText(mexico.page, LOCKED);
  await mexico.page.keyboard.type('Decide');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(
    'OP10 is locked by the Chair (Amb. Ruth Okafor): nobody can change it',
  );
  await expectInViewport(mexico.page, notice);
  expect(await clauseText(mexico.page, LOCKED)).toBe(before);
  // Screen readers are told: the notice is inside a live region.
  await expect(mexico.page.locator('[aria-live="assertive"]')).toContainText('OP10 is locked');

  // Then tries to type over the United States' bracket: a new notice replaces the old one.
  await selectClauseText(mexico.page, BRACKETED, 'strengthen [democratic');
  await mexico.page.keyboard.type('x');
  await expect(notice).toContainText(
    'That would remove a bracket in OP9 asked for by United States: only United States or the Chair can remove it.',
  );
  await expect(notice).toHaveCount(1);
  await expectInViewport(mexico.page, notice);
  expect(await clauseText(mexico.page, BRACKETED)).toContain(
    'strengthen [democratic institutions]',
  );

  // It goes by itself after a few seconds, leaving nothing behind.
  await expect(notice).toBeHidden({ timeout: 9_000 });

  // A notice on screen does not follow the delegate off the draft.
  await clause(mexico.page, LOCKED).click();
  await mexico.page.keyboard.press('Backspace');
  await expect(notice).toBeVisible();
  await mexico.page.getByRole('link', { name: 'Regional Prosperity and Migration Talks' }).click();
  await expect(mexico.page.getByTestId('draft-link').first()).toBeVisible();
  await expect(notice).toHaveCount(0);
  await mexico.page.getByTestId('draft-link').first().click();
  await expect(mexico.page.getByTestId('connection-status')).toHaveAttribute(
    'data-status',
    'connected',
  );
  await expect(notice).toHaveCount(0);
});
