import { randomUUID } from 'node:crypto';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import { revisionName } from '@accord/shared/revisions/revisions';
import {
  ADOPTED_LOCK_REASON,
  SILENCE_REASON_MAX_CHARS,
  type SilenceProcedureView,
} from '@accord/shared/revisions/silence';
import type { DocumentRecord, SilenceRecord } from '../storage/storage';
import {
  fail,
  type RevisionActor,
  type RevisionReader,
  type RevisionResult,
  type RevisionServiceOptions,
} from './revisionTypes';
import { silenceView } from './silenceView';

/**
 * The silence procedure of every draft (issue 15): a moderator puts the latest revision under
 * it with a deadline; a delegation breaks it with a reason, or the deadline passes unbroken and
 * the revision is adopted, its clauses locked as the Chair's. Deadlines fire through the timer
 * seam and are settled at start for any that passed while the server was down; a procedure
 * ends once, whichever comes first (guarded by the store).
 */
export class SilenceProcedures {
  private readonly cancels = new Map<string, () => void>();
  /** Adoptions under way, by procedure: one run at a time settles a procedure. */
  private readonly settling = new Map<string, Promise<void>>();

  constructor(
    private readonly options: RevisionServiceOptions,
    private readonly revisions: RevisionReader,
  ) {}

  /** Settles every deadline that has passed and schedules the others. */
  async armAll(): Promise<void> {
    for (const silence of await this.options.storage.revisions.allRunning()) {
      await this.arm(silence);
    }
  }

  /**
   * Cancels every pending deadline callback and waits for adoptions already under way (their
   * failures are logged where they ran), so that storage can be closed after it.
   */
  async stop(): Promise<void> {
    for (const cancel of this.cancels.values()) cancel();
    this.cancels.clear();
    await Promise.allSettled([...this.settling.values()]);
  }

  /** The draft's running procedure, or its last one; null when there never was one. */
  async view(documentId: string): Promise<SilenceProcedureView | null> {
    const silence = await this.options.storage.revisions.latestSilence(documentId);
    return silence === undefined ? null : silenceView(this.options.storage, silence);
  }

