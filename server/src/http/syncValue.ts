import type { SyncResult } from '../sync/syncTypes';
import { apiErrors } from './errors';

/** The value of a sync-core call; a failure there (storage, shutdown) is the server's fault. */
export function syncValue<T>(result: SyncResult<T>): T {
  if (!result.ok) throw apiErrors.internal();
  return result.value;
}
