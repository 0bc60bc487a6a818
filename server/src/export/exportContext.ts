import type { DelegationCode } from '@accord/shared/domain/delegations';
import { resolveThreadAnchor } from '@accord/shared/domain/threadAnchor';
import type { ExportContext, ExportThread } from '@accord/shared/export/exportModel';
import type * as Y from 'yjs';
import type { DocumentRecord, NegotiationRecord, Storage } from '../storage/storage';

/**
 * A draft's public comment threads as a draft compilation lists them: the messages still
 * standing (deleted and hidden ones left out), with their authors' names. Private threads are
 * filtered out here, and the export type admits no other visibility (SPEC P1, P4).
 */
export async function publicExportThreads(
  storage: Storage,
  documentId: string,
  doc: Y.Doc,
): Promise<ExportThread[]> {
  const threads: ExportThread[] = [];
  const names = new Map<string, Promise<string>>();
  const nameOf = (userId: string): Promise<string> => {
    let name = names.get(userId);
    if (name === undefined) {
      name = storage.users.byId(userId).then((user) => user?.displayName ?? 'A former member');
      names.set(userId, name);
    }
    return name;
  };
  for (const thread of await storage.threads.listByDocument(documentId)) {
    // Private threads never reach an export (P4): not even their messages are read.
    if (thread.visibility !== 'public') continue;
    const standing = (await storage.threads.messages(thread.id)).filter(
      (message) => message.deletedAt === null && message.hiddenAt === null,
    );
    const messages = await Promise.all(
      standing.map(async (message) => ({
        author: await nameOf(message.authorId),
        delegation: message.delegation,
        at: message.createdAt,
        text: message.body,
      })),
    );
    if (messages.length === 0) continue;
    const anchor = resolveThreadAnchor(doc, { start: thread.anchorStart, end: thread.anchorEnd });
    threads.push({
      visibility: 'public',
      clauseId: thread.clauseId,
      quote: thread.quote,
      detached: !anchor.ok || anchor.value.from === anchor.value.to,
      messages,
    });
  }
  return threads;
}

/**
 * What an export of a draft needs besides the draft itself: its negotiation (title, venue,
 * date, time zone), the delegations that have members in it, the export time and, when asked for, the
 * public threads of the draft `publicThreadsOf` (never private ones). The export time is taken to
 * the minute, as exports show it: two exports of the same state within a minute are the same
 * bytes in every format (Word's and PDF's metadata carry the time too).
 */
export async function exportContextFor(
  storage: Storage,
  document: DocumentRecord,
  negotiation: NegotiationRecord,
  exportedAt: number,
  /** The draft, to list its public threads (and whether their words are still there); none without it. */
  publicThreadsOf: Y.Doc | null = null,
): Promise<ExportContext> {
  const [members, threads] = await Promise.all([
    storage.negotiations.members(negotiation.id),
    publicThreadsOf ? publicExportThreads(storage, document.id, publicThreadsOf) : [],
  ]);
  const delegations = new Set<DelegationCode>(members.map((member) => member.delegation));
  return {
    documentTitle: document.title,
    negotiation: {
      title: negotiation.title,
      venue: negotiation.venue,
      startsOn: negotiation.startsOn,
      timeZone: negotiation.timeZone,
    },
    delegations: [...delegations],
    exportedAt: Math.floor(exportedAt / 60_000) * 60_000,
    threads,
  };
}
