import { PARTY_CODES } from '@accord/shared/domain/delegations';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CommandTestBed, openCommandTestBed } from '../testing/commandTestKit';
import { proposeAlternative, withdrawAlternative } from './alternatives';
import { chooseAlternative } from './chooseAlternative';
import { describeCommandError } from './commandErrorTable';
import { lockAllAgreed } from './lockAllAgreed';
import { setLock } from './setLock';
import { statePosition } from './statePosition';

/** Commands on a real SQLite file: policy refusals, the write, the typed audit event. */

let bed: CommandTestBed;
beforeEach(async () => {
  bed = await openCommandTestBed();
});
afterEach(async () => {
  await bed.close();
});

async function agreeAll(clauseId: string): Promise<void> {
  for (const code of PARTY_CODES) {
    const stated = await statePosition(await bed.as(`${code.toLowerCase()}.delegate`), {
      clauseId,
      position: 'agree',
    });
    expect(stated.ok, code).toBe(true);
  }
}

describe('statePosition', () => {
  it("refuses another delegation's position and the observer, and writes nothing", async () => {
    expect(
      await statePosition(await bed.as('mx.delegate'), {
        clauseId: 'op-jobs',
        position: 'agree',
        delegation: 'US',
      }),
    ).toEqual({ ok: false, error: { code: 'positionForbidden', delegation: 'US' } });
    expect(
      await statePosition(await bed.as('observer'), { clauseId: 'op-jobs', position: 'agree' }),
    ).toMatchObject({ ok: false, error: { code: 'positionForbidden' } });
    expect(await bed.audit()).toEqual([]);
  });

  it('writes the position and records a typed audit event', async () => {
    const stated = await statePosition(await bed.as('mx.delegate'), {
      clauseId: 'op-jobs',
      position: 'reserve',
    });
    expect(stated.ok && stated.value.positions.MX?.position).toBe('reserve');
    const [entry] = await bed.audit();
    expect(entry).toMatchObject({
      action: 'position',
      delegation: 'MX',
      at: bed.clock.now,
      documentId: bed.demo.documentId,
    });
    expect(JSON.parse(entry?.detail ?? '{}')).toEqual({
      clauseId: 'op-jobs',
      label: expect.stringMatching(/^OP\d+$/),
      of: 'MX',
      position: 'reserve',
    });
  });

  it('refuses an unknown clause', async () => {
    expect(
      await statePosition(await bed.as('mx.delegate'), { clauseId: 'nope', position: 'agree' }),
    ).toEqual({
      ok: false,
      error: { code: 'unknownClause' },
    });
  });
});

describe('lockAllAgreed (one definition of agreed: the shared status)', () => {
  it('does not lock a clause all five agree with while its text has an open bracket', async () => {
    await agreeAll('op-jobs');
    // All five agree with pp-usmca, but "[and the suspension…]" is still in brackets.
    await agreeAll('pp-usmca');
    const locked = await lockAllAgreed(await bed.as('chair'));
    expect(locked).toEqual({ ok: true, value: ['op-jobs'] });
    const locks = (await bed.audit()).filter((entry) => entry.action === 'lock');
    expect(locks.map((entry) => JSON.parse(entry.detail))).toEqual([
      { clauseId: 'op-jobs', label: expect.any(String), reason: null, allAgreed: true },
    ]);
  });

  it('is for moderators only', async () => {
    await agreeAll('op-jobs');
    const before = (await bed.audit()).length;
    expect(await lockAllAgreed(await bed.as('us.delegate'))).toEqual({
      ok: false,
      error: { code: 'lockForbidden' },
    });
    expect(await bed.audit()).toHaveLength(before);
  });
});

