import { expect, type Locator, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { selectClauseText as selectText, clauseText as textOf } from '../support/clauseText';
import { joinDraft, selectClause } from '../support/session';

const accord = useAccordServer();

function clause(page: Page, clauseId: string): Locator {
  return page.locator(`p.clause[data-clause-id="${clauseId}"]`);
}

test("a delegation's bracket shows who asked for it, and another delegation cannot remove it", async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const unitedStates = await joinDraft(browser, accord.current.url, 'us.delegate');

  // Mexico brackets the last word of OP4 with the toolbar button.
  await selectText(mexico.page, 'op-jobs', 'created;');
  await mexico.page.getByRole('button', { name: 'Bracket' }).click();
  for (const page of [mexico.page, unitedStates.page]) {
    await expect.poll(() => textOf(page, 'op-jobs')).toContain('jobs [created;]');
    await expect(
      clause(page, 'op-jobs').locator('[data-testid="bracket-chip"][data-delegation="MX"]'),
    ).toBeVisible();
  }
  const panel = await selectClause(unitedStates.page, 'op-jobs');
  await expect(panel.getByTestId('clause-brackets')).toContainText('Mexico: 1 bracket');

  // The United States select words across the '[' and type over them: the editor stops it and
  // says why.
  await selectText(unitedStates.page, 'op-jobs', 'on jobs [created');
  await unitedStates.page.keyboard.type('x');
  await expect(unitedStates.page.getByTestId('edit-blocked-notice')).toContainText(
    'asked for by Mexico',
  );
  expect(await textOf(unitedStates.page, 'op-jobs')).toContain('reporting on jobs [created;]');
  // Nothing was sent: no refusal, no reload, and Mexico's text is as it was.
  await expect(unitedStates.page.getByTestId('sync-notice')).toHaveCount(0);
  // Typing elsewhere still works and reaches Mexico, bracket intact.
  await selectText(unitedStates.page, 'op-jobs', 'annual');
  await unitedStates.page.keyboard.type('yearly');
  await expect
    .poll(() => textOf(mexico.page, 'op-jobs'))
    .toContain('with yearly reporting on jobs [created;]');
});

test('a delegation proposes an alternative wording, everyone sees it live, and the Chair chooses it', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const unitedStates = await joinDraft(browser, accord.current.url, 'us.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const wording = 'Agree to consult one another before imposing new tariffs within the region;';

  const usPanel = await selectClause(unitedStates.page, 'op-tariffs');
  const mxPanel = await selectClause(mexico.page, 'op-tariffs');
  await mxPanel.getByTestId('propose-alternative').click();
  await mxPanel.getByTestId('alternative-text').fill(wording);
  await mxPanel.getByTestId('submit-alternative').click();

  // The United States see it arrive, attributed to Mexico; they may neither choose nor withdraw it.
  const usAlternative = usPanel.locator('[data-testid="alternative"][data-delegation="MX"]');
  await expect(usAlternative).toContainText('Alt 1');
  await expect(usAlternative).toContainText(wording);
  await expect(usAlternative.getByTestId('choose-alternative')).toHaveCount(0);
  await expect(usAlternative.getByTestId('withdraw-alternative')).toHaveCount(0);
  await expect(
    mxPanel.locator('[data-testid="alternative"]').getByTestId('withdraw-alternative'),
  ).toBeVisible();

  // The Chair chooses it after its review: it becomes the clause text in every browser and the
  // list empties.
  const chairPanel = await selectClause(chair.page, 'op-tariffs');
  await chairPanel.getByTestId('choose-alternative').click();
  await chairPanel.getByTestId('choice-confirm').click();
  for (const page of [mexico.page, unitedStates.page, chair.page]) {
    await expect.poll(() => textOf(page, 'op-tariffs')).toBe(wording);
  }
  await expect(usPanel.getByTestId('alternative')).toHaveCount(0);

  // The history keeps the choice, and who made it.
  await usPanel.getByTestId('history-button').click();
  const drawer = unitedStates.page.getByTestId('history-drawer');
  await expect(
    drawer.locator('[data-testid="history-event"][data-kind="alternativeChosen"]'),
  ).toContainText('Chose Mexico’s alternative wording');
  await expect(
    drawer.locator('[data-testid="history-entry"][data-delegation="CHAIR"]').first(),
  ).toBeVisible();
});

