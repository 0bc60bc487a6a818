import { escapeHtml } from '../export/escape';
import { formatExportTimeIn } from '../i18n/formatTime';
import { type Message, translate } from '../i18n/i18n';
import type { Locale } from '../i18n/locales';
import {
  type ClauseComparison,
  type CompareSide,
  comparedLabel,
  type RevisionComparison,
} from './compareRevisions';

/**
 * The words of a comparison export, decided once for HTML, Word and PDF (each only decides how
 * it looks). Times are on the negotiation's clock, named. Pure: same comparison, same bytes.
 */

/** The boilerplate of comparison exports, by stable id. */
const COMPARE_MESSAGES = {
  sideCurrent: /*i18n*/ { id: 'compare.side.current', message: '{name}, as of {time}' },
  sideIssued: /*i18n*/ { id: 'compare.side.issued', message: '{name} ({symbol}), issued {time}' },
  title: /*i18n*/ { id: 'compare.title', message: 'Comparison: {from} → {to}' },
  from: /*i18n*/ { id: 'compare.from', message: 'From: {side}' },
  to: /*i18n*/ { id: 'compare.to', message: 'To: {side}' },
  counts: /*i18n*/ {
    id: 'compare.counts',
    message:
      '{added} added · {deleted} deleted · {modified} modified · {moved} moved or renumbered · {unchanged} unchanged',
  },
  legend: /*i18n*/ {
    id: 'compare.legend',
    message:
      'Inserted words are underlined, deleted words struck through. Clauses are matched by identity, not number: “OP5, formerly OP4” was renumbered.',
  },
  concordance: /*i18n*/ {
    id: 'compare.concordance',
    message: 'Concordance of paragraph numbers',
  },
} as const satisfies Record<string, Message>;

/** "Rev.2 (ACCORD/2025/L.1/Rev.2), issued 29 November 2026, 14:05 UTC". */
export function sideLine(side: CompareSide, timeZone: string, locale: Locale = 'en'): string {
  const time = formatExportTimeIn(side.at, timeZone, locale);
  if (side.symbol === null) {
    return translate(locale, COMPARE_MESSAGES.sideCurrent, { name: side.name, time });
  }
  return translate(locale, COMPARE_MESSAGES.sideIssued, {
    name: side.name,
    symbol: side.symbol,
    time,
  });
}

/** The heading lines of a comparison export. */
export function compareHeading(
  comparison: RevisionComparison,
  timeZone: string,
  locale: Locale = 'en',
): string[] {
  const { counts } = comparison;
  return [
    translate(locale, COMPARE_MESSAGES.title, {
      from: comparison.from.name,
      to: comparison.to.name,
    }),
    translate(locale, COMPARE_MESSAGES.from, {
      side: sideLine(comparison.from, timeZone, locale),
    }),
    translate(locale, COMPARE_MESSAGES.to, { side: sideLine(comparison.to, timeZone, locale) }),
    translate(locale, COMPARE_MESSAGES.counts, { ...counts }),
  ];
}

/** The legend under the heading. */
export function compareLegend(locale: Locale = 'en'): string {
  return translate(locale, COMPARE_MESSAGES.legend);
}

/** The title of the concordance table. */
export function concordanceTitle(locale: Locale = 'en'): string {
  return translate(locale, COMPARE_MESSAGES.concordance);
}

/** One concordance cell: a number, or a dash when the clause is not on that side. */
export function concordanceCell(label: string | null): string {
  return label ?? '—';
}

/** The file name of a comparison export: `compare-rev-1-rev-2.html`. */
export function compareFileName(comparison: RevisionComparison, extension: string): string {
  const slug = (side: CompareSide) =>
    side.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `compare-${slug(comparison.from)}-${slug(comparison.to)}.${extension}`;
}

const STYLES = `
  body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.5; color: #111; margin: 0; }
  main { max-width: 44em; margin: 2em auto; padding: 0 1.5em; }
  h1 { font-size: 1.4em; text-align: center; }
  .meta, .legend, .notes { font-family: Arial, Helvetica, sans-serif; font-size: 0.85em; color: #444; }
  .clause { margin: 0.8em 0 0.3em; padding-left: 0.8em; border-left: 3px solid transparent; }
  .clause.changed { border-left-color: #a40000; }
  .label { font-weight: bold; margin-right: 0.6em; }
  ins { text-decoration: underline; color: #0b5d1e; background: #e6f4ea; }
  del { text-decoration: line-through; color: #a40000; background: #fbe9e9; }
  table { border-collapse: collapse; margin-top: 0.6em; }
  th, td { border: 1px solid #999; padding: 0.2em 0.8em; text-align: left; }
`;

function clauseHtml(clause: ClauseComparison, locale: Locale): string {
  const text = clause.redline
    .map((part) => {
      const html = escapeHtml(part.text);
      if (part.kind === 'inserted') return `<ins>${html}</ins>`;
      if (part.kind === 'deleted') return `<del>${html}</del>`;
      return html;
    })
    .join('');
  const changed = clause.change !== 'unchanged' || clause.notes.length > 0;
  const lines = [
    `<div class="clause clause-${clause.change}${changed ? ' changed' : ''}" data-clause-id="${escapeHtml(clause.id)}">`,
    `<p><span class="label">${escapeHtml(comparedLabel(clause, locale))}</span>${text}</p>`,
  ];
  if (clause.notes.length > 0) {
    lines.push(
      `<ul class="notes">${clause.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join('')}</ul>`,
    );
  }
  lines.push('</div>');
  return lines.join('\n');
}

/**
 * A comparison as one self-contained HTML document: inserted words underlined (`<ins>`),
 * deleted ones struck (`<del>`), a bar beside each changed clause, and the concordance table.
 */
export function renderCompareHtml(
  comparison: RevisionComparison,
  timeZone: string,
  locale: Locale = 'en',
): string {
  const [title = '', ...meta] = compareHeading(comparison, timeZone, locale);
  return [
    '<!DOCTYPE html>',
    `<html lang="${locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(`${title} — ${comparison.title}`)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    '<main class="comparison">',
    `<h1>${escapeHtml(comparison.title)}</h1>`,
    `<p class="meta"><strong>${escapeHtml(title)}</strong></p>`,
    ...meta.map((line) => `<p class="meta">${escapeHtml(line)}</p>`),
    `<p class="legend">${escapeHtml(compareLegend(locale))}</p>`,
    ...comparison.clauses.map((clause) => clauseHtml(clause, locale)),
    `<h2>${escapeHtml(concordanceTitle(locale))}</h2>`,
    '<table class="concordance">',
    `<thead><tr><th>${escapeHtml(comparison.from.name)}</th><th>${escapeHtml(comparison.to.name)}</th></tr></thead>`,
    '<tbody>',
    ...comparison.concordance.map(
      (row) =>
        `<tr><td>${escapeHtml(concordanceCell(row.oldLabel))}</td><td>${escapeHtml(concordanceCell(row.newLabel))}</td></tr>`,
    ),
    '</tbody>',
    '</table>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
