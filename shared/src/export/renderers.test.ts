import { describe, expect, it } from 'vitest';
import { expectGolden } from '../testing/goldenFile';
import {
  agreedDraftDoc,
  PRIVATE_MARKER,
  SAMPLE_THREADS,
  sampleContext,
  sampleDraftDoc,
} from '../testing/sampleDrafts';
import { buildExportModel } from './buildExportModel';
import type { ExportMode, ExportModel } from './exportModel';
import { finalExportBlockers } from './finalBlockers';
import { renderHtml } from './renderHtml';
import { renderMarkdown } from './renderMarkdown';
import { renderText } from './renderText';

const RENDERERS = { txt: renderText, md: renderMarkdown, html: renderHtml } as const;

function golden(name: string): URL {
  return new URL(`./golden/${name}`, import.meta.url);
}

function renderAll(model: ExportModel, mode: ExportMode): Record<keyof typeof RENDERERS, string> {
  return {
    txt: renderText(model, mode),
    md: renderMarkdown(model, mode),
    html: renderHtml(model, mode),
  };
}

describe('draft compilation of the sample draft', () => {
  const model = buildExportModel(sampleDraftDoc(), sampleContext(SAMPLE_THREADS));

  for (const format of Object.keys(RENDERERS) as (keyof typeof RENDERERS)[]) {
    it(`renders ${format} as its golden file`, () => {
      expectGolden(golden(`sample-draft.${format}`), RENDERERS[format](model, 'draft'));
    });
  }

  it('numbers clauses as the editor does and attributes brackets to their delegation', () => {
    const text = renderText(model, 'draft');
    // 14:05 UTC, written on the clock of the negotiation (Guatemala City) and naming it.
    expect(text).toContain('DRAFT — compiled 29 November 2026, 08:05 Guatemala time (UTC-6)');
    const labels = [...text.matchAll(/^(PP|OP)\d+(?= {2})/gm)].map((match) => match[0]);
    expect(labels).toEqual(['PP1', 'OP1', 'OP2', 'OP3', 'OP4']);
    // Mexico asked for the first bracket; the second is the Chair's first draft: no owner.
    expect(text).toContain('OP1  Agree to reduce port fees [by 10%]{MX} within [two] years;');
    expect(text).toContain('    Alt 1 [MX]: Will meet every two years [at summit level];');
    expect(text).toContain('    Alt 2 [US]: Will meet when <needed> & agreed;');
    // A reservation is a stand against the text: it names the clause's status before its brackets.
    expect(text).toContain('(Reserved: CA. US agree · CA reserve · MX — · SV — · GT —)');
    expect(text).toContain(
      '(Locked by the Chair. US agree · CA agree · MX agree · SV agree · GT agree)',
    );
    expect(text).toContain(
      '(Objection: GT. US agree · CA agree · MX agree · SV agree ad ref. · GT object)',
    );
  });

  it('includes public threads only when given, and never a private one', () => {
    for (const output of Object.values(renderAll(model, 'draft'))) {
      expect(output).toContain('We could alternate hosts.');
      expect(output).not.toContain(PRIVATE_MARKER);
    }
    const without = buildExportModel(sampleDraftDoc(), sampleContext());
    for (const output of Object.values(renderAll(without, 'draft'))) {
      expect(output).not.toContain('alternate hosts');
    }
  });

  it('escapes everything typed in HTML and Markdown', () => {
    const html = renderHtml(model, 'draft');
    expect(html).toContain('<h1>Joint Statement on &lt;Ports&gt; &amp; &quot;Corridors&quot;</h1>');
    expect(html).toContain('&lt;b&gt;tags&lt;/b&gt;');
    expect(html).not.toContain('<b>tags');
    expect(html).not.toContain('<too>');
    expect(html).toContain('<strong><em>10%</em></strong>]<sup class="bracket-owner"');
    const markdown = renderMarkdown(model, 'draft');
    expect(markdown).toContain(
      '**OP2** 1. Note that \\<b\\>tags\\</b\\>, \\*stars\\*, \\_underscores\\_, \\# hashes \\& \\`ticks\\` stay as typed;',
    );
    expect(markdown).toContain('*importance*');
    expect(markdown).toContain('**regional ports** for trade,');
    expect(markdown).toContain('***10%***');
  });

  it('gives the same bytes for the same state', () => {
    const again = buildExportModel(sampleDraftDoc(), sampleContext(SAMPLE_THREADS));
    expect(renderAll(again, 'draft')).toEqual(renderAll(model, 'draft'));
  });
});

describe('final communiqué of the agreed draft', () => {
  const model = buildExportModel(agreedDraftDoc(), sampleContext(SAMPLE_THREADS));

  it('has nothing blocking it', () => {
    const summaries = model.blocks.flatMap((block) =>
      block.type === 'clause' ? [block.summary] : [],
    );
    expect(finalExportBlockers(summaries)).toEqual([]);
  });

  for (const format of Object.keys(RENDERERS) as (keyof typeof RENDERERS)[]) {
    it(`renders ${format} as its golden file`, () => {
      expectGolden(golden(`agreed-final.${format}`), RENDERERS[format](model, 'final'));
    });
  }

  it('is clean: no banner, brackets, notes, positions or comments', () => {
    for (const rendered of Object.values(renderAll(model, 'final'))) {
      const output = rendered.replace(/<style>[^<]*<\/style>/, '');
      expect(output).not.toMatch(/DRAFT|Locked|agree ·|\[|\{|alternate hosts/);
      expect(output).not.toContain(PRIVATE_MARKER);
      expect(output).toContain('Ciudad de Guatemala, 2 November 2026');
      expect(output).toContain(
        'Participating delegations: United States, Canada, Mexico, El Salvador and Guatemala.',
      );
    }
    expect(renderText(model, 'final')).toContain(
      'OP1  Agree to reduce port fees by 10% within two years;',
    );
  });
});

describe('finalExportBlockers', () => {
  it('lists every clause that is not locked or still has brackets or alternatives', () => {
    const model = buildExportModel(sampleDraftDoc(), sampleContext());
    const summaries = model.blocks.flatMap((block) =>
      block.type === 'clause' ? [block.summary] : [],
    );
    expect(finalExportBlockers(summaries)).toEqual([
      { clauseId: 'op-fees', label: 'OP1', reasons: ['notLocked', 'brackets'] },
      { clauseId: 'op-literal', label: 'OP2', reasons: ['notLocked'] },
      { clauseId: 'op-meetings', label: 'OP3', reasons: ['notLocked', 'alternatives'] },
      { clauseId: 'op-review', label: 'OP4', reasons: ['notLocked'] },
    ]);
  });
});
