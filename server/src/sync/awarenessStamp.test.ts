import type { AwarenessUser } from '@accord/shared/protocol/api';
import { LIMITS } from '@accord/shared/protocol/limits';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { awarenessUserOf, stampAwarenessUpdate } from './awarenessStamp';
import type { SyncPrincipal } from './syncTypes';

const PRINCIPAL: SyncPrincipal = {
  sessionId: 'session-1',
  userId: 'user-mx',
  displayName: 'Sofía Ramírez',
  delegation: 'MX',
  role: 'delegate',
  documentId: 'doc-1',
  negotiationId: 'neg-1',
};

const USER: AwarenessUser = awarenessUserOf(PRINCIPAL);

const created: awarenessProtocol.Awareness[] = [];

/** A client's Awareness with a local state, as y-websocket's provider keeps it. */
function clientAwareness(state: Record<string, unknown>): awarenessProtocol.Awareness {
  const awareness = new awarenessProtocol.Awareness(new Y.Doc());
  awareness.setLocalState(state);
  created.push(awareness);
  return awareness;
}

function decode(update: Uint8Array): Map<number, unknown> {
  const receiver = new awarenessProtocol.Awareness(new Y.Doc());
  receiver.setLocalState(null);
  created.push(receiver);
  awarenessProtocol.applyAwarenessUpdate(receiver, update, 'test');
  return receiver.getStates();
}

afterEach(() => {
  for (const awareness of created.splice(0)) awareness.destroy();
});

describe('awarenessUserOf', () => {
  it('takes the colour of the delegation', async () => {
    expect(USER).toEqual({
      userId: 'user-mx',
      name: 'Sofía Ramírez',
      delegation: 'MX',
      role: 'delegate',
      color: '#00704a',
    });
  });
});

describe('stampAwarenessUpdate (S8)', () => {
  it('replaces the claimed user by the server identity and keeps the cursor', async () => {
    const client = clientAwareness({
      user: { name: 'President of the US', delegation: 'US', color: '#000' },
      cursor: { anchor: 1, head: 4 },
    });
    const update = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
    const result = stampAwarenessUpdate(update, { user: USER, mayWrite: () => true });
    expect(result.ok).toBe(true);
    const states = decode(result.ok && result.value !== null ? result.value : new Uint8Array());
    expect(states.get(client.clientID)).toEqual({ user: USER, cursor: { anchor: 1, head: 4 } });
  });

  it('keeps only a true `away` of what the client says about itself', async () => {
    const stamp = (user: unknown) => {
      const client = clientAwareness({ user, cursor: null });
      const update = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
      const result = stampAwarenessUpdate(update, { user: USER, mayWrite: () => true });
      const states = decode(result.ok && result.value !== null ? result.value : new Uint8Array());
      return (states.get(client.clientID) as { user: unknown }).user;
    };
    expect(stamp({ name: 'x', away: true })).toEqual({ ...USER, away: true });
    expect(stamp({ away: false })).toEqual(USER);
    expect(stamp({ away: 'yes', delegation: 'US' })).toEqual(USER);
    expect(stamp('away')).toEqual(USER);
  });

  it('drops entries of client ids the connection may not write', async () => {
    const mine = clientAwareness({ cursor: null });
    const theirs = clientAwareness({ cursor: null });
    const update = awarenessProtocol.encodeAwarenessUpdate(mine, [mine.clientID]);
    const both = awarenessProtocol.encodeAwarenessUpdate(theirs, [theirs.clientID]);
    // Re-encode both entries in one update, as a hostile client could.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    encoding.writeUint8Array(encoder, update.subarray(1));
    encoding.writeUint8Array(encoder, both.subarray(1));
    const result = stampAwarenessUpdate(encoding.toUint8Array(encoder), {
      user: USER,
      mayWrite: (clientId) => clientId === mine.clientID,
    });
    const states = decode(result.ok && result.value !== null ? result.value : new Uint8Array());
    expect([...states.keys()]).toEqual([mine.clientID]);
  });

  it('returns nothing when no entry may be written, and asks about removals as removals', async () => {
    const client = clientAwareness({ cursor: null });
    awarenessProtocol.removeAwarenessStates(client, [client.clientID], 'test');
    const removal = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
    const asked: [number, boolean][] = [];
    const result = stampAwarenessUpdate(removal, {
      user: USER,
      mayWrite: (clientId, isRemoval) => {
        asked.push([clientId, isRemoval]);
        return false;
      },
    });
    expect(result).toEqual({ ok: true, value: null });
    expect(asked).toEqual([[client.clientID, true]]);
  });

  it('drops states that are not objects', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarUint(encoder, 42);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '"just a string"');
    const result = stampAwarenessUpdate(encoding.toUint8Array(encoder), {
      user: USER,
      mayWrite: () => true,
    });
    expect(result).toEqual({ ok: true, value: null });
  });

  it('rejects an update over the size limit', async () => {
    const client = clientAwareness({ padding: 'x'.repeat(LIMITS.maxAwarenessBytes) });
    const update = awarenessProtocol.encodeAwarenessUpdate(client, [client.clientID]);
    const result = stampAwarenessUpdate(update, { user: USER, mayWrite: () => true });
    expect(result.ok ? undefined : result.error.reason).toBe('messageTooLarge');
  });

  it('rejects bytes that do not decode, before claiming anything', async () => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 2);
    encoding.writeVarUint(encoder, 7);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{}');
    encoding.writeVarUint(encoder, 8);
    encoding.writeVarUint(encoder, 1);
    encoding.writeVarString(encoder, '{not json');
    let claims = 0;
    const result = stampAwarenessUpdate(encoding.toUint8Array(encoder), {
      user: USER,
      mayWrite: () => {
        claims += 1;
        return true;
      },
    });
    expect(result.ok ? undefined : result.error.reason).toBe('malformedMessage');
    expect(claims).toBe(0);
    const truncated = stampAwarenessUpdate(Uint8Array.of(3, 1), {
      user: USER,
      mayWrite: () => true,
    });
    expect(truncated.ok ? undefined : truncated.error.reason).toBe('malformedMessage');
  });
});
