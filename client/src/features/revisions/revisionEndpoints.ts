import type { RevisionComparison } from '@accord/shared/revisions/compareRevisions';
import type {
  RevisionListResponse,
  RevisionResponse,
  RevisionSummary,
} from '@accord/shared/revisions/revisions';
import type { SilenceProcedureView } from '@accord/shared/revisions/silence';
import { apiRequest } from '../../api/apiClient';
import type { ApiResult } from '../../api/apiResult';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

/** GET …/revisions: symbol base, revisions, silence procedure. */
export function fetchRevisions(
  documentId: string,
  signal?: AbortSignal,
): Promise<ApiResult<RevisionListResponse>> {
  return apiRequest(`${base(documentId)}/revisions`, signal ? { signal } : {});
}

/** GET …/revisions/:n: one revision and its content. */
export function fetchRevision(
  documentId: string,
  number: number,
  signal?: AbortSignal,
): Promise<ApiResult<RevisionResponse>> {
  return apiRequest(`${base(documentId)}/revisions/${number}`, signal ? { signal } : {});
}

/** One side of a comparison: a revision number or the current draft. */
export type CompareTarget = number | 'current';

/** The query of a comparison, as the page's URL and the API share it. */
export function compareQuery(from: CompareTarget, to: CompareTarget, format?: string): string {
  const query = new URLSearchParams({ from: String(from), to: String(to) });
  if (format !== undefined) query.set('format', format);
  return query.toString();
}

/** GET …/compare?from&to: the comparison as JSON. */
export function fetchComparison(
  documentId: string,
  from: CompareTarget,
  to: CompareTarget,
  signal?: AbortSignal,
): Promise<ApiResult<RevisionComparison>> {
  return apiRequest(
    `${base(documentId)}/compare?${compareQuery(from, to)}`,
    signal ? { signal } : {},
  );
}

/** The download address of a comparison export. */
export function comparisonExportUrl(
  documentId: string,
  from: CompareTarget,
  to: CompareTarget,
  format: 'docx' | 'html' | 'pdf',
  delegation: string | null,
): string {
  const query = compareQuery(from, to, format);
  return `${base(documentId)}/compare?${query}${delegation ? `&delegation=${delegation}` : ''}`;
}

/** The download address of a revision's export. */
export function revisionExportUrl(
  documentId: string,
  number: number,
  format: string,
  mode: 'draft' | 'final',
): string {
  return `${base(documentId)}/revisions/${number}/export?format=${format}&mode=${mode}`;
}

/** PUT …/revisions/symbol-base (moderators). */
export function setSymbolBase(documentId: string, symbolBase: string) {
  return apiRequest<{ symbolBase: string }>(`${base(documentId)}/revisions/symbol-base`, {
    method: 'PUT',
    body: { symbolBase },
  });
}

/** POST …/revisions: issues the next revision (moderators). */
export function issueRevision(
  documentId: string,
  note: string,
): Promise<ApiResult<RevisionSummary>> {
  return apiRequest(`${base(documentId)}/revisions`, { method: 'POST', body: { note } });
}

/** POST …/revisions/:n/silence: starts a silence procedure (deadline on the negotiation's clock). */
export function startSilence(
  documentId: string,
  number: number,
  deadline: string,
): Promise<ApiResult<SilenceProcedureView>> {
  return apiRequest(`${base(documentId)}/revisions/${number}/silence`, {
    method: 'POST',
    body: { deadline },
  });
}

/** POST …/silence/break: breaks silence with a written reason. */
export function breakSilence(
  documentId: string,
  reason: string,
): Promise<ApiResult<SilenceProcedureView>> {
  return apiRequest(`${base(documentId)}/silence/break`, { method: 'POST', body: { reason } });
}
