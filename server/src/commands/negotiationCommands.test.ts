import { readAuditEvent } from '@accord/shared/domain/auditRead';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { operatorContext } from '../admin/operatorContext';
import { type CommandTestBed, openCommandTestBed } from '../testing/commandTestKit';
import { COMMAND_ERRORS, describeCommandError } from './commandErrorTable';
import { assignMember, removeMember, setTimeZone } from './negotiationCommands';

let bed: CommandTestBed;
beforeEach(async () => {
  bed = await openCommandTestBed();
});
afterEach(async () => {
  await bed.close();
});

describe('setTimeZone', () => {
  it('is for moderators; a zone that is not one is refused; a change is audited', async () => {
    expect(await setTimeZone(await bed.as('mx.delegate'), { timeZone: 'UTC' })).toEqual({
      ok: false,
      error: { code: 'settingsForbidden' },
    });
    expect(await setTimeZone(await bed.as('chair'), { timeZone: 'Mars/Olympus' })).toMatchObject({
      ok: false,
      error: { code: 'badTimeZone' },
    });
    expect(await setTimeZone(await bed.as('chair'), { timeZone: 'UTC' })).toEqual({
      ok: true,
      value: { from: 'America/New_York', to: 'UTC' },
    });
    expect((await bed.storage.negotiations.byId(bed.demo.negotiationId))?.timeZone).toBe('UTC');
    const entries = await bed.audit();
    expect(entries).toHaveLength(1);
    expect(
      readAuditEvent(entries[0]?.action ?? '', JSON.parse(entries[0]?.detail ?? '{}')),
    ).toEqual({ action: 'timeZone', detail: { from: 'America/New_York', to: 'UTC' } });
  });
});

describe('membership commands, run by the operator', () => {
  it('assign and remove, each audited as the admin tool (no user)', async () => {
    const negotiation = await bed.storage.negotiations.byId(bed.demo.negotiationId);
    const user = await bed.storage.users.byUsername('observer');
    if (negotiation === undefined || user === undefined) throw new Error('No demo.');
    const ctx = operatorContext(bed.storage, negotiation);
    expect((await assignMember(ctx, { user, delegation: 'GT', role: 'delegate' })).ok).toBe(true);
    expect((await removeMember(ctx, { user })).ok).toBe(true);
    expect(await removeMember(ctx, { user })).toEqual({
      ok: false,
      error: { code: 'notAMember', username: 'observer', negotiationTitle: negotiation.title },
    });
    const entries = await bed.audit();
    expect(entries.map((entry) => [entry.action, entry.userId, entry.delegation])).toEqual([
      ['membership', null, null],
      ['membership', null, null],
    ]);
    expect(JSON.parse(entries[0]?.detail ?? '{}')).toMatchObject({
      delegation: 'GT',
      role: 'delegate',
      previous: { delegation: 'CHAIR', role: 'observer' },
    });
  });

  it('a member who is not a moderator may not manage members', async () => {
    const user = await bed.storage.users.byUsername('observer');
    if (user === undefined) throw new Error('No demo.');
    expect(
      await assignMember(await bed.as('mx.delegate'), {
        user,
        delegation: 'MX',
        role: 'moderator',
      }),
    ).toEqual({ ok: false, error: { code: 'membersForbidden' } });
  });
});

describe('the error table', () => {
  it('gives every code an API error and a message', () => {
    for (const code of Object.keys(COMMAND_ERRORS)) {
      const entry = COMMAND_ERRORS[code as keyof typeof COMMAND_ERRORS];
      expect(entry.api, code).toMatch(/^[a-z_]+$/);
    }
    expect(describeCommandError({ code: 'positionForbidden', delegation: 'MX' })).toEqual({
      api: 'forbidden',
      message: 'Only a delegate of Mexico may state its position.',
    });
  });
});
