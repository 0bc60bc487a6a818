import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../storage/memory/MemoryAuditStore';
import type { AuditRecord } from '../storage/storage';
import { AuditLog, auditEntryHash, GENESIS_HASH } from './AuditLog';
import { auditCsv } from './auditCsv';
import { canonicalJson } from './canonicalJson';

async function logWithEntries() {
  const store = new MemoryAuditStore();
  let clock = 1_000;
  const log = new AuditLog(store, () => clock++);
  const event = {
    negotiationId: 'n',
    documentId: 'd',
    userId: 'u-chair',
    delegation: 'CHAIR' as const,
  };
  const clause = { clauseId: 'op-1', label: 'OP1' };
  await log.append({
    ...event,
    action: 'lock',
    detail: { ...clause, reason: null, allAgreed: true },
  });
  await log.append({
    ...event,
    action: 'unlock',
    detail: { ...clause, reason: 'MX asked', allAgreed: false },
  });
  await log.append({
    ...event,
    action: 'position',
    detail: { clauseId: 'op-2', label: 'OP2', of: 'MX', position: 'agree' },
  });
  return { store, log };
}

describe('canonicalJson', () => {
  it('sorts keys at every level, so equal values give equal text', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, skipped: undefined })).toBe('{"a":1}');
  });
});

describe('AuditLog', () => {
  it('chains each entry to the one before and verifies the chain', async () => {
    const { log } = await logWithEntries();
    const entries = await log.list('n');
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    const { hash, ...rest } = entries[2]!;
    expect(auditEntryHash(rest)).toBe(hash);
    expect(await log.verify('n')).toEqual({ ok: true, entries: 3 });
  });

  it('names the first entry whose content, link or place was tampered with', async () => {
    const tamper = async (change: (entries: AuditRecord[]) => void) => {
      const { store, log } = await logWithEntries();
      // The memory store hands out copies: reach its internals the way a database edit would.
      const internal = (store as unknown as { entries: Map<string, AuditRecord[]> }).entries;
      change(internal.get('n')!);
      return log.verify('n');
    };
    expect(
      (
        await tamper((entries) => {
          entries[1]!.detail = '{"clauseId":"op-1","reason":"nobody asked"}';
        })
      ).firstBroken,
    ).toMatchObject({ seq: 2, reason: expect.stringContaining('content') });
    expect(
      (
        await tamper((entries) => {
          // Rewriting an entry and its own hash still breaks the link of the next one.
          const entry = entries[0]!;
          entry.at = 5;
          const { hash: _old, ...rest } = entry;
          entry.hash = auditEntryHash(rest);
        })
      ).firstBroken,
    ).toMatchObject({ seq: 2, reason: expect.stringContaining('previous') });
    expect((await tamper((entries) => entries.splice(1, 1))).firstBroken).toMatchObject({ seq: 3 });
  });
});

describe('auditCsv', () => {
  it('writes one row per entry, quoting and neutralising formulas', () => {
    const csv = auditCsv(
      [
        {
          seq: 1,
          at: 0,
          negotiationId: 'n',
          documentId: null,
          userId: null,
          displayName: '=HYPERLINK("x")',
          delegation: null,
          action: 'membership',
          detail: { note: 'a, "b"' },
          prevHash: GENESIS_HASH,
          hash: 'h',
        },
      ],
      'America/Mexico_City',
    );
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe('seq,at,localTime,delegation,user,action,document,detail,prevHash,hash');
    expect(row).toMatch(/^1,1970-01-01T00:00:00.000Z,1969-12-31T18:00:00-06:00,/);
    expect(row).toContain(`"'=HYPERLINK(""x"")"`);
    expect(row).toContain('"{""note"":""a, \\""b\\""""}"');
  });
});
