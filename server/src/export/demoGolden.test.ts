import { clauseMetaMap, emptyClauseMeta } from '@accord/shared/domain/clauseMeta';
import { clauseElements, clauseIdOf, plainText } from '@accord/shared/domain/clauseNodes';
import { PARTY_CODES } from '@accord/shared/domain/delegations';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { buildExportModel } from '@accord/shared/export/buildExportModel';
import type { ExportContext } from '@accord/shared/export/exportModel';
import { renderHtml } from '@accord/shared/export/renderHtml';
import { renderMarkdown } from '@accord/shared/export/renderMarkdown';
import { renderText } from '@accord/shared/export/renderText';
import type { Locale } from '@accord/shared/i18n/locales';
import { expectGolden } from '@accord/shared/testing/goldenFile';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DEMO_DOCUMENT_TITLE, DEMO_NEGOTIATION, demoDraftUpdate } from '../seed/demo';
import { modelBlockers } from './produceExport';

/**
 * Golden files of the seeded demo draft as a draft compilation, and of the same communiqué
 * once fully agreed (brackets resolved, every clause agreed by all five and locked) as the
 * final text. Pure: the documents are built here, meta written directly. English files carry no
 * language in their name; Spanish and French ones end in `.es` and `.fr` (issue 16): the
 * boilerplate, dates and delegation names translated, the negotiated text as typed.
 */

const CONTEXT: ExportContext = {
  documentTitle: DEMO_DOCUMENT_TITLE,
  negotiation: DEMO_NEGOTIATION,
  delegations: [...PARTY_CODES, 'CHAIR'],
  exportedAt: Date.UTC(2026, 10, 29, 14, 5),
};

const RENDERERS = { txt: renderText, md: renderMarkdown, html: renderHtml } as const;

function seededDoc(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, demoDraftUpdate());
  return doc;
}

/** The seeded draft with its brackets resolved (kept words, brackets dropped) and all locked. */
function agreedDoc(): Y.Doc {
  const doc = seededDoc();
  for (const element of clauseElements(doc)) {
    const text = element.get(0);
    if (!(text instanceof Y.XmlText)) continue;
    const value = text.toString();
    for (let index = value.length - 1; index >= 0; index--) {
      if (value[index] === '[' || value[index] === ']') text.delete(index, 1);
    }
    const clauseId = clauseIdOf(element);
    if (clauseId === null) continue;
    const textHash = clauseTextHash(plainText(element));
    clauseMetaMap(doc).set(clauseId, {
      ...emptyClauseMeta(textHash),
      positions: Object.fromEntries(
        PARTY_CODES.map((code) => [code, { position: 'agree', textHash, userId: code, at: 0 }]),
      ),
      lock: { delegation: 'CHAIR', userId: 'chair', at: 0, reason: null },
    });
  }
  return doc;
}

function golden(name: string): URL {
  return new URL(`./golden/${name}`, import.meta.url);
}

/** `demo-draft.md`, `demo-draft.es.md`. */
function goldenName(kind: 'draft' | 'final', locale: Locale, format: string): string {
  return `demo-${kind}${locale === 'en' ? '' : `.${locale}`}.${format}`;
}

const TRANSLATED: readonly Locale[] = ['es', 'fr'];

describe('the seeded demo draft', () => {
  const model = buildExportModel(seededDoc(), CONTEXT);

  for (const format of Object.keys(RENDERERS) as (keyof typeof RENDERERS)[]) {
    it(`compiles to its golden ${format} draft`, () => {
      expectGolden(golden(`demo-draft.${format}`), RENDERERS[format](model, 'draft'));
    });
  }

  it('is blocked from a final export by every clause', () => {
    const blockers = modelBlockers(model);
    expect(blockers).toHaveLength(15);
    expect(blockers.find((blocker) => blocker.label === 'PP5')?.reasons).toEqual([
      'notLocked',
      'brackets',
    ]);
  });
});

describe('the demo communiqué fully agreed', () => {
  const model = buildExportModel(agreedDoc(), CONTEXT);

  it('has nothing blocking its final export', () => {
    expect(modelBlockers(model)).toEqual([]);
  });

  for (const format of Object.keys(RENDERERS) as (keyof typeof RENDERERS)[]) {
    it(`exports its golden ${format} final text`, () => {
      expectGolden(golden(`demo-final.${format}`), RENDERERS[format](model, 'final'));
    });
  }
});

for (const locale of TRANSLATED) {
  describe(`the demo in ${locale}`, () => {
    const draft = buildExportModel(seededDoc(), { ...CONTEXT, locale });
    const final = buildExportModel(agreedDoc(), { ...CONTEXT, locale });

    for (const format of Object.keys(RENDERERS) as (keyof typeof RENDERERS)[]) {
      it(`compiles to its golden ${format} draft`, () => {
        expectGolden(
          golden(goldenName('draft', locale, format)),
          RENDERERS[format](draft, 'draft'),
        );
      });
      it(`exports its golden ${format} final text`, () => {
        expectGolden(
          golden(goldenName('final', locale, format)),
          RENDERERS[format](final, 'final'),
        );
      });
    }

    it('translates the boilerplate only, never the negotiated text', () => {
      const english = renderText(buildExportModel(seededDoc(), CONTEXT), 'draft');
      const translated = renderText(draft, 'draft');
      expect(translated).not.toContain('DRAFT');
      expect(translated).not.toContain('Participating delegations');
      // Every clause line is the same, word for word, as in the English export.
      const clauseLines = (text: string) =>
        text.split('\n').filter((line) => /^(PP|OP)\d+ /.test(line));
      expect(clauseLines(translated)).toEqual(clauseLines(english));
      expect(clauseLines(translated).length).toBe(15);
    });
  });
}
