import {
  type Browser,
  type BrowserContextOptions,
  expect,
  type Page,
  test,
} from '@playwright/test';
import { DEMO_PASSWORD } from '../support/accordProcess';
import { useAccordServer } from '../support/accordServer';
import { joinDraft } from '../support/session';

const accord = useAccordServer();

/** A phone and a small tablet, held upright, as Chromium's device emulation has them. */
const SCREENS: readonly { name: string; username: string; options: BrowserContextOptions }[] = [
  {
    name: 'a 390×844 phone',
    username: 'gt.delegate',
    options: {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
    },
  },
  {
    name: 'a 768×1024 tablet',
    username: 'sv.delegate',
    options: {
      viewport: { width: 768, height: 1024 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    },
  },
];

/** OP4 of the demo draft (jobs), and words in it. */
const CLAUSE = 'op-jobs';

/** Whether anything on the page is wider than the window (sideways scrolling). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Whether the element's box lies wholly inside the window. */
async function expectInViewport(page: Page, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox();
  const viewport = page.viewportSize();
  expect(box).not.toBeNull();
  expect(viewport).not.toBeNull();
  if (!box || !viewport) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
}

async function signInOnDevice(browser: Browser, options: BrowserContextOptions, username: string) {
  const context = await browser.newContext({ ...options, baseURL: accord.current.url });
  const page = await context.newPage();
  await page.goto('/login');
  await expect(page.getByTestId('login-submit')).toBeVisible();
  expect(await horizontalOverflow(page), 'the sign-in page scrolls sideways').toBe(0);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').tap();
  await expect(page.getByTestId('draft-link').first()).toBeVisible();
  return { context, page };
}

for (const screen of SCREENS) {
  test(`on ${screen.name} a delegate reads, amends, states a position and comments in one column`, async ({
    browser,
  }) => {
    const width = screen.options.viewport?.width ?? 0;
    const { context, page } = await signInOnDevice(browser, screen.options, screen.username);
    const remark = `Does this cover informal work? (${screen.username})`;

    // The negotiation page: the header folds into a menu, nothing is wider than the screen.
    expect(await horizontalOverflow(page), 'the negotiation page scrolls sideways').toBe(0);
    await expect(page.getByTestId('signout')).toBeHidden();
    await page.getByTestId('header-menu-button').tap();
    await expect(page.getByTestId('signout')).toBeVisible();
    await expectInViewport(page, page.getByTestId('header-menu'));
    await page.getByTestId('header-menu-button').tap();
    await expect(page.getByTestId('signout')).toBeHidden();

    await page.getByTestId('draft-link').first().tap();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
    const editor = page.locator('.ProseMirror');
    await expect(editor).toContainText('Joint Communiqué');

    // One column: the draft takes the width, the panels wait behind the tab bar.
    const editorBox = await editor.boundingBox();
    expect(editorBox?.width ?? 0).toBeGreaterThanOrEqual(300);
    expect(editorBox?.width ?? 0).toBeGreaterThan(width * 0.7);
    expect(await horizontalOverflow(page), 'the draft scrolls sideways').toBe(0);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height, 'the draft is drawn a letter per line').toBeLessThan(8_000);
    await expect(page.getByTestId('draft-tabs')).toBeVisible();
    await expectInViewport(page, page.getByTestId('draft-tabs'));
    await expect(page.getByTestId('comments-margin')).toBeHidden();
    await expect(page.getByTestId('export-button')).toBeHidden();
    // The toolbar stays one row the height of its buttons, scrolling sideways within itself.
    const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
    const toolbarBox = await toolbar.boundingBox();
    expect(toolbarBox?.height ?? 0).toBeLessThan(70);
    expect((toolbarBox?.x ?? -1) + (toolbarBox?.width ?? 0)).toBeLessThanOrEqual(width + 0.5);
    // The header: brand, the draft's title cut short on one line, the connection light, a menu.
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.height ?? 0).toBeLessThanOrEqual(60);
    const title = page.locator('.app-header__crumbs [aria-current="page"]');
    const titleBox = await title.boundingBox();
    expect(titleBox?.height ?? 100).toBeLessThan(30);
    await expectInViewport(page, page.getByTestId('header-menu-button'));

    // Typing into a clause.
    const clause = page.locator(`p.clause[data-clause-id="${CLAUSE}"]`);
    await clause.scrollIntoViewIfNeeded();
    await clause.tap();
    await page.keyboard.press('End');
    await page.keyboard.type(' PHONE-EDIT');
    await expect(clause).toContainText('PHONE-EDIT');

    // Stating a position: the Clause tab opens the panel of the clause just tapped.
    await page.getByRole('tab', { name: 'Clause' }).tap();
    const panel = page.getByTestId('clause-panel');
    await expect(panel).toBeVisible();
    await expect(panel).toHaveAttribute('data-clause-id', CLAUSE);
    const agree = panel.locator('[data-testid="position-button"][data-position="agree"]');
    await agree.scrollIntoViewIfNeeded();
    await expectInViewport(page, agree);
    await agree.tap();
    await expect(agree).toHaveAttribute('aria-pressed', 'true');
    expect(await horizontalOverflow(page)).toBe(0);

    // The consensus tab shows the whole draft; choosing a clause there leads to its panel.
    await page.getByRole('tab', { name: 'Consensus' }).tap();
    await expect(page.getByTestId('clause-panel')).toBeHidden();
    await page.getByRole('tab', { name: 'Draft' }).tap();
    await expect(page.getByTestId('draft-sheet')).toBeHidden();

    // Opening a comment thread: select words, tap Comment; the form opens in the sheet.
    await clause.tap();
    await page.evaluate((id) => {
      const element = document.querySelector(`p.clause[data-clause-id="${id}"]`);
      const walker = document.createTreeWalker(element as Node, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node as Text).data.indexOf('vocational training');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'vocational training'.length);
        document.getSelection()?.removeAllRanges();
        document.getSelection()?.addRange(range);
        return;
      }
      throw new Error('the words are not in the clause');
    }, CLAUSE);
    const commentButton = page.getByRole('button', { name: 'Comment', exact: true });
    await expect(commentButton).toBeEnabled();
    await commentButton.scrollIntoViewIfNeeded();
    await commentButton.tap();
    const form = page.getByTestId('new-thread-form');
    await expect(form).toBeVisible();
    await expectInViewport(page, form.getByLabel('Comment'));
    await form.getByLabel('Comment').fill(remark);
    await form.getByRole('button', { name: 'Comment' }).tap();
    await expect(form).toHaveCount(0);
    const card = page.locator('.thread-card', { hasText: remark });
    await expect(card).toBeVisible();
    await expectInViewport(page, card);
    expect(await horizontalOverflow(page)).toBe(0);

    // Someone at a desk sees all three.
    const desk = await joinDraft(browser, accord.current.url, 'chair');
    await expect(desk.page.locator(`p.clause[data-clause-id="${CLAUSE}"]`)).toContainText(
      'PHONE-EDIT',
    );
    await expect(desk.page.locator('.thread-card', { hasText: remark })).toBeVisible();
    await desk.context.close();
    await context.close();
  });
}
