import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryStorage } from '../storage/memory/MemoryStorage';
import { AccessWatch } from './AccessWatch';
import { type GrantedAccess, recheckAccess } from './accessRecheck';
import { SessionManager } from './sessions';

describe('recheckAccess', () => {
  let storage: MemoryStorage;
  let sessions: SessionManager;
  let granted: GrantedAccess;
  const recheck = () =>
    recheckAccess({ sessions, users: storage.users, negotiations: storage.negotiations }, granted);

  beforeEach(() => {
    storage = new MemoryStorage();
    storage.users.create({ id: 'u1', username: 'mx', displayName: 'MX', passwordHash: 'h' });
    storage.negotiations.create({
      id: 'n1',
      title: 'Talks',
      venue: 'Ottawa',
      startsOn: '2026-12-01',
      timeZone: 'UTC',
    });
    storage.negotiations.setMembership({
      negotiationId: 'n1',
      userId: 'u1',
      delegation: 'MX',
      role: 'delegate',
    });
    sessions = new SessionManager(storage);
    const { session } = sessions.create('u1');
    granted = {
      sessionId: session.id,
      userId: 'u1',
      negotiationId: 'n1',
      delegation: 'MX',
      role: 'delegate',
    };
  });

  it('keeps rights that still hold', () => {
    expect(recheck()).toBeUndefined();
  });

  it('says what changed when the role or the delegation changed', () => {
    storage.negotiations.setMembership({ ...granted, role: 'observer' });
    expect(recheck()).toEqual({
      reason: 'accessChanged',
      message: 'Your role is now observer (read only).',
    });
    storage.negotiations.setMembership({ ...granted, delegation: 'GT', role: 'observer' });
    expect(recheck()).toEqual({
      reason: 'accessChanged',
      message: 'Your role is now observer (read only). You now represent Guatemala.',
    });
  });

  it('ends rights of a removed member, a disabled account, an ended session', () => {
    storage.negotiations.removeMembership('n1', 'u1');
    expect(recheck()).toMatchObject({ reason: 'forbidden', message: /no longer a member/ });
    storage.users.setDisabled('u1', true);
    expect(recheck()).toEqual({ reason: 'forbidden', message: 'Your account has been disabled.' });
    storage.users.setDisabled('u1', false);
    sessions.invalidate(granted.sessionId);
    expect(recheck()).toEqual({ reason: 'unauthorized', message: 'Your session has ended.' });
  });
});

describe('AccessWatch', () => {
  it('tells its listeners once per move of the version, synchronously within check()', () => {
    let version = 0;
    const watch = new AccessWatch(() => version);
    let told = 0;
    const stop = watch.subscribe(() => {
      told += 1;
    });
    watch.check();
    expect(told).toBe(0);
    version = 3;
    watch.check();
    watch.check();
    expect(told).toBe(1);
    stop();
    version = 4;
    watch.check();
    expect(told).toBe(1);
  });
});
