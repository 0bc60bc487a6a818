import { type ExportRequest, parseExportRequest } from '@accord/shared/export/exportFormats';
import type { Locale } from '@accord/shared/i18n/locales';
import type { Context } from 'hono';
import type { UserRecord } from '../../storage/storage';
import { apiErrors } from '../errors';
import { requestLocale } from '../locale/requestLocale';

/**
 * An export's query (`format`, `mode`, `threads`, `lang`), parsed, with the language of its
 * words: `lang=`, else the requester's (SPEC W1). A bad query is a 400. Shared by draft and
 * revision exports.
 */
export function readExportQuery(
  c: Context,
  user: Pick<UserRecord, 'locale'>,
): { request: ExportRequest; locale: Locale } {
  const parsed = parseExportRequest({
    format: c.req.query('format'),
    mode: c.req.query('mode'),
    threads: c.req.query('threads'),
    lang: c.req.query('lang'),
  });
  if (!parsed.ok) throw apiErrors.badRequest(parsed.error);
  return { request: parsed.value, locale: parsed.value.locale ?? requestLocale(c, user).locale };
}
