import type { AppConfig } from './config';
import { type OpenedStorage, openStorage } from './storage/openStorage';
import type { Fence } from './storage/postgres/PgStorage';
import type { Storage } from './storage/storage';

/**
 * The storage fence of a server in a cluster, pointed at its lease keeper once the cluster has
 * started (it needs the bound port first). Until then it holds no lease: no draft write passes.
 */
export class LateFence implements Fence {
  private target: Fence | null = null;

  epochOf(documentId: string): number | null {
    return this.target?.epochOf(documentId) ?? null;
  }

  pointAt(target: Fence): void {
    this.target = target;
  }
}

/** The server's storage, and what seeding it left. */
export interface ServerData<Seed> {
  opened: OpenedStorage;
  seeded: Seed | null;
  /** Set in a cluster: the fence every draft write checks. */
  fence: LateFence | null;
}

/**
 * Opens the configured storage and seeds an empty one. In a cluster, the demo draft is seeded
 * through an unfenced connection first (no server owns it yet), then the fenced storage opens.
 */
export async function openServerData<Seed>(
  config: AppConfig,
  seed: (storage: Storage) => Promise<Seed | null>,
  closeQuietly: (storage: Storage) => Promise<void>,
): Promise<ServerData<Seed>> {
  const fence = config.cluster !== null && config.database !== null ? new LateFence() : null;
  const first = await openStorage(config);
  if (!first.ok) throw new Error(first.error);
  let seeded: Seed | null;
  try {
    seeded = await seed(first.value.storage);
  } catch (error) {
    await closeQuietly(first.value.storage);
    throw error;
  }
  if (fence === null) return { opened: first.value, seeded, fence };
  await first.value.storage.close();
  const fenced = await openStorage(config, fence);
  if (!fenced.ok) throw new Error(fenced.error);
  return { opened: fenced.value, seeded, fence };
}
