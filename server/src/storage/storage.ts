import type { ClauseHistoryEvent } from '@accord/shared/domain/clauseHistory';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import type { Locale } from '@accord/shared/i18n/locales';
import type { AuditStore } from './auditStore';
import type { RevisionStore } from './revisionStore';
import type { ThreadStore } from './threadStore';

export type { AuditRecord, AuditStore } from './auditStore';
export type {
  NewRevision,
  NewSilence,
  RevisionMeta,
  RevisionRecord,
  RevisionStore,
  SilenceEnd,
  SilenceRecord,
} from './revisionStore';
export type { MessageRecord, NewMessage, ThreadRecord, ThreadStore } from './threadStore';

/**
 * The storage behind Accord. SQLite implements it for one machine; a server engine can be
 * added behind the same interface without touching the sync or HTTP code (SPEC H3).
 * Every method is synchronous because the embedded engine is; an asynchronous engine would
 * wrap this interface in a queue owned by the caller, not change its callers' order of writes.
 */
export interface Storage {
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly negotiations: NegotiationStore;
  readonly documents: DocumentStore;
  readonly updates: UpdateLogStore;
  readonly clauseChanges: ClauseChangeStore;
  readonly threads: ThreadStore;
  readonly audit: AuditStore;
  readonly revisions: RevisionStore;
  /**
   * A number that changes whenever anyone's access may have changed: a membership added,
   * changed or removed, a user disabled, enabled or deleted, a session ended. It moves in the
   * same transaction as the change, whichever process made it (the admin tool included), so
   * open connections can compare it cheaply before acting on their rights (SPEC S10, H4).
   */
  accessVersion(): Promise<number>;
  /** Flushes and closes; no method may be called afterwards. */
  close(): Promise<void>;
}

/** A person who can sign in. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  /** argon2id PHC string. */
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
  /** The language the person chose (`PUT /api/me/locale`); null: follow their browser. */
  locale: Locale | null;
}

