import { exportLayout, type LayoutBlock } from '@accord/shared/export/exportLayout';
import type { ExportMode, ExportModel, ExportPiece } from '@accord/shared/export/exportModel';
import { colon, exportDocumentTitle } from '@accord/shared/export/exportWording';
import type { Locale } from '@accord/shared/i18n/locales';
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';

/** Twips (1/1440 inch) of a clause's hanging indent: the label, a tab, then the text. */
const LABEL_INDENT = 720;

/** The colour of a draft's marks (banner, bracket owners), as in the HTML export. */
const DRAFT_RED = 'A40000';

const NOTE_GREY = '444444';

function pieceRuns(pieces: readonly ExportPiece[]): TextRun[] {
  return pieces.map((piece) =>
    piece.type === 'text'
      ? new TextRun({
          text: piece.text,
          ...(piece.bold ? { bold: true } : {}),
          ...(piece.italic ? { italics: true } : {}),
        })
      : new TextRun({ text: piece.delegation, superScript: true, color: DRAFT_RED }),
  );
}

function blockParagraphs(block: LayoutBlock, locale: Locale): Paragraph[] {
  const labelEnd = colon(locale);
  switch (block.kind) {
    case 'banner':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          border: {
            top: { style: BorderStyle.SINGLE, size: 12, color: DRAFT_RED, space: 4 },
            bottom: { style: BorderStyle.SINGLE, size: 12, color: DRAFT_RED, space: 4 },
          },
          children: [new TextRun({ text: block.text, bold: true, color: DRAFT_RED })],
        }),
      ];
    case 'legend':
      return [
        new Paragraph({
          spacing: { after: 240 },
          children: [new TextRun({ text: block.text, size: 18, color: NOTE_GREY })],
        }),
      ];
    case 'title':
      return [
        new Paragraph({
          heading: HeadingLevel.TITLE,
          alignment: AlignmentType.CENTER,
          text: block.text,
        }),
      ];
    case 'dateline':
      return [new Paragraph({ alignment: AlignmentType.CENTER, text: block.text })];
    case 'delegations':
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: block.text, italics: true })],
        }),
      ];
    case 'heading':
    case 'threadsTitle':
      return [new Paragraph({ heading: HeadingLevel.HEADING_2, text: block.text })];
    case 'clause':
      // The label is written, not Word's auto-numbering, so that numbers match the editor's.
      return [
        new Paragraph({
          style: 'Clause',
          indent: { left: LABEL_INDENT, hanging: LABEL_INDENT },
          tabStops: [{ type: TabStopType.LEFT, position: LABEL_INDENT }],
          spacing: { before: 160, after: 80 },
          children: [
            new TextRun({ text: block.label, bold: true }),
            new TextRun({ children: [new Tab()] }),
            ...pieceRuns(block.pieces),
          ],
        }),
      ];
    case 'note':
      return [
        new Paragraph({
          indent: { left: LABEL_INDENT },
          children: [new TextRun({ text: block.text, size: 18, color: NOTE_GREY })],
        }),
      ];
    case 'alternative':
      return [
        new Paragraph({
          indent: { left: LABEL_INDENT },
          children: [
            new TextRun({ text: `${block.label}${labelEnd} `, bold: true }),
            new TextRun({ text: block.text }),
          ],
        }),
      ];
    case 'thread':
      return [
        new Paragraph({
          spacing: { before: 160 },
          children: [new TextRun({ text: block.title, bold: true })],
        }),
        ...block.messages.map(
          (message) =>
            new Paragraph({
              indent: { left: LABEL_INDENT },
              children: [
                new TextRun({ text: `${message.byline}${labelEnd} `, bold: true }),
                new TextRun({ text: message.text }),
              ],
            }),
        ),
      ];
  }
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (char) =>
    char === '&' ? '&amp;' : char === '<' ? '&lt;' : char === '>' ? '&gt;' : '&quot;',
  );
}

/** The package's core properties with the export time, where docx would write the clock's. */
function coreProperties(title: string, exportedAt: number): string {
  const at = new Date(exportedAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    '<dc:creator>Accord</dc:creator>',
    '<cp:lastModifiedBy>Accord</cp:lastModifiedBy>',
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

/**
 * The communiqué as a Word document (the `docx` library): the same layout as the other formats,
 * labels written as text with a hanging indent, bold and italic runs, a draft's bracket owners
 * as red superscripts. Deterministic: the core properties carry the export time and the zip is
 * written again with every entry dated at the export time, so the same state gives the same bytes.
 */
export async function renderDocx(model: ExportModel, mode: ExportMode): Promise<Uint8Array> {
  const title = exportDocumentTitle(model, mode);
  const document = new Document({
    creator: 'Accord',
    title,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: 24 } } },
      paragraphStyles: [
        { id: 'Clause', name: 'Clause', basedOn: 'Normal', paragraph: { keepLines: true } },
      ],
    },
    sections: [
      {
        children: exportLayout(model, mode).flatMap((block) =>
          blockParagraphs(block, model.locale),
        ),
      },
    ],
  });
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(title, model.exportedAt) },
  ]);
  const files = unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  return zipSync(files, { mtime: new Date(model.exportedAt), level: 6 });
}
