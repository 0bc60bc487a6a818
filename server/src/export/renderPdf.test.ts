import { buildExportModel } from '@accord/shared/export/buildExportModel';
import type { ExportMode, ExportModel } from '@accord/shared/export/exportModel';
import { renderText } from '@accord/shared/export/renderText';
import {
  agreedDraftDoc,
  PRIVATE_MARKER,
  SAMPLE_THREADS,
  sampleContext,
  sampleDraftDoc,
} from '@accord/shared/testing/sampleDrafts';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { renderPdf, winAnsiText } from './renderPdf';

/** Words only: PDF text extraction does not keep line breaks or the spaces of the layout. */
function words(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

async function pdfText(model: ExportModel, mode: ExportMode): Promise<string> {
  const { text } = await extractText(await renderPdf(model, mode), { mergePages: true });
  return words(text);
}

/** The text export's lines as the PDF should read them (labels and notes are laid out apart). */
function textExportLines(model: ExportModel, mode: ExportMode): string[] {
  return renderText(model, mode)
    .split('\n')
    .map((line) =>
      words(line)
        .replace(/^(PP|OP)\d+ /, '')
        .replace(/^\((.*)\)$/, '$1'),
    )
    .filter((line) => line !== '');
}

describe('renderPdf', () => {
  it('holds the same text as the text export, for the final communiqué', async () => {
    const model = buildExportModel(agreedDraftDoc(), sampleContext());
    const text = await pdfText(model, 'final');
    for (const line of textExportLines(model, 'final')) {
      // Headings are capitals in plain text only.
      expect(text.toLowerCase()).toContain(line.toLowerCase());
    }
    const labels = [...text.matchAll(/\b(PP|OP)\d+\b/g)].map((match) => match[0]);
    expect(labels).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP4']);
    expect(text).toContain('Ciudad de Guatemala, 2 November 2026');
    expect(text).not.toContain('DRAFT');
  });

  it('holds the same text as the text export, for a draft compilation, private threads never', async () => {
    const model = buildExportModel(sampleDraftDoc(), sampleContext(SAMPLE_THREADS));
    const text = await pdfText(model, 'draft');
    for (const line of textExportLines(model, 'draft')) {
      expect(text.toLowerCase()).toContain(line.toLowerCase());
    }
    expect(text).toContain('DRAFT — compiled 29 November 2026, 08:05 Guatemala time (UTC-6)');
    expect(text).not.toContain(PRIVATE_MARKER);
  });

  it('draws Spanish accents and typographic punctuation, and replaces what the fonts lack', () => {
    expect(winAnsiText('Sofía Ramírez, Menjívar, Pérez, año — “ok” · €')).toBe(
      'Sofía Ramírez, Menjívar, Pérez, año — “ok” · €',
    );
    expect(winAnsiText('Ελλάδα 🇲🇽')).toBe('?????? ??');
  });
});
