import { expect, type Page } from '@playwright/test';

/** Selects the first occurrence of `words` in a clause, as a person dragging over them would. */
export async function selectWords(page: Page, clauseId: string, words: string): Promise<void> {
  await page.locator(`p.clause[data-clause-id="${clauseId}"]`).click();
  await page.evaluate(
    ({ id, text }) => {
      const clause = document.querySelector(`p.clause[data-clause-id="${id}"]`);
      if (!clause) throw new Error(`no clause ${id}`);
      const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = document.getSelection();
        selection?.removeAllRanges();
        selection?.addRange(range);
        return;
      }
      throw new Error(`"${text}" is not in clause ${id}`);
    },
    { id: clauseId, text: words },
  );
}

/** Opens a thread on words of a clause through the toolbar's Comment button. */
export async function comment(
  page: Page,
  clauseId: string,
  words: string,
  visibility: 'All delegations' | 'My delegation only',
  text: string,
): Promise<void> {
  await selectWords(page, clauseId, words);
  await expect(page.getByRole('button', { name: 'Comment', exact: true })).toBeEnabled();
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const form = page.getByTestId('new-thread-form');
  await form.getByLabel(visibility, { exact: false }).check();
  await form.getByLabel('Comment').fill(text);
  await form.getByRole('button', { name: 'Comment' }).click();
  await expect(form).toHaveCount(0);
}
