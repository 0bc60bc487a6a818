import { DELEGATIONS } from '@accord/shared/domain/delegations';
import type { AwarenessUser } from '@accord/shared/protocol/api';
import { LIMITS } from '@accord/shared/protocol/limits';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { SyncPrincipal, SyncResult } from './syncTypes';

/** What stamping one connection's awareness update needs. */
export interface AwarenessStampContext {
  /** The identity the server puts under `state.user`, whatever the client claimed. */
  user: AwarenessUser;
  /** Whether this connection may set (or, with `removal`, clear) this awareness client's state. */
  mayWrite(clientId: number, removal: boolean): boolean;
}

/** One decoded awareness entry. */
interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** The identity a principal shows to the other people in a document. */
export function awarenessUserOf(principal: SyncPrincipal): AwarenessUser {
  return {
    userId: principal.userId,
    name: principal.displayName,
    delegation: principal.delegation,
    role: principal.role,
    color: DELEGATIONS[principal.delegation].colour,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The `user` the server puts into a state: its own identity, plus whether the client says its
 * page is away (a boolean, or nothing): the client may say where it is, never who it is.
 */
function stampedUser(user: AwarenessUser, claimed: unknown): AwarenessUser {
  const away = isPlainObject(claimed) && claimed.away === true;
  return away ? { ...user, away: true } : user;
}

/**
 * Rewrites a client's awareness update so that it can only speak for itself (S8):
 * entries for client ids it may not write are dropped, and every state's `user` is replaced
 * by the server's (with the client's `away` flag, `stampedUser`). The rest of the state (the
 * cursor) is kept. Returns null when nothing is left.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  context: AwarenessStampContext,
): SyncResult<Uint8Array | null> {
  if (update.byteLength > LIMITS.maxAwarenessBytes) {
    return {
      ok: false,
      error: {
        reason: 'messageTooLarge',
        message: `Awareness exceeds ${LIMITS.maxAwarenessBytes} bytes.`,
      },
    };
  }
  const decoded: AwarenessEntry[] = [];
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    for (let index = 0; index < count; index++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      // A state that is neither an object nor null cannot carry a user; drop it.
      if (state === null || isPlainObject(state)) decoded.push({ clientId, clock, state });
    }
  } catch {
    return {
      ok: false,
      error: { reason: 'malformedMessage', message: 'Awareness update could not be decoded.' },
    };
  }
  const entries = decoded
    .filter((entry) => context.mayWrite(entry.clientId, entry.state === null))
    .map((entry) => ({
      ...entry,
      state:
        entry.state === null
          ? null
          : { ...entry.state, user: stampedUser(context.user, entry.state.user) },
    }));
  if (entries.length === 0) return { ok: true, value: null };
  // The same layout y-protocols' encodeAwarenessUpdate writes, which needs an Awareness instance.
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return { ok: true, value: encoding.toUint8Array(encoder) };
}
