import type { Log } from '@accord/shared/log';
import type { Result } from '@accord/shared/result';
import type { RevisionComparison } from '@accord/shared/revisions/compareRevisions';
import type { RevisionContent } from '@accord/shared/revisions/revisions';
import type { AuditLog } from '../audit/AuditLog';
import type { DocumentRecord, MembershipRecord, RevisionRecord, Storage } from '../storage/storage';
import type { SyncServer } from '../sync/SyncServer';
import type { SilenceTimers } from './silenceTimers';

/** Why a revision command was refused; `code` is the HTTP API's error code. */
export interface RevisionError {
  code: 'bad_request' | 'forbidden' | 'not_found' | 'conflict' | 'internal';
  message: string;
}

/** A command's outcome. */
export type RevisionResult<T> = Result<T, RevisionError>;

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

/** A refusal with the API error code and message. */
export const fail = (
  code: RevisionError['code'],
  message: string,
): { ok: false; error: RevisionError } => ({
  ok: false,
  error: { code, message },
});

/** What the silence procedures read of the revisions. */
export interface RevisionReader {
  compare(
    document: DocumentRecord,
    from: CompareTarget,
    to: CompareTarget,
  ): Promise<RevisionResult<RevisionComparison>>;
  content(record: RevisionRecord): RevisionContent;
}
