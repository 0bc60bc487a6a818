import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeAuditContract } from './auditContract';
import { describeClauseChangeContract } from './clauseChangeContract';
import { describeRevisionContract } from './revisionContract';
import { SERVER_AUTHOR, type Storage } from './storage';
import { describeThreadContract } from './threadContract';

/**
 * The behaviour every Storage implementation must have, as one suite that each implementation
 * runs against itself (SQLite and in-memory), so they cannot drift apart.
 */
export function describeStorageContract(name: string, open: () => Storage): void {
  describe(`${name} satisfies the Storage contract`, () => {
    let storage: Storage;

    beforeEach(() => {
      storage = open();
      return () => storage.close();
    });

    function user(username: string) {
      return storage.users.create({
        id: `id-${username}`,
        username,
        displayName: `Name of ${username}`,
        passwordHash: '$argon2id$fake',
      });
    }

    function negotiationWithDocument(suffix = '1') {
      const negotiation = storage.negotiations.create({
        id: `n-${suffix}`,
        title: `Talks ${suffix}`,
        venue: 'Washington, D.C.',
        startsOn: '2025-06-11',
        timeZone: 'America/New_York',
      });
      const document = storage.documents.create({
        id: `d-${suffix}`,
        negotiationId: negotiation.id,
        title: `Draft ${suffix}`,
      });
      return { negotiation, document };
    }

    describe('users', () => {
      it('creates users and finds them by id and username', () => {
        const created = user('mx.delegate');
        expect(created).toMatchObject({ username: 'mx.delegate', disabled: false });
        expect(storage.users.byId(created.id)).toEqual(created);
        expect(storage.users.byUsername('mx.delegate')).toEqual(created);
        expect(storage.users.byUsername('nobody')).toBeUndefined();
        expect(storage.users.byId('nobody')).toBeUndefined();
      });

      it('lists users by username and counts them', () => {
        user('us.delegate');
        user('ca.delegate');
        expect(storage.users.list().map((u) => u.username)).toEqual(['ca.delegate', 'us.delegate']);
        expect(storage.users.count()).toBe(2);
      });

      it('refuses a second user with the same username', () => {
        user('chair');
        expect(() =>
          storage.users.create({
            id: 'other',
            username: 'chair',
            displayName: 'X',
            passwordHash: 'h',
          }),
        ).toThrow();
      });

      it('changes passwords and the disabled flag', () => {
        const created = user('observer');
        storage.users.setPassword(created.id, 'new-hash');
        storage.users.setDisabled(created.id, true);
        expect(storage.users.byId(created.id)).toMatchObject({
          passwordHash: 'new-hash',
          disabled: true,
        });
        storage.users.setDisabled(created.id, false);
        expect(storage.users.byId(created.id)?.disabled).toBe(false);
      });

      it("remembers a person's language, and forgets it again", () => {
        const created = user('mx.delegate');
        const other = user('us.delegate');
        expect(created.locale).toBeNull();
        expect(storage.users.byId(created.id)?.locale).toBeNull();
        storage.users.setLocale(created.id, 'es');
        expect(storage.users.byId(created.id)?.locale).toBe('es');
        expect(storage.users.byUsername('mx.delegate')?.locale).toBe('es');
        expect(storage.users.byId(other.id)?.locale).toBeNull();
        storage.users.setLocale(created.id, 'fr');
        expect(storage.users.list().map((u) => u.locale)).toEqual(['fr', null]);
        storage.users.setLocale(created.id, null);
        expect(storage.users.byId(created.id)?.locale).toBeNull();
      });
    });

    describe('sessions', () => {
      it('creates, finds, extends and deletes sessions', () => {
        const owner = user('us.delegate');
        storage.sessions.create({ id: 'hash-1', userId: owner.id, expiresAt: 1000 });
        expect(storage.sessions.byId('hash-1')).toEqual({
          id: 'hash-1',
          userId: owner.id,
          expiresAt: 1000,
        });
        storage.sessions.setExpiry('hash-1', 5000);
        expect(storage.sessions.byId('hash-1')?.expiresAt).toBe(5000);
        storage.sessions.delete('hash-1');
        expect(storage.sessions.byId('hash-1')).toBeUndefined();
      });

      it("deletes all of a user's sessions and only theirs", () => {
        const a = user('us.delegate');
        const b = user('ca.delegate');
        storage.sessions.create({ id: 'a1', userId: a.id, expiresAt: 1000 });
        storage.sessions.create({ id: 'a2', userId: a.id, expiresAt: 1000 });
        storage.sessions.create({ id: 'b1', userId: b.id, expiresAt: 1000 });
        storage.sessions.deleteForUser(a.id);
        expect(storage.sessions.byId('a1')).toBeUndefined();
        expect(storage.sessions.byId('a2')).toBeUndefined();
        expect(storage.sessions.byId('b1')).toBeDefined();
      });

      it('deletes expired sessions and says how many', () => {
        const a = user('us.delegate');
        storage.sessions.create({ id: 'old', userId: a.id, expiresAt: 100 });
        storage.sessions.create({ id: 'edge', userId: a.id, expiresAt: 200 });
        storage.sessions.create({ id: 'fresh', userId: a.id, expiresAt: 300 });
        expect(storage.sessions.deleteExpired(200)).toBe(2);
        expect(storage.sessions.byId('fresh')).toBeDefined();
        expect(storage.sessions.byId('edge')).toBeUndefined();
      });

      it('refuses a session of an unknown user', () => {
        expect(() =>
          storage.sessions.create({ id: 'x', userId: 'nobody', expiresAt: 1 }),
        ).toThrow();
      });
    });

    describe('negotiations and memberships', () => {
      it('creates and lists negotiations', () => {
        const { negotiation } = negotiationWithDocument();
        expect(negotiation.createdAt).toBeGreaterThan(0);
        expect(storage.negotiations.byId('n-1')).toEqual(negotiation);
        expect(storage.negotiations.list()).toEqual([negotiation]);
        expect(storage.negotiations.byId('n-2')).toBeUndefined();
        expect(negotiation.timeZone).toBe('America/New_York');
      });

      it('adds, replaces and removes memberships', () => {
        negotiationWithDocument('1');
        negotiationWithDocument('2');
        const mx = user('mx.delegate');
        const chair = user('chair');
        storage.negotiations.setMembership({
          negotiationId: 'n-1',
          userId: mx.id,
          delegation: 'MX',
          role: 'delegate',
        });
        storage.negotiations.setMembership({
          negotiationId: 'n-1',
          userId: chair.id,
          delegation: 'CHAIR',
          role: 'moderator',
        });
        storage.negotiations.setMembership({
          negotiationId: 'n-2',
          userId: mx.id,
          delegation: 'MX',
          role: 'observer',
        });
        storage.negotiations.setMembership({
          negotiationId: 'n-1',
          userId: mx.id,
          delegation: 'MX',
          role: 'moderator',
        });
        expect(storage.negotiations.membership('n-1', mx.id)?.role).toBe('moderator');
        expect(storage.negotiations.members('n-1').map((m) => m.userId)).toEqual([chair.id, mx.id]);
        expect(storage.negotiations.membershipsOfUser(mx.id).map((m) => m.negotiationId)).toEqual([
          'n-1',
          'n-2',
        ]);
        storage.negotiations.removeMembership('n-1', mx.id);
        expect(storage.negotiations.membership('n-1', mx.id)).toBeUndefined();
        expect(storage.negotiations.membershipsOfUser(mx.id)).toHaveLength(1);
      });

      it('changes the time zone of one negotiation only', () => {
        const { negotiation } = negotiationWithDocument('1');
        negotiationWithDocument('2');
        expect(storage.negotiations.setTimeZone(negotiation.id, 'America/Mexico_City')).toBe(true);
        expect(storage.negotiations.byId('n-1')?.timeZone).toBe('America/Mexico_City');
        expect(storage.negotiations.byId('n-2')?.timeZone).toBe('America/New_York');
        expect(storage.negotiations.setTimeZone('nope', 'UTC')).toBe(false);
      });

      it('moves the access version with every membership, disabled-state and session change', () => {
        negotiationWithDocument();
        const mx = user('mx.delegate');
        const moves = (change: () => void): boolean => {
          const before = storage.accessVersion();
          change();
          return storage.accessVersion() !== before;
        };
        const membership = { negotiationId: 'n-1', userId: mx.id, delegation: 'MX' } as const;
        expect(
          moves(() => storage.negotiations.setMembership({ ...membership, role: 'delegate' })),
        ).toBe(true);
        expect(
          moves(() => storage.negotiations.setMembership({ ...membership, role: 'observer' })),
        ).toBe(true);
        expect(moves(() => storage.negotiations.removeMembership('n-1', mx.id))).toBe(true);
        expect(moves(() => storage.users.setDisabled(mx.id, true))).toBe(true);
        expect(moves(() => storage.users.setDisabled(mx.id, false))).toBe(true);
        storage.sessions.create({ id: 's-1', userId: mx.id, expiresAt: Date.now() + 60_000 });
        expect(moves(() => storage.sessions.delete('s-1'))).toBe(true);
        // Ordinary traffic leaves it alone: it is polled to notice access changes only.
        storage.sessions.create({ id: 's-2', userId: mx.id, expiresAt: Date.now() + 60_000 });
        expect(moves(() => storage.sessions.setExpiry('s-2', Date.now() + 120_000))).toBe(false);
        expect(moves(() => storage.negotiations.setTimeZone('n-1', 'UTC'))).toBe(false);
      });

      it('refuses memberships of unknown negotiations or users', () => {
        negotiationWithDocument();
        const mx = user('mx.delegate');
        const membership = { delegation: 'MX', role: 'delegate' } as const;
        expect(() =>
          storage.negotiations.setMembership({
            negotiationId: 'nope',
            userId: mx.id,
            ...membership,
          }),
        ).toThrow();
        expect(() =>
          storage.negotiations.setMembership({
            negotiationId: 'n-1',
            userId: 'nope',
            ...membership,
          }),
        ).toThrow();
      });
    });

    describe('documents', () => {
      it('creates, finds, lists and touches documents', () => {
        const { document } = negotiationWithDocument();
        expect(document.updatedAt).toBe(document.createdAt);
        expect(storage.documents.byId('d-1')).toEqual(document);
        expect(storage.documents.listByNegotiation('n-1')).toEqual([document]);
        expect(storage.documents.listByNegotiation('n-x')).toEqual([]);
        storage.documents.touch('d-1', document.createdAt + 5000);
        expect(storage.documents.byId('d-1')?.updatedAt).toBe(document.createdAt + 5000);
      });

      it('refuses a document of an unknown negotiation', () => {
        expect(() =>
          storage.documents.create({ id: 'd', negotiationId: 'nope', title: 'Draft' }),
        ).toThrow();
      });
    });

    describe('update log', () => {
      it('appends updates with increasing sequence numbers and loads them oldest first', () => {
        negotiationWithDocument('1');
        negotiationWithDocument('2');
        const first = storage.updates.append('d-1', Uint8Array.of(1, 2, 3), null);
        const other = storage.updates.append('d-2', Uint8Array.of(9), null);
        const second = storage.updates.append('d-1', Uint8Array.of(4, 5), null);
        expect(first).toBeLessThan(other);
        expect(other).toBeLessThan(second);
        expect(storage.updates.load('d-1')).toEqual([
          { seq: first, update: Uint8Array.of(1, 2, 3) },
          { seq: second, update: Uint8Array.of(4, 5) },
        ]);
        expect(storage.updates.stats('d-1')).toEqual({ updates: 2, bytes: 5 });
        expect(storage.updates.stats('d-3')).toEqual({ updates: 0, bytes: 0 });
        expect(storage.updates.load('d-3')).toEqual([]);
      });

      it('refuses an update of an unknown document', () => {
        expect(() => storage.updates.append('nope', Uint8Array.of(1), null)).toThrow();
      });

      it('compacts up to a sequence number, keeping later updates after the snapshot', () => {
        negotiationWithDocument('1');
        negotiationWithDocument('2');
        const doc = new Y.Doc();
        const seqs: number[] = [];
        doc.on('update', (update: Uint8Array) => {
          seqs.push(storage.updates.append('d-1', update, null));
        });
        const text = doc.getText('t');
        text.insert(0, 'one ');
        text.insert(4, 'two ');
        const snapshot = Y.encodeStateAsUpdate(doc);
        const upTo = seqs.at(-1) ?? 0;
        text.insert(8, 'three');
        storage.updates.append('d-2', Uint8Array.of(7), null);
        storage.updates.compact('d-1', upTo, snapshot);

        const log = storage.updates.load('d-1');
        expect(log).toHaveLength(2);
        expect(log[0]).toEqual({ seq: upTo, update: snapshot });
        expect(log[1]?.seq).toBe(seqs.at(-1));
        const restored = new Y.Doc();
        for (const entry of log) Y.applyUpdate(restored, entry.update);
        expect(restored.getText('t').toString()).toBe('one two three');
        expect(storage.updates.load('d-2')).toHaveLength(1);
        expect(storage.updates.append('d-1', Uint8Array.of(1), null)).toBeGreaterThan(
          seqs.at(-1) ?? 0,
        );
      });

      it('binds client ids to the first user who sends them, per document', () => {
        negotiationWithDocument('1');
        negotiationWithDocument('2');
        const mx = user('mx.delegate');
        const us = user('us.delegate');
        expect(storage.updates.bindClientIds('d-1', [10, 11], mx.id)).toEqual([]);
        expect(storage.updates.bindClientIds('d-1', [10, 12], us.id)).toEqual([10]);
        expect(storage.updates.bindClientIds('d-1', [11], mx.id)).toEqual([]);
        expect(storage.updates.bindClientIds('d-2', [10], us.id)).toEqual([]);
        expect(storage.updates.clientOwners('d-1')).toEqual(
          new Map([
            [10, mx.id],
            [11, mx.id],
            [12, us.id],
          ]),
        );
        expect(storage.updates.clientOwners('d-2')).toEqual(new Map([[10, us.id]]));
      });

      it('binds client ids to the server itself, which no user can then take', () => {
        negotiationWithDocument('1');
        const mx = user('mx.delegate');
        expect(storage.updates.bindClientIds('d-1', [20], SERVER_AUTHOR)).toEqual([]);
        expect(storage.updates.bindClientIds('d-1', [20], mx.id)).toEqual([20]);
        expect(storage.updates.bindClientIds('d-1', [20], SERVER_AUTHOR)).toEqual([]);
        expect(storage.updates.clientOwners('d-1')).toEqual(new Map([[20, SERVER_AUTHOR]]));
      });
    });
    describeClauseChangeContract(open);
    describeThreadContract(open);
    describeAuditContract(open);
    describeRevisionContract(open);
  });
}
