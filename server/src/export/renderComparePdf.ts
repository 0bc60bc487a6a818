import type { Locale } from '@accord/shared/i18n/locales';
import { comparedLabel, type RevisionComparison } from '@accord/shared/revisions/compareRevisions';
import {
  compareHeading,
  compareLegend,
  concordanceCell,
  concordanceTitle,
} from '@accord/shared/revisions/renderCompare';
import PDFDocument from 'pdfkit';
import { winAnsiText } from './renderPdf';

const MARGIN = 64;
const RED = '#a40000';
const GREEN = '#0b5d1e';
const GREY = '#444444';
const BLACK = '#111111';

/**
 * A comparison as a PDF (pdfkit, standard fonts): inserted words underlined in green, deleted
 * ones struck in red, a bar in the margin beside each changed clause, then the concordance
 * table. The document info carries the newer side's time, so the same comparison gives the
 * same bytes.
 */
export function renderComparePdf(
  comparison: RevisionComparison,
  timeZone: string,
  locale: Locale = 'en',
): Promise<Uint8Array> {
  const at = new Date(comparison.to.at);
  const [heading = '', ...meta] = compareHeading(comparison, timeZone, locale);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: {
      Title: winAnsiText(`${heading} — ${comparison.title}`),
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
  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font('Times-Bold').fontSize(16).fillColor(BLACK);
  pdf.text(winAnsiText(comparison.title), { align: 'center', width });
  pdf.moveDown(0.5);
  pdf.font('Helvetica-Bold').fontSize(10).text(winAnsiText(heading), { width });
  pdf.font('Helvetica').fontSize(9).fillColor(GREY);
  for (const line of meta) pdf.text(winAnsiText(line), { width });
  pdf.moveDown(0.3).text(winAnsiText(compareLegend(locale)), { width });
  for (const clause of comparison.clauses) {
    pdf.moveDown(0.6);
    if (pdf.y + 40 > pdf.page.height - MARGIN) pdf.addPage();
    const top = pdf.y;
    const runs = [
      { text: `${comparedLabel(clause, locale)}  `, kind: 'label' as const },
      ...clause.redline.filter((part) => part.text !== ''),
    ];
    runs.forEach((run, index) => {
      const options = {
        width,
        continued: index < runs.length - 1,
        underline: run.kind === 'inserted',
        strike: run.kind === 'deleted',
      };
      const font = run.kind === 'label' ? 'Times-Bold' : 'Times-Roman';
      const colour = run.kind === 'inserted' ? GREEN : run.kind === 'deleted' ? RED : BLACK;
      pdf.font(font).fontSize(12).fillColor(colour);
      if (index === 0) pdf.text(winAnsiText(run.text), left, top, options);
      else pdf.text(winAnsiText(run.text), options);
    });
    pdf.font('Helvetica').fontSize(9).fillColor(GREY);
    for (const note of clause.notes)
      pdf.text(winAnsiText(`• ${note}`), left + 18, pdf.y, { width: width - 18 });
    if (clause.change !== 'unchanged' || clause.notes.length > 0) {
      const bottom = pdf.y;
      if (bottom > top) {
        pdf
          .save()
          .lineWidth(2)
          .strokeColor(RED)
          .moveTo(left - 10, top)
          .lineTo(left - 10, bottom)
          .stroke()
          .restore();
      }
    }
  }
  pdf.addPage();
  pdf
    .font('Times-Bold')
    .fontSize(13)
    .fillColor(BLACK)
    .text(winAnsiText(concordanceTitle(locale)), left, MARGIN);
  pdf.moveDown(0.5);
  const column = 140;
  const row = (a: string, b: string, bold: boolean) => {
    if (pdf.y + 20 > pdf.page.height - MARGIN) pdf.addPage();
    const y = pdf.y;
    pdf
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(10)
      .fillColor(BLACK);
    pdf.text(winAnsiText(a), left, y, { width: column, lineBreak: false });
    pdf.text(winAnsiText(b), left + column, y, { width: column, lineBreak: false });
    pdf.y = y + 14;
  };
  row(comparison.from.name, comparison.to.name, true);
  for (const entry of comparison.concordance) {
    row(concordanceCell(entry.oldLabel), concordanceCell(entry.newLabel), false);
  }
  pdf.end();
  return done;
}
