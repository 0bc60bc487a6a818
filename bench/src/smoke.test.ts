import { beforeAll, describe, expect, it } from 'vitest';
import { runFailover } from './cluster/failover';
import { seedUpdate } from './load/draftModel';
import { runFanout } from './load/fanout';
import { bundleServers } from './servers/bundleServers';
import type { ServerKind } from './servers/childProtocol';

/**
 * A smoke run of the fan-out harness (seconds, never the benchmark itself), so that it cannot
 * rot: the real Accord server, Hocuspocus (its own framing) and the raw relay, each as a child
 * process, 1 room × 3 clients (2 full Y.Doc clients and 1 light receiver) in 2 generator
 * threads; and Accord as two servers over PostgreSQL and Redis (1 × 4, split across them), and
 * one fail-over (the draft's owner killed, lease 1 s). It checks that the harness produced its
 * figures and its convergence check, not how fast anything was. It needs the machine's
 * PostgreSQL and Redis (scripts/setup.sh), as the server's cluster tests do.
 */
describe('fan-out harness smoke run', () => {
  // accord-cluster: two Accord servers over PostgreSQL + Redis, the clients split across them.
  const kinds: ServerKind[] = ['accord', 'hocuspocus', 'relay', 'accord-cluster'];
  let scripts: Partial<Record<ServerKind, string>> = {};
  const seed = seedUpdate();

  beforeAll(async () => {
    scripts = await bundleServers(kinds);
  });

  for (const kind of kinds) {
    it(`delivers every keystroke to every peer through ${kind}, with figures and a convergence check`, async () => {
      const script = scripts[kind];
      if (script === undefined) throw new Error(`${kind} was not compiled`);
      const result = await runFanout({
        kind,
        script,
        // Four clients over two servers: a full client and a light one on each.
        shape: { rooms: 1, clientsPerRoom: kind === 'accord-cluster' ? 4 : 3 },
        timing: {
          warmupMs: 200,
          measureMs: 2_000,
          drainMs: 3_000,
          charsPerSecond: 5,
          connectTimeoutMs: 15_000,
        },
        seed,
      });
      expect(result.errors, result.errorDetail).toBe(0);
      expect(result.undelivered).toBe(0);
      // The full clients of the room were compared and held every keystroke typed.
      expect(result.convergedRooms).toBe(1);
      expect(result.fullClientsPerRoom).toBe(2);
      expect(result.loadgenThreads).toBe(2);
      // 3 clients × 5 characters a second × 2 s: about 30 keystrokes, each received by 2 peers.
      expect(result.latency.count).toBeGreaterThanOrEqual(15);
      expect(result.latency.p50).toBeGreaterThan(0);
      expect(result.deliveredPerSecond).toBeGreaterThan(0);
      expect(result.framesPerSecond).toBeGreaterThan(0);
      expect(result.serverCpuPerDeliveryUs).toBeGreaterThan(0);
      expect(Number.isFinite(result.serverCpuPerDeliveryUs)).toBe(true);
      expect(result.loadgenCpuPercent).toBeGreaterThan(0);
      expect(result.serverPeakRssBytes).toBeGreaterThan(0);
    });
  }

  it('resumes typing after the owner of a draft on two servers is killed (fail-over)', async () => {
    const script = scripts['accord-cluster'];
    if (script === undefined) throw new Error('accord-cluster was not compiled');
    const result = await runFailover({
      script,
      leaseMs: 1_000,
      settings: { leaseMs: [1_000], kills: 1, clients: 4, charsPerSecond: 10, settleMs: 500 },
      seed,
    });
    expect(result.stuck).toBe(0);
    expect(result.kills).toHaveLength(1);
    const kill = result.kills[0];
    expect(kill?.converged).toBe(true);
    // Not before the dead owner's lease ran out: the survivor had to wait for it.
    expect(kill?.resumedMs).toBeGreaterThan((kill?.leaseLeftMs ?? 0) - 200);
    expect(kill?.allResumedMs).toBeGreaterThanOrEqual(kill?.resumedMs ?? 0);
    expect(kill?.leaseLeftMs).toBeGreaterThan(0);
  });
});
