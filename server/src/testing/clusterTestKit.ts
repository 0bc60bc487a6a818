import { createServer } from 'node:net';
import { pgSchemas, TEST_DATABASE_URL } from '../storage/postgres/pgTestKit';
import type { RunningTestServer, TestServerOverrides } from './testServer';
import { startServer } from './wsTestClients';

/** The test Redis: the machine's own (scripts/setup.sh starts it), or ACCORD_TEST_REDIS_URL. */
export const TEST_REDIS_URL = process.env.ACCORD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A port nobody listens on now (bound to 0, then released). */
export async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Several real servers over one fresh PostgreSQL schema and the test Redis. */
export interface TestCluster {
  servers: RunningTestServer[];
  schema: string;
  /** Every server's URL: each allows them all as origins, as behind one load balancer. */
  origins: string[];
}

/**
 * Starts `count` servers (port 0 is not usable: each must allow the others' origins) in one
 * fresh schema; the first seeds the demo. Lease timing is short so that fail-over tests are
 * quick. Everything is closed after the test (`closeAll`) and the schemas dropped by `dropAll`.
 */
export function clusterKit(prefix: string) {
  const schemas = pgSchemas(prefix);
  return {
    dropAll: () => schemas.dropAll(),
    async start(count: number, overrides: TestServerOverrides = {}): Promise<TestCluster> {
      const schema = schemas.fresh();
      const ports: number[] = [];
      for (let i = 0; i < count; i++) ports.push(await freePort());
      const origins = ports.map((port) => `http://127.0.0.1:${port}`);
      const servers: RunningTestServer[] = [];
      for (const [i, port] of ports.entries()) {
        const { server } = await startServer({
          port,
          allowedOrigins: origins,
          seedDemo: i === 0,
          database: { url: TEST_DATABASE_URL, schema },
          cluster: { redisUrl: TEST_REDIS_URL, internalUrl: null, leaseMs: 1_000 },
          ...overrides,
        });
        servers.push(server);
      }
      return { servers, schema, origins };
    },
  };
}
