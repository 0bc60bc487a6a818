import { expect, type Locator, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { placeCaretAfter } from '../support/caret';
import { selectWords } from '../support/comments';
import { joinDraft, openDemoDraft, selectClause, signInAs } from '../support/session';

const accord = useAccordServer();

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
}

async function expectInViewport(page: Page, locator: Locator): Promise<void> {
  const found = await box(locator);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  expect(found.y).toBeGreaterThanOrEqual(0);
  expect(found.y + found.height).toBeLessThanOrEqual(viewport.height + 0.5);
}

test('scrolled down the draft, presence, filters and the clause column stay in sight, and a new thread opens level with its words', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const { page } = mexico;
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.locator('p.clause[data-clause-id="op-follow-up"]').scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 1200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(400);

  const header = await box(page.locator('.app-header'));
  const presence = page
    .getByRole('region', { name: /on this draft/i })
    .or(page.locator('.presence-bar'));
  const presenceBox = await box(presence.first());
  // Under the header, not slid beneath it.
  expect(presenceBox.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
  await expectInViewport(page, presence.first());
  await expectInViewport(page, page.getByLabel('Filter by delegation'));
  await expectInViewport(page, page.getByRole('toolbar', { name: 'Formatting' }));
  // The clause column ends at the window's foot, not below it.
  const sidebar = await box(page.locator('.clause-sidebar'));
  expect(sidebar.y + sidebar.height).toBeLessThanOrEqual(900.5);
  expect(sidebar.y).toBeGreaterThanOrEqual(presenceBox.y + presenceBox.height - 1);

  // A new thread on words low in the draft: its form opens beside them, not at the top.
  await selectWords(page, 'op-institutions', 'rule of law');
  const words = await page.evaluate(() => {
    const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
    return rect ? rect.top : -1;
  });
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const form = page.getByTestId('new-thread-form');
  await expect(form).toBeVisible();
  const formBox = await box(form);
  expect(Math.abs(formBox.y - words)).toBeLessThan(40);
  await expectInViewport(page, form);
  await mexico.context.close();
});

test('the press observer wears an Observer badge, not the Chair’s', async ({ browser }) => {
  const observer = await joinDraft(browser, accord.current.url, 'observer');
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const headerChip = observer.page.locator('.app-header .delegation-chip');
  await expect(headerChip).toHaveText('Observer');
  const chairChip = chair.page.locator('.app-header .delegation-chip');
  await expect(chairChip).toHaveText('Chair');
  const colour = (locator: Locator) =>
    locator.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await colour(headerChip)).not.toBe(await colour(chairChip));
  // Others see the observer with the same badge in the presence bar.
  const seen = chair.page.locator('[data-testid="presence-user"]', { hasText: 'Press Observer' });
  await expect(seen.locator('.delegation-chip')).toHaveText('Observer');
  await observer.context.close();
  await chair.context.close();
});

test('a caret label is small, stays inside the page at the end of a line, and shows the full name on hover', async ({
  browser,
}) => {
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
  const us = await signInAs(browser, accord.current.url, 'us.delegate', phone);
  await openDemoDraft(us.page);
  const mexico = await signInAs(browser, accord.current.url, 'mx.delegate', phone);
  await openDemoDraft(mexico.page);
  // The words that end the first line of OP4 on this screen, as the United States see it.
  const prefix = await us.page.evaluate(() => {
    const clause = document.querySelector('p.clause[data-clause-id="op-jobs"]');
    if (!clause) throw new Error('no OP4');
    const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('[contenteditable="false"]')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    let text = '';
    let firstTop: number | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      for (let index = 0; index < data.length; index += 1) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        const rect = range.getBoundingClientRect();
        if (firstTop === null) firstTop = rect.top;
        if (rect.top > firstTop + 4) return text.trimEnd();
        text += data[index];
      }
    }
    throw new Error('OP4 fits on one line');
  });
  await placeCaretAfter(mexico.page, 'op-jobs', prefix);

  const label = us.page.locator('.collaboration-carets__label', { hasText: 'Sofía Ramírez' });
  await expect(label).toBeVisible();
  expect(await label.innerText()).toBe('Sofía · MX');
  await expect(label).toHaveAttribute('title', 'Sofía Ramírez · MX');
  const paper = await box(us.page.getByTestId('editor'));
  const tag = await box(label);
  expect(tag.x).toBeGreaterThanOrEqual(paper.x);
  expect(tag.x + tag.width).toBeLessThanOrEqual(paper.x + paper.width);
  expect(tag.height).toBeLessThan(16);
  expect(await us.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );
  await us.context.close();
  await mexico.context.close();
});

test('each final-export blocker leads to its clause; a delegate is not shown them', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  await chair.page.setViewportSize({ width: 1400, height: 900 });
  await chair.page.getByTestId('export-button').click();
  const dialog = chair.page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-mode-final')).toBeDisabled();
  const blocker = dialog.getByTestId('export-blocker').filter({ hasText: /^OP9: / });
  await blocker.click();
  await expect(dialog).toBeHidden();
  await expect(chair.page.getByTestId('clause-panel')).toHaveAttribute(
    'data-clause-id',
    'op-institutions',
  );
  const clause = await box(chair.page.locator('p.clause[data-clause-id="op-institutions"]'));
  expect(clause.y).toBeGreaterThan(0);
  expect(clause.y + clause.height).toBeLessThan(900);

  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  await mexico.page.getByTestId('export-button').click();
  const reasons = mexico.page.getByTestId('export-final-reasons');
  await expect(reasons).toHaveText('Only a moderator can export the final communiqué.');
  await expect(mexico.page.getByTestId('export-blocker')).toHaveCount(0);
  await chair.context.close();
  await mexico.context.close();
});

test('brackets of the seeded text are explained in the clause panel', async ({ browser }) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const panel = await selectClause(mexico.page, 'op-returns');
  await expect(panel.getByTestId('clause-brackets-unrecorded')).toContainText(
    '2 brackets from the seeded text, no delegation recorded',
  );
  await mexico.context.close();
});

test('a bracket that lost its closing character is shown as unbalanced, not hidden', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const panel = await selectClause(mexico.page, 'op-returns');
  await expect(panel.getByTestId('clause-brackets-unbalanced')).toHaveCount(0);
  // The seeded brackets are nobody's, so anyone may delete one of their characters.
  await placeCaretAfter(mexico.page, 'op-returns', 'international law]');
  await mexico.page.keyboard.press('Backspace');
  await expect(panel.getByTestId('clause-brackets-unbalanced')).toContainText(
    "Unbalanced: 1 '[' never closed",
  );
  await mexico.context.close();
});
