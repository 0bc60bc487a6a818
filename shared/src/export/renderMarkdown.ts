import type { Locale } from '../i18n/locales';
import { escapeMarkdown, escapeMarkdownLineStart } from './escape';
import { exportLayout, type LayoutBlock } from './exportLayout';
import type { ExportMode, ExportModel, ExportPiece } from './exportModel';
import { colon } from './exportWording';

/**
 * Emphasis around a run of text. Leading and trailing spaces stay outside the delimiters, or
 * Markdown would not read them as emphasis.
 */
function emphasis(text: string, bold: boolean, italic: boolean): string {
  const escaped = escapeMarkdown(text);
  const delimiter = bold && italic ? '***' : bold ? '**' : italic ? '*' : '';
  const match = /^(\s*)(.*?)(\s*)$/s.exec(escaped);
  if (delimiter === '' || match === null || match[2] === '') return escaped;
  return `${match[1]}${delimiter}${match[2]}${delimiter}${match[3]}`;
}

/** A clause's content in Markdown: bold and italic kept, bracket owners as `{MX}`. */
function piecesAsMarkdown(pieces: readonly ExportPiece[]): string {
  return pieces
    .map((piece) =>
      piece.type === 'text'
        ? emphasis(piece.text, piece.bold, piece.italic)
        : `\\{${piece.delegation}\\}`,
    )
    .join('');
}

function blockMarkdown(block: LayoutBlock, locale: Locale): string {
  const labelEnd = colon(locale);
  switch (block.kind) {
    case 'banner':
      return `> **${escapeMarkdown(block.text)}**`;
    case 'legend':
      return `> ${escapeMarkdown(block.text)}`;
    case 'title':
      return `# ${escapeMarkdown(block.text)}`;
    case 'dateline':
    case 'delegations':
      return escapeMarkdownLineStart(block.text);
    case 'heading':
      return `## ${escapeMarkdown(block.text)}`;
    case 'clause':
      return `**${block.label}** ${piecesAsMarkdown(block.pieces)}`.trimEnd();
    case 'note':
      return `*${escapeMarkdown(block.text)}*`;
    case 'alternative':
      return `- ${escapeMarkdown(block.label)}${labelEnd} ${escapeMarkdown(block.text)}`;
    case 'threadsTitle':
      return `## ${escapeMarkdown(block.text)}`;
    case 'thread':
      return [
        `**${escapeMarkdown(block.title)}**`,
        '',
        ...block.messages.map(
          (message) =>
            `- ${escapeMarkdown(message.byline)}${labelEnd} ${escapeMarkdown(message.text)}`,
        ),
      ].join('\n');
  }
}

/** Blocks that continue the one before them without a blank line (a banner's quote, a list). */
function continues(previous: LayoutBlock | undefined, block: LayoutBlock): boolean {
  if (previous === undefined) return false;
  if (block.kind === 'legend' && previous.kind === 'banner') return true;
  return block.kind === 'alternative' && previous.kind === 'alternative';
}

/**
 * The communiqué in (CommonMark) Markdown: title and headings as headings, each clause one
 * paragraph starting with its bold label, bold and italic kept, everything typed escaped.
 */
export function renderMarkdown(model: ExportModel, mode: ExportMode): string {
  const layout = exportLayout(model, mode);
  let out = '';
  layout.forEach((block, index) => {
    const previous = layout[index - 1];
    if (index > 0)
      out += continues(previous, block) ? (block.kind === 'legend' ? '\n>\n' : '\n') : '\n\n';
    out += blockMarkdown(block, model.locale);
  });
  return `${out}\n`;
}
