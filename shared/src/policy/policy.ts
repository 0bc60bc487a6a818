import { type DelegationCode, PARTY_CODES } from '../domain/delegations';
import type { Role } from '../domain/roles';
import {
  type MessageAccess,
  mayChangeOwnMessage,
  mayCreateThread,
  mayHideMessage,
  mayReadThread,
  mayTakePart,
  type ThreadAccess,
  type ThreadVisibility,
} from './threadPolicy';

/** Everything a member may try to do; each is checked by `can`. */
export const ACTIONS = [
  'read',
  'editText',
  'manageMembers',
  'changeSettings',
  'statePosition',
  'removeBracket',
  'exportDraft',
  'exportFinal',
  'proposeAlternative',
  'withdrawAlternative',
  'chooseAlternative',
  'readThread',
  'createThread',
  'replyThread',
  'resolveThread',
  'editMessage',
  'deleteMessage',
  'hideMessage',
  'lockClause',
  'viewAudit',
] as const;

/** One action a member may try. */
export type Action = (typeof ACTIONS)[number];

/** The part of a membership that decides what a member may do. */
export interface Actor {
  role: Role;
  delegation: DelegationCode;
  /** The member's user id; only rules about one's own things (messages) look at it. */
  userId?: string;
}

/** What each action is done to: the delegation whose position or bracket it is, or nothing. */
export interface ActionResources {
  read: undefined;
  editText: undefined;
  manageMembers: undefined;
  changeSettings: undefined;
  statePosition: { delegation: DelegationCode };
  removeBracket: { delegation: DelegationCode };
  exportDraft: undefined;
  exportFinal: undefined;
  proposeAlternative: undefined;
  withdrawAlternative: { delegation: DelegationCode };
  chooseAlternative: undefined;
  readThread: ThreadAccess;
  createThread: { visibility: ThreadVisibility };
  replyThread: ThreadAccess;
  resolveThread: ThreadAccess;
  editMessage: MessageAccess;
  deleteMessage: MessageAccess;
  hideMessage: ThreadAccess;
  lockClause: undefined;
  viewAudit: undefined;
}

/** The extra argument `can` takes for an action: its resource, when it has one. */
export type ResourceArgs<A extends Action> = ActionResources[A] extends undefined
  ? []
  : [resource: ActionResources[A]];

function isParty(code: DelegationCode): boolean {
  return (PARTY_CODES as readonly DelegationCode[]).includes(code);
}

/**
 * Whether a member may perform an action. Pure: the server enforces it, the client uses it to
 * shape the UI. A position belongs to a party: only that party's delegates state it (not its
 * observers, not the Chair or moderators, never another delegation). A bracket is removed by the
 * delegation that asked for it or by a moderator. Alternatives are proposed by delegates and
 * the Chair's moderators, withdrawn by the delegation that proposed them or a moderator, and
 * only a moderator picks the one that becomes the clause text. Comment threads follow
 * `threadPolicy.ts` (private threads stay within their delegation, SPEC P1, P4). Any
 * member may export a draft compilation; only a moderator exports the final communiqué.
 */
export function can<A extends Action>(actor: Actor, action: A, ...args: ResourceArgs<A>): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'editText':
      return actor.role === 'delegate' || actor.role === 'moderator';
    case 'manageMembers':
    case 'changeSettings':
      return actor.role === 'moderator';
    case 'statePosition': {
      const resource = args[0] as ActionResources['statePosition'];
      return (
        actor.role === 'delegate' &&
        actor.delegation === resource.delegation &&
        isParty(resource.delegation)
      );
    }
    case 'exportDraft':
      return true;
    case 'exportFinal':
      return actor.role === 'moderator';
    case 'removeBracket':
    case 'withdrawAlternative': {
      const resource = args[0] as ActionResources['removeBracket'];
      if (actor.role === 'moderator') return true;
      return actor.role === 'delegate' && actor.delegation === resource.delegation;
    }
    case 'proposeAlternative':
      return actor.role === 'delegate' || actor.role === 'moderator';
    case 'chooseAlternative':
    case 'lockClause':
    case 'viewAudit':
      return actor.role === 'moderator';
    case 'readThread':
      return mayReadThread(actor, args[0] as ThreadAccess);
    case 'createThread':
      return mayCreateThread(actor, (args[0] as ActionResources['createThread']).visibility);
    case 'replyThread':
    case 'resolveThread':
      return mayTakePart(actor, args[0] as ThreadAccess);
    case 'editMessage':
    case 'deleteMessage':
      return mayChangeOwnMessage(actor, args[0] as MessageAccess);
    case 'hideMessage':
      return mayHideMessage(actor, args[0] as ThreadAccess);
  }
  return false;
}
