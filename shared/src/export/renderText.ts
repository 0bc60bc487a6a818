import type { Locale } from '../i18n/locales';
import { exportLayout, type LayoutBlock } from './exportLayout';
import type { ExportMode, ExportModel, ExportPiece } from './exportModel';
import { colon } from './exportWording';

/** Indent of the lines under a clause (notes, alternatives) and of comment messages. */
const INDENT = '    ';

/** Line breaks typed inside a value would break the layout: one line per paragraph. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A clause's content in plain text: formatting cannot be shown; owners as `{MX}`. */
export function piecesAsText(pieces: readonly ExportPiece[]): string {
  return oneLine(
    pieces.map((piece) => (piece.type === 'text' ? piece.text : `{${piece.delegation}}`)).join(''),
  );
}

function blockLines(block: LayoutBlock, locale: Locale): string[] {
  const labelEnd = colon(locale);
  switch (block.kind) {
    case 'banner':
      return [oneLine(block.text)];
    case 'legend':
      return [oneLine(block.text), ''];
    case 'title':
      return [oneLine(block.text)];
    case 'dateline':
    case 'delegations':
      return [oneLine(block.text)];
    case 'heading':
      return ['', oneLine(block.text).toUpperCase()];
    case 'clause':
      return ['', `${block.label}  ${piecesAsText(block.pieces)}`];
    case 'note':
      return [`${INDENT}(${oneLine(block.text)})`];
    case 'alternative':
      return [`${INDENT}${block.label}${labelEnd} ${oneLine(block.text)}`];
    case 'threadsTitle':
      return ['', '', oneLine(block.text).toUpperCase()];
    case 'thread':
      return [
        '',
        oneLine(block.title),
        ...block.messages.map(
          (message) => `${INDENT}${message.byline}${labelEnd} ${oneLine(message.text)}`,
        ),
      ];
  }
}

/**
 * The communiqué as plain text: one line per paragraph, labels as in the editor, headings in
 * capitals; bold and italic cannot be carried. Deterministic: the same model gives the same text.
 */
export function renderText(model: ExportModel, mode: ExportMode): string {
  return `${exportLayout(model, mode)
    .flatMap((block) => blockLines(block, model.locale))
    .join('\n')}\n`;
}
