import { expect, type Page } from '@playwright/test';

/**
 * Puts the caret right after the first `before` in a clause's text, as a click there would: the
 * editor is focused and the browser's selection set, which ProseMirror reads as the person's own.
 * Widgets (clause numbers, bracket chips, carets) are not text and are skipped.
 */
export async function placeCaretAfter(page: Page, clauseId: string, before: string): Promise<void> {
  await page.locator(`p.clause[data-clause-id="${clauseId}"]`).click();
  await page.evaluate(
    ({ clauseId, before }) => {
      const clause = document.querySelector(`p.clause[data-clause-id="${clauseId}"]`);
      if (!clause) throw new Error(`no clause ${clauseId}`);
      const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[contenteditable="false"]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += (node as Text).data;
      }
      const found = text.indexOf(before);
      if (found === -1) throw new Error(`"${before}" is not in ${clauseId}: ${text}`);
      const target = found + before.length;
      const at = nodes.findLast(({ start }) => start <= target);
      if (!at) throw new Error('no text node');
      window.getSelection()?.collapse(at.node, target - at.start);
    },
    { clauseId, before },
  );
  // ProseMirror takes the selection from the browser's selectionchange event.
  await expect
    .poll(() =>
      page.evaluate(
        ({ clauseId, before }) => {
          const selection = window.getSelection();
          const clause = document.querySelector(`p.clause[data-clause-id="${clauseId}"]`);
          if (!selection?.anchorNode || !clause?.contains(selection.anchorNode)) return false;
          const range = document.createRange();
          range.setStart(clause, 0);
          range.setEnd(selection.anchorNode, selection.anchorOffset);
          return range.toString().endsWith(before);
        },
        { clauseId, before },
      ),
    )
    .toBe(true);
}

/** A clause's text as the reader sees it, without widgets. */
export function clauseText(page: Page, clauseId: string): Promise<string> {
  return page.evaluate((clauseId) => {
    const clause = document.querySelector(`p.clause[data-clause-id="${clauseId}"]`);
    if (!clause) return '';
    let text = '';
    const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('[contenteditable="false"]')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += (node as Text).data;
    return text;
  }, clauseId);
}

/** Every clause's id and text, in order, as this browser shows them. */
export function draftClauses(page: Page): Promise<[string, string][]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('p.clause')).map((clause): [string, string] => {
      let text = '';
      const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[contenteditable="false"]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        text += (node as Text).data;
      }
      return [clause.getAttribute('data-clause-id') ?? '', text];
    }),
  );
}

/**
 * How far (in px, horizontally, on the same line) another person's caret, found by its label,
 * is drawn from the end of `before` in a clause; null when either is not shown.
 */
export function remoteCaretDistance(
  page: Page,
  name: string,
  clauseId: string,
  before: string,
): Promise<number | null> {
  return page.evaluate(
    ({ name, clauseId, before }) => {
      const caret = Array.from(document.querySelectorAll('.collaboration-carets__caret')).find(
        (element) => element.textContent?.includes(name),
      );
      const clause = document.querySelector(`p.clause[data-clause-id="${clauseId}"]`);
      if (!caret || !clause) return null;
      const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT, {
        acceptNode: (node) =>
          node.parentElement?.closest('[contenteditable="false"]')
            ? NodeFilter.FILTER_REJECT
            : NodeFilter.FILTER_ACCEPT,
      });
      let text = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, start: text.length });
        text += (node as Text).data;
      }
      const found = text.indexOf(before);
      if (found === -1) return null;
      const last = found + before.length - 1;
      const at = nodes.findLast(({ start }) => start <= last);
      if (!at) return null;
      const range = document.createRange();
      range.setStart(at.node, last - at.start);
      range.setEnd(at.node, last - at.start + 1);
      const char = range.getBoundingClientRect();
      const caretBox = caret.getBoundingClientRect();
      const sameLine = caretBox.top < char.bottom && caretBox.bottom > char.top;
      return sameLine ? Math.abs(caretBox.left - char.right) : Number.POSITIVE_INFINITY;
    },
    { name, clauseId, before },
  );
}
