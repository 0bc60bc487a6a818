import type { AuditRecord, AuditStore } from '../storage';

/** The audit log in memory. */
export class MemoryAuditStore implements AuditStore {
  private readonly entries = new Map<string, AuditRecord[]>();

  append(
    negotiationId: string,
    build: (last: AuditRecord | undefined) => AuditRecord,
  ): AuditRecord {
    const list = this.entries.get(negotiationId) ?? [];
    const entry = { ...build(list[list.length - 1]) };
    if (list.some((existing) => existing.seq === entry.seq)) {
      throw new Error(`Audit entry ${entry.seq} of ${negotiationId} already exists.`);
    }
    list.push(entry);
    this.entries.set(negotiationId, list);
    return { ...entry };
  }

  list(negotiationId: string): AuditRecord[] {
    return (this.entries.get(negotiationId) ?? []).map((entry) => ({ ...entry }));
  }
}
