import type { AuditEntryView } from '@accord/shared/domain/audit';
import { describe, expect, it } from 'vitest';
import { auditActionLabel, describeAuditEntry } from './auditDescription';

const base: AuditEntryView = {
  seq: 1,
  at: 0,
  negotiationId: 'n',
  documentId: 'd',
  userId: 'u',
  displayName: 'Amb. Ruth Okafor',
  delegation: 'CHAIR',
  action: 'lock',
  detail: {},
  prevHash: '0',
  hash: '1',
};

describe('describeAuditEntry', () => {
  it('says which clause was locked or unlocked, and why', () => {
    expect(
      describeAuditEntry({ ...base, detail: { label: 'OP3', reason: null, allAgreed: true } }),
    ).toBe('OP3 (all five agreed)');
    expect(
      describeAuditEntry({
        ...base,
        action: 'unlock',
        detail: { label: 'OP3', reason: 'MX asked' },
      }),
    ).toBe('OP3 — reason: MX asked');
  });

  it('says whose position on which clause', () => {
    expect(
      describeAuditEntry({
        ...base,
        action: 'position',
        detail: { clauseId: 'op-jobs', of: 'MX', position: 'agreeAdRef' },
      }),
    ).toBe('Mexico on op-jobs: Agree ad ref.');
  });

  it('says which wording the Chair chose, or that the text was kept', () => {
    const chosen = { label: 'OP2', proposedBy: 'MX', text: 'Stronger borders.' };
    expect(describeAuditEntry({ ...base, action: 'alternativeChosen', detail: chosen })).toBe(
      "OP2: chose Mexico's alternative — “Stronger borders.”",
    );
    expect(
      describeAuditEntry({
        ...base,
        action: 'alternativeChosen',
        detail: { label: 'OP2', proposedBy: null, text: null },
      }),
    ).toBe('OP2: kept the current text, alternatives set aside');
  });

  it('says whose positions a text change cleared', () => {
    expect(
      describeAuditEntry({
        ...base,
        delegation: 'US',
        action: 'positionsCleared',
        detail: { label: 'OP4', delegations: ['MX', 'SV'] },
      }),
    ).toBe('OP4: text changed, clearing the positions of Mexico, El Salvador');
  });

  it('says which time zone replaced which', () => {
    expect(
      describeAuditEntry({
        ...base,
        action: 'timeZone',
        detail: { from: 'America/New_York', to: 'America/Mexico_City' },
      }),
    ).toBe('Times are now shown in America/Mexico_City (was America/New_York)');
    expect(auditActionLabel('timeZone')).toBe('Time zone');
  });

  it('names whose brackets a chosen wording removed', () => {
    expect(
      describeAuditEntry({
        ...base,
        action: 'alternativeChosen',
        detail: {
          label: 'OP7',
          proposedBy: 'MX',
          text: 'New words;',
          bracketsRemoved: [
            { delegation: 'MX', count: 1 },
            { delegation: 'SV', count: 2 },
          ],
        },
      }),
    ).toBe(
      "OP7: chose Mexico's alternative — “New words;” (removing brackets of Mexico, El Salvador)",
    );
  });

  it('says why a comment was hidden', () => {
    expect(
      describeAuditEntry({ ...base, action: 'messageHidden', detail: { reason: 'Off topic' } }),
    ).toBe('A comment in a public thread — reason: Off topic');
  });

  it('describes membership changes and falls back to the raw detail', () => {
    expect(
      describeAuditEntry({
        ...base,
        action: 'membership',
        detail: { username: 'jdoe', delegation: 'GT', role: 'delegate' },
      }),
    ).toBe('jdoe is delegate for GT');
    expect(describeAuditEntry({ ...base, action: 'exported', detail: { a: 1 } })).toBe('{"a":1}');
    expect(auditActionLabel('lock')).toBe('Locked');
    expect(auditActionLabel('exported')).toBe('exported');
  });
});
