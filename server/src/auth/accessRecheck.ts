import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import type { CloseReason } from '@accord/shared/protocol/closeCodes';
import type { NegotiationStore, UserStore } from '../storage/storage';
import type { SessionManager } from './sessions';

/** The rights an open connection was granted: checked again whenever access may have changed. */
export interface GrantedAccess {
  sessionId: string;
  userId: string;
  negotiationId: string;
  delegation: DelegationCode;
  role: Role;
}

/** Why a connection's rights no longer hold: the close reason and a sentence for its person. */
export interface AccessEnded {
  reason: Extract<CloseReason, 'unauthorized' | 'forbidden' | 'accessChanged'>;
  /** Shown to the person; at most 123 bytes (a WebSocket close reason). */
  message: string;
}

/** What `recheckAccess` reads. */
export interface AccessRecheckDeps {
  sessions: SessionManager;
  users: UserStore;
  negotiations: NegotiationStore;
}

const ROLE_WORDS: Record<Role, string> = {
  moderator: 'moderator',
  delegate: 'delegate',
  observer: 'observer (read only)',
};

/**
 * Decides, from storage as it is now, whether rights granted earlier still hold (SPEC S10,
 * H4). Returns undefined when they do; otherwise why not, most telling reason first:
 * a disabled account, an ended session, a withdrawn membership, a changed role or delegation.
 */
export async function recheckAccess(
  deps: AccessRecheckDeps,
  granted: GrantedAccess,
): Promise<AccessEnded | undefined> {
  const user = await deps.users.byId(granted.userId);
  if (user === undefined || user.disabled) {
    return { reason: 'forbidden', message: 'Your account has been disabled.' };
  }
  if ((await deps.sessions.validateById(granted.sessionId)) === undefined) {
    return { reason: 'unauthorized', message: 'Your session has ended.' };
  }
  const membership = await deps.negotiations.membership(granted.negotiationId, granted.userId);
  if (membership === undefined) {
    return { reason: 'forbidden', message: 'You are no longer a member of this negotiation.' };
  }
  const changes: string[] = [];
  if (membership.role !== granted.role) {
    changes.push(`Your role is now ${ROLE_WORDS[membership.role]}.`);
  }
  if (membership.delegation !== granted.delegation) {
    changes.push(`You now represent ${DELEGATIONS[membership.delegation].name}.`);
  }
  if (changes.length === 0) return undefined;
  return { reason: 'accessChanged', message: changes.join(' ') };
}
