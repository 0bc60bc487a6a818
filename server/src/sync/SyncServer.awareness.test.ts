import { describe, expect, it } from 'vitest';
import { useSyncTestKit } from '../testing/syncTestKit';
import { pump, TestSyncClient } from '../testing/testClient';

/** Presence through the sync core (S8), with in-process clients and the real SQLite store. */

const kit = useSyncTestKit();
const { syncServer, principal, connect } = kit;

describe('SyncServer awareness (S8)', () => {
  it("stamps the server's identity over what a client claims", async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    const unitedStates = await connect(sync, 'us.delegate');
    mexico.awareness.setLocalState({ user: { name: 'Impostor', delegation: 'US' }, cursor: 7 });
    mexico.sendAwareness();
    await pump(mexico, unitedStates);
    expect(unitedStates.awareness.getStates().get(mexico.awareness.clientID)).toEqual({
      user: {
        userId: (await principal('mx.delegate')).userId,
        name: 'Sofía Ramírez',
        delegation: 'MX',
        role: 'delegate',
        color: '#00704a',
      },
      cursor: 7,
    });
  });

  it("refuses to let a client speak for or remove someone else's presence", async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    const canada = await connect(sync, 'ca.delegate');
    // A fresh Awareness has clock 0, which y-protocols ignores: clients set a field first.
    mexico.awareness.setLocalStateField('cursor', null);
    mexico.sendAwareness();
    await pump(mexico, canada);
    // Canada's client forges Mexico's client id, first with a state, then with a removal.
    const forger = new TestSyncClient(sync, await principal('ca.delegate'));
    kit.track(forger);
    forger.awareness.clientID = mexico.awareness.clientID;
    // A clock ahead of Mexico's, so that only the ownership check can stop it.
    for (let clock = 0; clock < 3; clock++) forger.awareness.setLocalState({ cursor: 'forged' });
    forger.sendAwareness();
    forger.awareness.setLocalState(null);
    forger.sendAwareness();
    await pump(mexico, canada, forger);
    expect(canada.awareness.getStates().get(mexico.awareness.clientID)).toMatchObject({
      user: { delegation: 'MX' },
    });
    expect(canada.awareness.getStates().get(mexico.awareness.clientID)).not.toHaveProperty(
      'cursor',
      'forged',
    );
  });

  it('withdraws a connection’s presence when it closes', async () => {
    const sync = syncServer();
    const mexico = await connect(sync, 'mx.delegate');
    const canada = await connect(sync, 'ca.delegate');
    // A fresh Awareness has clock 0, which y-protocols ignores: clients set a field first.
    mexico.awareness.setLocalStateField('cursor', null);
    mexico.sendAwareness();
    await pump(mexico, canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(true);
    mexico.disconnect();
    await pump(canada);
    expect(canada.awareness.getStates().has(mexico.awareness.clientID)).toBe(false);
  });
});
