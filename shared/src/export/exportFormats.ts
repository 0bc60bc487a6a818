import { wallClock } from '../domain/timeZone';
import { type Message, translate } from '../i18n/i18n';
import { LOCALES, type Locale, parseLocale } from '../i18n/locales';
import type { Result } from '../result';
import { EXPORT_MODES, type ExportMode } from './exportModel';

/** The formats a communiqué is exported in. */
export const EXPORT_FORMATS = ['txt', 'md', 'html', 'docx', 'pdf'] as const;

/** One export format (its file extension). */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How each format is named in the export dialog. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  txt: 'Plain text (.txt)',
  md: 'Markdown (.md)',
  html: 'HTML (.html)',
  docx: 'Word (.docx)',
  pdf: 'PDF (.pdf)',
};

const EXPORT_FORMAT_MESSAGES = {
  txt: /*i18n*/ { id: 'exportFormat.txt', message: 'Plain text (.txt)' },
  md: /*i18n*/ { id: 'exportFormat.md', message: 'Markdown (.md)' },
  html: /*i18n*/ { id: 'exportFormat.html', message: 'HTML (.html)' },
  docx: /*i18n*/ { id: 'exportFormat.docx', message: 'Word (.docx)' },
  pdf: /*i18n*/ { id: 'exportFormat.pdf', message: 'PDF (.pdf)' },
} as const satisfies Record<ExportFormat, Message>;

/** A format's name in a language, for the export dialog: "Texto sin formato (.txt)". */
export function exportFormatLabel(format: ExportFormat, locale: Locale): string {
  return translate(locale, EXPORT_FORMAT_MESSAGES[format]);
}

/** The Content-Type of each format. */
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  txt: 'text/plain; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** An export request, checked. */
export interface ExportRequest {
  format: ExportFormat;
  mode: ExportMode;
  /** Include public comment threads (draft compilations only). */
  publicThreads: boolean;
  /**
   * The language of the export's own words (`lang=es`, `--lang es`); absent: the requester's
   * (their chosen language, else their browser's; English from the command line).
   */
  locale?: Locale;
}

/** The untrusted parts of an export request (query string or command line). */
export interface RawExportRequest {
  format?: string | undefined;
  mode?: string | undefined;
  threads?: string | undefined;
  lang?: string | undefined;
}

/**
 * Parses an export request. `format` is required; `mode` defaults to `draft`; `threads` may be
 * `public` (or absent) and only with a draft: private threads are never exported; `lang`, when
 * given, is one of Accord's languages.
 */
export function parseExportRequest(raw: RawExportRequest): Result<ExportRequest, string> {
  const formats = EXPORT_FORMATS.join(', ');
  if (raw.format === undefined || raw.format === '') {
    return { ok: false, error: `Give a format: one of ${formats}.` };
  }
  const format = EXPORT_FORMATS.find((candidate) => candidate === raw.format);
  if (format === undefined) {
    return { ok: false, error: `Unknown format "${raw.format}": use one of ${formats}.` };
  }
  const mode = EXPORT_MODES.find((candidate) => candidate === (raw.mode ?? 'draft'));
  if (mode === undefined) {
    return {
      ok: false,
      error: `Unknown mode "${raw.mode}": use one of ${EXPORT_MODES.join(', ')}.`,
    };
  }
  if (raw.threads !== undefined && raw.threads !== 'public') {
    return {
      ok: false,
      error: `Unknown threads "${raw.threads}": only public threads can be exported (threads=public).`,
    };
  }
  const publicThreads = raw.threads === 'public';
  if (publicThreads && mode === 'final') {
    return { ok: false, error: 'The final communiqué never includes comments.' };
  }
  if (raw.lang !== undefined) {
    const locale = parseLocale(raw.lang);
    if (!locale.ok) {
      return {
        ok: false,
        error: `Unknown lang "${raw.lang.slice(0, 32)}": use one of ${LOCALES.join(', ')}.`,
      };
    }
    return { ok: true, value: { format, mode, publicThreads, locale: locale.value } };
  }
  return { ok: true, value: { format, mode, publicThreads } };
}

/** A title as a file-name slug: ASCII letters and digits joined by dashes, at most 60 long. */
export function titleSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug === '' ? 'draft' : slug;
}

/**
 * `communique-<slug>-draft-2026-11-29-1405.md`: the export's file name, its time the wall clock
 * of the negotiation's time zone (the time the export itself shows).
 */
export function exportFileName(
  title: string,
  mode: ExportMode,
  exportedAt: number,
  format: ExportFormat,
  timeZone: string,
): string {
  const clock = wallClock(exportedAt, timeZone);
  const two = (value: number) => String(value).padStart(2, '0');
  const date = `${clock.year}-${two(clock.month)}-${two(clock.day)}`;
  const time = `${two(clock.hour)}${two(clock.minute)}`;
  return `communique-${titleSlug(title)}-${mode}-${date}-${time}.${format}`;
}
