import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Locator,
  type Page,
} from '@playwright/test';
import { DEMO_PASSWORD } from './accordProcess';

/** A signed-in person in a browser context of their own. */
export interface Person {
  context: BrowserContext;
  page: Page;
}

/**
 * Opens a fresh browser context and signs in through the real sign-in page. `options` set up the
 * context (a browser in another time zone, a phone's viewport).
 */
export async function signInAs(
  browser: Browser,
  baseURL: string,
  username: string,
  options: BrowserContextOptions = {},
): Promise<Person> {
  const context = await browser.newContext({ ...options, baseURL });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await expect(page).not.toHaveURL(/\/login/);
  return { context, page };
}

/** Opens the demo draft from the negotiation page and waits until it is connected. */
export async function openDemoDraft(page: Page): Promise<void> {
  await page.getByTestId('draft-link').first().click();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId('editor').locator('.ProseMirror')).toContainText(
    'Joint Communiqué',
  );
}

/** Signs in and opens the demo draft, in a browser context of its own. */
export async function joinDraft(
  browser: Browser,
  baseURL: string,
  username: string,
): Promise<Person> {
  const person = await signInAs(browser, baseURL, username);
  await openDemoDraft(person.page);
  return person;
}

/** Shows a clause in the side panel by clicking its paragraph; returns the panel. */
export async function selectClause(page: Page, clauseId: string): Promise<Locator> {
  await page.locator(`p.clause[data-clause-id="${clauseId}"]`).click();
  const panel = page.getByTestId('clause-panel');
  await expect(panel).toHaveAttribute('data-clause-id', clauseId);
  return panel;
}

/** Puts the caret at the end of the clause whose text contains `clauseText`. */
export async function placeCaretAtEndOf(page: Page, clauseText: string): Promise<void> {
  const clause = page.getByTestId('editor').locator('p.clause', { hasText: clauseText }).first();
  await clause.click();
  await page.keyboard.press('End');
}
