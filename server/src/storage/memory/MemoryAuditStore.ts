import type { AuditRecord, AuditStore } from '../storage';

/** The audit log in memory. */
export class MemoryAuditStore implements AuditStore {
  private readonly entries = new Map<string, AuditRecord[]>();

  async append(
    negotiationId: string,
    build: (last: AuditRecord | undefined) => AuditRecord,
  ): Promise<AuditRecord> {
    const list = this.entries.get(negotiationId) ?? [];
    const entry = { ...build(list[list.length - 1]) };
    if (list.some((existing) => existing.seq === entry.seq)) {
      throw new Error(`Audit entry ${entry.seq} of ${negotiationId} already exists.`);
    }
    list.push(entry);
    this.entries.set(negotiationId, list);
    return { ...entry };
  }

  async list(negotiationId: string): Promise<AuditRecord[]> {
    return (this.entries.get(negotiationId) ?? []).map((entry) => ({ ...entry }));
  }
}
