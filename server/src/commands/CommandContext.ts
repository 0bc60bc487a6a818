import { type Action, can, type ResourceArgs } from '@accord/shared/policy/policy';
import type { AuditLog } from '../audit/AuditLog';
import type {
  DocumentRecord,
  MembershipRecord,
  NegotiationRecord,
  Storage,
} from '../storage/storage';
import type { SyncServer } from '../sync/SyncServer';

/** A member acting through the API: who they are and their place in the negotiation. */
export interface MemberActor {
  kind: 'member';
  userId: string;
  membership: MembershipRecord;
}

/**
 * Who runs a command: a member (the policy decides what they may do) or the operator, who runs
 * the admin tool on the server itself and so may do anything; no member did it.
 */
export type CommandActor = MemberActor | { kind: 'operator' };

/**
 * The drafts' live documents, as commands reach them: the sync core's entry points, and nothing
 * else of it, so that the sync core can change behind this port.
 */
export type DocumentsPort = Pick<SyncServer, 'withClauses' | 'withDocument' | 'readDocument'>;

/** Where a command acts: the negotiation, and the draft when it is about one. */
export interface CommandAccess {
  negotiation: NegotiationRecord;
  document: DocumentRecord | null;
}

/** What every command runs with. */
export interface CommandContext<A extends CommandActor = CommandActor> {
  actor: A;
  access: CommandAccess;
  documents: DocumentsPort;
  storage: Storage;
  audit: AuditLog;
  now: () => number;
}

/** A command about one draft, run by a member (clause commands write as that member). */
export interface DocumentCommandContext extends CommandContext<MemberActor> {
  access: { negotiation: NegotiationRecord; document: DocumentRecord };
}

/** Whether the actor may do `action`: the shared policy for members; the operator may. */
export function allowed<A extends Action>(
  actor: CommandActor,
  action: A,
  ...resource: ResourceArgs<A>
): boolean {
  if (actor.kind === 'operator') return true;
  return can(actor.membership, action, ...resource);
}

/** Who did it, as the audit log records it: null for the operator. */
export function auditedBy(ctx: CommandContext): {
  negotiationId: string;
  documentId: string | null;
  userId: string | null;
  delegation: MembershipRecord['delegation'] | null;
} {
  const { actor, access } = ctx;
  return {
    negotiationId: access.negotiation.id,
    documentId: access.document?.id ?? null,
    userId: actor.kind === 'member' ? actor.userId : null,
    delegation: actor.kind === 'member' ? actor.membership.delegation : null,
  };
}

/** The author of a member's clause write. */
export function authorOf(actor: MemberActor): {
  userId: string;
  delegation: MembershipRecord['delegation'];
} {
  return { userId: actor.userId, delegation: actor.membership.delegation };
}
