import { describe, expect, it } from 'vitest';
import { exportFileName, parseExportRequest, titleSlug } from './exportFormats';

describe('parseExportRequest', () => {
  it('accepts every format, draft by default, public threads only in a draft', () => {
    expect(parseExportRequest({ format: 'docx' })).toEqual({
      ok: true,
      value: { format: 'docx', mode: 'draft', publicThreads: false },
    });
    expect(parseExportRequest({ format: 'md', mode: 'draft', threads: 'public' })).toEqual({
      ok: true,
      value: { format: 'md', mode: 'draft', publicThreads: true },
    });
  });

  it('refuses unknown formats, modes and threads with a message that lists what is valid', () => {
    const refusal = (raw: Parameters<typeof parseExportRequest>[0]) => {
      const parsed = parseExportRequest(raw);
      return parsed.ok ? null : parsed.error;
    };
    expect(refusal({ format: 'rtf' })).toBe(
      'Unknown format "rtf": use one of txt, md, html, docx, pdf.',
    );
    expect(refusal({})).toContain('txt, md, html, docx, pdf');
    expect(refusal({ format: 'md', mode: 'clean' })).toBe(
      'Unknown mode "clean": use one of draft, final.',
    );
    expect(refusal({ format: 'md', threads: 'private' })).toContain('only public threads');
    expect(refusal({ format: 'md', mode: 'final', threads: 'public' })).toContain(
      'never includes comments',
    );
    expect(refusal({ format: 'md', lang: 'de' })).toBe('Unknown lang "de": use one of en, es, fr.');
    expect(refusal({ format: 'md', lang: '' })).toBe('Unknown lang "": use one of en, es, fr.');
  });

  it('takes the export language when given (issue 16), and leaves it to the requester when not', () => {
    expect(parseExportRequest({ format: 'pdf', lang: 'es' })).toEqual({
      ok: true,
      value: { format: 'pdf', mode: 'draft', publicThreads: false, locale: 'es' },
    });
    const parsed = parseExportRequest({ format: 'pdf' });
    expect(parsed.ok && 'locale' in parsed.value).toBe(false);
  });
});

describe('exportFileName', () => {
  it('names the file from the title, mode and time of the export in the negotiation’s zone', () => {
    const at = Date.UTC(2026, 10, 29, 14, 5, 59);
    expect(
      exportFileName(
        'Joint Communiqué on Regional Economic Growth and Migration',
        'draft',
        at,
        'docx',
        'UTC',
      ),
    ).toBe(
      'communique-joint-communique-on-regional-economic-growth-and-migration-draft-2026-11-29-1405.docx',
    );
    expect(exportFileName('¿Qué?', 'final', at, 'pdf', 'America/Mexico_City')).toBe(
      'communique-que-final-2026-11-29-0805.pdf',
    );
    // 02:30 UTC on the 30th is still the evening of the 29th in Mexico City.
    expect(
      exportFileName('T', 'draft', Date.UTC(2026, 10, 30, 2, 30), 'md', 'America/Mexico_City'),
    ).toBe('communique-t-draft-2026-11-29-2030.md');
    expect(titleSlug('***')).toBe('draft');
  });
});
