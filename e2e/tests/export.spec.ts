import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { comment } from '../support/comments';
import { openDemoDraft, signInAs } from '../support/session';

const accord = useAccordServer();

test('a delegate downloads the draft compilation in Markdown from the export dialog', async ({
  browser,
}) => {
  const { page, context } = await signInAs(browser, accord.current.url, 'mx.delegate');
  await openDemoDraft(page);
  await comment(page, 'op-tariffs', 'ninety days', 'All delegations', 'Public note on notice');
  await comment(page, 'op-tariffs', 'new tariffs', 'My delegation only', 'PRIVATE fallback line');

  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('export-format').selectOption('md');
  await expect(dialog.getByTestId('export-mode-draft')).toBeChecked();
  // Only a moderator may export the final text; the dialog says so.
  await expect(dialog.getByTestId('export-mode-final')).toBeDisabled();
  await expect(dialog.getByTestId('export-final-reasons')).toContainText(
    'Only a moderator can export the final communiqué.',
  );
  await dialog.getByTestId('export-threads').check();

  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(
    /^communique-joint-communique-on-regional-economic-growth-and-migration-draft-\d{4}-\d{2}-\d{2}-\d{4}\.md$/,
  );
  const markdown = readFileSync(await download.path(), 'utf8');
  // On the clock of the venue (the demo talks sit in Washington, D.C.), the zone named.
  expect(markdown).toMatch(
    /^> \*\*DRAFT — compiled \d{1,2} \w+ \d{4}, \d{2}:\d{2} New York time \(UTC-[45]\)/,
  );
  expect(markdown).toContain('# Joint Communiqué on Regional Economic Growth and Migration');
  expect(markdown).toContain('**PP1** *Recognizing* that the prosperity and security');
  expect(markdown).toContain('**OP1** Commit to promote private-sector investment');
  expect(markdown).toContain('**OP10** Decide to meet again at ministerial level');
  expect(markdown).toContain('*Bracketed. US — · CA — · MX — · SV — · GT —*');
  // The public thread is listed, as asked; the private one never leaves Mexico's browser.
  expect(markdown).toContain('Public note on notice');
  expect(markdown).not.toContain('PRIVATE fallback line');
  await expect(dialog).toContainText(`Downloaded ${download.suggestedFilename()}`);
  await context.close();
});

test('the chair sees the final export blocked by the clauses not yet locked', async ({
  browser,
}) => {
  const { page, context } = await signInAs(browser, accord.current.url, 'chair');
  await openDemoDraft(page);
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog.getByTestId('export-mode-final')).toBeDisabled();
  const reasons = dialog.getByTestId('export-final-reasons');
  await expect(reasons).toContainText('PP1: not locked');
  await expect(reasons).toContainText('PP5: not locked, has brackets');
  await expect(reasons).not.toContainText('Only a moderator');

  // The draft compilation is there for the chair too, as a PDF.
  await dialog.getByTestId('export-format').selectOption('pdf');
  const downloading = page.waitForEvent('download');
  await dialog.getByTestId('export-download').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/-draft-\d{4}-\d{2}-\d{2}-\d{4}\.pdf$/);
  expect(
    readFileSync(await download.path())
      .subarray(0, 5)
      .toString(),
  ).toBe('%PDF-');
  await context.close();
});
