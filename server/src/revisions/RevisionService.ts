import { createHash, randomUUID } from 'node:crypto';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Log } from '@accord/shared/log';
import { can } from '@accord/shared/policy/policy';
import {
  type CompareSide,
  compareRevisions,
  type RevisionComparison,
} from '@accord/shared/revisions/compareRevisions';
import {
  parseSymbol,
  REVISION_LIMITS,
  type RevisionContent,
  type RevisionSummary,
  revisionContent,
  revisionName,
  revisionSymbol,
} from '@accord/shared/revisions/revisions';
import {
  ADOPTED_LOCK_REASON,
  SILENCE_REASON_MAX_CHARS,
  type SilenceProcedureView,
} from '@accord/shared/revisions/silence';
import * as Y from 'yjs';
import type { AuditLog } from '../audit/AuditLog';
import { canonicalJson } from '../audit/canonicalJson';
import type {
  DocumentRecord,
  MembershipRecord,
  RevisionMeta,
  RevisionRecord,
  SilenceRecord,
  Storage,
} from '../storage/storage';
import type { SyncServer } from '../sync/SyncServer';
import type { SilenceTimers } from './silenceTimers';

/** Why a revision command was refused; `code` is the HTTP API's error code. */
export interface RevisionError {
  code: 'bad_request' | 'forbidden' | 'not_found' | 'conflict' | 'internal';
  message: string;
}

/** A command's outcome. */
export type RevisionResult<T> = { ok: true; value: T } | { ok: false; error: RevisionError };

/** Who is acting: their user id and membership of the draft's negotiation. */
export interface RevisionActor {
  userId: string;
  membership: MembershipRecord;
}

/** What the service is built from. */
export interface RevisionServiceOptions {
  storage: Storage;
  sync: SyncServer;
  audit: AuditLog;
  now: () => number;
  /** Deadline callbacks; none in route tests, where nothing is ever scheduled. */
  timers: SilenceTimers | null;
  log: Log;
}

/** One side of a comparison: a revision number, or the current draft. */
export type CompareTarget = number | 'current';

const fail = (
  code: RevisionError['code'],
  message: string,
): { ok: false; error: RevisionError } => ({
  ok: false,
  error: { code, message },
});

/** The SHA-256 of a revision's canonical JSON, as stored and audited. */
export function contentSha256(contentJson: string): string {
  return createHash('sha256').update(contentJson).digest('hex');
}

/**
 * Issued revisions, comparisons and the silence procedure of every draft (issue 15). A revision
 * is read from the draft's live state once, at issue time, and stored for good: the V2 update
 * of the state and the canonical JSON of its clauses with its SHA-256. Deadlines fire through
 * the timer seam and are settled at start for any that passed while the server was down; a
 * procedure ends once, whichever comes first (guarded by the store).
 */
export class RevisionService {
  private readonly cancels = new Map<string, () => void>();

  constructor(private readonly options: RevisionServiceOptions) {}

  /** Settles every deadline that has passed and schedules the others. */
  start(): void {
    for (const silence of this.options.storage.revisions.allRunning()) this.arm(silence);
  }

  /** Cancels every pending deadline callback. */
  stop(): void {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
  }

  /** The draft's revisions, oldest first, as the API shows them. */
  list(documentId: string): RevisionSummary[] {
    return this.options.storage.revisions.list(documentId).map((meta) => this.summary(meta));
  }

  /** One revision by number. */
  get(documentId: string, number: number): RevisionRecord | undefined {
    return this.options.storage.revisions.byNumber(documentId, number);
  }

  /** A stored revision as the API shows it. */
  summary(meta: RevisionMeta): RevisionSummary {
    return {
      documentId: meta.documentId,
      number: meta.number,
      symbol: meta.symbol,
      note: meta.note,
      issuedBy: {
        userId: meta.issuedBy,
        displayName: this.displayName(meta.issuedBy),
        delegation: meta.delegation,
      },
      issuedAt: meta.issuedAt,
      sha256: meta.sha256,
      adoptedAt: meta.adoptedAt,
    };
  }

  /** A stored revision's content. */
  content(record: RevisionRecord): RevisionContent {
    return JSON.parse(record.contentJson) as RevisionContent;
  }

