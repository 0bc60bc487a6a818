import type { ExportRequest } from '@accord/shared/export/exportFormats';
import type { Locale } from '@accord/shared/i18n/locales';
import { t } from '@lingui/core/macro';
import { type ApiResult, failureFromResponse } from '../../api/apiResult';
import { attachmentFileName } from './exportChoices';

/** `GET /api/documents/:id/export`'s URL for a request, its boilerplate in `lang`. */
export function exportUrl(documentId: string, request: ExportRequest, lang: Locale): string {
  const query = new URLSearchParams({ format: request.format, mode: request.mode, lang });
  if (request.publicThreads) query.set('threads', 'public');
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query}`;
}

/**
 * Fetches an export and hands it to the browser as a download under the server's file name.
 * Fetched rather than navigated to, so that a refusal (a clause still unlocked, a lost
 * session) is shown in the dialog instead of replacing the editor.
 */
export async function downloadExport(
  documentId: string,
  request: ExportRequest,
  lang: Locale,
): Promise<ApiResult<string>> {
  let response: Response;
  try {
    response = await fetch(exportUrl(documentId, request, lang), { credentials: 'same-origin' });
  } catch {
    return {
      ok: false,
      error: { status: 0, code: 'network_error', message: t`Cannot reach the Accord server.` },
    };
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    return { ok: false, error: failureFromResponse(response.status, text, null) };
  }
  const blob = await response.blob();
  const fileName =
    attachmentFileName(response.headers.get('Content-Disposition')) ??
    `communique.${request.format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has started the download from the object URL by now; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { ok: true, value: fileName };
}
