import { readDraft } from '@accord/shared/domain/draft';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { DEMO_USERS, demoLoginsTable, isEmpty, seedDemo } from './demo';
import { DEMO_DRAFT } from './demoDraft';

describe('seedDemo', () => {
  it('creates the negotiation, one member per demo account and the draft', async () => {
    const storage = new MemoryStorage();
    expect(await isEmpty(storage)).toBe(true);
    const seeded = await seedDemo(storage, '$argon2id$hash');
    expect(await isEmpty(storage)).toBe(false);
    expect(await storage.negotiations.byId(seeded.negotiationId)).toMatchObject({
      title: 'Regional Prosperity and Migration Talks',
      venue: 'Washington, D.C.',
      startsOn: '2025-06-11',
      timeZone: 'America/New_York',
    });
    const members = await storage.negotiations.members(seeded.negotiationId);
    expect(members).toHaveLength(DEMO_USERS.length);
    for (const demoUser of DEMO_USERS) {
      const user = await storage.users.byUsername(demoUser.username);
      expect(user?.displayName).toBe(demoUser.displayName);
      expect(
        await storage.negotiations.membership(seeded.negotiationId, user?.id ?? ''),
      ).toMatchObject({
        delegation: demoUser.delegation,
        role: demoUser.role,
      });
    }
    expect((await storage.documents.byId(seeded.documentId))?.title).toBe(
      'Joint Communiqué on Regional Economic Growth and Migration',
    );
  });

  it('stores the draft as the first update of the log', async () => {
    const storage = new MemoryStorage();
    const { documentId } = await seedDemo(storage, '$argon2id$hash');
    const log = await storage.updates.load(documentId);
    expect(log).toHaveLength(1);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, log[0]?.update ?? new Uint8Array());
    expect(readDraft(doc)).toEqual(DEMO_DRAFT);
  });

  it('prints every demo login and the password', () => {
    const table = demoLoginsTable();
    for (const user of DEMO_USERS) expect(table).toContain(user.username);
    expect(table).toContain('Password for all: accord-demo-2025');
  });
});
