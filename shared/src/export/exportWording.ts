import type { ClauseAlternative } from '../domain/clauseMeta';
import type { ClauseSummary } from '../domain/clauseSummary';
import type { DelegationCode } from '../domain/delegations';
import {
  delegationAgent,
  delegationName,
  describeStatus,
  joinNames,
  positionNoteWord,
} from '../i18n/domainWords';
import { formatExportTimeIn, formatIsoDateIn } from '../i18n/formatTime';
import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import type { ExportModel, ExportRevision, ExportThread } from './exportModel';

/**
 * The words every format shares, so that text, Markdown, HTML, Word and PDF say the same thing,
 * in the export's language (`model.locale`). Dates are in the negotiation's time zone, named:
 * an export must not depend on the machine that made it. The negotiated text itself (title,
 * headings, clauses, alternatives, comments) is never translated.
 */

/** The boilerplate of exports, by stable id. */
export const EXPORT_MESSAGES = {
  draftMark: /*i18n*/ { id: 'export.draftMark', message: 'DRAFT' },
  draftBanner: /*i18n*/ {
    id: 'export.draftBanner',
    message: 'DRAFT — compiled {time} — not an agreed text',
  },
  legend: /*i18n*/ {
    id: 'export.legend',
    message:
      'Text in square brackets is not agreed; the code after a bracket names the delegation that asked for it (brackets of the Chair’s first draft carry none). Under each paragraph: its status and the delegations’ positions.',
  },
  participating: /*i18n*/ {
    id: 'export.participating',
    message: 'Participating delegations: {names}.',
  },
  dateLine: /*i18n*/ { id: 'export.dateLine', message: '{venue}, {date}' },
  lockedBy: /*i18n*/ { id: 'export.lockedBy', message: 'Locked by {who}' },
  noPosition: /*i18n*/ {
    id: 'export.noPosition',
    message: '—',
    comment: 'Shown after a delegation code that has stated no position.',
  },
  alternative: /*i18n*/ {
    id: 'export.alternative',
    message: 'Alt {number} [{code}]',
    comment: 'The name of a competing wording of a clause: "Alt 2 [US]".',
  },
  threadsTitle: /*i18n*/ { id: 'export.threadsTitle', message: 'Public comments' },
  deletedClause: /*i18n*/ { id: 'export.deletedClause', message: 'Deleted clause' },
  threadTitle: /*i18n*/ {
    id: 'export.threadTitle',
    message: '{clause}: “{quote}”',
    comment: 'A comment thread: the clause label and the quoted words it is about.',
  },
  threadTitleDetached: /*i18n*/ {
    id: 'export.threadTitleDetached',
    message: '{clause}: “{quote}” (these words have since been deleted)',
  },
  byline: /*i18n*/ {
    id: 'export.byline',
    message: '{author} ({code}), {time}',
  },
  revisionIssued: /*i18n*/ {
    id: 'export.revisionIssued',
    message: '{symbol} — {name}, issued {time}',
  },
  revisionAdopted: /*i18n*/ {
    id: 'export.revisionAdopted',
    message: '{symbol} — {name}, issued {time}; adopted under silence procedure {adopted}',
  },
  bracketAskedBy: /*i18n*/ {
    id: 'export.bracketAskedBy',
    message: 'Bracket asked for by {name}',
  },
  pageFooter: /*i18n*/ {
    id: 'export.pageFooter',
    message: 'Page {page} of {pages}',
  },
} as const satisfies Record<string, Message>;

/** One export message in a language. */
export function exportText(
  locale: Locale,
  message: Message,
  values?: Record<string, unknown>,
): string {
  return translate(locale, message, values);
}

/** "11 June 2025" from an ISO date, in the export's language; anything else is shown as given. */
export function formatIsoDate(iso: string, locale: Locale = 'en'): string {
  return formatIsoDateIn(iso, locale);
}

/** "Washington, D.C., 11 June 2025". */
export function dateLine(model: ExportModel): string {
  const date = formatIsoDate(model.negotiation.startsOn, model.locale);
  if (model.negotiation.venue === '') return date;
  return exportText(model.locale, EXPORT_MESSAGES.dateLine, {
    venue: model.negotiation.venue,
    date,
  });
}

/** "Participating delegations: United States, Canada and Mexico." */
export function delegationsLine(model: ExportModel): string {
  const names = model.delegations.map((code) => delegationName(code, model.locale));
  if (names.length === 0) return '';
  return exportText(model.locale, EXPORT_MESSAGES.participating, {
    names: joinNames(names, model.locale),
  });
}

