import type { Locator, Page } from '@playwright/test';

function clause(page: Page, clauseId: string): Locator {
  return page.locator(`p.clause[data-clause-id="${clauseId}"]`);
}

/** A clause's own text, without the widgets drawn in it (number, carets, bracket chips). */
export async function clauseText(page: Page, clauseId: string): Promise<string> {
  return clause(page, clauseId).evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const widget of Array.from(copy.querySelectorAll('.ProseMirror-widget'))) widget.remove();
    return copy.textContent ?? '';
  });
}

/**
 * Selects the first occurrence of `text` in a clause, across brackets and their chips, as a
 * drag with the mouse would.
 */
export async function selectClauseText(page: Page, clauseId: string, text: string): Promise<void> {
  await clause(page, clauseId).click();
  await clause(page, clauseId).evaluate((element, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (!node.parentElement?.closest('.ProseMirror-widget')) nodes.push(node as Text);
    }
    const whole = nodes.map((node) => node.data).join('');
    const at = whole.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the clause`);
    const locate = (offset: number, preferNext: boolean): [Text, number] => {
      let passed = 0;
      for (const node of nodes) {
        const end = passed + node.data.length;
        if (offset < end || (offset === end && !preferNext)) return [node, offset - passed];
        passed = end;
      }
      const last = nodes.at(-1) as Text;
      return [last, last.data.length];
    };
    const range = document.createRange();
    range.setStart(...locate(at, true));
    range.setEnd(...locate(at + wanted.length, false));
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }, text);
}
