import AxeBuilder from '@axe-core/playwright';
import { type BrowserContextOptions, expect, type Page, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../support/accordProcess';
import { useAccordServer } from '../support/accordServer';

const accord = useAccordServer();

const SIZES: readonly { name: string; options: BrowserContextOptions }[] = [
  { name: 'desktop', options: { viewport: { width: 1400, height: 900 } } },
  {
    name: 'phone',
    options: {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
    },
  },
];

/** The serious and critical violations axe finds on the page as it is, in words. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 5)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
}

for (const size of SIZES) {
  test(`sign-in page, negotiation page and draft have no serious accessibility faults (${size.name})`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ ...size.options, baseURL: accord.current.url });
    const page = await context.newPage();
    await page.goto('/login');
    await expect(page.getByTestId('login-submit')).toBeVisible();
    expect(await seriousViolations(page), 'sign-in page').toEqual([]);

    await page.getByTestId('login-username').fill('mx.delegate');
    await page.getByTestId('login-password').fill(DEMO_PASSWORD);
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('draft-link').first()).toBeVisible();
    expect(await seriousViolations(page), 'negotiation page').toEqual([]);

    await page.getByTestId('draft-link').first().click();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
    await expect(page.locator('.ProseMirror')).toContainText('Joint Communiqué');
    await page.locator('p.clause[data-clause-id="op-tariffs"]').click();
    expect(await seriousViolations(page), 'draft').toEqual([]);
    if (size.name === 'phone') {
      await page.getByRole('tab', { name: 'Clause' }).click();
      await expect(page.getByTestId('clause-panel')).toBeVisible();
      expect(await seriousViolations(page), 'draft with the clause panel').toEqual([]);
    }
    await context.close();
  });
}

test('the first Tab on the draft offers a skip link that puts the keyboard in the text', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    baseURL: accord.current.url,
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill('ca.delegate');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('draft-link').first().click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the draft' });
  await expect(skip).toBeFocused();
  const box = await skip.boundingBox();
  expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ProseMirror')).toBeFocused();
  await context.close();
});

test('the clause panel works from the keyboard alone: choose a clause, state a position', async ({
  browser,
}) => {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    baseURL: accord.current.url,
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill('sv.delegate');
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-password').press('Enter');
  await page.getByTestId('draft-link').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  // Tab from the top of the page to the clause picker, without ever placing the caret.
  const picker = page.getByLabel('Clause shown');
  for (let presses = 0; presses < 40; presses += 1) {
    if (await picker.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(picker).toBeFocused();
  await picker.selectOption('op-tariffs');
  await expect(picker.locator('option:checked')).toHaveText(/^OP2 — Agree to consult/);
  const panel = page.getByTestId('clause-panel');
  await expect(panel).toHaveAttribute('data-clause-id', 'op-tariffs');
  const reserve = panel.locator('[data-testid="position-button"][data-position="reserve"]');
  for (let presses = 0; presses < 10; presses += 1) {
    if (await reserve.evaluate((element) => element === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(reserve).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(reserve).toHaveAttribute('aria-pressed', 'true');
  await context.close();
});
