import { exportLayout, type LayoutBlock } from '@accord/shared/export/exportLayout';
import type { ExportMode, ExportModel, ExportPiece } from '@accord/shared/export/exportModel';
import {
  colon,
  EXPORT_MESSAGES,
  exportDocumentTitle,
  exportText,
  pageFooter,
} from '@accord/shared/export/exportWording';
import type { Locale } from '@accord/shared/i18n/locales';
import PDFDocument from 'pdfkit';

/** Points of a clause's hanging indent: the label, then the text. */
const LABEL_INDENT = 40;

const MARGIN = 64;

const DRAFT_RED = '#a40000';

const NOTE_GREY = '#444444';

const BLACK = '#111111';

/** The standard PDF fonts: no font file to ship or find, and they cover Spanish accents. */
const FONTS = {
  regular: 'Times-Roman',
  bold: 'Times-Bold',
  italic: 'Times-Italic',
  boldItalic: 'Times-BoldItalic',
  sans: 'Helvetica',
  sansBold: 'Helvetica-Bold',
} as const;

/** Characters outside Latin-1 that the standard fonts' WinAnsi encoding still has. */
const WIN_ANSI_EXTRA = new Set(
  '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'.split('').map((char) => char.charCodeAt(0)),
);

/**
 * Text the standard fonts can draw: they use WinAnsi (Windows-1252), which covers Spanish,
 * French and typographic punctuation; anything else (other scripts, emoji) would come out as
 * garbage, so it is shown as "?" (the other formats carry it as typed).
 */
export function winAnsiText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const printable = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff);
    out += printable || WIN_ANSI_EXTRA.has(code) ? char : code === 0x09 ? ' ' : '?';
  }
  return out;
}

function pieceFont(piece: Extract<ExportPiece, { type: 'text' }>): string {
  if (piece.bold && piece.italic) return FONTS.boldItalic;
  if (piece.bold) return FONTS.bold;
  return piece.italic ? FONTS.italic : FONTS.regular;
}

type Pdf = InstanceType<typeof PDFDocument>;