test('the Chair reads a redline, is told whose brackets go, and only then replaces the text', async ({
  browser,
}) => {
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  const salvador = await joinDraft(browser, accord.current.url, 'sv.delegate');
  const canada = await joinDraft(browser, accord.current.url, 'ca.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const clauseId = 'op-legal-pathways';
  const original = await textOf(chair.page, clauseId);
  const wording = 'Will expand safe and legal pathways for seasonal labour migration;';

  // Mexico and El Salvador each bracket words of OP7; Canada agrees with the text as it stands.
  await selectText(mexico.page, clauseId, 'temporary work programmes');
  await mexico.page.getByRole('button', { name: 'Bracket' }).click();
  await selectText(salvador.page, clauseId, 'shared border management');
  await salvador.page.getByRole('button', { name: 'Bracket' }).click();
  await expect(clause(chair.page, clauseId).getByTestId('bracket-chip')).toHaveCount(2);
  const canadaPanel = await selectClause(canada.page, clauseId);
  await canadaPanel.locator('[data-testid="position-button"][data-position="agree"]').click();
  await expect(
    canadaPanel.locator('[data-testid="position-chip"][data-delegation="CA"]'),
  ).toHaveAttribute('data-position', 'agree');
  const mxPanel = await selectClause(mexico.page, clauseId);
  await mxPanel.getByTestId('propose-alternative').click();
  await mxPanel.getByTestId('alternative-text').fill(wording);
  await mxPanel.getByTestId('submit-alternative').click();

  // "Use this wording…" opens a review; nothing changes yet.
  const panel = await selectClause(chair.page, clauseId);
  await panel.getByTestId('choose-alternative').click();
  const review = panel.getByTestId('choice-review');
  await expect(review).toContainText('Replace the text of OP7 with Alt 1 [MX]?');
  const redline = review.getByTestId('choice-redline');
  await expect(redline.locator('del', { hasText: 'orderly' })).toHaveCount(1);
  await expect(redline.locator('del', { hasText: 'shared border management' })).toHaveCount(1);
  await expect(redline.locator('ins')).toHaveText(['seasonal ']);
  // Read whole, the redline holds the current text and the new one, nothing left out.
  const whole = (await redline.textContent()) ?? '';
  expect(whole).toContain('Will expand safe');
  expect(whole).toContain('[shared border management]');
  await expect(review.getByTestId('choice-brackets')).toHaveText(
    'This removes the brackets of Mexico (1 bracket) and El Salvador (1 bracket). Mexico and El Salvador will see their brackets gone.',
  );
  await expect(review.getByTestId('choice-positions')).toContainText('(CA Agree) will be cleared');
  expect(await textOf(mexico.page, clauseId)).toContain('[temporary work programmes]');

  // Cancel leaves everything as it was.
  await review.getByTestId('choice-cancel').click();
  await expect(review).toHaveCount(0);
  expect(await textOf(canada.page, clauseId)).toContain('[shared border management]');

  // The review follows the clause live: Canada's edit shows in the redline before the Chair confirms.
  await panel.getByTestId('choose-alternative').click();
  await selectText(canada.page, clauseId, 'orderly');
  await canada.page.keyboard.type('ordered');
  await expect(
    review.getByTestId('choice-redline').locator('del', { hasText: 'ordered' }),
  ).toHaveCount(1);
  await review.getByTestId('choice-confirm').click();
  await expect(review).toHaveCount(0);
  for (const page of [mexico.page, salvador.page, canada.page, chair.page]) {
    await expect.poll(() => textOf(page, clauseId)).toBe(wording);
  }
  await expect(clause(mexico.page, clauseId).getByTestId('bracket-chip')).toHaveCount(0);
  expect(original).not.toBe(wording);

  // The audit log keeps what was set aside: the words replaced and whose brackets they held.
  await chair.page.getByTestId('audit-open').click();
  const entry = chair.page.locator('[data-testid="audit-entry"][data-action="alternativeChosen"]', {
    hasText: 'OP7',
  });
  await expect(entry).toContainText('OP7: chose Mexico');
  await expect(entry).toContainText('(removing brackets of Mexico, El Salvador)');
  for (const person of [mexico, salvador, canada, chair]) await person.context.close();
});