  /**
   * Puts an issued revision under silence procedure (moderators), with a deadline in the future.
   * Only the latest revision, and only one procedure per draft at a time.
   */
  async start(
    document: DocumentRecord,
    actor: RevisionActor,
    number: number,
    deadline: number,
  ): Promise<RevisionResult<SilenceProcedureView>> {
    const { storage, now } = this.options;
    if (!can(actor.membership, 'changeSettings')) {
      return fail('forbidden', 'Only a moderator (the Chair) may start a silence procedure.');
    }
    const revision = await storage.revisions.byNumber(document.id, number);
    if (revision === undefined)
      return fail('not_found', `This draft has no ${revisionName(number)}.`);
    const latest = (await storage.revisions.list(document.id)).at(-1);
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
    const since = await this.revisions.compare(document, number, 'current');
    if (!since.ok) return since;
    const { added, deleted, modified, moved } = since.value.counts;
    if (added + deleted + modified + moved > 0) {
      return fail(
        'conflict',
        `The draft has changed since ${revisionName(number)} (${added} added, ${deleted} deleted, ${modified} modified, ${moved} moved): issue a new revision to put it under silence procedure.`,
      );
    }
    const started = await storage.revisions.startSilence({
      id: randomUUID(),
      documentId: document.id,
      revisionId: revision.id,
      startedBy: actor.userId,
      startedAt: now(),
      deadline,
    });
    if (!started.ok)
      return fail('conflict', 'A silence procedure is already running on this draft.');
    await this.options.audit.record({
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
    await this.arm(started.value);
    return { ok: true, value: await silenceView(this.options.storage, started.value) };
  }

  /**
   * Breaks silence with a written reason (delegates of a party, or the Chair's moderators): the
   * procedure ends at once, unadopted. Refused with none running (after the deadline, or
   * broken already).
   */
  async breakSilence(
    document: DocumentRecord,
    actor: RevisionActor,
    rawReason: string,
  ): Promise<RevisionResult<SilenceProcedureView>> {
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
    const running = await storage.revisions.runningSilence(document.id);
    if (running === undefined) {
      const last = await storage.revisions.latestSilence(document.id);
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
      await this.settle(running.id);
      return fail(
        'conflict',
        'The deadline has passed: the text was adopted under silence procedure.',
      );
    }
    const ended = await storage.revisions.endSilence(running.id, {
      state: 'broken',
      at: now(),
      brokenBy: actor.userId,
      delegation: actor.membership.delegation,
      reason,
    });
    if (!ended) return fail('conflict', 'This silence procedure has already ended.');
    this.cancels.get(running.id)?.();
    this.cancels.delete(running.id);
    const revision = await storage.revisions.byId(running.revisionId);
    await this.options.audit.record({
      negotiationId: document.negotiationId,
      documentId: document.id,
      userId: actor.userId,
      delegation: actor.membership.delegation,
      action: 'silenceBroken',
      detail: { revision: revision?.number ?? null, symbol: revision?.symbol ?? null, reason },
    });
    const after = await storage.revisions.latestSilence(document.id);
    return { ok: true, value: await silenceView(this.options.storage, after ?? running) };
  }

  /** Schedules a running procedure's deadline (or settles it now if it has passed). */
  private async arm(silence: SilenceRecord): Promise<void> {
    if (silence.deadline <= this.options.now()) {
      await this.settle(silence.id);
      return;
    }
    if (this.options.timers === null) return;
    this.cancels.get(silence.id)?.();
    this.cancels.set(
      silence.id,
      this.options.timers.schedule(silence.deadline, () => {
        this.cancels.delete(silence.id);
        // Nobody waits on a timer: a failure is the operator's to see, and the next start retries.
        return this.settle(silence.id).catch((error: unknown) => {
          this.options.log(
            'error',
            `Silence procedure ${silence.id}: adoption at the deadline failed (${String(error)}); retried at next start.`,
          );
        });
      }),
    );
  }

  /**
   * Settles a procedure whose deadline has passed (`adopt`); a call while one is under way for
   * the same procedure (its timer and a late break, say) waits for that one instead of locking
   * the clauses a second time.
   */
  private settle(silenceId: string): Promise<void> {
    const under = this.settling.get(silenceId);
    if (under !== undefined) return under;
    const settled = this.adopt(silenceId).finally(() => {
      this.settling.delete(silenceId);
    });
    this.settling.set(silenceId, settled);
    return settled;
  }

  /**
   * Adopts a procedure whose deadline has passed unbroken: every clause of its revision still in
   * the draft is locked as the Chair's ("adopted under silence procedure"), then the procedure
   * and the revision are recorded as adopted, once (the store refuses a second ending).
   */
  private async adopt(silenceId: string): Promise<void> {
    const { storage, sync, now, log } = this.options;
    const running = (await storage.revisions.allRunning()).find(
      (silence) => silence.id === silenceId,
    );
    if (running === undefined || running.deadline > now()) return;
    const [revision, document] = await Promise.all([
      storage.revisions.byId(running.revisionId),
      storage.documents.byId(running.documentId),
    ]);
    if (revision === undefined || document === undefined) return;
    const clauseIds = this.revisions.content(revision).clauses.map((clause) => clause.id);
    const author = { userId: running.startedBy, delegation: 'CHAIR' as DelegationCode };
    // Locks first: were the server to stop in between, the next start locks again and ends it.
    const locked = await sync.withClauses(document.id, (clauses) =>
      clauses.locks.lockEvery(author, clauseIds, ADOPTED_LOCK_REASON),
    );
    if (!locked.ok && locked.error.reason === 'draftMoved') {
      // Several servers (SPEC H5): the draft's owner adopts it, on its own timer or its next arm.
      log('info', `Silence procedure ${silenceId}: left to the server that holds its draft.`);
      return;
    }
    if (!locked.ok || !locked.value.ok) {
      log(
        'error',
        `Silence procedure ${silenceId}: the clauses could not be locked; adoption retried at next start.`,
      );
      return;
    }
    // Deemed adopted at the deadline, even when recorded later (a restart after it).
    const at = running.deadline;
    if (!(await storage.revisions.endSilence(silenceId, { state: 'adopted', at }))) return;
    await this.options.audit.record({
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
}
