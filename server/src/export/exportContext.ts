import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ExportContext, ExportThread } from '@accord/shared/export/exportModel';
import type { DocumentRecord, NegotiationRecord, Storage } from '../storage/storage';

/**
 * What an export of a draft needs besides the draft itself: its negotiation (title, venue,
 * date), the delegations that have members in it, the export time and the public threads.
 * Until comment threads exist on the server, callers pass none. The export time is taken to
 * the minute, as exports show it: two exports of the same state within a minute are the same
 * bytes in every format (Word's and PDF's metadata carry the time too).
 */
export function exportContextFor(
  storage: Storage,
  document: DocumentRecord,
  negotiation: NegotiationRecord,
  exportedAt: number,
  threads: readonly ExportThread[] = [],
): ExportContext {
  const delegations = new Set<DelegationCode>(
    storage.negotiations.members(negotiation.id).map((member) => member.delegation),
  );
  return {
    documentTitle: document.title,
    negotiation: {
      title: negotiation.title,
      venue: negotiation.venue,
      startsOn: negotiation.startsOn,
    },
    delegations: [...delegations],
    exportedAt: Math.floor(exportedAt / 60_000) * 60_000,
    threads,
  };
}
