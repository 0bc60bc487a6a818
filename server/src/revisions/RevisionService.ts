import { createHash } from 'node:crypto';
import type { Locale } from '@accord/shared/i18n/locales';
import { can } from '@accord/shared/policy/policy';
import {
  type CompareSide,
  compareRevisions,
  type RevisionComparison,
} from '@accord/shared/revisions/compareRevisions';
import {
  parseSymbol,
  type RevisionContent,
  type RevisionSummary,
  revisionContent,
  revisionName,
} from '@accord/shared/revisions/revisions';
import type { SilenceProcedureView } from '@accord/shared/revisions/silence';
import * as Y from 'yjs';
import type { DocumentRecord, RevisionMeta, RevisionRecord } from '../storage/storage';
import {
  type CompareTarget,
  fail,
  type RevisionActor,
  type RevisionResult,
  type RevisionServiceOptions,
} from './revisionTypes';
import { SilenceProcedures } from './SilenceProcedures';
import { displayName } from './silenceView';

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
  private readonly silences: SilenceProcedures;

  constructor(private readonly options: RevisionServiceOptions) {
    this.silences = new SilenceProcedures(options, this);
  }

  /** Settles every deadline that has passed and schedules the others. */
  start(): Promise<void> {
    return this.silences.armAll();
  }

  /** Cancels every pending deadline callback and waits for adoptions under way. */
  stop(): Promise<void> {
    return this.silences.stop();
  }

  /** The draft's revisions, oldest first, as the API shows them. */
  async list(documentId: string): Promise<RevisionSummary[]> {
    const metas = await this.options.storage.revisions.list(documentId);
    return Promise.all(metas.map((meta) => this.summary(meta)));
  }

  /** One revision by number. */
  get(documentId: string, number: number): Promise<RevisionRecord | undefined> {
    return this.options.storage.revisions.byNumber(documentId, number);
  }

  /** A stored revision as the API shows it. */
  async summary(meta: RevisionMeta): Promise<RevisionSummary> {
    return {
      documentId: meta.documentId,
      number: meta.number,
      symbol: meta.symbol,
      note: meta.note,
      issuedBy: {
        userId: meta.issuedBy,
        displayName: await displayName(this.options.storage, meta.issuedBy),
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
  async setSymbolBase(
    document: DocumentRecord,
    actor: RevisionActor,
    raw: unknown,
  ): Promise<RevisionResult<string>> {
    if (!can(actor.membership, 'changeSettings')) {
      return fail('forbidden', "Only a moderator may set the draft's document symbol.");
    }
    const parsed = parseSymbol(typeof raw === 'string' ? raw : '');
    if (!parsed.ok) return fail('bad_request', parsed.error);
    await this.options.storage.revisions.setSymbolBase(document.id, parsed.value);
    return { ok: true, value: parsed.value };
  }

  /** The content of one side of a comparison, and how the comparison names it. */
  async side(
    document: DocumentRecord,
    target: CompareTarget,
  ): Promise<RevisionResult<{ content: RevisionContent; side: CompareSide }>> {
    if (target === 'current') {
      const read = await this.options.sync.readDocument(document.id, (doc) =>
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
    const record = await this.get(document.id, target);
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
  async compare(
    document: DocumentRecord,
    from: CompareTarget,
    to: CompareTarget,
    /** The language of the comparison's notes and labels (issue 16); English by default. */
    locale: Locale = 'en',
  ): Promise<RevisionResult<RevisionComparison>> {
    const older = await this.side(document, from);
    if (!older.ok) return older;
    const newer = await this.side(document, to);
    if (!newer.ok) return newer;
    return {
      ok: true,
      value: compareRevisions(
        older.value.content,
        newer.value.content,
        { from: older.value.side, to: newer.value.side },
        locale,
      ),
    };
  }

  /** The draft's running procedure, or its last one; null when there never was one. */
  silenceView(documentId: string): Promise<SilenceProcedureView | null> {
    return this.silences.view(documentId);
  }

  /** Puts an issued revision under silence procedure (`SilenceProcedures.start`). */
  startSilence(
    document: DocumentRecord,
    actor: RevisionActor,
    number: number,
    deadline: number,
  ): Promise<RevisionResult<SilenceProcedureView>> {
    return this.silences.start(document, actor, number, deadline);
  }

  /** Breaks silence with a written reason (`SilenceProcedures.break`). */
  breakSilence(
    document: DocumentRecord,
    actor: RevisionActor,
    rawReason: string,
  ): Promise<RevisionResult<SilenceProcedureView>> {
    return this.silences.breakSilence(document, actor, rawReason);
  }
}
