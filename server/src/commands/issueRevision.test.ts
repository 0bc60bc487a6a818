import { readAuditEvent } from '@accord/shared/domain/auditRead';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CommandTestBed, openCommandTestBed } from '../testing/commandTestKit';
import { issueRevision } from './issueRevision';

let bed: CommandTestBed;
beforeEach(async () => {
  bed = await openCommandTestBed();
});
afterEach(async () => {
  await bed.close();
});

describe('issueRevision', () => {
  it('is for moderators, needs a symbol, refuses a symbol used before, and is audited', async () => {
    expect(await issueRevision(await bed.as('mx.delegate'), { note: '', symbol: 'A/1' })).toEqual({
      ok: false,
      error: { code: 'revisionForbidden' },
    });
    const chair = await bed.as('chair');
    expect(await issueRevision(chair, { note: '' })).toMatchObject({
      ok: false,
      error: { code: 'badSymbol' },
    });
    const issued = await issueRevision(chair, { note: ' First reading ', symbol: 'NA/2026/L.1' });
    expect(issued).toMatchObject({
      ok: true,
      value: { number: 1, symbol: 'NA/2026/L.1', note: 'First reading', issuedAt: bed.clock.now },
    });
    expect(await issueRevision(chair, { note: '', symbol: 'NA/2026/L.1' })).toEqual({
      ok: false,
      error: { code: 'symbolUsed', symbol: 'NA/2026/L.1' },
    });
    const entries = await bed.audit();
    expect(entries).toHaveLength(1);
    const event = readAuditEvent(entries[0]?.action ?? '', JSON.parse(entries[0]?.detail ?? '{}'));
    expect(event).toMatchObject({
      action: 'revisionIssued',
      detail: { revision: 1, symbol: 'NA/2026/L.1' },
    });
  });
});
