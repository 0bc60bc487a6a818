import { formatExportTime } from '../domain/timeZone';
import { escapeHtml } from '../export/escape';
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

/** "Rev.2 (ACCORD/2025/L.1/Rev.2), issued 29 November 2026, 14:05 UTC". */
export function sideLine(side: CompareSide, timeZone: string): string {
  const when = formatExportTime(side.at, timeZone);
  if (side.symbol === null) return `${side.name}, as of ${when}`;
  return `${side.name} (${side.symbol}), issued ${when}`;
}

/** The heading lines of a comparison export. */
export function compareHeading(comparison: RevisionComparison, timeZone: string): string[] {
  const { counts } = comparison;
  return [
    `Comparison: ${comparison.from.name} → ${comparison.to.name}`,
    `From: ${sideLine(comparison.from, timeZone)}`,
    `To: ${sideLine(comparison.to, timeZone)}`,
    `${counts.added} added · ${counts.deleted} deleted · ${counts.modified} modified · ${counts.moved} moved or renumbered · ${counts.unchanged} unchanged`,
  ];
}

/** The legend under the heading. */
export const COMPARE_LEGEND =
  'Inserted words are underlined, deleted words struck through. Clauses are matched by identity, not number: “OP5, formerly OP4” was renumbered.';

/** The title of the concordance table. */
export const CONCORDANCE_TITLE = 'Concordance of paragraph numbers';

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

function clauseHtml(clause: ClauseComparison): string {
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
    `<p><span class="label">${escapeHtml(comparedLabel(clause))}</span>${text}</p>`,
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
export function renderCompareHtml(comparison: RevisionComparison, timeZone: string): string {
  const [title = '', ...meta] = compareHeading(comparison, timeZone);
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
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
    `<p class="legend">${escapeHtml(COMPARE_LEGEND)}</p>`,
    ...comparison.clauses.map(clauseHtml),
    `<h2>${escapeHtml(CONCORDANCE_TITLE)}</h2>`,
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
