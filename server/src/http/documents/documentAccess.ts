import type {
  DocumentRecord,
  MembershipRecord,
  NegotiationRecord,
  Storage,
} from '../../storage/storage';
import { apiErrors } from '../errors';

/** A draft, its negotiation and the caller's membership of it. */
export interface DocumentAccess {
  document: DocumentRecord;
  negotiation: NegotiationRecord;
  membership: MembershipRecord;
}

/**
 * The draft a route is about and the caller's place in its negotiation: 404 `not_found` for an
 * unknown draft, 403 `forbidden` for a caller who is not a member.
 */
export async function requireDocumentMember(
  storage: Storage,
  documentId: string,
  userId: string,
): Promise<DocumentAccess> {
  const document = await storage.documents.byId(documentId);
  const negotiation = document && (await storage.negotiations.byId(document.negotiationId));
  if (document === undefined || negotiation === undefined) {
    throw apiErrors.draftNotFound();
  }
  const membership = await storage.negotiations.membership(negotiation.id, userId);
  if (membership === undefined) throw apiErrors.forbidden();
  return { document, negotiation, membership };
}
