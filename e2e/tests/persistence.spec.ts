import { expect, test } from '@playwright/test';
import { startAccord } from '../support/accordProcess';
import { useAccordServer } from '../support/accordServer';
import { openDemoDraft, placeCaretAtEndOf, signInAs } from '../support/session';

const accord = useAccordServer();

test('text survives a reload and a server restart, and the editor reconnects by itself', async ({
  browser,
}) => {
  const guatemala = await signInAs(browser, accord.current.url, 'gt.delegate');
  const { page } = guatemala;
  await openDemoDraft(page);
  await placeCaretAtEndOf(page, 'youth employment programmes');
  await page.keyboard.type(' Guatemala adds rural areas.');
  await expect(page.getByTestId('editor')).toContainText('Guatemala adds rural areas.');

  await page.reload();
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected');
  await expect(page.getByTestId('editor')).toContainText('Guatemala adds rural areas.');

  // Restart the server on the same port and data folder while the page stays open.
  const port = Number(new URL(accord.current.url).port);
  await accord.current.stop();
  await expect(page.getByTestId('connection-status')).not.toHaveAttribute(
    'data-status',
    'connected',
  );
  accord.current = await startAccord({ dataDir: accord.current.dataDir, port });
  await expect(page.getByTestId('connection-status')).toHaveAttribute('data-status', 'connected', {
    timeout: 20_000,
  });

  // A fresh browser sees the text from SQLite; the open page keeps editing after reconnecting.
  const salvador = await signInAs(browser, accord.current.url, 'sv.delegate');
  await openDemoDraft(salvador.page);
  await expect(salvador.page.getByTestId('editor')).toContainText('Guatemala adds rural areas.');
  await placeCaretAtEndOf(page, 'Guatemala adds rural areas.');
  await page.keyboard.type(' After restart.');
  await expect(salvador.page.getByTestId('editor')).toContainText('After restart.');

  await guatemala.context.close();
  await salvador.context.close();
});
