import { describe, expect, it } from 'vitest';
import { attachmentFileName, finalExportAvailability } from './exportChoices';

const chair = { role: 'moderator', delegation: 'CHAIR' } as const;
const mexico = { role: 'delegate', delegation: 'MX' } as const;

describe('finalExportAvailability', () => {
  it('allows a moderator once nothing blocks the final text', () => {
    expect(finalExportAvailability(chair, [])).toEqual({ allowed: true });
  });

  it('says why not: the role, and the blocking clauses with their reasons', () => {
    const blockers = [
      { clauseId: 'a', label: 'PP5', reasons: ['notLocked', 'brackets'] as const },
      { clauseId: 'b', label: 'OP2', reasons: ['alternatives'] as const },
    ].map((blocker) => ({ ...blocker, reasons: [...blocker.reasons] }));
    expect(finalExportAvailability(chair, blockers)).toEqual({
      allowed: false,
      reasons: ['Every clause must be locked, with no brackets or alternatives left. Blocking:'],
      blocking: [
        { clauseId: 'a', line: 'PP5: not locked, has brackets' },
        { clauseId: 'b', line: 'OP2: has alternatives' },
      ],
    });
  });

  it('tells a delegate only that the final text is the moderators’, not what blocks it', () => {
    const blockers = [{ clauseId: 'a', label: 'PP5', reasons: ['notLocked' as const] }];
    for (const list of [[], blockers]) {
      expect(finalExportAvailability(mexico, list)).toEqual({
        allowed: false,
        reasons: ['Only a moderator can export the final communiqué.'],
        blocking: [],
      });
    }
  });
});

describe('attachmentFileName', () => {
  it('reads the file name the server gave', () => {
    expect(attachmentFileName('attachment; filename="communique-x-draft-2026-11-29-1405.md"')).toBe(
      'communique-x-draft-2026-11-29-1405.md',
    );
    expect(attachmentFileName(null)).toBeNull();
    expect(attachmentFileName('inline')).toBeNull();
  });
});
