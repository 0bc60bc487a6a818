import { describe, expect, it } from 'vitest';
import {
  type ConnectionEvent,
  connectionStatus,
  initialConnectionState,
  reduceConnection,
} from './connectionState';

function run(events: ConnectionEvent[], online = true) {
  return events.reduce(reduceConnection, initialConnectionState(online));
}

describe('connection state', () => {
  it('is connecting until the socket is open and the server state has arrived', () => {
    expect(connectionStatus(run([]))).toBe('connecting');
    expect(connectionStatus(run([{ type: 'socket', status: 'connected' }]))).toBe('connecting');
    expect(
      connectionStatus(
        run([
          { type: 'socket', status: 'connected' },
          { type: 'synced', synced: true },
        ]),
      ),
    ).toBe('connected');
  });

  it('says reconnecting after a drop, and connected again once resynced', () => {
    const dropped = run([
      { type: 'socket', status: 'connected' },
      { type: 'synced', synced: true },
      { type: 'socket', status: 'disconnected' },
      { type: 'socket', status: 'connecting' },
    ]);
    expect(connectionStatus(dropped)).toBe('reconnecting');
    const back = [
      { type: 'socket', status: 'connected' },
      { type: 'synced', synced: true },
    ] as const;
    expect(connectionStatus(back.reduce(reduceConnection, dropped))).toBe('connected');
  });

  it('a stale synced flag does not survive a new socket', () => {
    const state = run([
      { type: 'socket', status: 'connected' },
      { type: 'synced', synced: true },
      { type: 'socket', status: 'disconnected' },
      { type: 'socket', status: 'connected' },
    ]);
    expect(connectionStatus(state)).toBe('reconnecting');
  });

  it('is offline while the browser has no network, and recovers when it returns', () => {
    const offline = run([{ type: 'browser', online: false }]);
    expect(connectionStatus(offline)).toBe('offline');
    const back = [
      { type: 'browser', online: true },
      { type: 'socket', status: 'connected' },
      { type: 'synced', synced: true },
    ] as const;
    expect(connectionStatus(back.reduce(reduceConnection, offline))).toBe('connected');
    expect(connectionStatus(run([], false))).toBe('offline');
  });

  it('stays offline after a terminal close, until a restart', () => {
    const stopped = run([
      { type: 'socket', status: 'connected' },
      { type: 'synced', synced: true },
      { type: 'stopped', message: 'Your session has ended.' },
    ]);
    expect(connectionStatus(stopped)).toBe('offline');
    expect(connectionStatus(reduceConnection(stopped, { type: 'restarted' }))).toBe('reconnecting');
  });
});
