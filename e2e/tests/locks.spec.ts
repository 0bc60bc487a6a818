import { expect, type Locator, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { joinDraft, selectClause } from '../support/session';

const accord = useAccordServer();

/** OP3 of the demo draft, locked by the Chair; OP4, left unlocked. */
const LOCKED = 'op-supply-chains';
const UNLOCKED = 'op-jobs';
/** OP6, locked while a delegate edits it offline (the first test; the server is shared). */
const OFFLINE_LOCKED = 'op-returns';

function clause(page: Page, clauseId: string): Locator {
  return page.locator(`p.clause[data-clause-id="${clauseId}"]`);
}

/** Pastes plain text at the editor's selection, as a clipboard paste does. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.locator('.ProseMirror').evaluate((editor, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    editor.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

test('an edit made offline in a clause the Chair locks meanwhile is refused with a clear notice', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const salvador = await joinDraft(browser, accord.current.url, 'sv.delegate');
  await salvador.context.setOffline(true);
  await expect(salvador.page.getByTestId('connection-status')).not.toHaveAttribute(
    'data-status',
    'connected',
  );
  await clause(salvador.page, OFFLINE_LOCKED).click();
  await salvador.page.keyboard.press('End');
  await salvador.page.keyboard.type(' OFFLINE-EDIT');
  await expect(clause(salvador.page, OFFLINE_LOCKED)).toContainText('OFFLINE-EDIT');

  const panel = await selectClause(chair.page, OFFLINE_LOCKED);
  await panel.getByTestId('lock-button').click();
  await panel.getByTestId('lock-reason').fill('Closed while El Salvador was away');
  await panel.getByTestId('lock-confirm').click();
  await expect(clause(chair.page, OFFLINE_LOCKED)).toHaveClass(/clause--locked/);

  // Back online, the edit made before the lock reached the server arrives after it: refused.
  await salvador.context.setOffline(false);
  await expect(salvador.page.getByTestId('sync-notice')).toContainText(
    'OP6 is locked by the Chair; the whole change was refused',
  );
  await expect(clause(salvador.page, OFFLINE_LOCKED)).toHaveClass(/clause--locked/);
  await expect(clause(salvador.page, OFFLINE_LOCKED)).not.toContainText('OFFLINE-EDIT');
  await expect(salvador.page.getByTestId('connection-status')).toHaveAttribute(
    'data-status',
    'connected',
  );
  await expect(clause(chair.page, OFFLINE_LOCKED)).not.toContainText('OFFLINE-EDIT');
});

test('the Chair locks a clause; delegates in other browsers cannot change it; the audit log shows the lock', async ({
  browser,
}) => {
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  const mexico = await joinDraft(browser, accord.current.url, 'mx.delegate');
  // The clause's own text, without its number in the margin (which changes as clauses go).
  const lockedText = async (page: Page) =>
    clause(page, LOCKED).evaluate((element) => {
      const copy = element.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.clause-number, .collaboration-carets__caret').forEach((widget) => {
        widget.remove();
      });
      return copy.textContent ?? '';
    });
  const original = await lockedText(chair.page);
  expect(original).toMatch(/^Will work to strengthen regional supply chains/);

  // The Chair locks OP3; not all five agree, so a reason is asked for.
  const panel = await selectClause(chair.page, LOCKED);
  await panel.getByTestId('lock-button').click();
  await panel.getByTestId('lock-reason').fill('Agreed in the informal consultations');
  await panel.getByTestId('lock-confirm').click();
  await expect(panel.getByTestId('lock-summary')).toContainText('Amb. Ruth Okafor');
  await expect(panel.getByTestId('unlock-button')).toBeVisible();

  // Every browser shows it locked: in the draft, with who and when, and in the clause panel.
  for (const { page } of [chair, us, mexico]) {
    await expect(clause(page, LOCKED)).toHaveClass(/clause--locked/);
    await expect(clause(page, LOCKED)).toHaveAttribute('data-lock-label', /Locked by the Chair/);
  }
  const usPanel = await selectClause(us.page, LOCKED);
  await expect(usPanel.getByTestId('lock-summary')).toContainText('Agreed in the informal');
  await expect(usPanel.getByTestId('lock-button')).toHaveCount(0);
  await expect(usPanel.getByTestId('position-button')).toHaveCount(0);

  // Typing into it, and deleting in it, change nothing.
  await clause(us.page, LOCKED).click();
  await us.page.keyboard.type('NOT ');
  await us.page.keyboard.press('Backspace');
  await us.page.keyboard.press('Delete');
  // A selection from the end of OP2 into OP3, then paste over it: refused as a whole.
  const op2 = us.page.locator('p.clause').nth(6);
  await op2.click();
  await us.page.keyboard.press('End');
  await us.page.keyboard.press('Shift+ArrowDown');
  await us.page.keyboard.press('Shift+ArrowDown');
  const op2Text = await op2.textContent();
  await pasteText(us.page, 'PASTED OVER A LOCK');
  await us.page.keyboard.type('TYPED OVER A LOCK');
  await expect(us.page.locator('.ProseMirror')).not.toContainText('PASTED OVER A LOCK');
  await expect(us.page.locator('.ProseMirror')).not.toContainText('TYPED OVER A LOCK');
  expect(await op2.textContent()).toBe(op2Text);
  // The editor says why, naming the clause and who locked it.
  await expect(us.page.getByTestId('edit-blocked-notice')).toContainText(
    'OP3 is locked by the Chair',
  );
  // An honest edit elsewhere still goes through, so the others are known to be in sync.
  await clause(mexico.page, UNLOCKED).click();
  await mexico.page.keyboard.press('End');
  await mexico.page.keyboard.type(' MX-EDIT');
  for (const { page } of [chair, us, mexico]) {
    await expect(clause(page, UNLOCKED)).toContainText('MX-EDIT');
    expect(await lockedText(page)).toBe(original);
  }

  // Select all, then delete: the locked clause stays, the rest is deleted, for everyone.
  await clause(mexico.page, UNLOCKED).click();
  await mexico.page.keyboard.press('ControlOrMeta+a');
  await mexico.page.keyboard.press('Delete');
  for (const { page } of [chair, us, mexico]) {
    // Only the locked clauses are left: OP3, and OP6 from the test before.
    await expect(page.locator('p.clause')).toHaveCount(2);
    await expect(page.locator('p.clause:not(.clause--locked)')).toHaveCount(0);
    expect(await lockedText(page)).toBe(original);
    await expect(clause(page, LOCKED)).toHaveClass(/clause--locked/);
  }
  for (const { page } of [us, mexico]) {
    await expect(page.getByTestId('sync-notice')).toHaveCount(0);
  }

  // The Chair's audit log shows the lock, who made it and the reason; the chain verifies.
  await chair.page.getByTestId('audit-open').click();
  const drawer = chair.page.getByTestId('audit-drawer');
  const entry = drawer.locator('[data-testid="audit-entry"][data-action="lock"]', {
    hasText: 'OP3',
  });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText('Amb. Ruth Okafor');
  await expect(entry).toContainText('Agreed in the informal consultations');
  await drawer.getByTestId('audit-verify').click();
  await expect(drawer.getByTestId('audit-verdict')).toHaveAttribute('data-ok', 'true');

  // Delegates have no audit log.
  await expect(us.page.getByTestId('audit-open')).toHaveCount(0);
});
