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

  beforeEach(async () => {
    storage = new MemoryStorage();
    await storage.users.create({ id: 'u1', username: 'mx', displayName: 'MX', passwordHash: 'h' });
    await storage.negotiations.create({
      id: 'n1',
      title: 'Talks',
      venue: 'Ottawa',
      startsOn: '2026-12-01',
      timeZone: 'UTC',
    });
    await storage.negotiations.setMembership({
      negotiationId: 'n1',
      userId: 'u1',
      delegation: 'MX',
      role: 'delegate',
    });
    sessions = new SessionManager(storage);
    const { session } = await sessions.create('u1');
    granted = {
      sessionId: session.id,
      userId: 'u1',
      negotiationId: 'n1',
      delegation: 'MX',
      role: 'delegate',
    };
  });

  it('keeps rights that still hold', async () => {
    expect(await recheck()).toBeUndefined();
  });

  it('says what changed when the role or the delegation changed', async () => {
    await storage.negotiations.setMembership({ ...granted, role: 'observer' });
    expect(await recheck()).toEqual({
      reason: 'accessChanged',
      message: 'Your role is now observer (read only).',
    });
    await storage.negotiations.setMembership({ ...granted, delegation: 'GT', role: 'observer' });
    expect(await recheck()).toEqual({
      reason: 'accessChanged',
      message: 'Your role is now observer (read only). You now represent Guatemala.',
    });
  });

  it('ends rights of a removed member, a disabled account, an ended session', async () => {
    await storage.negotiations.removeMembership('n1', 'u1');
    expect(await recheck()).toMatchObject({ reason: 'forbidden', message: /no longer a member/ });
    await storage.users.setDisabled('u1', true);
    expect(await recheck()).toEqual({
      reason: 'forbidden',
      message: 'Your account has been disabled.',
    });
    await storage.users.setDisabled('u1', false);
    await sessions.invalidate(granted.sessionId);
    expect(await recheck()).toEqual({ reason: 'unauthorized', message: 'Your session has ended.' });
  });
});

describe('AccessWatch', () => {
  it('tells its listeners once per move of the version, and check() waits for them', async () => {
    let version = 0;
    const watch = new AccessWatch(async () => version);
    let told = 0;
    let finished = 0;
    const stop = watch.subscribe(async () => {
      told += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      finished += 1;
    });
    await watch.check();
    expect(told).toBe(0);
    version = 3;
    // Two overlapping checks after one move: one run of the listeners, and both wait for it.
    const first = watch.check();
    const second = watch.check().then(() => finished);
    await first;
    expect(finished).toBe(1);
    expect(await second).toBe(1);
    expect(told).toBe(1);
    stop();
    version = 4;
    await watch.check();
    expect(told).toBe(1);
  });

  it('takes the version it was made with as the baseline, read asynchronously', async () => {
    let version = 7;
    const watch = new AccessWatch(async () => version);
    let told = 0;
    watch.subscribe(() => {
      told += 1;
    });
    // A change made after the watch was made but before its first check is still noticed.
    await new Promise((resolve) => setTimeout(resolve, 0));
    version = 8;
    await watch.check();
    expect(told).toBe(1);
  });

  it('tells the listeners again after a failed run', async () => {
    let version = 0;
    const watch = new AccessWatch(async () => version);
    let fail = true;
    let told = 0;
    watch.subscribe(() => {
      told += 1;
      if (fail) throw new Error('storage down');
    });
    version = 1;
    await expect(watch.check()).rejects.toThrow('storage down');
    fail = false;
    await watch.check();
    expect(told).toBe(2);
  });
});
