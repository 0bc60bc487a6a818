import { expect, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { openDemoDraft, placeCaretAtEndOf, signInAs } from '../support/session';

const accord = useAccordServer();

test('two delegations see each other typing, their carets and their presence', async ({
  browser,
}) => {
  const mexico = await signInAs(browser, accord.current.url, 'mx.delegate');
  const unitedStates = await signInAs(browser, accord.current.url, 'us.delegate');
  await openDemoDraft(mexico.page);
  await openDemoDraft(unitedStates.page);

  // Each sees the other in the presence bar, under their own delegation.
  await expect(
    mexico.page.getByTestId('presence-user').filter({ hasText: 'Elena Marsh' }),
  ).toHaveAttribute('data-delegation', 'US');
  await expect(
    unitedStates.page.getByTestId('presence-user').filter({ hasText: 'Sofía Ramírez' }),
  ).toHaveAttribute('data-delegation', 'MX');

  await placeCaretAtEndOf(mexico.page, 'root causes that push people');
  await mexico.page.keyboard.type(' Mexico proposes this wording.');
  await expect(unitedStates.page.getByTestId('editor')).toContainText(
    'Mexico proposes this wording.',
  );

  // The US delegate sees Mexico's caret, labelled with the name and delegation.
  const caretLabel = unitedStates.page.locator('.collaboration-carets__label', {
    hasText: 'Sofía Ramírez',
  });
  await expect(caretLabel).toBeVisible();
  await expect(caretLabel).toContainText('MX');

  await placeCaretAtEndOf(unitedStates.page, 'favour negotiated solutions');
  await unitedStates.page.keyboard.type(' The United States agrees.');
  await expect(mexico.page.getByTestId('editor')).toContainText('The United States agrees.');

  await mexico.context.close();
  await unitedStates.context.close();
});

test('an observer reads live but cannot type', async ({ browser }) => {
  const observer = await signInAs(browser, accord.current.url, 'observer');
  const canada = await signInAs(browser, accord.current.url, 'ca.delegate');
  await openDemoDraft(observer.page);
  await openDemoDraft(canada.page);

  await expect(observer.page.getByTestId('readonly-badge')).toBeVisible();
  const observerEditor = observer.page.getByTestId('editor').locator('.ProseMirror');
  await expect(observerEditor).toHaveAttribute('contenteditable', 'false');

  await placeCaretAtEndOf(observer.page, 'Decide to meet again');
  await observer.page.keyboard.type(' OBSERVER WAS HERE');
  await placeCaretAtEndOf(canada.page, 'Decide to meet again');
  await canada.page.keyboard.type(' Canada suggests Ottawa.');

  // The observer receives Canada's edit live, and its own keystrokes went nowhere.
  await expect(observerEditor).toContainText('Canada suggests Ottawa.');
  await expect(canada.page.getByTestId('editor')).not.toContainText('OBSERVER WAS HERE');
  await expect(observerEditor).not.toContainText('OBSERVER WAS HERE');

  await observer.context.close();
  await canada.context.close();
});

test('a wrong password gets a clear, generic error', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: accord.current.url });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill('mx.delegate');
  await page.getByTestId('login-password').fill('not-the-password');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('login-error')).toContainText(/incorrect|invalid/i);
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});
