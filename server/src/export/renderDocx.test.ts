import { buildExportModel } from '@accord/shared/export/buildExportModel';
import {
  agreedDraftDoc,
  PRIVATE_MARKER,
  SAMPLE_THREADS,
  sampleContext,
  sampleDraftDoc,
} from '@accord/shared/testing/sampleDrafts';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './renderDocx';

/** The paragraphs of word/document.xml as plain text, in order. */
function paragraphs(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((match) => (match[0] === '<w:tab/>' ? '\t' : match[1]))
      .join('')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&'),
  );
}

describe('renderDocx', () => {
  it('writes the numbered paragraphs in order, with bold and italic runs', async () => {
    const docx = await renderDocx(buildExportModel(agreedDraftDoc(), sampleContext()), 'final');
    const clauses = paragraphs(docx).filter((text) => /^(PP|OP)\d+\t/.test(text));
    expect(clauses).toEqual([
      'PP1\tRecognizing the importance of regional ports for trade,',
      'OP1\tAgree to reduce port fees by 10% within two years;',
      'OP2\t1. Note that <b>tags</b>, *stars*, _underscores_, # hashes & `ticks` stay as typed;',
      'OP3\tWill meet annually at ministerial level;',
      'OP4\tDecide to review progress in 2027.',
    ]);
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    expect(xml).toMatch(
      /<w:r><w:rPr><w:b\/><w:bCs\/><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>10%<\/w:t>/,
    );
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>importance<\/w:t>/);
    // A preambular clause's lead word is in italics, as in the editor.
    expect(xml).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t[^>]*>Recognizing<\/w:t>/);
    expect(paragraphs(docx)).toContain('Ciudad de Guatemala, 2 November 2026');
    expect(xml).not.toContain('DRAFT');
  });

  it('marks a draft, attributes its brackets and lists alternatives, never private threads', async () => {
    const model = buildExportModel(sampleDraftDoc(), sampleContext(SAMPLE_THREADS));
    const docx = await renderDocx(model, 'draft');
    const text = paragraphs(docx);
    expect(text[0]).toBe(
      'DRAFT — compiled 29 November 2026, 08:05 Guatemala time (UTC-6) — not an agreed text',
    );
    expect(text).toContain('OP1\tAgree to reduce port fees [by 10%]MX within [two] years;');
    expect(text).toContain('Alt 2 [US]: Will meet when <needed> & agreed;');
    expect(text).toContain(
      'Elena Marsh (US), 28 November 2026, 03:01 Guatemala time (UTC-6): We could alternate hosts.',
    );
    expect(text.join('\n')).not.toContain(PRIVATE_MARKER);
    const core = strFromU8(unzipSync(docx)['docProps/core.xml']!);
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-29T14:05:00Z</dcterms:created>',
    );
  });

  it('gives byte-identical files for the same state and export time', async () => {
    const first = await renderDocx(buildExportModel(sampleDraftDoc(), sampleContext()), 'draft');
    const second = await renderDocx(buildExportModel(sampleDraftDoc(), sampleContext()), 'draft');
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
