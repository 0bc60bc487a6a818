import type { AuditEntryView } from '@accord/shared/domain/audit';
import { isoInZone } from '@accord/shared/domain/timeZone';

const COLUMNS = [
  'seq',
  'at',
  'localTime',
  'delegation',
  'user',
  'action',
  'document',
  'detail',
  'prevHash',
  'hash',
] as const;

/** One CSV field: quoted when needed; a leading = + - @ is neutralised against formula injection. */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The audit log as CSV (RFC 4180, CRLF), one row per entry: `at` in ISO 8601 UTC, `localTime`
 * the same instant on the negotiation's clock with its offset ("2026-11-29T09:05:00-05:00").
 */
export function auditCsv(entries: readonly AuditEntryView[], timeZone: string): string {
  const rows = entries.map((entry) =>
    [
      String(entry.seq),
      new Date(entry.at).toISOString(),
      isoInZone(entry.at, timeZone),
      entry.delegation ?? '',
      entry.displayName,
      entry.action,
      entry.documentId ?? '',
      JSON.stringify(entry.detail),
      entry.prevHash,
      entry.hash,
    ].map(field),
  );
  return `${[[...COLUMNS], ...rows].map((row) => row.join(',')).join('\r\n')}\r\n`;
}
