import { delegationAgent } from '../i18n/domainWords';
import type { Locale } from '../i18n/locales';
import { escapeHtml } from './escape';
import { exportLayout, type LayoutBlock } from './exportLayout';
import type { ExportMode, ExportModel, ExportPiece } from './exportModel';
import { colon, EXPORT_MESSAGES, exportDocumentTitle, exportText } from './exportWording';

/** Screen and print styles: the file is self-contained, no fonts or images fetched. */
const STYLES = `
  @page { size: A4; margin: 2.2cm 2.4cm; }
  body { font-family: Georgia, "Times New Roman", serif; font-size: 12pt; line-height: 1.5; color: #111; margin: 0; }
  main { max-width: 42em; margin: 2em auto; padding: 0 1.5em; }
  h1 { font-size: 1.5em; text-align: center; margin: 0.5em 0 0.25em; }
  .dateline, .delegations { text-align: center; margin: 0.2em 0; }
  .delegations { font-style: italic; margin-bottom: 1.5em; }
  h2 { font-size: 1.1em; margin: 1.6em 0 0.6em; }
  .clause { margin: 0.8em 0 0.3em; padding-left: 3.2em; text-indent: -3.2em; break-inside: avoid; }
  .label { display: inline-block; width: 3.2em; text-indent: 0; font-weight: bold; }
  .banner { border: 2px solid #a40000; color: #a40000; font-weight: bold; padding: 0.4em 0.8em; text-align: center; letter-spacing: 0.03em; }
  .legend, .note { font-family: Arial, Helvetica, sans-serif; font-size: 0.85em; color: #444; }
  .note { margin: 0 0 0.8em 3.2em; }
  .bracket-owner { font-family: Arial, Helvetica, sans-serif; font-size: 0.7em; color: #a40000; }
  .alternatives { margin: 0.2em 0 0.2em 3.2em; padding-left: 1.2em; }
  .alt-label { font-weight: bold; }
  .thread { break-inside: avoid; }
  .thread h3 { font-size: 1em; margin: 1em 0 0.3em; }
  .byline { font-weight: bold; }
  @media print { main { margin: 0; max-width: none; padding: 0; } .banner { border-width: 1pt; } }
`;

/** A clause's content in HTML: bold and italic kept, bracket owners as superscripts. */
function piecesAsHtml(pieces: readonly ExportPiece[], locale: Locale): string {
  return pieces
    .map((piece) => {
      if (piece.type === 'bracketOwner') {
        const title = exportText(locale, EXPORT_MESSAGES.bracketAskedBy, {
          name: delegationAgent(piece.delegation, locale),
        });
        return `<sup class="bracket-owner" title="${escapeHtml(title)}">${piece.delegation}</sup>`;
      }
      let html = escapeHtml(piece.text);
      if (piece.italic) html = `<em>${html}</em>`;
      if (piece.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join('');
}

function blockHtml(block: LayoutBlock, locale: Locale): string {
  const labelEnd = colon(locale);
  switch (block.kind) {
    case 'banner':
      return `<p class="banner">${escapeHtml(block.text)}</p>`;
    case 'legend':
      return `<p class="legend">${escapeHtml(block.text)}</p>`;
    case 'title':
      return `<h1>${escapeHtml(block.text)}</h1>`;
    case 'dateline':
      return `<p class="dateline">${escapeHtml(block.text)}</p>`;
    case 'delegations':
      return `<p class="delegations">${escapeHtml(block.text)}</p>`;
    case 'heading':
      return `<h2>${escapeHtml(block.text)}</h2>`;
    case 'clause':
      return `<p class="clause"><span class="label">${escapeHtml(block.label)}</span> ${piecesAsHtml(block.pieces, locale)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(block.text)}</p>`;
    case 'alternative':
      return `<li><span class="alt-label">${escapeHtml(block.label)}${labelEnd}</span> ${escapeHtml(block.text)}</li>`;
    case 'threadsTitle':
      return `<h2 class="threads-title">${escapeHtml(block.text)}</h2>`;
    case 'thread':
      return [
        '<section class="thread">',
        `<h3>${escapeHtml(block.title)}</h3>`,
        '<ul>',
        ...block.messages.map(
          (message) =>
            `<li><span class="byline">${escapeHtml(message.byline)}${labelEnd}</span> ${escapeHtml(message.text)}</li>`,
        ),
        '</ul>',
        '</section>',
      ].join('\n');
  }
}

/**
 * The communiqué as one complete, self-contained HTML document with print styles: everything
 * typed is escaped, bold and italic kept, a draft's bracket owners as superscripts and its
 * alternatives as a list under their clause.
 */
export function renderHtml(model: ExportModel, mode: ExportMode): string {
  const lines: string[] = [];
  let inList = false;
  for (const block of exportLayout(model, mode)) {
    const isAlternative = block.kind === 'alternative';
    if (isAlternative && !inList) lines.push('<ul class="alternatives">');
    if (!isAlternative && inList) lines.push('</ul>');
    inList = isAlternative;
    lines.push(blockHtml(block, model.locale));
  }
  if (inList) lines.push('</ul>');
  const title = exportDocumentTitle(model, mode);
  return [
    '<!DOCTYPE html>',
    `<html lang="${model.locale}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLES}</style>`,
    '</head>',
    '<body>',
    `<main class="communique communique-${mode}">`,
    ...lines,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
