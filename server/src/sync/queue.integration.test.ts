import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUSE, cleanups, holds, setup, sleep } from '../testing/queueTestKit';
import { clauseText, pump } from '../testing/testClient';
import { MESSAGE_TYPES } from './protocol';
import { MAX_WAITING_FRAMES } from './SyncConnection';

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * The per-draft queue (SPEC S5) against the real SQLite update log, with a fault injector that
 * makes commits slow: nothing is broadcast before it is stored, every update is checked against
 * the state it is applied to, and a draft is loaded once however many ask for it at once.
 */
describe('the per-draft queue (S5)', () => {
  it('slow commits: typists converge and nobody ever receives what the log lacks', async () => {
    const { connect, log, storedDoc, logLines } = await setup();
    const typists = [
      await connect('u-us', 'US'),
      await connect('u-ca', 'CA'),
      await connect('u-mx', 'MX'),
    ];
    const violations: string[] = [];
    for (const client of typists) {
      client.doc.on('update', (update: Uint8Array, origin: unknown) => {
        // Applied from a server frame: at this moment the log must hold all of it.
        if (origin === client && !holds(log.mirror, update)) violations.push('not yet stored');
      });
    }
    for (let round = 0; round < 40; round++) {
      const client = typists[round % typists.length]!;
      const text = clauseText(client.doc, CLAUSE);
      text.insert(Math.floor(Math.random() * (text.length + 1)), `${round % 10}`);
      for (const reader of typists) if (Math.random() < 0.5) reader.process();
      await sleep(Math.floor(Math.random() * 3));
    }
    await pump(...typists);
    expect(logLines).toEqual([]);
    expect(violations).toEqual([]);
    const texts = typists.map((client) => clauseText(client.doc, CLAUSE).toString());
    expect(new Set(texts).size).toBe(1);
    expect(texts[0]).toHaveLength('Calls upon all parties to negotiate.'.length + 40);
    expect(clauseText(await storedDoc(), CLAUSE).toString()).toBe(texts[0]);
    expect(clauseText(log.mirror, CLAUSE).toString()).toBe(texts[0]);
  });

  it('checks an edit against the state it is applied to: a lock queued before it wins (L2)', async () => {
    const { sync, connect, log, storedDoc, logLines } = await setup();
    const unitedStates = await connect('u-us', 'US');
    const canada = await connect('u-ca', 'CA');
    const release = log.hold();
    // A commit the queue waits for; then the lock, queued; then Canada's edit, queued behind it.
    clauseText(unitedStates.doc, CLAUSE).insert(0, 'US ');
    const locking = sync.withClauses('d1', (clauses) =>
      clauses.locks.setLock(CLAUSE, { userId: 'u-chair', delegation: 'US' }, true, 'Settled.'),
    );
    await sleep(5);
    clauseText(canada.doc, CLAUSE).insert(0, 'CA-EDIT ');
    await sleep(5);
    release();
    expect(await locking).toMatchObject({ ok: true, value: { ok: true } });
    await pump(unitedStates, canada);
    expect(logLines).toEqual([expect.stringMatching(/closed with clauseLocked/)]);
    expect(canada.closedWith?.code).toBe(CLOSE_CODES.clauseLocked);
    expect(unitedStates.closedWith).toBeNull();
    const stored = clauseText(await storedDoc(), CLAUSE).toString();
    expect(stored).toBe('US Calls upon all parties to negotiate.');
    expect(clauseText(log.mirror, CLAUSE).toString()).not.toContain('CA-EDIT');
    expect(clauseText(unitedStates.doc, CLAUSE).toString()).not.toContain('CA-EDIT');
  });

  it('loads a draft once for concurrent acquires, and does not keep a failed load', async () => {
    const { sync, log, connect } = await setup();
    log.failNextLoad();
    const failed = await sync.withClauses('d1', (clauses) => clauses.list());
    expect(failed.ok).toBe(false);
    expect(sync.isLoaded('d1')).toBe(false);
    const before = log.loads();
    const [first, second, client] = await Promise.all([
      sync.withClauses('d1', (clauses) => clauses.list().clauses.length),
      sync.withClauses('d1', (clauses) => clauses.list().clauses.length),
      connect('u-us', 'US'),
    ]);
    expect(log.loads() - before).toBe(1);
    expect(first).toEqual({ ok: true, value: 1 });
    expect(second).toEqual({ ok: true, value: 1 });
    expect(clauseText(client.doc, CLAUSE).toString()).toContain('negotiate');
  });

  it('keeps a draft whose unload timer fired while a new connection arrives', async () => {
    const { sync, log, connect } = await setup({ idleUnloadMs: 1 });
    const leaving = await connect('u-us', 'US');
    const release = log.hold();
    clauseText(leaving.doc, CLAUSE).insert(0, 'US ');
    await sleep(2);
    // The last connection leaves while its edit commits: the idle timer fires, and the unload
    // waits for the queue; a new connection arrives meanwhile.
    leaving.disconnect();
    await sleep(10);
    const loads = log.loads();
    const arriving = connect('u-ca', 'CA');
    await sleep(5);
    release();
    const canada = await arriving;
    await sleep(20);
    expect(sync.isLoaded('d1')).toBe(true);
    expect(log.loads()).toBe(loads);
    expect(clauseText(canada.doc, CLAUSE).toString()).toBe(
      'US Calls upon all parties to negotiate.',
    );
  });

  it('evicts a draft: its sockets closed with the code given, unloaded, loaded again on use', async () => {
    const { sync, connect } = await setup();
    const client = await connect('u-us', 'US');
    await sync.evict('d1', CLOSE_CODES.serverShutdown, 'Moved to another server.');
    expect(client.closedWith).toEqual({
      code: CLOSE_CODES.serverShutdown,
      reason: 'Moved to another server.',
    });
    expect(sync.isLoaded('d1')).toBe(false);
    expect(await sync.withClauses('d1', () => true)).toEqual({ ok: true, value: true });
  });

  it('drops a connection whose frames pile up behind a slow commit, and keeps what it sent before', async () => {
    const { connect, log, storedDoc } = await setup();
    const flooder = await connect('u-us', 'US');
    const release = log.hold();
    clauseText(flooder.doc, CLAUSE).insert(0, 'US ');
    // Its commit is under way; what was being handled finishes, what waits is dropped.
    await sleep(5);
    for (let frame = 0; frame < MAX_WAITING_FRAMES + 5; frame++) {
      flooder.handle.receive(Uint8Array.of(MESSAGE_TYPES.queryAwareness));
    }
    expect(flooder.closedWith?.code).toBe(CLOSE_CODES.slowConnection);
    release();
    await flooder.sync.settled();
    expect(clauseText(await storedDoc(), CLAUSE).toString()).toBe(
      'US Calls upon all parties to negotiate.',
    );
  });
});
