import { chromium } from '@playwright/test';

const base = 'http://localhost:3123';
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
async function person(user) {
  const context = await browser.newContext({
    baseURL: base,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill('accord-demo-2025');
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => !String(u).includes('/login'));
  await page.getByTestId('draft-link').first().click();
  await page.locator('.ProseMirror').waitFor();
  await page.waitForTimeout(1500);
  return page;
}
const chair = await person('chair');
const mx = await person('mx.delegate');
await chair.locator('p.clause[data-clause-id="op-jobs"]').click();
await chair.getByRole('button', { name: /Lock OP/ }).click();
await chair.waitForTimeout(500);
await chair.screenshot({ path: '/tmp/shots/chair-lockdialog.png' });
const reason = chair.getByRole('textbox').last();
await reason.fill('Agreed in the morning session, Mexico ad ref.');
await chair.getByRole('button', { name: /^Lock/ }).last().click();
await chair.waitForTimeout(1000);
await chair.screenshot({ path: '/tmp/shots/chair-locked.png' });
await mx.locator('p.clause[data-clause-id="op-jobs"]').click();
await mx.keyboard.type('XYZ');
await mx.waitForTimeout(800);
await mx.screenshot({ path: '/tmp/shots/mx-locked.png' });
// comment
await mx.locator('p.clause[data-clause-id="op-tariffs"]').click();
await mx.evaluate(() => {
  const clause = document.querySelector('p.clause[data-clause-id="op-tariffs"]');
  const walker = document.createTreeWalker(clause, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.data.indexOf('ninety days');
    if (at < 0) continue;
    const r = document.createRange();
    r.setStart(n, at);
    r.setEnd(n, at + 11);
    const s = document.getSelection();
    s.removeAllRanges();
    s.addRange(r);
    return;
  }
});
await mx.getByRole('button', { name: 'Comment', exact: true }).click();
await mx.waitForTimeout(300);
await mx.screenshot({ path: '/tmp/shots/mx-newthread.png' });
const form = mx.getByTestId('new-thread-form');
await form
  .getByLabel('Comment')
  .fill('Sixty days would be enough for Mexico; can we discuss <b>this</b>?');
await form.getByRole('button', { name: 'Comment' }).click();
await mx.waitForTimeout(1000);
await mx.screenshot({ path: '/tmp/shots/mx-thread.png' });
await chair.waitForTimeout(500);
await chair.getByText('Audit log').click();
await chair.waitForTimeout(800);
await chair.screenshot({ path: '/tmp/shots/chair-audit.png' });
await chair.getByTestId('export-button').click();
await chair.waitForTimeout(800);
await chair.screenshot({ path: '/tmp/shots/chair-export.png' });
await browser.close();
