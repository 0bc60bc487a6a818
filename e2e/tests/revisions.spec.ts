import { expect, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { placeCaretAfter } from '../support/caret';
import { joinDraft } from '../support/session';

const accord = useAccordServer();

/** The demo negotiation sits in Washington: deadlines are typed on New York's clock. */
const ZONE = 'America/New_York';

/** "2026-12-05T10:15:30", the wall clock in New York `ms` from now, as a datetime-local input takes it. */
function newYorkWallClock(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + ms));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}:${part('second')}`;
}

async function openRevisions(page: Page): Promise<void> {
  await page.getByTestId('revisions-link').click();
  await expect(page.getByRole('heading', { name: 'Issued revisions' })).toBeVisible();
}

async function issue(page: Page, note: string, number: number): Promise<void> {
  await page.getByPlaceholder("Chair's text after the second reading").fill(note);
  await page.getByTestId('issue-revision').click();
  await expect(page.getByTestId(`revision-row-${number}`)).toContainText(
    `ACCORD/2025/L.1/Rev.${number}`,
  );
}

async function startSilence(page: Page, deadline: string): Promise<void> {
  await page.getByTestId('silence-deadline').fill(deadline);
  await page.getByRole('button', { name: /under silence procedure/ }).click();
  await expect(page.getByTestId('silence-banner')).toContainText('Silence procedure');
}

test('the Chair issues Rev.1 and Rev.2, Mexico reads the redline, silence is broken, then a silence passes and the draft is adopted and locked', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  await openRevisions(chair.page);
  await chair.page.getByPlaceholder('ACCORD/2025/L.1').fill('ACCORD/2025/L.1');
  await chair.page.getByRole('button', { name: 'Save symbol' }).click();
  await expect(chair.page.getByText('Symbol saved.')).toBeVisible();
  await issue(chair.page, "Chair's text after the first reading", 1);

  // Delegates edit: Mexico adds a clause after OP1 (everything after it is renumbered), and
  // Guatemala changes the wording of the tariffs clause.
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  await placeCaretAfter(mexico.page, 'op-investment', 'communities of origin of migrants;');
  await mexico.page.keyboard.press('Enter');
  await mexico.page.keyboard.type('Welcome the creation of a regional investment fund;');
  const guatemala = await joinDraft(browser, accord.current.url, 'gt.delegate');
  await placeCaretAfter(guatemala.page, 'op-tariffs', 'to favour negotiated solutions');
  await guatemala.page.keyboard.type(' in good faith');
  await expect(chair.page.getByTestId('revision-row-1')).toBeVisible();

  // The Chair issues Rev.2 once both edits have reached the server (compare with the draft).
  await expect
    .poll(async () => {
      const reply = await chair.page.request.get(
        `${chair.page
          .url()
          .replace(/\/revisions.*$/, '')
          .replace('/d/', '/api/documents/')}/compare?from=1&to=current`,
      );
      const body = (await reply.json()) as { counts: { added: number; modified: number } };
      return body.counts.added === 1 && body.counts.modified === 1;
    })
    .toBe(true);
  await issue(chair.page, "Chair's text after the second reading", 2);

  // Mexico opens the comparison of Rev.1 with Rev.2.
  await openRevisions(mexico.page);
  await mexico.page
    .getByTestId('revision-row-2')
    .getByRole('button', { name: 'Compare with Rev.1' })
    .click();
  const redline = mexico.page.getByTestId('redline-editor');
  await expect(mexico.page.getByTestId('compare-counts')).toContainText('1 added');
  await expect(redline.locator('ins', { hasText: 'in good faith' })).toBeVisible();
  await expect(redline.locator('ins', { hasText: 'regional investment fund' })).toBeVisible();
  await expect(redline.getByText('OP3, formerly OP2')).toBeVisible();
  await expect(redline.getByText('OP4, formerly OP3')).toBeVisible();
  await expect(redline.locator('.redline-clause--changed')).not.toHaveCount(0);
  await mexico.page.getByTestId('next-change').click();
  await expect(redline.locator('.redline-clause--current')).toHaveCount(1);

  // Rev.1 opens read only, as it was issued.
  await mexico.page.getByTestId('revision-row-1').getByRole('button', { name: 'Open' }).click();
  const reader = mexico.page.getByTestId('redline-editor');
  await expect(reader).toContainText('favour negotiated solutions to trade tensions');
  await expect(reader).not.toContainText('in good faith');
  await expect(reader.locator('[contenteditable="true"]')).toHaveCount(0);

  // The Chair puts Rev.2 under silence; Guatemala breaks it from the draft, with a reason.
  await startSilence(chair.page, newYorkWallClock(60 * 60 * 1000));
  const banner = guatemala.page.getByTestId('silence-banner');
  await expect(banner).toContainText('Silence procedure on Rev.2');
  await expect(guatemala.page.getByTestId('silence-countdown')).toContainText('min');
  await banner.getByRole('button', { name: 'Break silence…' }).click();
  await banner.getByRole('textbox').fill('Guatemala needs the reduced tariff back in OP4.');
  await banner.getByRole('button', { name: 'Break silence', exact: true }).click();
  await expect(chair.page.getByTestId('silence-banner')).toContainText('Silence broken');
  await expect(chair.page.getByTestId('silence-banner')).toContainText('Guatemala');
  await expect(mexico.page.getByTestId('silence-reason')).toHaveText(
    'Guatemala needs the reduced tariff back in OP4.',
  );

  // A new silence, a few seconds long, passes unbroken: adopted, and every clause locked.
  await startSilence(chair.page, newYorkWallClock(6_000));
  await expect(chair.page.getByTestId('silence-banner')).toContainText(
    'Adopted under silence procedure',
    { timeout: 20_000 },
  );
  await expect(guatemala.page.locator('p.clause[data-clause-id="op-tariffs"]')).toHaveClass(
    /clause--locked/,
  );
  await expect(chair.page.getByTestId('revision-row-2')).toContainText('adopted');
});