/** A time as this export writes it: on the negotiation's clock, zone named, in its language. */
function exportTime(model: ExportModel, at: number): string {
  return formatExportTimeIn(at, model.negotiation.timeZone, model.locale);
}

/** The mark at the top of a draft compilation. */
export function draftBanner(model: ExportModel): string {
  return exportText(model.locale, EXPORT_MESSAGES.draftBanner, {
    time: exportTime(model, model.exportedAt),
  });
}

/** The legend under the draft banner. */
export function draftLegend(locale: Locale): string {
  return exportText(locale, EXPORT_MESSAGES.legend);
}

/**
 * The compact note under a clause: "Bracketed. US agree · CA reserve · MX —", or
 * "Objection: SV · Reserved: MX. US agree · …" (the status in the app's words).
 */
export function clauseNote(
  summary: ClauseSummary,
  delegations: readonly DelegationCode[],
  locale: Locale = 'en',
): string {
  const status =
    summary.lock === null
      ? describeStatus(summary.status, summary.positions, locale)
      : exportText(locale, EXPORT_MESSAGES.lockedBy, {
          who: delegationAgent(summary.lock.delegation, locale),
        });
  const positions = delegations.map((code) => {
    const stated = summary.positions[code];
    return `${code} ${
      stated === undefined
        ? exportText(locale, EXPORT_MESSAGES.noPosition)
        : positionNoteWord(stated.position, locale)
    }`;
  });
  return positions.length === 0 ? `${status}.` : `${status}. ${positions.join(' · ')}`;
}

/** "Alt 2 [US]": an alternative's name, numbered from its order. */
export function alternativeLabel(
  index: number,
  alternative: ClauseAlternative,
  locale: Locale = 'en',
): string {
  return exportText(locale, EXPORT_MESSAGES.alternative, {
    number: index + 1,
    code: alternative.delegation,
  });
}

/**
 * The colon after a label ("Alt 1 [MX]:", a byline): French typography puts a no-break space
 * before it («Variante 1 [MX] :»). A rule of typography, not a word, so not in the catalog.
 */
export function colon(locale: Locale): string {
  return locale === 'fr' ? '\u00a0:' : ':';
}

/** "DRAFT — title": a draft compilation's document title (HTML, Word and PDF metadata). */
export function exportDocumentTitle(model: ExportModel, mode: 'draft' | 'final'): string {
  if (mode === 'final') return model.title;
  return `${exportText(model.locale, EXPORT_MESSAGES.draftMark)} — ${model.title}`;
}

/** The title of the appendix of public comments. */
export function threadsTitle(locale: Locale): string {
  return exportText(locale, EXPORT_MESSAGES.threadsTitle);
}

/** The clause a thread is about, by its label now (or a deleted clause). */
export function threadClauseLabel(model: ExportModel, thread: ExportThread): string {
  for (const block of model.blocks) {
    if (block.type === 'clause' && block.id === thread.clauseId) return block.label;
  }
  return exportText(model.locale, EXPORT_MESSAGES.deletedClause);
}

/** "OP2: “quoted words”", noting words deleted since. */
export function threadTitle(model: ExportModel, thread: ExportThread): string {
  return exportText(
    model.locale,
    thread.detached ? EXPORT_MESSAGES.threadTitleDetached : EXPORT_MESSAGES.threadTitle,
    { clause: threadClauseLabel(model, thread), quote: thread.quote },
  );
}

/** "Elena Marsh (US), 29 November 2026, 08:05 Mexico City time (UTC-6)". */
export function messageByline(
  message: ExportThread['messages'][number],
  model: ExportModel,
): string {
  return exportText(model.locale, EXPORT_MESSAGES.byline, {
    author: message.author,
    code: message.delegation,
    time: exportTime(model, message.at),
  });
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
  const values = {
    symbol: revision.symbol,
    name: revision.name,
    time: exportTime(model, revision.issuedAt),
  };
  if (revision.adoptedAt === null) {
    return exportText(model.locale, EXPORT_MESSAGES.revisionIssued, values);
  }
  return exportText(model.locale, EXPORT_MESSAGES.revisionAdopted, {
    ...values,
    adopted: exportTime(model, revision.adoptedAt),
  });
}

/** "Page 2 of 5", the footer of Word and PDF pages. */
export function pageFooter(locale: Locale, page: number | string, pages: number | string): string {
  return exportText(locale, EXPORT_MESSAGES.pageFooter, { page, pages });
}
