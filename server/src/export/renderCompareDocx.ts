import type { Locale } from '@accord/shared/i18n/locales';
import {
  type ClauseComparison,
  comparedLabel,
  type RevisionComparison,
} from '@accord/shared/revisions/compareRevisions';
import {
  compareHeading,
  compareLegend,
  concordanceCell,
  concordanceTitle,
} from '@accord/shared/revisions/renderCompare';
import {
  AlignmentType,
  BorderStyle,
  DeletedTextRun,
  Document,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { unzipSync, zipSync } from 'fflate';

const NOTE_GREY = '444444';

/** Who the tracked changes are by, and when: the author of the newer side and its time. */
export interface CompareDocxOptions {
  timeZone: string;
  /** Shown by Word as the author of every insertion and deletion. */
  author: string;
  /** The language of the comparison's own words; English if absent. */
  locale?: Locale;
}

function clauseParagraphs(
  clause: ClauseComparison,
  options: CompareDocxOptions,
  date: string,
  nextId: () => number,
): Paragraph[] {
  const runs = clause.redline.map((part) => {
    if (part.kind === 'inserted') {
      return new InsertedTextRun({ text: part.text, id: nextId(), author: options.author, date });
    }
    if (part.kind === 'deleted') {
      return new DeletedTextRun({ text: part.text, id: nextId(), author: options.author, date });
    }
    return new TextRun({ text: part.text });
  });
  const changed = clause.change !== 'unchanged' || clause.notes.length > 0;
  return [
    new Paragraph({
      spacing: { before: 160, after: 80 },
      // A bar in the margin beside a changed clause, as the HTML export draws it.
      ...(changed
        ? { border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'A40000', space: 8 } } }
        : {}),
      children: [
        new TextRun({ text: `${comparedLabel(clause, options.locale)}  `, bold: true }),
        ...runs,
      ],
    }),
    ...clause.notes.map(
      (note) =>
        new Paragraph({
          indent: { left: 360 },
          children: [new TextRun({ text: note, size: 18, color: NOTE_GREY })],
        }),
    ),
  ];
}

function cell(text: string, bold = false): TableCell {
  return new TableCell({
    width: { size: 2400, type: WidthType.DXA },
    children: [new Paragraph({ children: [new TextRun({ text, bold })] })],
  });
}

/**
 * A comparison as a Word document whose changes are real tracked changes (`w:ins` / `w:del`,
 * by the newer side's author at its time), which Word lists as revisions one can accept or
 * reject, followed by the concordance table. Deterministic like the other Word export: fixed
 * core properties and zip dates, the newer side's time.
 */
export async function renderCompareDocx(
  comparison: RevisionComparison,
  options: CompareDocxOptions,
): Promise<Uint8Array> {
  const at = comparison.to.at;
  const date = new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let id = 0;
  const nextId = () => ++id;
  const locale = options.locale ?? 'en';
  const [heading = '', ...meta] = compareHeading(comparison, options.timeZone, locale);
  const document = new Document({
    creator: 'Accord',
    title: `${heading} — ${comparison.title}`,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            text: comparison.title,
          }),
          new Paragraph({ children: [new TextRun({ text: heading, bold: true })] }),
          ...meta.map((line) => new Paragraph({ text: line })),
          new Paragraph({
            spacing: { after: 240 },
            children: [new TextRun({ text: compareLegend(locale), size: 18, color: NOTE_GREY })],
          }),
          ...comparison.clauses.flatMap((clause) =>
            clauseParagraphs(clause, options, date, nextId),
          ),
          new Paragraph({ heading: HeadingLevel.HEADING_2, text: concordanceTitle(locale) }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: [cell(comparison.from.name, true), cell(comparison.to.name, true)],
              }),
              ...comparison.concordance.map(
                (row) =>
                  new TableRow({
                    children: [
                      cell(concordanceCell(row.oldLabel)),
                      cell(concordanceCell(row.newLabel)),
                    ],
                  }),
              ),
            ],
          }),
        ],
      },
    ],
  });
  const core = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    '<dc:creator>Accord</dc:creator>',
    '<cp:lastModifiedBy>Accord</cp:lastModifiedBy>',
    '<cp:revision>1</cp:revision>',
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
  const packed = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: core },
  ]);
  const files = unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  return zipSync(files, { mtime: new Date(at), level: 6 });
}
