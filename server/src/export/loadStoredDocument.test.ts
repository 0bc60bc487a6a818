import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { loadStoredDocument } from './loadStoredDocument';

describe('loadStoredDocument', () => {
  it('applies the stored log, skips an update that does not apply, and never compacts', async () => {
    const storage = new MemoryStorage();
    await storage.negotiations.create({
      id: 'n',
      title: 'Talks',
      venue: 'Washington',
      startsOn: '2026-12-01',
      timeZone: 'America/New_York',
    });
    await storage.documents.create({ id: 'd', negotiationId: 'n', title: 'Communiqué' });
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => updates.push(update));
    source.getText('t').insert(0, 'The parties ');
    source.getText('t').insert(12, 'agree.');
    for (const update of updates) await storage.updates.append('d', update, 'u');
    await storage.updates.append('d', new Uint8Array([255, 1, 2]), 'u');
    const logged: string[] = [];

    const doc = await loadStoredDocument(storage, 'd', (level, message) =>
      logged.push(`${level}: ${message}`),
    );
    expect(doc.getText('t').toString()).toBe('The parties agree.');
    expect(logged).toEqual([
      expect.stringMatching(/^error: .*stored update 3 could not be applied/),
    ]);
    expect((await storage.updates.load('d')).map((stored) => stored.seq)).toEqual([1, 2, 3]);
  });
});