describe('setLock', () => {
  it('refuses delegates, asks a reason of a clause not agreed, records lock and unlock', async () => {
    const chair = await bed.as('chair');
    expect(
      await setLock(await bed.as('gt.delegate'), { clauseId: 'op-jobs', locked: true }),
    ).toEqual({
      ok: false,
      error: { code: 'lockForbidden' },
    });
    expect(await setLock(chair, { clauseId: 'op-jobs', locked: true })).toMatchObject({
      ok: false,
      error: { code: 'lockReasonInvalid', locking: true },
    });
    expect(
      (await setLock(chair, { clauseId: 'op-jobs', locked: true, reason: 'Settled' })).ok,
    ).toBe(true);
    expect(await setLock(chair, { clauseId: 'op-jobs', locked: true, reason: 'Again' })).toEqual({
      ok: false,
      error: { code: 'lockUnchanged', locked: true },
    });
    expect(
      (await setLock(chair, { clauseId: 'op-jobs', locked: false, reason: 'Reopened' })).ok,
    ).toBe(true);
    expect(
      (await bed.audit()).map((entry) => [entry.action, JSON.parse(entry.detail).reason]),
    ).toEqual([
      ['lock', 'Settled'],
      ['unlock', 'Reopened'],
    ]);
  });

  it('words a locked clause once, whichever command meets it', async () => {
    await setLock(await bed.as('chair'), { clauseId: 'op-jobs', locked: true, reason: 'Frozen' });
    const position = await statePosition(await bed.as('mx.delegate'), {
      clauseId: 'op-jobs',
      position: 'object',
    });
    const alternative = await proposeAlternative(await bed.as('mx.delegate'), {
      clauseId: 'op-jobs',
      text: 'Other words.',
    });
    expect(position).toEqual({ ok: false, error: { code: 'clauseLocked' } });
    expect(alternative).toEqual({ ok: false, error: { code: 'clauseLocked' } });
    expect(describeCommandError({ code: 'clauseLocked' })).toEqual({
      api: 'conflict',
      message: expect.stringContaining('This clause is locked'),
    });
  });
});

describe('alternatives', () => {
  it('refuses observers, lets only the proposer or a moderator withdraw', async () => {
    expect(
      await proposeAlternative(await bed.as('observer'), { clauseId: 'op-jobs', text: 'Words.' }),
    ).toEqual({ ok: false, error: { code: 'proposeAlternativeForbidden' } });
    const proposed = await proposeAlternative(await bed.as('mx.delegate'), {
      clauseId: 'op-jobs',
      text: 'Words.',
    });
    const alternativeId = proposed.ok ? proposed.value.alternatives?.[0]?.id : undefined;
    if (alternativeId === undefined) throw new Error('No alternative proposed.');
    expect(
      await withdrawAlternative(await bed.as('us.delegate'), {
        clauseId: 'op-jobs',
        alternativeId,
      }),
    ).toEqual({ ok: false, error: { code: 'withdrawAlternativeForbidden' } });
    expect(
      (await withdrawAlternative(await bed.as('chair'), { clauseId: 'op-jobs', alternativeId })).ok,
    ).toBe(true);
  });

  it('refuses a choice reviewed on other words, and records one made on these', async () => {
    const mx = await bed.as('mx.delegate');
    const proposed = await proposeAlternative(mx, { clauseId: 'op-jobs', text: 'Better words.' });
    const alternativeId = proposed.ok ? proposed.value.alternatives?.[0]?.id : undefined;
    if (alternativeId === undefined) throw new Error('No alternative proposed.');
    const chair = await bed.as('chair');
    expect(await chooseAlternative(mx, { clauseId: 'op-jobs', alternativeId })).toEqual({
      ok: false,
      error: { code: 'chooseAlternativeForbidden' },
    });
    expect(
      await chooseAlternative(chair, {
        clauseId: 'op-jobs',
        alternativeId,
        expectedTextHash: clauseTextHash('Not the text.'),
      }),
    ).toMatchObject({ ok: false, error: { code: 'choiceStale' } });
    expect((await chooseAlternative(chair, { clauseId: 'op-jobs', alternativeId })).ok).toBe(true);
    const chosen = (await bed.audit()).find((entry) => entry.action === 'alternativeChosen');
    expect(JSON.parse(chosen?.detail ?? '{}')).toMatchObject({
      alternativeId,
      proposedBy: 'MX',
      text: 'Better words.',
      setAside: [],
    });
  });
});
