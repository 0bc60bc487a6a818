import { describe, expect, it } from 'vitest';
import { readAuditEvent } from './auditRead';

describe('readAuditEvent', () => {
  it('reads a stored payload into its typed event', () => {
    expect(
      readAuditEvent('lock', { clauseId: 'c1', label: 'OP1', reason: null, allAgreed: true }),
    ).toEqual({
      action: 'lock',
      detail: { clauseId: 'c1', label: 'OP1', reason: undefined, allAgreed: true },
    });
    const cleared = readAuditEvent('positionsCleared', { label: 'OP4', delegations: ['MX'] });
    expect(cleared.action === 'positionsCleared' && cleared.detail.delegations).toEqual(['MX']);
  });

  it('reads old or damaged payloads leniently: a field of another shape is absent', () => {
    const position = readAuditEvent('position', { of: 'XX', position: 'maybe', label: 3 });
    expect(position).toEqual({
      action: 'position',
      detail: { of: undefined, position: undefined, label: undefined },
    });
    const chosen = readAuditEvent('alternativeChosen', {
      bracketsRemoved: [{ delegation: 'MX', count: 1 }, 'junk', { delegation: 'ZZ' }],
    });
    expect(chosen.action === 'alternativeChosen' && chosen.detail.bracketsRemoved).toEqual([
      { delegation: 'MX', count: 1 },
      { delegation: undefined, count: undefined },
    ]);
  });

  it('keeps an action this version does not know, with its raw payload', () => {
    expect(readAuditEvent('exported', { a: 1 })).toEqual({
      action: 'unknown',
      name: 'exported',
      detail: { a: 1 },
    });
  });
});
