import { DRAFT_FRAGMENT } from '@accord/shared/domain/schema';
import * as Y from 'yjs';
import { SERVER_AUTHOR } from '../storage/storage';
import { dependenciesOf } from './structDependencies';
import type { SyncRejection, SyncResult } from './syncTypes';

/** What the server-owned-state rules need to know about the document. */
export interface ServerOwnedStateContext {
  /** The user (or `SERVER_AUTHOR`) a Yjs client id is bound to, if any. */
  ownerOf(clientId: number): string | undefined;
  /** Whether a struct of a server client id in `[clock, end)` is still live (not deleted). */
  hasLiveServerStruct(clientId: number, clock: number, end: number): boolean;
}

type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

function rejected(message: string): { ok: false; error: SyncRejection } {
  return { ok: false, error: { reason: 'updateRejected', message } };
}

/**
 * S3: state the server mirrors into the document (the `accord` meta map) is
 * written by the server only. A client update is refused when a new struct of it lives under a
 * root other than the draft fragment, or builds on (origin, right origin, parent) a struct of a
 * server client id, or when its delete set removes a live struct of a server client id. Delete
 * ranges over server structs that are already deleted are accepted: a stock client's sync step 2
 * carries its whole delete set, which includes every meta value the server has replaced.
 * Costs O(update size): one owner lookup per struct and one index query per delete range.
 */
export function checkServerOwnedState(
  decoded: DecodedUpdate,
  stateBefore: (clientId: number) => number,
  context: ServerOwnedStateContext,
): SyncResult<void> {
  const isServer = (clientId: number) => context.ownerOf(clientId) === SERVER_AUTHOR;
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    // Structs the document already holds are ignored when applied: only new ones can write.
    if (struct.id.clock + struct.length <= stateBefore(struct.id.client)) continue;
    const parent: unknown = struct.parent;
    if (typeof parent === 'string' && parent !== DRAFT_FRAGMENT) {
      return rejected('Only the server may write outside the draft text.');
    }
    if (dependenciesOf(struct).some((id) => isServer(id.client))) {
      return rejected('The update builds on state only the server may change.');
    }
  }
  for (const [clientId, ranges] of decoded.ds.clients) {
    if (!isServer(clientId)) continue;
    for (const range of ranges) {
      if (context.hasLiveServerStruct(clientId, range.clock, range.clock + range.len)) {
        return rejected('The update deletes state only the server may change.');
      }
    }
  }
  return { ok: true, value: undefined };
}
