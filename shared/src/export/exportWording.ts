import type { ClauseAlternative } from '../domain/clauseMeta';
import type { ClauseSummary } from '../domain/clauseSummary';
import { DELEGATIONS, type DelegationCode } from '../domain/delegations';
import { lockerPhrase } from '../domain/locks';
import type { Position } from '../domain/positions';
import { statusWords } from '../domain/status';
import { formatExportTime } from '../domain/timeZone';
import type { ExportModel, ExportRevision, ExportThread } from './exportModel';

/**
 * The words every format shares, so that text, Markdown, HTML, Word and PDF say the same thing.
 * Dates are in English and in the negotiation's time zone, named: an export must not depend on
 * the machine that made it.
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** How each position reads in a draft compilation's compact note. */
const POSITION_WORDS: Record<Position, string> = {
  agree: 'agree',
  agreeAdRef: 'agree ad ref.',
  reserve: 'reserve',
  object: 'object',
};

/** "11 June 2025" from an ISO date; anything else is shown as given. */
export function formatIsoDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || month === undefined) return iso;
  return `${Number(match[3])} ${month} ${match[1]}`;
}

/** "Washington, D.C., 11 June 2025". */
export function dateLine(model: ExportModel): string {
  const date = formatIsoDate(model.negotiation.startsOn);
  return model.negotiation.venue === '' ? date : `${model.negotiation.venue}, ${date}`;
}

/** "Participating delegations: United States, Canada and Mexico." */
export function delegationsLine(model: ExportModel): string {
  const names = model.delegations.map((code) => DELEGATIONS[code].name);
  if (names.length === 0) return '';
  const list =
    names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Participating delegations: ${list}.`;
}

/** The mark at the top of a draft compilation. */
export function draftBanner(model: ExportModel): string {
  return `DRAFT — compiled ${formatExportTime(model.exportedAt, model.negotiation.timeZone)} — not an agreed text`;
}

/** The legend under the draft banner. */
export const DRAFT_LEGEND =
  'Text in square brackets is not agreed; the code after a bracket names the delegation that asked for it (brackets of the Chair’s first draft carry none). Under each paragraph: its status and the delegations’ positions.';

/**
 * The compact note under a clause: "Bracketed. US agree · CA reserve · MX —", or
 * "Objection: SV · Reserved: MX. US agree · …" (the status in the app's words).
 */
export function clauseNote(summary: ClauseSummary, delegations: readonly DelegationCode[]): string {
  const status =
    summary.lock === null
      ? statusWords(summary.status, summary.positions)
      : `Locked by ${lockerPhrase(summary.lock)}`;
  const positions = delegations.map((code) => {
    const stated = summary.positions[code];
    return `${code} ${stated === undefined ? '—' : POSITION_WORDS[stated.position]}`;
  });
  return positions.length === 0 ? `${status}.` : `${status}. ${positions.join(' · ')}`;
}

/** "Alt 2 [US]": an alternative's name, numbered from its order. */
export function alternativeLabel(index: number, alternative: ClauseAlternative): string {
  return `Alt ${index + 1} [${alternative.delegation}]`;
}

/** The title of the appendix of public comments. */
export const THREADS_TITLE = 'Public comments';

/** The clause a thread is about, by its label now (or a deleted clause). */
export function threadClauseLabel(model: ExportModel, thread: ExportThread): string {
  for (const block of model.blocks) {
    if (block.type === 'clause' && block.id === thread.clauseId) return block.label;
  }
  return 'Deleted clause';
}

/** "Elena Marsh (US), 29 November 2026, 08:05 Mexico City time (UTC-6)". */
export function messageByline(message: ExportThread['messages'][number], timeZone: string): string {
  return `${message.author} (${message.delegation}), ${formatExportTime(message.at, timeZone)}`;
}

/** The public threads in the order of their clauses, then as given. */
export function threadsInClauseOrder(model: ExportModel): ExportThread[] {
  const order = new Map<string, number>();
  model.blocks.forEach((block, index) => {
    if (block.type === 'clause' && block.id !== null && !order.has(block.id)) {
      order.set(block.id, index);
    }
  });
  return model.threads
    .filter((thread) => thread.visibility === 'public')
    .map((thread, index) => ({ thread, index }))
    .sort(
      (a, b) =>
        (order.get(a.thread.clauseId) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.thread.clauseId) ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map(({ thread }) => thread);
}

/** "ACCORD/2025/L.1/Rev.2 — Rev.2, issued 29 November 2026, 14:05 UTC" (and its adoption). */
export function revisionLine(revision: ExportRevision, model: ExportModel): string {
  const zone = model.negotiation.timeZone;
  const issued = `${revision.symbol} — ${revision.name}, issued ${formatExportTime(revision.issuedAt, zone)}`;
  if (revision.adoptedAt === null) return issued;
  return `${issued}; adopted under silence procedure ${formatExportTime(revision.adoptedAt, zone)}`;
}
