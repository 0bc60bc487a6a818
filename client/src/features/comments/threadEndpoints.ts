import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import type {
  CreateThreadRequest,
  HideMessageRequest,
  MessageBodyRequest,
  ResolveThreadRequest,
  ThreadAnchor,
  ThreadResponse,
} from '@accord/shared/protocol/threads';
import { apiRequest } from '../../api/apiClient';
import type { ApiResult } from '../../api/apiResult';

function threadsPath(documentId: string, rest = ''): string {
  return `/api/documents/${encodeURIComponent(documentId)}/threads${rest}`;
}

function threadPath(documentId: string, threadId: string, rest = ''): string {
  return threadsPath(documentId, `/${encodeURIComponent(threadId)}${rest}`);
}

function messagePath(documentId: string, threadId: string, messageId: string, rest = ''): string {
  return threadPath(documentId, threadId, `/messages/${encodeURIComponent(messageId)}${rest}`);
}

/** POST …/threads: opens a thread on an anchored range. */
export function createThread(
  documentId: string,
  visibility: ThreadVisibility,
  anchor: ThreadAnchor,
  quote: string,
  text: string,
): Promise<ApiResult<ThreadResponse>> {
  const body: CreateThreadRequest = { visibility, anchor, quote, body: text };
  return apiRequest(threadsPath(documentId), { method: 'POST', body });
}

/** POST …/threads/:threadId/messages: replies. */
export function replyToThread(
  documentId: string,
  threadId: string,
  text: string,
): Promise<ApiResult<ThreadResponse>> {
  const body: MessageBodyRequest = { body: text };
  return apiRequest(threadPath(documentId, threadId, '/messages'), { method: 'POST', body });
}

/** PATCH …/messages/:messageId: edits one's own message. */
export function editMessage(
  documentId: string,
  threadId: string,
  messageId: string,
  text: string,
): Promise<ApiResult<ThreadResponse>> {
  const body: MessageBodyRequest = { body: text };
  return apiRequest(messagePath(documentId, threadId, messageId), { method: 'PATCH', body });
}

/** DELETE …/messages/:messageId: deletes one's own message. */
export function deleteMessage(
  documentId: string,
  threadId: string,
  messageId: string,
): Promise<ApiResult<ThreadResponse>> {
  return apiRequest(messagePath(documentId, threadId, messageId), { method: 'DELETE' });
}

/** POST …/messages/:messageId/hide: a moderator hides a public message. */
export function hideMessage(
  documentId: string,
  threadId: string,
  messageId: string,
  reason: string,
): Promise<ApiResult<ThreadResponse>> {
  const body: HideMessageRequest = { reason };
  return apiRequest(messagePath(documentId, threadId, messageId, '/hide'), {
    method: 'POST',
    body,
  });
}

/** PUT …/threads/:threadId/resolved: resolves or reopens. */
export function setThreadResolved(
  documentId: string,
  threadId: string,
  resolved: boolean,
): Promise<ApiResult<ThreadResponse>> {
  const body: ResolveThreadRequest = { resolved };
  return apiRequest(threadPath(documentId, threadId, '/resolved'), { method: 'PUT', body });
}

/** PUT …/threads/:threadId/read: marks the thread read for me. */
export function markThreadRead(
  documentId: string,
  threadId: string,
): Promise<ApiResult<ThreadResponse>> {
  return apiRequest(threadPath(documentId, threadId, '/read'), { method: 'PUT' });
}
