import type { DocumentView } from '@accord/shared/protocol/api';
import type { DocumentRecord } from '../../storage/storage';

/** A draft's metadata as the API shows it. */
export function documentView(document: DocumentRecord): DocumentView {
  return {
    id: document.id,
    negotiationId: document.negotiationId,
    title: document.title,
    updatedAt: new Date(document.updatedAt).toISOString(),
  };
}
