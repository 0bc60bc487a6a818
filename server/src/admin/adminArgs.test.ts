import { describe, expect, it } from 'vitest';
import { parseAdminArgs } from './adminArgs';

describe('parseAdminArgs', () => {
  it('parses user create with a membership', () => {
    expect(
      parseAdminArgs([
        'user',
        'create',
        'jdoe',
        '--name',
        'Jane Doe',
        '--negotiation',
        'n-1',
        '--delegation',
        'MX',
        '--role',
        'delegate',
        '--password-stdin',
      ]),
    ).toEqual({
      ok: true,
      value: {
        kind: 'user create',
        username: 'jdoe',
        displayName: 'Jane Doe',
        membership: { negotiationId: 'n-1', delegation: 'MX', role: 'delegate' },
        passwordStdin: true,
      },
    });
  });

  it('parses the other commands', () => {
    expect(parseAdminArgs(['user', 'set-password', 'jdoe'])).toEqual({
      ok: true,
      value: { kind: 'user set-password', username: 'jdoe', passwordStdin: false },
    });
    expect(
      parseAdminArgs([
        'user',
        'assign',
        'jdoe',
        '--negotiation',
        'n',
        '--delegation',
        'CHAIR',
        '--role',
        'moderator',
      ]),
    ).toMatchObject({
      ok: true,
      value: { kind: 'user assign', membership: { role: 'moderator' } },
    });
    expect(parseAdminArgs(['user', 'disable', 'jdoe'])).toEqual({
      ok: true,
      value: { kind: 'user disable', username: 'jdoe' },
    });
    expect(parseAdminArgs(['user', 'list'])).toEqual({ ok: true, value: { kind: 'user list' } });
    expect(parseAdminArgs(['negotiation', 'list'])).toEqual({
      ok: true,
      value: { kind: 'negotiation list' },
    });
    expect(
      parseAdminArgs(['negotiation', 'time-zone', 'America/Mexico_City', '--negotiation', 'n']),
    ).toEqual({
      ok: true,
      value: { kind: 'negotiation time-zone', negotiationId: 'n', timeZone: 'America/Mexico_City' },
    });
    expect(parseAdminArgs([])).toEqual({ ok: true, value: { kind: 'help' } });
  });

  it('explains what is wrong', () => {
    const error = (argv: string[]) => {
      const result = parseAdminArgs(argv);
      return result.ok ? '' : result.error;
    };
    expect(error(['user', 'create', 'jdoe'])).toContain('--name');
    expect(error(['user', 'create', 'jdoe', '--name', 'J', '--role', 'delegate'])).toContain(
      'together',
    );
    expect(
      error([
        'user',
        'assign',
        'j',
        '--negotiation',
        'n',
        '--delegation',
        'FR',
        '--role',
        'delegate',
      ]),
    ).toContain('--delegation must be one of');
    expect(
      error(['user', 'assign', 'j', '--negotiation', 'n', '--delegation', 'MX', '--role', 'king']),
    ).toContain('--role must be');
    expect(error(['user', 'assign', 'j'])).toContain('together');
    expect(error(['user', 'disable'])).toContain('Usage');
    expect(error(['negotiation', 'time-zone', 'UTC'])).toContain('--negotiation');
    expect(error(['negotiation', 'time-zone', '--negotiation', 'n'])).toContain('Usage');
    expect(error(['user', 'fly'])).toContain('Unknown command "user fly"');
    expect(error(['user', 'list', '--colour'])).toContain('colour');
  });
});
