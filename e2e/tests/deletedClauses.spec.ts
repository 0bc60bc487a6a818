import { expect, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { openDemoDraft, signInAs } from '../support/session';

const accord = useAccordServer();

/** Selects from the end of one clause to the end of the next, as a drag across them would. */
async function selectIntoNextClause(page: Page, fromId: string, toId: string): Promise<void> {
  await page.locator(`p.clause[data-clause-id="${fromId}"]`).click();
  await page.evaluate(
    ({ from, to }) => {
      const lastText = (id: string) => {
        const clause = document.querySelector(`p.clause[data-clause-id="${id}"]`);
        if (!clause) throw new Error(`no clause ${id}`);
        const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
          // Skip the clause number and other widgets: only the clause's own text.
          acceptNode: (node) =>
            node.parentElement?.closest('[contenteditable="false"]')
              ? NodeFilter.FILTER_REJECT
              : NodeFilter.FILTER_ACCEPT,
        });
        let last: Text | null = null;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) last = node as Text;
        if (!last) throw new Error(`no text in ${id}`);
        return last;
      };
      const start = lastText(from);
      const end = lastText(to);
      const range = document.createRange();
      range.setStart(start, start.data.length);
      range.setEnd(end, end.data.length);
      const selection = document.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
    },
    { from: fromId, to: toId },
  );
}

test('a deleted clause is listed under the consensus view for everyone, with its last words and its history', async ({
  browser,
}) => {
  const us = await signInAs(browser, accord.current.url, 'us.delegate');
  const mexico = await signInAs(browser, accord.current.url, 'mx.delegate');
  for (const { page } of [us, mexico]) await openDemoDraft(page);
  await mexico.page.getByTestId('consensus-toggle').click();
  await expect(mexico.page.getByTestId('consensus-view')).toBeVisible();
  await expect(mexico.page.getByTestId('deleted-clauses')).toHaveCount(0);

  // The United States deletes OP10 by selecting from the end of OP9 to the end of OP10.
  await selectIntoNextClause(us.page, 'op-institutions', 'op-follow-up');
  await us.page.keyboard.press('Backspace');
  await expect(us.page.locator('p.clause[data-clause-id="op-follow-up"]')).toHaveCount(0);

  // Mexico, on the consensus view, sees it listed without a reload.
  const deleted = mexico.page.getByTestId('deleted-clauses');
  await expect(deleted).toBeVisible();
  await deleted.locator('summary').click();
  const item = deleted.getByTestId('deleted-clause');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Decide to meet again at ministerial level');
  await expect(item).toContainText('Elena Marsh');

  // Its history says who deleted it and shows what it said.
  await item.getByTestId('deleted-clause-history').click();
  const drawer = mexico.page.getByTestId('history-drawer');
  await expect(drawer.getByRole('heading')).toHaveText('History of a deleted clause');
  await expect(drawer.getByTestId('history-version-text')).toContainText(
    'Decide to meet again at ministerial level',
  );
  await expect(drawer).toContainText('Deleted the clause');
  await expect(drawer).toContainText('Elena Marsh');

  // An undo brings it back, and the list empties for Mexico too.
  await us.page.keyboard.press('ControlOrMeta+z');
  await expect(us.page.locator('p.clause[data-clause-id="op-follow-up"]')).toHaveCount(1);
  await expect(mexico.page.getByTestId('deleted-clauses')).toHaveCount(0);

  for (const { context } of [us, mexico]) await context.close();
});
