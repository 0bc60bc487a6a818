import { expect, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { comment } from '../support/comments';
import { openDemoDraft, placeCaretAtEndOf, selectClause, signInAs } from '../support/session';

const accord = useAccordServer();

/** A time as the app writes it on Mexico City's clock: "2:56 PM CST", maybe after a date. */
const MEXICO_TIME = /\d{1,2}:\d{2}\s[AP]M CST/;

/**
 * The browsers here run in Tokyo: every time they show must still be on the negotiation's clock
 * (DESIGN.md decision 13), never the machine's.
 */
const TOKYO = { timezoneId: 'Asia/Tokyo', locale: 'en-US' };

test('the Chair sets the time zone; the negotiation names it; a bad zone is refused in words', async ({
  browser,
}) => {
  const chair = await signInAs(browser, accord.current.url, 'chair', TOKYO);
  const setting = chair.page.getByTestId('time-zone-setting');
  // The demo talks sit in Washington, D.C.: its clock until the Chair says otherwise.
  await expect(setting.getByTestId('negotiation-time-zone')).toHaveText(
    /^Times are New York time \(UTC-[45]\) \(America\/New_York\)\.$/,
  );

  await setting.getByTestId('time-zone-change').click();
  await setting.getByTestId('time-zone-input').fill('Mars/Olympus_Mons');
  await setting.getByRole('button', { name: 'Save' }).click();
  await expect(setting.getByTestId('time-zone-error')).toHaveText(
    '"Mars/Olympus_Mons" is not a time zone Accord knows. Give an IANA time zone name such as America/Mexico_City, America/New_York or UTC.',
  );
  await expect(setting.getByTestId('time-zone-input')).toHaveAttribute('aria-invalid', 'true');

  await setting.getByTestId('time-zone-input').fill('america/mexico_city');
  await setting.getByRole('button', { name: 'Save' }).click();
  await expect(setting.getByTestId('negotiation-time-zone')).toHaveText(
    'Times are Mexico City time (UTC-6) (America/Mexico_City).',
  );

  // A delegate reads the zone but has no way to change it.
  const mexico = await signInAs(browser, accord.current.url, 'mx.delegate');
  await expect(mexico.page.getByTestId('negotiation-time-zone')).toHaveAttribute(
    'data-time-zone',
    'America/Mexico_City',
  );
  await expect(mexico.page.getByTestId('time-zone-change')).toHaveCount(0);
  await chair.context.close();
  await mexico.context.close();
});

test('every time on the draft is on the negotiation’s clock with its zone, in a browser elsewhere', async ({
  browser,
}) => {
  // The first test moved the negotiation to Mexico City (the server is shared by the file).
  const chair = await signInAs(browser, accord.current.url, 'chair', TOKYO);
  await openDemoDraft(chair.page);
  const mexico = await signInAs(browser, accord.current.url, 'mx.delegate', TOKYO);
  await openDemoDraft(mexico.page);

  // An edit (for the history), then a position: its tooltip says when, on Mexico City's clock.
  await placeCaretAtEndOf(mexico.page, 'youth employment programmes');
  await mexico.page.keyboard.type(' Indeed.');
  const panel = await selectClause(mexico.page, 'op-jobs');
  await panel.locator('[data-testid="position-button"][data-position="agree"]').click();
  const chip = panel.locator('[data-testid="position-chip"][data-delegation="MX"]');
  await expect(chip).toHaveAttribute('data-position', 'agree');
  await expect(chip).toHaveAttribute(
    'title',
    new RegExp(`stated by Sofía Ramírez.* at ${MEXICO_TIME.source}$`),
  );

  // A comment's time.
  await comment(mexico.page, 'op-jobs', 'jobs', 'All delegations', 'When was this said?');
  const message = mexico.page
    .getByTestId('thread-message')
    .filter({ hasText: 'When was this said?' });
  await expect(message.locator('time')).toHaveText(MEXICO_TIME);
  await expect(message.locator('time')).toHaveAttribute('title', /Central Standard Time$/);

  // A lock: the label under the clause and the panel's summary.
  const chairPanel = await selectClause(chair.page, 'op-returns');
  await chairPanel.getByTestId('lock-button').click();
  await chairPanel.getByTestId('lock-reason').fill('Settled in the corridor');
  await chairPanel.getByTestId('lock-confirm').click();
  const locked = chair.page.locator('p.clause[data-clause-id="op-returns"]');
  await expect(locked).toHaveAttribute(
    'data-lock-label',
    new RegExp(`^Locked by the Chair \\(Amb\\. Ruth Okafor\\) · ${MEXICO_TIME.source}$`),
  );
  await expect(chairPanel.getByTestId('lock-summary').locator('time')).toHaveText(MEXICO_TIME);

  // The history of a changed clause and the audit log name the zone once and use it throughout.
  await selectClause(chair.page, 'op-jobs');
  await chair.page.getByTestId('history-button').click();
  const history = chair.page.getByTestId('history-drawer');
  await expect(history.getByTestId('history-time-zone')).toHaveText(
    'Times are Mexico City time (UTC-6).',
  );
  await expect(
    history.getByTestId('history-entry').filter({ hasText: 'Sofía Ramírez' }).locator('time'),
  ).toHaveText(MEXICO_TIME);
  await history.getByTestId('history-close').click();
  await chair.page.getByTestId('audit-open').click();
  const drawer = chair.page.getByTestId('audit-drawer');
  await expect(drawer.getByTestId('audit-time-zone')).toHaveText(
    'Times are Mexico City time (UTC-6).',
  );
  const lockEntry = drawer.locator('[data-testid="audit-entry"][data-action="lock"]');
  await expect(lockEntry.locator('time')).toHaveText(MEXICO_TIME);
  await expect(lockEntry.locator('time')).toHaveAttribute('title', /Central Standard Time$/);
  await expect(drawer).not.toContainText('JST');
  await chair.context.close();
  await mexico.context.close();
});
