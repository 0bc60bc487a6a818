import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { afterEach, describe, expect, it } from 'vitest';
import { CLAUSE, cleanups, setup, sleep } from '../testing/queueTestKit';
import { clauseText, pump } from '../testing/testClient';
import type { SyncServer } from './SyncServer';
import type { SyncAccess } from './syncTypes';

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * Live rights (SPEC S10) through the queue: the access version is read once per batch of
 * frames, and nothing a connection sends after its rights changed is acted on.
 */
describe('live rights through the queue (S10)', () => {
  /** Access as a database would answer it: a version that moves, read slowly, counted. */
  function liveAccess() {
    const state = { version: 0, seen: 0, reads: 0, revoked: new Set<string>() };
    let sync: SyncServer | null = null;
    const access: SyncAccess = {
      noticeChanges: async () => {
        state.reads += 1;
        const version = state.version;
        await sleep(5);
        if (version !== state.seen) {
          state.seen = version;
          await sync?.recheckAccess();
        }
      },
      recheck: async (principal) =>
        state.revoked.has(principal.userId)
          ? { reason: 'forbidden', message: 'You are no longer a member of this negotiation.' }
          : undefined,
    };
    return { state, access, attach: (server: SyncServer) => (sync = server) };
  }

  it('reads the access version once per batch of frames, not once per frame', async () => {
    const live = liveAccess();
    const { sync, connect } = await setup({ access: live.access });
    live.attach(sync);
    const typist = await connect('u-us', 'US');
    const reads = live.state.reads;
    const text = clauseText(typist.doc, CLAUSE);
    for (let key = 0; key < 20; key++) text.insert(0, 'x');
    await sync.settled();
    // The first frame's read starts as it arrives; the 19 that arrive meanwhile share the next.
    expect(live.state.reads - reads).toBeLessThanOrEqual(2);
    expect(typist.closedWith).toBeNull();
  });

  it('acts on nothing sent after a change of rights committed, even behind slow commits', async () => {
    const live = liveAccess();
    const { sync, connect, log, storedDoc } = await setup({ access: live.access });
    live.attach(sync);
    const unitedStates = await connect('u-us', 'US');
    const canada = await connect('u-ca', 'CA');
    const release = log.hold();
    clauseText(unitedStates.doc, CLAUSE).insert(0, 'US ');
    await sleep(5);
    // Canada's membership ends (committed), then Canada's editor sends an edit.
    live.state.revoked.add('u-ca');
    live.state.version += 1;
    clauseText(canada.doc, CLAUSE).insert(0, 'CA-AFTER ');
    release();
    await pump(unitedStates, canada);
    expect(canada.closedWith?.code).toBe(CLOSE_CODES.forbidden);
    expect(unitedStates.closedWith).toBeNull();
    expect(clauseText(await storedDoc(), CLAUSE).toString()).toBe(
      'US Calls upon all parties to negotiate.',
    );
  });
});
