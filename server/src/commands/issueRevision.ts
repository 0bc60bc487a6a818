import { randomUUID } from 'node:crypto';
import { err, ok, type Result } from '@accord/shared/result';
import {
  parseSymbol,
  REVISION_LIMITS,
  revisionContent,
  revisionName,
  revisionSymbol,
} from '@accord/shared/revisions/revisions';
import * as Y from 'yjs';
import { canonicalJson } from '../audit/canonicalJson';
import { contentSha256 } from '../revisions/RevisionService';
import type { RevisionMeta } from '../storage/storage';
import { allowed, auditedBy, type DocumentCommandContext } from './CommandContext';
import type { CommandError } from './CommandError';
import { documentsValue } from './clauseErrors';

/** A revision's note, and its symbol when the moderator gives one (else from the base). */
export interface IssueRevisionInput {
  note: string;
  symbol?: string | undefined;
}

/**
 * Issues the next revision of the draft (moderators): the draft's live state is read once and
 * stored for good, with the canonical JSON of its clauses and its SHA-256. Refused while a
 * silence procedure runs, without a symbol (no base set and none given) and with a symbol the
 * draft already used. Recorded in the audit log.
 */
export async function issueRevision(
  ctx: DocumentCommandContext,
  input: IssueRevisionInput,
): Promise<Result<RevisionMeta, CommandError>> {
  if (!allowed(ctx.actor, 'changeSettings')) return err({ code: 'revisionForbidden' });
  const { storage } = ctx;
  const { document } = ctx.access;
  const running = await storage.revisions.runningSilence(document.id);
  if (running !== undefined) {
    const number = (await storage.revisions.byId(running.revisionId))?.number ?? 0;
    return err({ code: 'silenceRunning', revision: revisionName(number) });
  }
  const note = input.note.trim();
  if (note.length > REVISION_LIMITS.noteChars) {
    return err({ code: 'noteTooLong', max: REVISION_LIMITS.noteChars });
  }
  const explicit = input.symbol;
  const symbol = parseSymbol(explicit ?? (await storage.revisions.symbolBase(document.id)));
  if (!symbol.ok) return err({ code: 'badSymbol', problem: symbol.error });
  const read = await documentsValue(
    ctx.documents.readDocument(document.id, (doc) => ({
      state: Y.encodeStateAsUpdateV2(doc),
      content: revisionContent(doc, document.title),
    })),
  );
  if (!read.ok) return read;
  const contentJson = canonicalJson(read.value.content);
  const sha256 = contentSha256(contentJson);
  const issued = await storage.revisions.issue({
    id: randomUUID(),
    documentId: document.id,
    note,
    state: read.value.state,
    contentJson,
    sha256,
    issuedBy: ctx.actor.userId,
    delegation: ctx.actor.membership.delegation,
    issuedAt: ctx.now(),
    symbolFor: (number) =>
      explicit === undefined ? revisionSymbol(symbol.value, number) : symbol.value,
  });
  if (!issued.ok) return err({ code: 'symbolUsed', symbol: symbol.value });
  await ctx.audit.record({
    ...auditedBy(ctx),
    action: 'revisionIssued',
    detail: {
      revision: issued.value.number,
      symbol: issued.value.symbol,
      note,
      sha256,
      clauses: read.value.content.clauses.length,
    },
  });
  return ok(issued.value);
}
