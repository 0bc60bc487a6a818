import { expect, test } from '@playwright/test';
import { type AccordProcess, removeDataDir, startAccord } from '../support/accordProcess';
import { draftClauses, placeCaretAfter } from '../support/caret';
import { joinDraft } from '../support/session';

// A draft left quiet while delegates keep it open hibernates (SPEC S14: only its encoded state
// stays in the server's memory); when they type again it wakes, and nobody notices: both see
// each other's words whole, where they typed them. The quiet period is cut to one second.

const QUIET_MS = 1_000;
let accord: AccordProcess;

test.beforeAll(async () => {
  accord = await startAccord({ env: { ACCORD_QUIET_MS: String(QUIET_MS) } });
});

test.afterAll(async () => {
  await accord.stop();
  removeDataDir(accord.dataDir);
});

test('two delegates type into one clause after the draft went quiet: it wakes and both see every word', async ({
  browser,
}) => {
  const us = await joinDraft(browser, accord.url, 'us.delegate');
  const ca = await joinDraft(browser, accord.url, 'ca.delegate');
  await placeCaretAfter(us.page, 'op-institutions', 'Commit to strengthen');
  await placeCaretAfter(ca.page, 'op-institutions', 'lasting regional stability');
  const woken = () => (accord.output().match(/woke in \d+ ms/g) ?? []).length;
  const wokenBefore = woken();
  // Nobody moves or types for three quiet periods: the draft hibernates.
  await us.page.waitForTimeout(3 * QUIET_MS);

  const usWords = ' Xx Xx';
  const caWords = ' and peace';
  for (let i = 0; i < caWords.length; i++) {
    const usKey = usWords[i];
    if (usKey) await us.page.keyboard.type(usKey);
    await us.page.waitForTimeout(100);
    await ca.page.keyboard.type(caWords[i] ?? '');
    await ca.page.waitForTimeout(100);
  }

  const expected =
    'Commit to strengthen Xx Xx democratic institutions, governance and the rule of law as the foundation of lasting regional stability and peace;';
  for (const person of [us, ca]) {
    await expect
      .poll(async () => (await draftClauses(person.page)).find(([id]) => id === 'op-institutions'))
      .toEqual(['op-institutions', expected]);
  }
  // The server did rebuild the draft after its quiet spell: it had hibernated.
  expect(woken()).toBeGreaterThan(wokenBefore);
  // And a newcomer, after the typing, reads the same text.
  const chair = await joinDraft(browser, accord.url, 'chair');
  await expect
    .poll(async () => (await draftClauses(chair.page)).find(([id]) => id === 'op-institutions'))
    .toEqual(['op-institutions', expected]);
  await Promise.all([us, ca, chair].map((person) => person.context.close()));
});
