import { expect, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { comment, selectWords } from '../support/comments';
import { joinDraft } from '../support/session';

const accord = useAccordServer();

function cards(page: Page) {
  return page.getByTestId('comments-margin').getByTestId('thread-card');
}

test("Mexico's private thread stays in Mexico's browser; its public thread appears live for all", async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');

  await comment(
    mexico.page,
    'op-tariffs',
    'negotiated solutions',
    'My delegation only',
    'Hold firm on this',
  );
  await comment(
    mexico.page,
    'op-tariffs',
    'new tariffs',
    'All delegations',
    'We propose a consultation',
  );

  await expect(cards(mexico.page)).toHaveCount(2);
  await expect(
    cards(mexico.page).filter({ hasText: 'Hold firm on this' }).getByTestId('thread-private-badge'),
  ).toHaveText('Private — MX only');
  await expect(mexico.page.locator('.thread-highlight')).toHaveCount(2);

  for (const other of [us, chair]) {
    await expect(cards(other.page)).toHaveCount(1);
    await expect(cards(other.page).first()).toContainText('We propose a consultation');
    await expect(other.page.locator('.thread-highlight')).toHaveCount(1);
    await expect(other.page.locator('.thread-highlight')).toHaveText('new tariffs');
    await expect(other.page.locator('body')).not.toContainText('Hold firm on this');
  }

  // A reply from the United States reaches Mexico live, with an unread badge.
  const publicCard = cards(us.page).first();
  await publicCard.getByLabel('Reply').fill('We can live with that');
  await publicCard.getByRole('button', { name: 'Reply' }).click();
  const mexicoPublic = cards(mexico.page).filter({ hasText: 'We propose a consultation' });
  await expect(mexicoPublic).toContainText('We can live with that');
  await expect(mexicoPublic.getByTestId('thread-unread')).toHaveText('1');
  // Clicking the highlighted words reads the thread, as clicking its card does.
  await mexico.page.locator('.thread-highlight', { hasText: 'new tariffs' }).first().click();
  await expect(mexicoPublic.getByTestId('thread-unread')).toHaveCount(0);
  await expect(chair.page.getByTestId('comments-margin')).toContainText('We can live with that');
  await expect(us.page.locator('body')).not.toContainText('Hold firm on this');

  // The Chair hides the reply with a reason; everyone sees the reason instead of the text.
  const chairCard = cards(chair.page).filter({ hasText: 'We propose a consultation' });
  await chairCard
    .getByTestId('thread-message')
    .filter({ hasText: 'We can live with that' })
    .getByRole('button', { name: 'Hide' })
    .click();
  await chairCard.getByLabel('Reason for hiding').fill('Off the record');
  await chairCard.getByRole('button', { name: 'Hide message' }).click();
  for (const person of [mexico, us, chair]) {
    await expect(person.page.getByTestId('message-hidden')).toHaveText(
      'Hidden by the Chair: Off the record',
    );
    await expect(person.page.getByTestId('comments-margin')).not.toContainText(
      'We can live with that',
    );
  }
});

/** Highlights inside OP4 (op-jobs) only: other tests' threads live on the same server. */
const JOBS_HIGHLIGHT = 'p.clause[data-clause-id="op-jobs"] .thread-highlight';

test('an anchor follows its words while another delegation edits before them, and detaches when they go', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  await comment(mexico.page, 'op-jobs', 'vocational', 'All delegations', 'Define vocational');
  await expect(us.page.locator(JOBS_HIGHLIGHT)).toHaveText('vocational');

  // A click on the highlighted word brings its thread into focus in the margin.
  await us.page.locator(JOBS_HIGHLIGHT).click();
  await expect(cards(us.page).filter({ hasText: 'Define vocational' })).toHaveClass(
    /thread-card--active/,
  );

  // The United States types at the start of the same clause, before the anchored word.
  await us.page.locator('p.clause[data-clause-id="op-jobs"]').click();
  await us.page.keyboard.press('Home');
  await us.page.keyboard.type('Moreover, ');
  await expect(mexico.page.locator('p.clause[data-clause-id="op-jobs"]')).toContainText(
    'Moreover, ',
  );
  await expect(mexico.page.locator(JOBS_HIGHLIGHT)).toHaveText('vocational');
  await expect(us.page.locator(JOBS_HIGHLIGHT)).toHaveText('vocational');

  // The United States deletes the word: the thread stays, detached, with its quote.
  await selectWords(us.page, 'op-jobs', 'vocational');
  await us.page.keyboard.press('Delete');
  await expect(mexico.page.locator(JOBS_HIGHLIGHT)).toHaveCount(0);
  await expect(mexico.page.getByTestId('thread-detached')).toContainText('vocational');
  await expect(cards(mexico.page).filter({ hasText: 'Define vocational' })).toHaveCount(1);
});

test('a message full of markup and script is shown as text', async ({ browser }) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  const script =
    '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>';
  await comment(mexico.page, 'op-tariffs', 'trade tensions', 'All delegations', script);
  for (const page of [mexico.page, us.page]) {
    const card = cards(page).filter({ hasText: 'bold?' });
    await expect(card.getByTestId('message-body')).toHaveText(script);
    await expect(card.locator('img, script, b')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  }
});
