import { beforeEach, describe, expect, it } from 'vitest';
import type { NewRevision, Storage } from './storage';

/** The revisions part of the Storage contract, run by `describeStorageContract`. */
export function describeRevisionContract(open: () => Storage | Promise<Storage>): void {
  describe('revisions and silence procedures', () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = await open();
      await storage.negotiations.create({
        id: 'n',
        title: 'T',
        venue: 'V',
        startsOn: '2025-06-11',
        timeZone: 'UTC',
      });
      await storage.documents.create({ id: 'd', negotiationId: 'n', title: 'Draft' });
      return () => storage.close();
    });

    const revision = (id: string, symbol?: string): NewRevision => ({
      id,
      documentId: 'd',
      note: 'note',
      state: new Uint8Array([1, 2, 3]),
      contentJson: '{"clauses":[],"title":"Draft"}',
      sha256: 'a'.repeat(64),
      issuedBy: 'u',
      delegation: 'CHAIR',
      issuedAt: 10,
      symbolFor: (number) => symbol ?? `S/Rev.${number}`,
    });

    it('numbers revisions in issue order and refuses a symbol used before', async () => {
      expect(await storage.revisions.symbolBase('d')).toBeNull();
      await storage.revisions.setSymbolBase('d', 'S');
      await storage.revisions.setSymbolBase('d', 'S2');
      expect(await storage.revisions.symbolBase('d')).toBe('S2');
      expect(await storage.revisions.issue(revision('r1'))).toMatchObject({
        ok: true,
        value: { number: 1, symbol: 'S/Rev.1', adoptedAt: null },
      });
      expect(await storage.revisions.issue(revision('r2'))).toMatchObject({
        ok: true,
        value: { number: 2 },
      });
      expect(await storage.revisions.issue(revision('r3', 'S/Rev.1'))).toEqual({
        ok: false,
        error: 'duplicateSymbol',
      });
      expect((await storage.revisions.list('d')).map((meta) => meta.number)).toEqual([1, 2]);
      const stored = await storage.revisions.byNumber('d', 1);
      expect([...(stored?.state ?? [])]).toEqual([1, 2, 3]);
      expect((await storage.revisions.byId('r2'))?.number).toBe(2);
      expect(await storage.revisions.byNumber('d', 3)).toBeUndefined();
    });

    it('runs one procedure per draft and ends it exactly once', async () => {
      await storage.revisions.issue(revision('r1'));
      const silence = {
        id: 's1',
        documentId: 'd',
        revisionId: 'r1',
        startedBy: 'u',
        startedAt: 1,
        deadline: 100,
      };
      expect((await storage.revisions.startSilence(silence)).ok).toBe(true);
      expect(await storage.revisions.startSilence({ ...silence, id: 's2' })).toEqual({
        ok: false,
        error: 'running',
      });
      expect((await storage.revisions.allRunning()).map((running) => running.id)).toEqual(['s1']);
      expect(await storage.revisions.endSilence('s1', { state: 'adopted', at: 100 })).toBe(true);
      expect(
        await storage.revisions.endSilence('s1', {
          state: 'broken',
          at: 101,
          brokenBy: 'x',
          delegation: 'GT',
          reason: 'late',
        }),
      ).toBe(false);
      expect(await storage.revisions.latestSilence('d')).toMatchObject({
        state: 'adopted',
        endedAt: 100,
        brokenBy: null,
      });
      expect((await storage.revisions.byId('r1'))?.adoptedAt).toBe(100);
      expect(await storage.revisions.runningSilence('d')).toBeUndefined();
      expect(await storage.revisions.allRunning()).toEqual([]);
    });

    it('records who broke silence and why', async () => {
      await storage.revisions.issue(revision('r1'));
      await storage.revisions.startSilence({
        id: 's1',
        documentId: 'd',
        revisionId: 'r1',
        startedBy: 'u',
        startedAt: 1,
        deadline: 100,
      });
      expect(
        await storage.revisions.endSilence('s1', {
          state: 'broken',
          at: 50,
          brokenBy: 'g',
          delegation: 'GT',
          reason: 'No.',
        }),
      ).toBe(true);
      expect(await storage.revisions.latestSilence('d')).toMatchObject({
        state: 'broken',
        brokenBy: 'g',
        brokenDelegation: 'GT',
        reason: 'No.',
      });
      expect((await storage.revisions.byId('r1'))?.adoptedAt).toBeNull();
    });
  });
}
