import { z } from 'zod';
import { AUDIT_ACTIONS, type AuditAction, type AuditDetail } from './audit';
import { PARTY_CODES } from './delegations';
import { POSITIONS } from './positions';
import { ROLES } from './roles';

// Reading stored entries: every field is read on its own and a field that is missing or of
// another shape reads as absent, so entries written before a field existed (or by an older
// version) still read; a reader shows what is there and a fallback for the rest.

const text = z.string().optional().catch(undefined);
const count = z.number().optional().catch(undefined);
const flag = z.boolean().optional().catch(undefined);
const DELEGATION_ENUM = z.enum([...PARTY_CODES, 'CHAIR']);
const delegation = DELEGATION_ENUM.optional().catch(undefined);
const clauseRef = { clauseId: text, label: text };
const delegationCount = z.object({ delegation, count });
const list = <T extends z.ZodType>(item: T) =>
  z
    .array(z.unknown())
    .optional()
    .catch(undefined)
    .transform((items) =>
      (items ?? []).flatMap((entry) => {
        const parsed = item.safeParse(entry);
        return parsed.success ? [parsed.data as z.output<T>] : [];
      }),
    );

/** The lenient reader of each action's payload. */
const STORED_DETAIL = {
  lock: z.object({ ...clauseRef, reason: text, allAgreed: flag }),
  position: z.object({
    ...clauseRef,
    of: delegation,
    position: z.enum(POSITIONS).nullable().optional().catch(undefined),
  }),
  positionsCleared: z.object({ ...clauseRef, delegations: list(DELEGATION_ENUM) }),
  alternativeChosen: z.object({
    ...clauseRef,
    proposedBy: delegation,
    text,
    bracketsRemoved: list(delegationCount),
  }),
  messageHidden: z.object({ threadId: text, messageId: text, reason: text }),
  membership: z.object({
    username: text,
    delegation,
    role: z
      .union([z.enum(ROLES), z.null()])
      .optional()
      .catch(undefined),
  }),
  timeZone: z.object({ from: text, to: text }),
  revision: z.object({
    revision: count,
    symbol: text,
    sha256: text,
    deadline: text,
    reason: text,
  }),
} as const;

/** A stored entry's payload as read back: what is there, typed; absent what is not. */
export type StoredAuditEvent =
  | { action: 'lock' | 'unlock'; detail: z.output<typeof STORED_DETAIL.lock> }
  | { action: 'position'; detail: z.output<typeof STORED_DETAIL.position> }
  | { action: 'positionsCleared'; detail: z.output<typeof STORED_DETAIL.positionsCleared> }
  | { action: 'alternativeChosen'; detail: z.output<typeof STORED_DETAIL.alternativeChosen> }
  | { action: 'messageHidden'; detail: z.output<typeof STORED_DETAIL.messageHidden> }
  | { action: 'membership'; detail: z.output<typeof STORED_DETAIL.membership> }
  | { action: 'timeZone'; detail: z.output<typeof STORED_DETAIL.timeZone> }
  | {
      action: 'revisionIssued' | 'silenceStarted' | 'silenceBroken' | 'silenceAdopted';
      detail: z.output<typeof STORED_DETAIL.revision>;
    }
  | { action: 'unknown'; name: string; detail: AuditDetail };

function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}

/**
 * Reads a stored entry's action and payload into the typed union. Never fails: an action this
 * version does not know is `unknown` with its raw payload; a field of another shape is absent.
 */
export function readAuditEvent(action: string, detail: AuditDetail): StoredAuditEvent {
  if (!isAuditAction(action)) return { action: 'unknown', name: action, detail };
  const read = <S extends z.ZodType>(schema: S): z.output<S> => {
    const parsed = schema.safeParse(detail);
    // Only a payload that is not an object at all fails: it reads as an empty one.
    return parsed.success ? parsed.data : schema.parse({});
  };
  switch (action) {
    case 'lock':
    case 'unlock':
      return { action, detail: read(STORED_DETAIL.lock) };
    case 'position':
      return { action, detail: read(STORED_DETAIL.position) };
    case 'positionsCleared':
      return { action, detail: read(STORED_DETAIL.positionsCleared) };
    case 'alternativeChosen':
      return { action, detail: read(STORED_DETAIL.alternativeChosen) };
    case 'messageHidden':
      return { action, detail: read(STORED_DETAIL.messageHidden) };
    case 'membership':
      return { action, detail: read(STORED_DETAIL.membership) };
    case 'timeZone':
      return { action, detail: read(STORED_DETAIL.timeZone) };
    case 'revisionIssued':
    case 'silenceStarted':
    case 'silenceBroken':
    case 'silenceAdopted':
      return { action, detail: read(STORED_DETAIL.revision) };
  }
}
