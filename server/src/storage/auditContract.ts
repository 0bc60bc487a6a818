import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditRecord, Storage } from './storage';

/** The audit-log part of the Storage contract, run by `describeStorageContract`. */
export function describeAuditContract(open: () => Storage | Promise<Storage>): void {
  describe('audit log', () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = await open();
      for (const id of ['n', 'n2']) {
        await storage.negotiations.create({
          id,
          title: 'T',
          venue: 'V',
          startsOn: '2025-06-11',
          timeZone: 'UTC',
        });
      }
      return () => storage.close();
    });

    const next =
      (negotiationId: string, action: string) =>
      (last: AuditRecord | undefined): AuditRecord => ({
        negotiationId,
        seq: (last?.seq ?? 0) + 1,
        documentId: null,
        at: 1,
        userId: null,
        delegation: 'CHAIR',
        action,
        detail: '{"x":1}',
        prevHash: last?.hash ?? 'genesis',
        hash: `${action}-hash`,
      });

    it('appends entries built from the last one, per negotiation, and lists them in order', async () => {
      const first = await storage.audit.append('n', next('n', 'lock'));
      const second = await storage.audit.append('n', next('n', 'unlock'));
      await storage.audit.append('n2', next('n2', 'membership'));
      expect(second).toMatchObject({ seq: 2, prevHash: 'lock-hash' });
      expect(await storage.audit.list('n')).toEqual([first, second]);
      expect((await storage.audit.list('n2')).map((entry) => entry.seq)).toEqual([1]);
      expect(await storage.audit.list('none')).toEqual([]);
    });

    it('refuses a second entry with the same sequence number', async () => {
      await storage.audit.append('n', next('n', 'lock'));
      await expect(
        async () => await storage.audit.append('n', () => next('n', 'again')(undefined)),
      ).rejects.toThrow();
      expect(await storage.audit.list('n')).toHaveLength(1);
    });
  });
}