function writeClause(pdf: Pdf, label: string, pieces: readonly ExportPiece[]): void {
  const left = pdf.page.margins.left;
  const width = pdf.page.width - left - pdf.page.margins.right - LABEL_INDENT;
  pdf.moveDown(0.6);
  // Keep the label with the first line of its text.
  if (pdf.y + 40 > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
  const top = pdf.y;
  pdf.font(FONTS.bold).fontSize(12).fillColor(BLACK).text(label, left, top, { lineBreak: false });
  const runs = pieces.filter((piece) => piece.type === 'bracketOwner' || piece.text !== '');
  if (runs.length === 0) {
    pdf.text('', left + LABEL_INDENT, top, { width });
    return;
  }
  runs.forEach((piece, index) => {
    const options = { width, continued: index < runs.length - 1 };
    if (piece.type === 'text') {
      pdf.font(pieceFont(piece)).fontSize(12).fillColor(BLACK);
      const text = winAnsiText(piece.text);
      if (index === 0) pdf.text(text, left + LABEL_INDENT, top, options);
      else pdf.text(text, options);
    } else {
      pdf.font(FONTS.sansBold).fontSize(8).fillColor(DRAFT_RED);
      const text = `{${piece.delegation}}`;
      if (index === 0) pdf.text(text, left + LABEL_INDENT, top, options);
      else pdf.text(text, options);
    }
  });
  pdf.x = left;
}

function writeBlock(pdf: Pdf, block: LayoutBlock, locale: Locale): void {
  const labelEnd = colon(locale);
  const left = pdf.page.margins.left;
  const fullWidth = pdf.page.width - left - pdf.page.margins.right;
  const indented = { width: fullWidth - LABEL_INDENT };
  switch (block.kind) {
    case 'banner':
      pdf.font(FONTS.sansBold).fontSize(11).fillColor(DRAFT_RED);
      pdf.text(winAnsiText(block.text), left, pdf.y, { width: fullWidth, align: 'center' });
      pdf.moveDown(0.3);
      return;
    case 'legend':
      pdf.font(FONTS.sans).fontSize(8.5).fillColor(NOTE_GREY);
      pdf.text(winAnsiText(block.text), left, pdf.y, { width: fullWidth });
      pdf.moveDown(1);
      return;
    case 'title':
      pdf.font(FONTS.bold).fontSize(17).fillColor(BLACK);
      pdf.text(winAnsiText(block.text), left, pdf.y, { width: fullWidth, align: 'center' });
      pdf.moveDown(0.4);
      return;
    case 'dateline':
      pdf.font(FONTS.regular).fontSize(12).fillColor(BLACK);
      pdf.text(winAnsiText(block.text), left, pdf.y, { width: fullWidth, align: 'center' });
      return;
    case 'delegations':
      pdf.font(FONTS.italic).fontSize(12).fillColor(BLACK);
      pdf.text(winAnsiText(block.text), left, pdf.y, { width: fullWidth, align: 'center' });
      pdf.moveDown(1);
      return;
    case 'heading':
    case 'threadsTitle':
      pdf.moveDown(1);
      pdf.font(FONTS.bold).fontSize(13).fillColor(BLACK);
      pdf.text(winAnsiText(block.text), left, pdf.y, { width: fullWidth });
      return;
    case 'clause':
      writeClause(pdf, block.label, block.pieces);
      return;
    case 'note':
      pdf.font(FONTS.sans).fontSize(8.5).fillColor(NOTE_GREY);
      pdf.text(winAnsiText(block.text), left + LABEL_INDENT, pdf.y + 2, indented);
      pdf.x = left;
      return;
    case 'alternative':
      pdf.font(FONTS.bold).fontSize(11).fillColor(BLACK);
      pdf.text(`${winAnsiText(block.label)}${labelEnd} `, left + LABEL_INDENT, pdf.y, {
        ...indented,
        continued: true,
      });
      pdf.font(FONTS.regular).text(winAnsiText(block.text));
      pdf.x = left;
      return;
    case 'thread':
      pdf.moveDown(0.6);
      pdf.font(FONTS.bold).fontSize(11).fillColor(BLACK);
      pdf.text(winAnsiText(block.title), left, pdf.y, { width: fullWidth });
      for (const message of block.messages) {
        pdf.font(FONTS.bold).fontSize(10);
        pdf.text(`${winAnsiText(message.byline)}${labelEnd} `, left + LABEL_INDENT, pdf.y, {
          ...indented,
          continued: true,
        });
        pdf.font(FONTS.regular).text(winAnsiText(message.text));
      }
      pdf.x = left;
      return;
  }
}

/** Writes "Page n of N" (and a draft's mark) in the bottom margin of every page. */
function writeFooters(pdf: Pdf, locale: Locale, draftMark: string | null): void {
  const { start, count } = pdf.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    pdf.switchToPage(index);
    const { margins } = pdf.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would start a new page: lift the margin while writing.
    margins.bottom = 0;
    const page = pageFooter(locale, index - start + 1, count);
    const footer = `${draftMark === null ? '' : `${draftMark}  ·  `}${page}`;
    pdf
      .font(FONTS.sans)
      .fontSize(8)
      .fillColor(draftMark === null ? NOTE_GREY : DRAFT_RED);
    pdf.text(winAnsiText(footer), margins.left, pdf.page.height - bottom / 2 - 4, {
      width: pdf.page.width - margins.left - margins.right,
      align: 'center',
      lineBreak: false,
    });
    margins.bottom = bottom;
  }
}

/**
 * The communiqué as a PDF, drawn with pdfkit from the same layout as the other formats. A pure
 * JavaScript library rather than headless Chromium: the server needs no browser (only the
 * tests install one), and rendering takes milliseconds instead of a browser start. The document
 * info carries the export time, not the clock's.
 */
export function renderPdf(model: ExportModel, mode: ExportMode): Promise<Uint8Array> {
  const at = new Date(model.exportedAt);
  const title = exportDocumentTitle(model, mode);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    info: {
      Title: winAnsiText(title),
      Creator: 'Accord',
      Producer: 'Accord',
      CreationDate: at,
      ModDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on('error', reject);
  });
  for (const block of exportLayout(model, mode)) writeBlock(pdf, block, model.locale);
  writeFooters(
    pdf,
    model.locale,
    mode === 'draft' ? exportText(model.locale, EXPORT_MESSAGES.draftMark) : null,
  );
  pdf.end();
  return done;
}
