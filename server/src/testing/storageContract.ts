import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeAuditContract } from '../storage/auditContract';
import { describeClauseChangeContract } from '../storage/clauseChangeContract';
import { describeRevisionContract } from '../storage/revisionContract';
import { SERVER_AUTHOR, type Storage } from '../storage/storage';
import { describeThreadContract } from '../storage/threadContract';

/**
 * The behaviour every Storage implementation must have, as one suite that each implementation
 * runs against itself (SQLite and in-memory), so they cannot drift apart.
 */
export function describeStorageContract(
  name: string,
  open: () => Storage | Promise<Storage>,
): void {
  describe(`${name} satisfies the Storage contract`, () => {
    let storage: Storage;

    beforeEach(async () => {
      storage = await open();
      return () => storage.close();
    });

    async function user(username: string) {
      return await storage.users.create({
        id: `id-${username}`,
        username,
        displayName: `Name of ${username}`,
        passwordHash: '$argon2id$fake',
      });
    }

    async function negotiationWithDocument(suffix = '1') {
      const negotiation = await storage.negotiations.create({
        id: `n-${suffix}`,
        title: `Talks ${suffix}`,
        venue: 'Washington, D.C.',
        startsOn: '2025-06-11',
        timeZone: 'America/New_York',
      });
      const document = await storage.documents.create({
        id: `d-${suffix}`,
        negotiationId: negotiation.id,
        title: `Draft ${suffix}`,
      });
      return { negotiation, document };
    }

    describe('users', () => {
      it('creates users and finds them by id and username', async () => {
        const created = await user('mx.delegate');
        expect(created).toMatchObject({ username: 'mx.delegate', disabled: false });
        expect(await storage.users.byId(created.id)).toEqual(created);
        expect(await storage.users.byUsername('mx.delegate')).toEqual(created);
        expect(await storage.users.byUsername('nobody')).toBeUndefined();
        expect(await storage.users.byId('nobody')).toBeUndefined();
      });

      it('lists users by username and counts them', async () => {
        await user('us.delegate');
        await user('ca.delegate');
        expect((await storage.users.list()).map((u) => u.username)).toEqual([
          'ca.delegate',
          'us.delegate',
        ]);
        expect(await storage.users.count()).toBe(2);
      });

      it('refuses a second user with the same username', async () => {
        await user('chair');
        await expect(
          async () =>
            await storage.users.create({
              id: 'other',
              username: 'chair',
              displayName: 'X',
              passwordHash: 'h',
            }),
        ).rejects.toThrow();
      });

      it('changes passwords and the disabled flag', async () => {
        const created = await user('observer');
        await storage.users.setPassword(created.id, 'new-hash');
        await storage.users.setDisabled(created.id, true);
        expect(await storage.users.byId(created.id)).toMatchObject({
          passwordHash: 'new-hash',
          disabled: true,
        });
        await storage.users.setDisabled(created.id, false);
        expect((await storage.users.byId(created.id))?.disabled).toBe(false);
      });

      it("remembers a person's language, and forgets it again", async () => {
        const created = await user('mx.delegate');
        const other = await user('us.delegate');
        expect(created.locale).toBeNull();
        expect((await storage.users.byId(created.id))?.locale).toBeNull();
        await storage.users.setLocale(created.id, 'es');
        expect((await storage.users.byId(created.id))?.locale).toBe('es');
        expect((await storage.users.byUsername('mx.delegate'))?.locale).toBe('es');
        expect((await storage.users.byId(other.id))?.locale).toBeNull();
        await storage.users.setLocale(created.id, 'fr');
        expect((await storage.users.list()).map((u) => u.locale)).toEqual(['fr', null]);
        await storage.users.setLocale(created.id, null);
        expect((await storage.users.byId(created.id))?.locale).toBeNull();
      });
    });

    describe('sessions', () => {
      it('creates, finds, extends and deletes sessions', async () => {
        const owner = await user('us.delegate');
        await storage.sessions.create({ id: 'hash-1', userId: owner.id, expiresAt: 1000 });
        expect(await storage.sessions.byId('hash-1')).toEqual({
          id: 'hash-1',
          userId: owner.id,
          expiresAt: 1000,
        });
        await storage.sessions.setExpiry('hash-1', 5000);
        expect((await storage.sessions.byId('hash-1'))?.expiresAt).toBe(5000);
        await storage.sessions.delete('hash-1');
        expect(await storage.sessions.byId('hash-1')).toBeUndefined();
      });

      it("deletes all of a user's sessions and only theirs", async () => {
        const a = await user('us.delegate');
        const b = await user('ca.delegate');
        await storage.sessions.create({ id: 'a1', userId: a.id, expiresAt: 1000 });
        await storage.sessions.create({ id: 'a2', userId: a.id, expiresAt: 1000 });
        await storage.sessions.create({ id: 'b1', userId: b.id, expiresAt: 1000 });
        await storage.sessions.deleteForUser(a.id);
        expect(await storage.sessions.byId('a1')).toBeUndefined();
        expect(await storage.sessions.byId('a2')).toBeUndefined();
        expect(await storage.sessions.byId('b1')).toBeDefined();
      });

      it('deletes expired sessions and says how many', async () => {
        const a = await user('us.delegate');
        await storage.sessions.create({ id: 'old', userId: a.id, expiresAt: 100 });
        await storage.sessions.create({ id: 'edge', userId: a.id, expiresAt: 200 });
        await storage.sessions.create({ id: 'fresh', userId: a.id, expiresAt: 300 });
        expect(await storage.sessions.deleteExpired(200)).toBe(2);
        expect(await storage.sessions.byId('fresh')).toBeDefined();
        expect(await storage.sessions.byId('edge')).toBeUndefined();
      });

      it('refuses a session of an unknown user', async () => {
        await expect(
          async () => await storage.sessions.create({ id: 'x', userId: 'nobody', expiresAt: 1 }),
        ).rejects.toThrow();
      });
    });

    describe('negotiations and memberships', () => {
      it('creates and lists negotiations', async () => {
        const { negotiation } = await negotiationWithDocument();
        expect(negotiation.createdAt).toBeGreaterThan(0);
        expect(await storage.negotiations.byId('n-1')).toEqual(negotiation);
        expect(await storage.negotiations.list()).toEqual([negotiation]);
        expect(await storage.negotiations.byId('n-2')).toBeUndefined();
        expect(negotiation.timeZone).toBe('America/New_York');
      });

      it('adds, replaces and removes memberships', async () => {
        await negotiationWithDocument('1');
        await negotiationWithDocument('2');
        const mx = await user('mx.delegate');
        const chair = await user('chair');
        await storage.negotiations.setMembership({
          negotiationId: 'n-1',
          userId: mx.id,
          delegation: 'MX',
          role: 'delegate',
        });
        await storage.negotiations.setMembership({
          negotiationId: 'n-1',
          userId: chair.id,
          delegation: 'CHAIR',
          role: 'moderator',
        });
        await storage.negotiations.setMembership({
          negotiationId: 'n-2',
          userId: mx.id,
          delegation: 'MX',
          role: 'observer',
        });
        await storage.negotiations.setMembership({
          negotiationId: 'n-1',
          userId: mx.id,
          delegation: 'MX',
          role: 'moderator',
        });
        expect((await storage.negotiations.membership('n-1', mx.id))?.role).toBe('moderator');
        expect((await storage.negotiations.members('n-1')).map((m) => m.userId)).toEqual([
          chair.id,
          mx.id,
        ]);
        expect(
          (await storage.negotiations.membershipsOfUser(mx.id)).map((m) => m.negotiationId),
        ).toEqual(['n-1', 'n-2']);
        await storage.negotiations.removeMembership('n-1', mx.id);
        expect(await storage.negotiations.membership('n-1', mx.id)).toBeUndefined();
        expect(await storage.negotiations.membershipsOfUser(mx.id)).toHaveLength(1);
      });

      it('changes the time zone of one negotiation only', async () => {
        const { negotiation } = await negotiationWithDocument('1');
        await negotiationWithDocument('2');
        expect(await storage.negotiations.setTimeZone(negotiation.id, 'America/Mexico_City')).toBe(
          true,
        );
        expect((await storage.negotiations.byId('n-1'))?.timeZone).toBe('America/Mexico_City');
        expect((await storage.negotiations.byId('n-2'))?.timeZone).toBe('America/New_York');
        expect(await storage.negotiations.setTimeZone('nope', 'UTC')).toBe(false);
      });

      it('moves the access version with every membership, disabled-state and session change', async () => {
        await negotiationWithDocument();
        const mx = await user('mx.delegate');
        const moves = async (change: () => Promise<unknown>): Promise<boolean> => {
          const before = await storage.accessVersion();
          await change();
          return (await storage.accessVersion()) !== before;
        };
        const membership = { negotiationId: 'n-1', userId: mx.id, delegation: 'MX' } as const;
        expect(
          await moves(() =>
            storage.negotiations.setMembership({ ...membership, role: 'delegate' }),
          ),
        ).toBe(true);
        expect(
          await moves(() =>
            storage.negotiations.setMembership({ ...membership, role: 'observer' }),
          ),
        ).toBe(true);
        expect(await moves(() => storage.negotiations.removeMembership('n-1', mx.id))).toBe(true);
        expect(await moves(() => storage.users.setDisabled(mx.id, true))).toBe(true);
        expect(await moves(() => storage.users.setDisabled(mx.id, false))).toBe(true);
        await storage.sessions.create({ id: 's-1', userId: mx.id, expiresAt: Date.now() + 60_000 });
        expect(await moves(() => storage.sessions.delete('s-1'))).toBe(true);
        // Ordinary traffic leaves it alone: it is polled to notice access changes only.
        await storage.sessions.create({ id: 's-2', userId: mx.id, expiresAt: Date.now() + 60_000 });
        expect(await moves(() => storage.sessions.setExpiry('s-2', Date.now() + 120_000))).toBe(
          false,
        );
        expect(await moves(() => storage.negotiations.setTimeZone('n-1', 'UTC'))).toBe(false);
      });

      it('refuses memberships of unknown negotiations or users', async () => {
        await negotiationWithDocument();
        const mx = await user('mx.delegate');
        const membership = { delegation: 'MX', role: 'delegate' } as const;
        await expect(
          async () =>
            await storage.negotiations.setMembership({
              negotiationId: 'nope',
              userId: mx.id,
              ...membership,
            }),
        ).rejects.toThrow();
        await expect(
          async () =>
            await storage.negotiations.setMembership({
              negotiationId: 'n-1',
              userId: 'nope',
              ...membership,
            }),
        ).rejects.toThrow();
      });
    });

    describe('documents', () => {
      it('creates, finds, lists and touches documents', async () => {
        const { document } = await negotiationWithDocument();
        expect(document.updatedAt).toBe(document.createdAt);
        expect(await storage.documents.byId('d-1')).toEqual(document);
        expect(await storage.documents.listByNegotiation('n-1')).toEqual([document]);
        expect(await storage.documents.listByNegotiation('n-x')).toEqual([]);
        await storage.documents.touch('d-1', document.createdAt + 5000);
        expect((await storage.documents.byId('d-1'))?.updatedAt).toBe(document.createdAt + 5000);
      });

      it('refuses a document of an unknown negotiation', async () => {
        await expect(
          async () =>
            await storage.documents.create({ id: 'd', negotiationId: 'nope', title: 'Draft' }),
        ).rejects.toThrow();
      });
    });

    describe('update log', () => {
      it('appends updates with increasing sequence numbers and loads them oldest first', async () => {
        await negotiationWithDocument('1');
        await negotiationWithDocument('2');
        const first = await storage.updates.append('d-1', Uint8Array.of(1, 2, 3), null);
        const other = await storage.updates.append('d-2', Uint8Array.of(9), null);
        const second = await storage.updates.append('d-1', Uint8Array.of(4, 5), null);
        expect(first).toBeLessThan(other);
        expect(other).toBeLessThan(second);
        expect(await storage.updates.load('d-1')).toEqual([
          { seq: first, update: Uint8Array.of(1, 2, 3) },
          { seq: second, update: Uint8Array.of(4, 5) },
        ]);
        expect(await storage.updates.stats('d-1')).toEqual({ updates: 2, bytes: 5 });
        expect(await storage.updates.stats('d-3')).toEqual({ updates: 0, bytes: 0 });
        expect(await storage.updates.load('d-3')).toEqual([]);
      });

      it('refuses an update of an unknown document', async () => {
        await expect(
          async () => await storage.updates.append('nope', Uint8Array.of(1), null),
        ).rejects.toThrow();
      });

      it('appends a group of updates at once, in order, after and before single appends', async () => {
        await negotiationWithDocument('1');
        await negotiationWithDocument('2');
        const first = await storage.updates.append('d-1', Uint8Array.of(1), null);
        const group = await storage.updates.appendMany('d-1', [
          { update: Uint8Array.of(2, 2), userId: null },
          { update: Uint8Array.of(3), userId: null },
          { update: Uint8Array.of(4, 4, 4), userId: null },
        ]);
        const other = await storage.updates.append('d-2', Uint8Array.of(9), null);
        const last = await storage.updates.append('d-1', Uint8Array.of(5), null);
        expect(group).toHaveLength(3);
        expect(first).toBeLessThan(group[0]!);
        expect(group[0]!).toBeLessThan(group[1]!);
        expect(group[1]!).toBeLessThan(group[2]!);
        expect(group[2]!).toBeLessThan(other);
        expect(other).toBeLessThan(last);
        expect(await storage.updates.load('d-1')).toEqual([
          { seq: first, update: Uint8Array.of(1) },
          { seq: group[0], update: Uint8Array.of(2, 2) },
          { seq: group[1], update: Uint8Array.of(3) },
          { seq: group[2], update: Uint8Array.of(4, 4, 4) },
          { seq: last, update: Uint8Array.of(5) },
        ]);
        expect(await storage.updates.stats('d-1')).toEqual({ updates: 5, bytes: 8 });
        expect(await storage.updates.appendMany('d-1', [])).toEqual([]);
      });

      it('appends a group of nothing when the document is unknown (all or none)', async () => {
        await negotiationWithDocument('1');
        await expect(
          async () =>
            await storage.updates.appendMany('nope', [
              { update: Uint8Array.of(1), userId: null },
              { update: Uint8Array.of(2), userId: null },
            ]),
        ).rejects.toThrow();
        expect(await storage.updates.load('nope')).toEqual([]);
        // A group whose updates are kept as they were given (copies, not views).
        const bytes = Uint8Array.of(7, 7);
        const [seq] = await storage.updates.appendMany('d-1', [{ update: bytes, userId: null }]);
        bytes[0] = 0;
        expect(await storage.updates.load('d-1')).toEqual([{ seq, update: Uint8Array.of(7, 7) }]);
      });

      it('compacts up to a sequence number, keeping later updates after the snapshot', async () => {
        await negotiationWithDocument('1');
        await negotiationWithDocument('2');
        const doc = new Y.Doc();
        const pending: Uint8Array[] = [];
        doc.on('update', (update: Uint8Array) => {
          pending.push(update);
        });
        const seqs: number[] = [];
        const storePending = async () => {
          for (const update of pending.splice(0)) {
            seqs.push(await storage.updates.append('d-1', update, null));
          }
        };
        const text = doc.getText('t');
        text.insert(0, 'one ');
        text.insert(4, 'two ');
        await storePending();
        const snapshot = Y.encodeStateAsUpdate(doc);
        const upTo = seqs.at(-1) ?? 0;
        text.insert(8, 'three');
        await storePending();
        await storage.updates.append('d-2', Uint8Array.of(7), null);
        await storage.updates.compact('d-1', upTo, snapshot);

        const log = await storage.updates.load('d-1');
        expect(log).toHaveLength(2);
        expect(log[0]).toEqual({ seq: upTo, update: snapshot });
        expect(log[1]?.seq).toBe(seqs.at(-1));
        const restored = new Y.Doc();
        for (const entry of log) Y.applyUpdate(restored, entry.update);
        expect(restored.getText('t').toString()).toBe('one two three');
        expect(await storage.updates.load('d-2')).toHaveLength(1);
        expect(await storage.updates.append('d-1', Uint8Array.of(1), null)).toBeGreaterThan(
          seqs.at(-1) ?? 0,
        );
      });

      it('binds client ids to the first user who sends them, per document', async () => {
        await negotiationWithDocument('1');
        await negotiationWithDocument('2');
        const mx = await user('mx.delegate');
        const us = await user('us.delegate');
        expect(await storage.updates.bindClientIds('d-1', [10, 11], mx.id)).toEqual([]);
        expect(await storage.updates.bindClientIds('d-1', [10, 12], us.id)).toEqual([10]);
        expect(await storage.updates.bindClientIds('d-1', [11], mx.id)).toEqual([]);
        expect(await storage.updates.bindClientIds('d-2', [10], us.id)).toEqual([]);
        expect(await storage.updates.clientOwners('d-1')).toEqual(
          new Map([
            [10, mx.id],
            [11, mx.id],
            [12, us.id],
          ]),
        );
        expect(await storage.updates.clientOwners('d-2')).toEqual(new Map([[10, us.id]]));
      });

      it('binds client ids to the server itself, which no user can then take', async () => {
        await negotiationWithDocument('1');
        const mx = await user('mx.delegate');
        expect(await storage.updates.bindClientIds('d-1', [20], SERVER_AUTHOR)).toEqual([]);
        expect(await storage.updates.bindClientIds('d-1', [20], mx.id)).toEqual([20]);
        expect(await storage.updates.bindClientIds('d-1', [20], SERVER_AUTHOR)).toEqual([]);
        expect(await storage.updates.clientOwners('d-1')).toEqual(new Map([[20, SERVER_AUTHOR]]));
      });
    });
    describeClauseChangeContract(open);
    describeThreadContract(open);
    describeAuditContract(open);
    describeRevisionContract(open);
  });
}