/** Users: created by the seed and the admin CLI. */
export interface UserStore {
  create(user: Omit<UserRecord, 'createdAt' | 'disabled' | 'locale'>): Promise<UserRecord>;
  byId(id: string): Promise<UserRecord | undefined>;
  byUsername(username: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  setPassword(id: string, passwordHash: string): Promise<void>;
  setDisabled(id: string, disabled: boolean): Promise<void>;
  /** Remembers a person's language (null: follow their browser again). */
  setLocale(id: string, locale: Locale | null): Promise<void>;
  count(): Promise<number>;
}

/** A session as the Lucia guide stores it: only the SHA-256 of the token, as `id`. */
export interface SessionRecord {
  /** Lowercase hex SHA-256 of the secret token. */
  id: string;
  userId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/** Sessions: created at sign-in, extended while used, deleted at sign-out. */
export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  byId(id: string): Promise<SessionRecord | undefined>;
  setExpiry(id: string, expiresAt: number): Promise<void>;
  delete(id: string): Promise<void>;
  deleteForUser(userId: string): Promise<void>;
  deleteExpired(now: number): Promise<number>;
}

/** One set of talks. */
export interface NegotiationRecord {
  id: string;
  title: string;
  venue: string;
  /** ISO date (YYYY-MM-DD). */
  startsOn: string;
  /** IANA time zone (canonical, as `parseTimeZone` gives it); every time is shown in it. */
  timeZone: string;
  createdAt: number;
}

/** A user's place in a negotiation. */
export interface MembershipRecord {
  negotiationId: string;
  userId: string;
  delegation: DelegationCode;
  role: Role;
}

/** Negotiations and their memberships. */
export interface NegotiationStore {
  create(negotiation: Omit<NegotiationRecord, 'createdAt'>): Promise<NegotiationRecord>;
  byId(id: string): Promise<NegotiationRecord | undefined>;
  list(): Promise<NegotiationRecord[]>;
  /** Sets the negotiation's time zone (a canonical IANA name); false when there is no such negotiation. */
  setTimeZone(id: string, timeZone: string): Promise<boolean>;
  /** Adds or replaces the user's membership of the negotiation. */
  setMembership(membership: MembershipRecord): Promise<void>;
  removeMembership(negotiationId: string, userId: string): Promise<void>;
  membership(negotiationId: string, userId: string): Promise<MembershipRecord | undefined>;
  membershipsOfUser(userId: string): Promise<MembershipRecord[]>;
  members(negotiationId: string): Promise<MembershipRecord[]>;
}

/** A draft communiqué's metadata; its text lives in the update log. */
export interface DocumentRecord {
  id: string;
  negotiationId: string;
  title: string;
  createdAt: number;
  updatedAt: number;
}

/** Documents' metadata. */
export interface DocumentStore {
  create(document: Omit<DocumentRecord, 'createdAt' | 'updatedAt'>): Promise<DocumentRecord>;
  byId(id: string): Promise<DocumentRecord | undefined>;
  listByNegotiation(negotiationId: string): Promise<DocumentRecord[]>;
  touch(id: string, at: number): Promise<void>;
}

/**
 * The owner of the Yjs client ids the server itself writes with (server-authoritative state
 * mirrored into the document, SPEC S3). No user id can take this form (user ids
 * are UUIDs), and no user may author or build on structs of such a client id.
 */
export const SERVER_AUTHOR = '@server';

/** One stored Yjs update of a document's log. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** One update to append (`UpdateLogStore.appendMany`): its bytes and its author (null: server). */
export interface UpdateLogEntry {
  update: Uint8Array;
  userId: string | null;
}

/**
 * The Yjs update log of every document, and the binding of Yjs client ids to the users who
 * first sent them (SPEC S6). Every store is asynchronous (PostgreSQL answers over the network);
 * a write has committed when its promise resolves.
 */
export interface UpdateLogStore {
  /** Appends one update durably (committed before this returns) and returns its sequence number. */
  append(documentId: string, update: Uint8Array, userId: string | null): Promise<number>;
  /**
   * Appends several updates of one document in ONE transaction (group commit): all of them are
   * durable when this resolves, or none is (it rejects). Returns their sequence numbers, in the
   * order given, increasing.
   */
  appendMany(documentId: string, entries: readonly UpdateLogEntry[]): Promise<number[]>;
  /** Every stored update of a document, oldest first. */
  load(documentId: string): Promise<StoredUpdate[]>;
  /**
   * Replaces every update with `seq <= upToSeq` by one `snapshot` update, atomically. Updates
   * appended after `upToSeq` are kept, so compaction never blocks or loses concurrent edits.
   */
  compact(documentId: string, upToSeq: number, snapshot: Uint8Array): Promise<void>;
  /** Total bytes and number of stored updates of a document. */
  stats(documentId: string): Promise<{ updates: number; bytes: number }>;
  /** The user (or `SERVER_AUTHOR`) every client id of the document is bound to. */
  clientOwners(documentId: string): Promise<Map<number, string>>;
  /**
   * Binds client ids to a user (or to `SERVER_AUTHOR`) unless already bound. Returns the ids
   * that are bound to someone else, which the caller must refuse.
   */
  bindClientIds(
    documentId: string,
    clientIds: readonly number[],
    userId: string,
  ): Promise<number[]>;
}

/**
 * One recorded change of a clause's text (issue 3, history). Consecutive edits of one user on
 * one clause are coalesced into one record by the caller (`amend`).
 */
export interface ClauseChangeRecord {
  /** Increasing in the order records were created. */
  id: number;
  documentId: string;
  clauseId: string;
  /** The update-log sequence number of the (last) update the change came in. */
  seq: number;
  userId: string;
  delegation: DelegationCode;
  /** Milliseconds since the epoch of the (last) edit. */
  at: number;
  textBefore: string;
  textAfter: string;
  /** What happened besides typing, or null for a text edit. Never amended into. */
  event: ClauseHistoryEvent | null;
}

/** The history of clause texts: who changed what and when. */
export interface ClauseChangeStore {
  /** Records a change durably and returns it with its id. */
  append(change: Omit<ClauseChangeRecord, 'id'>): Promise<ClauseChangeRecord>;
  /** Extends a record with a later edit of the same user: new seq, time and text after. */
  amend(id: number, change: Pick<ClauseChangeRecord, 'seq' | 'at' | 'textAfter'>): Promise<void>;
  /** The most recent record of a clause, if any. */
  latest(documentId: string, clauseId: string): Promise<ClauseChangeRecord | undefined>;
  /** A clause's records, newest first. */
  list(documentId: string, clauseId: string): Promise<ClauseChangeRecord[]>;
  /** The most recent record of every clause of a draft that has any, newest first. */
  latestOfEachClause(documentId: string): Promise<ClauseChangeRecord[]>;
}
