import { expect, type Page, test } from '@playwright/test';
import { useAccordServer } from '../support/accordServer';
import { clauseText, draftClauses, placeCaretAfter, remoteCaretDistance } from '../support/caret';
import { joinDraft, type Person } from '../support/session';

// Several delegates typing into the same clause at once (issue 12): every browser ends with the
// same text, and each person's words are whole, in order, where they typed them.

const accord = useAccordServer();

/** Types `text` one key at a time, `interval` ms apart, as a person does. */
async function typeSlowly(page: Page, text: string, interval: number): Promise<void> {
  for (const key of text) {
    await page.keyboard.type(key);
    await page.waitForTimeout(interval);
  }
}

/** Waits until every browser shows these clauses, in this order, with this text. */
async function expectEveryoneSees(people: Person[], expected: [string, string][]): Promise<void> {
  for (const person of people) {
    await expect
      .poll(async () => {
        const clauses = await draftClauses(person.page);
        return expected.map(([id]) => clauses.find(([clauseId]) => clauseId === id) ?? [id, '']);
      })
      .toEqual(expected);
  }
}

async function closeAll(people: Person[]): Promise<void> {
  await Promise.all(people.map((person) => person.context.close()));
}

test('two delegates typing in turn in one clause keep their words whole, and see each other’s carets at their words', async ({
  browser,
}) => {
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  const ca = await joinDraft(browser, accord.current.url, 'ca.delegate');
  const chair = await joinDraft(browser, accord.current.url, 'chair');
  await placeCaretAfter(us.page, 'op-institutions', 'Commit to strengthen');
  await placeCaretAfter(ca.page, 'op-institutions', 'lasting regional stability');

  const usWords = ' Xx Xx';
  const caWords = ' and peace';
  for (let i = 0; i < caWords.length; i++) {
    const usKey = usWords[i];
    if (usKey) await us.page.keyboard.type(usKey);
    await us.page.waitForTimeout(250);
    await ca.page.keyboard.type(caWords[i] ?? '');
    await ca.page.waitForTimeout(250);
  }

  await expectEveryoneSees(
    [us, ca, chair],
    [
      [
        'op-institutions',
        'Commit to strengthen Xx Xx democratic institutions, governance and the rule of law as the foundation of lasting regional stability and peace;',
      ],
    ],
  );
  // Each sees the other's caret drawn at the last character the other typed.
  await expect
    .poll(() => remoteCaretDistance(us.page, 'Liam Tremblay', 'op-institutions', 'and peace'))
    .toBeLessThan(3);
  await expect
    .poll(() => remoteCaretDistance(ca.page, 'Elena Marsh', 'op-institutions', 'Xx Xx'))
    .toBeLessThan(3);
  await closeAll([us, ca, chair]);
});

test('five delegates typing at 5 keys a second for 10 s at their own places in one clause', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const original =
    'Resolve to intensify cooperation against drug trafficking and transnational criminal organizations, including the exchange of information and joint investigations;';
  // Each delegation types its own words after its own anchor in the same clause.
  const typists = [
    { username: 'us.delegate', after: 'Resolve', code: 'us' },
    { username: 'ca.delegate', after: 'intensify cooperation', code: 'ca' },
    { username: 'mx.delegate', after: 'drug trafficking', code: 'mx' },
    { username: 'sv.delegate', after: 'criminal organizations', code: 'sv' },
    { username: 'gt.delegate', after: 'joint investigations', code: 'gt' },
  ];
  const words = (code: string) =>
    Array.from({ length: 10 }, (_, i) => ` ${code}${String.fromCharCode(97 + i)}${i}`).join('');
  const people: Person[] = [];
  for (const typist of typists) {
    people.push(await joinDraft(browser, accord.current.url, typist.username));
  }
  for (const [i, typist] of typists.entries()) {
    const person = people[i];
    if (person) await placeCaretAfter(person.page, 'op-trafficking', typist.after);
  }

  // 50 keys each at 200 ms: ten seconds of five people typing at once.
  await Promise.all(
    typists.map((typist, i) => {
      const person = people[i];
      return person ? typeSlowly(person.page, words(typist.code), 200) : Promise.resolve();
    }),
  );

  let expected = original;
  for (const typist of [...typists].reverse()) {
    const at = expected.indexOf(typist.after) + typist.after.length;
    expected = expected.slice(0, at) + words(typist.code) + expected.slice(at);
  }
  await expectEveryoneSees(people, [['op-trafficking', expected]]);
  await closeAll(people);
});

test('a delegate keeps typing while another splits the clause before the caret', async ({
  browser,
}) => {
  const ca = await joinDraft(browser, accord.current.url, 'ca.delegate');
  const us = await joinDraft(browser, accord.current.url, 'us.delegate');
  await placeCaretAfter(ca.page, 'op-legal-pathways', 'temporary work programmes');

  await typeSlowly(ca.page, ' for seasonal', 150);
  await expect.poll(() => clauseText(us.page, 'op-legal-pathways')).toContain('for seasonal');
  // The US delegate splits the clause above Canada's caret; Canada goes on typing without
  // touching its caret while the US types in the first half.
  await placeCaretAfter(us.page, 'op-legal-pathways', 'legal pathways for labour migration,');
  await us.page.keyboard.press('Enter');
  await placeCaretAfter(us.page, 'op-legal-pathways', 'Will expand safe, orderly');
  await Promise.all([
    typeSlowly(ca.page, ' and year-round workers alike', 150),
    typeSlowly(us.page, ' and regular', 150),
  ]);

  for (const person of [us, ca]) {
    await expect
      .poll(async () => (await draftClauses(person.page)).map(([, text]) => text))
      .toEqual(
        expect.arrayContaining([
          'Will expand safe, orderly and regular and legal pathways for labour migration,',
          ' including temporary work programmes for seasonal and year-round workers alike, while strengthening shared border management;',
        ]),
      );
  }
  const [usClauses, caClauses] = await Promise.all([draftClauses(us.page), draftClauses(ca.page)]);
  expect(caClauses).toEqual(usClauses);
  await closeAll([us, ca]);
});