  /** A Yjs document of the stored state, for exports of the revision. */
  stateDoc(record: RevisionRecord): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdateV2(doc, record.state);
    return doc;
  }

  /** Sets the draft's symbol base (moderators). */
  setSymbolBase(
    document: DocumentRecord,
    actor: RevisionActor,
    raw: unknown,
  ): RevisionResult<string> {
    if (!can(actor.membership, 'changeSettings')) {
      return fail('forbidden', "Only a moderator may set the draft's document symbol.");
    }
    const parsed = parseSymbol(typeof raw === 'string' ? raw : '');
    if (!parsed.ok) return fail('bad_request', parsed.error);
    this.options.storage.revisions.setSymbolBase(document.id, parsed.value);
    return { ok: true, value: parsed.value };
  }

  /**
   * Issues the next revision of the draft (moderators): refused while a silence procedure runs,
   * without a symbol (no base set and none given) and with a symbol the draft already used.
   */
  issue(
    document: DocumentRecord,
    actor: RevisionActor,
    request: { note: string; symbol?: string | undefined },
  ): RevisionResult<RevisionSummary> {
    const { storage, sync, now } = this.options;
    if (!can(actor.membership, 'changeSettings')) {
      return fail('forbidden', 'Only a moderator (the Chair) may issue a revision.');
    }
    const running = storage.revisions.runningSilence(document.id);
    if (running !== undefined) {
      return fail(
        'conflict',
        `A silence procedure is running on ${revisionName(this.revisionNumber(running))}; no revision can be issued until it ends.`,
      );
    }
    const note = request.note.trim();
    if (note.length > REVISION_LIMITS.noteChars) {
      return fail(
        'bad_request',
        `The note is longer than ${REVISION_LIMITS.noteChars} characters.`,
      );
    }
    const explicit = request.symbol;
    const symbol = parseSymbol(explicit ?? storage.revisions.symbolBase(document.id));
    if (!symbol.ok) return fail('bad_request', symbol.error);
    const read = sync.readDocument(document.id, (doc) => ({
      state: Y.encodeStateAsUpdateV2(doc),
      content: revisionContent(doc, document.title),
    }));
    if (!read.ok) return fail('internal', 'The draft could not be read.');
    const contentJson = canonicalJson(read.value.content);
    const sha256 = contentSha256(contentJson);
    const issued = storage.revisions.issue({
      id: randomUUID(),
      documentId: document.id,
      note,
      state: read.value.state,
      contentJson,
      sha256,
      issuedBy: actor.userId,
      delegation: actor.membership.delegation,
      issuedAt: now(),
      symbolFor: (number) =>
        explicit === undefined ? revisionSymbol(symbol.value, number) : symbol.value,
    });
    if (!issued.ok) {
      return fail(
        'conflict',
        `The symbol ${symbol.value} was already used for a revision of this draft.`,
      );
    }
    this.options.audit.record({
      negotiationId: document.negotiationId,
      documentId: document.id,
      userId: actor.userId,
      delegation: actor.membership.delegation,
      action: 'revisionIssued',
      detail: {
        revision: issued.value.number,
        symbol: issued.value.symbol,
        note,
        sha256,
        clauses: read.value.content.clauses.length,
      },
    });
    return { ok: true, value: this.summary(issued.value) };
  }

  /** The content of one side of a comparison, and how the comparison names it. */
  side(
    document: DocumentRecord,
    target: CompareTarget,
  ): RevisionResult<{ content: RevisionContent; side: CompareSide }> {
    if (target === 'current') {
      const read = this.options.sync.readDocument(document.id, (doc) =>
        revisionContent(doc, document.title),
      );
      if (!read.ok) return fail('internal', 'The draft could not be read.');
      return {
        ok: true,
        value: {
          content: read.value,
          side: { name: 'Current draft', symbol: null, at: this.options.now() },
        },
      };
    }
    const record = this.get(document.id, target);
    if (record === undefined)
      return fail('not_found', `This draft has no ${revisionName(target)}.`);
    return {
      ok: true,
      value: {
        content: this.content(record),
        side: { name: revisionName(record.number), symbol: record.symbol, at: record.issuedAt },
      },
    };
  }

  /** Compares two revisions, or a revision with the current draft. */
  compare(
    document: DocumentRecord,
    from: CompareTarget,
    to: CompareTarget,
  ): RevisionResult<RevisionComparison> {
    const older = this.side(document, from);
    if (!older.ok) return older;
    const newer = this.side(document, to);
    if (!newer.ok) return newer;
    return {
      ok: true,
      value: compareRevisions(older.value.content, newer.value.content, {
        from: older.value.side,
        to: newer.value.side,
      }),
    };
  }

  /** The draft's running procedure, or its last one; null when there never was one. */
  silenceView(documentId: string): SilenceProcedureView | null {
    const silence = this.options.storage.revisions.latestSilence(documentId);
    return silence === undefined ? null : this.silenceViewOf(silence);
  }

  /**
   * Puts an issued revision under silence procedure (moderators), with a deadline in the future.
   * Only the latest revision, and only one procedure per draft at a time.
   */
  startSilence(
    document: DocumentRecord,
    actor: RevisionActor,
    number: number,
    deadline: number,
  ): RevisionResult<SilenceProcedureView> {
    const { storage, now } = this.options;
    if (!can(actor.membership, 'changeSettings')) {
      return fail('forbidden', 'Only a moderator (the Chair) may start a silence procedure.');
    }
    const revision = storage.revisions.byNumber(document.id, number);
    if (revision === undefined)
      return fail('not_found', `This draft has no ${revisionName(number)}.`);
    const latest = storage.revisions.list(document.id).at(-1);
    if (latest !== undefined && latest.number !== number) {
      return fail(
        'conflict',
        `Only the latest revision (${revisionName(latest.number)}) can be put under silence procedure.`,
      );
    }
    if (revision.adoptedAt !== null) {
      return fail('conflict', `${revisionName(number)} has already been adopted.`);
    }
    if (deadline <= now()) return fail('bad_request', 'The deadline must be in the future.');
    // The text under silence is the text on the table: a draft changed since is issued anew first.
    const since = this.compare(document, number, 'current');
    if (!since.ok) return since;
    const { added, deleted, modified, moved } = since.value.counts;
    if (added + deleted + modified + moved > 0) {
      return fail(
        'conflict',
        `The draft has changed since ${revisionName(number)} (${added} added, ${deleted} deleted, ${modified} modified, ${moved} moved): issue a new revision to put it under silence procedure.`,
      );
    }
    const started = storage.revisions.startSilence({
      id: randomUUID(),
      documentId: document.id,
      revisionId: revision.id,
      startedBy: actor.userId,
      startedAt: now(),
      deadline,
    });
    if (!started.ok)
      return fail('conflict', 'A silence procedure is already running on this draft.');
    this.options.audit.record({
      negotiationId: document.negotiationId,
      documentId: document.id,
      userId: actor.userId,
      delegation: actor.membership.delegation,
      action: 'silenceStarted',
      detail: {
        revision: number,
        symbol: revision.symbol,
        sha256: revision.sha256,
        deadline: new Date(deadline).toISOString(),
      },
    });
    this.arm(started.value);
    return { ok: true, value: this.silenceViewOf(started.value) };
  }

  /**
   * Breaks silence with a written reason (delegates of a party, or the Chair's moderators): the
   * procedure ends at once, unadopted. Refused with none running (after the deadline, or
   * broken already).
   */
  breakSilence(
    document: DocumentRecord,
    actor: RevisionActor,
    rawReason: string,
  ): RevisionResult<SilenceProcedureView> {
    const { storage, now } = this.options;
    if (actor.membership.role === 'observer') {
      return fail('forbidden', 'Observers cannot break silence.');
    }
    const reason = rawReason.trim();
    if (reason === '')
      return fail('bad_request', 'Say in writing why your delegation breaks silence.');
    if (reason.length > SILENCE_REASON_MAX_CHARS) {
      return fail(
        'bad_request',
        `The reason is longer than ${SILENCE_REASON_MAX_CHARS} characters.`,
      );
    }
    const running = storage.revisions.runningSilence(document.id);
    if (running === undefined) {
      const last = storage.revisions.latestSilence(document.id);
      if (last?.state === 'broken') {
        return fail(
          'conflict',
          `Silence was already broken by ${last.brokenDelegation ?? 'a delegation'}.`,
        );
      }
      if (last?.state === 'adopted') {
        return fail(
          'conflict',
          'The deadline has passed: the text was adopted under silence procedure.',
        );
      }
      return fail('conflict', 'No silence procedure is running on this draft.');
    }
    if (running.deadline <= now()) {
      // The deadline passed before its callback ran: it is adopted, not broken.
      this.settle(running.id);
      return fail(
        'conflict',
        'The deadline has passed: the text was adopted under silence procedure.',
      );
    }
    const ended = storage.revisions.endSilence(running.id, {
      state: 'broken',
      at: now(),
      brokenBy: actor.userId,
      delegation: actor.membership.delegation,
      reason,
    });
    if (!ended) return fail('conflict', 'This silence procedure has already ended.');
    this.cancels.get(running.id)?.();
    this.cancels.delete(running.id);
    const revision = storage.revisions.byId(running.revisionId);
    this.options.audit.record({
      negotiationId: document.negotiationId,
      documentId: document.id,
      userId: actor.userId,
      delegation: actor.membership.delegation,
      action: 'silenceBroken',
      detail: { revision: revision?.number ?? null, symbol: revision?.symbol ?? null, reason },
    });
    const after = storage.revisions.latestSilence(document.id);
    return { ok: true, value: this.silenceViewOf(after ?? running) };
  }

  /** Schedules a running procedure's deadline (or settles it now if it has passed). */
  private arm(silence: SilenceRecord): void {
    if (silence.deadline <= this.options.now()) {
      this.settle(silence.id);
      return;
    }
    if (this.options.timers === null) return;
    this.cancels.get(silence.id)?.();
    this.cancels.set(
      silence.id,
      this.options.timers.schedule(silence.deadline, () => {
        this.cancels.delete(silence.id);
        this.settle(silence.id);
      }),
    );
  }

  /**
   * Adopts a procedure whose deadline has passed unbroken: every clause of its revision still in
   * the draft is locked as the Chair's ("adopted under silence procedure"), then the procedure
   * and the revision are recorded as adopted, once (the store refuses a second ending).
   */
  private settle(silenceId: string): void {
    const { storage, sync, now, log } = this.options;
    const running = storage.revisions.allRunning().find((silence) => silence.id === silenceId);
    if (running === undefined || running.deadline > now()) return;
    const revision = storage.revisions.byId(running.revisionId);
    const document = storage.documents.byId(running.documentId);
    if (revision === undefined || document === undefined) return;
    const clauseIds = this.content(revision).clauses.map((clause) => clause.id);
    const author = { userId: running.startedBy, delegation: 'CHAIR' as DelegationCode };
    // Locks first: were the server to stop in between, the next start locks again and ends it.
    const locked = sync.withClauses(document.id, (clauses) =>
      clauses.locks.lockEvery(author, clauseIds, ADOPTED_LOCK_REASON),
    );
    if (!locked.ok || !locked.value.ok) {
      log(
        'error',
        `Silence procedure ${silenceId}: the clauses could not be locked; adoption retried at next start.`,
      );
      return;
    }
    // Deemed adopted at the deadline, even when recorded later (a restart after it).
    const at = running.deadline;
    if (!storage.revisions.endSilence(silenceId, { state: 'adopted', at })) return;
    this.options.audit.record({
      negotiationId: document.negotiationId,
      documentId: document.id,
      userId: running.startedBy,
      delegation: 'CHAIR',
      action: 'silenceAdopted',
      detail: {
        revision: revision.number,
        symbol: revision.symbol,
        sha256: revision.sha256,
        deadline: new Date(running.deadline).toISOString(),
        locked: locked.value.value.map((change) => change.label),
        reason: ADOPTED_LOCK_REASON,
      },
    });
  }

  private revisionNumber(silence: SilenceRecord): number {
    return this.options.storage.revisions.byId(silence.revisionId)?.number ?? 0;
  }

  private displayName(userId: string): string {
    return this.options.storage.users.byId(userId)?.displayName ?? 'A former member';
  }

  private silenceViewOf(silence: SilenceRecord): SilenceProcedureView {
    const revision = this.options.storage.revisions.byId(silence.revisionId);
    return {
      id: silence.id,
      documentId: silence.documentId,
      revisionNumber: revision?.number ?? 0,
      revisionSymbol: revision?.symbol ?? '',
      state: silence.state,
      startedBy: { userId: silence.startedBy, displayName: this.displayName(silence.startedBy) },
      startedAt: silence.startedAt,
      deadline: silence.deadline,
      endedAt: silence.endedAt,
      brokenBy:
        silence.brokenBy === null
          ? null
          : {
              userId: silence.brokenBy,
              displayName: this.displayName(silence.brokenBy),
              delegation: silence.brokenDelegation ?? 'CHAIR',
            },
      reason: silence.reason,
    };
  }
}
