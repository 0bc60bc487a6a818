import type { AuditEntryView } from '@accord/shared/domain/audit';

const COLUMNS = [
  'seq',
  'at',
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

/** The audit log as CSV (RFC 4180, CRLF), one row per entry, times in ISO 8601 UTC. */
export function auditCsv(entries: readonly AuditEntryView[]): string {
  const rows = entries.map((entry) =>
    [
      String(entry.seq),
      new Date(entry.at).toISOString(),
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
