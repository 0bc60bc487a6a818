import * as Y from 'yjs';
import { type ClauseMeta, clauseMetaMap, emptyClauseMeta } from '../domain/clauseMeta';
import { clauseElements, clauseIdOf, plainText } from '../domain/clauseNodes';
import { PARTY_CODES } from '../domain/delegations';
import { type DraftJson, writeDraft } from '../domain/draft';
import type { ClausePositions, Position } from '../domain/positions';
import { clauseTextHash } from '../domain/textHash';
import { clauseOpenBracketKeys } from '../export/clausePieces';
import type { ExportContext, ExportThread } from '../export/exportModel';

/**
 * Drafts for the exports' tests, built directly as Yjs documents with their meta written the
 * way the server writes it (a pure test of the renderers). Their text is full of characters
 * that the markup formats must escape.
 */

/** Export time of every sample: 29 November 2026, 14:05 UTC. */
export const SAMPLE_EXPORTED_AT = Date.UTC(2026, 10, 29, 14, 5);

const T0 = Date.UTC(2026, 10, 28, 9, 0);

/** The sample draft with brackets, alternatives and formatting. */
const SAMPLE_DRAFT: DraftJson = {
  type: 'doc',
  content: [
    {
      type: 'title',
      content: [{ type: 'text', text: 'Joint Statement on <Ports> & "Corridors"' }],
    },
    {
      type: 'clause',
      attrs: { id: 'pp-ports', kind: 'preambular' },
      content: [
        { type: 'text', text: 'Recognizing the ' },
        { type: 'text', text: 'importance', marks: [{ type: 'italic' }] },
        { type: 'text', text: ' of ' },
        { type: 'text', text: 'regional ports ', marks: [{ type: 'bold' }] },
        { type: 'text', text: 'for trade,' },
      ],
    },
    { type: 'sectionHeading', content: [{ type: 'text', text: 'Trade & logistics' }] },
    {
      type: 'clause',
      attrs: { id: 'op-fees', kind: 'operative' },
      content: [
        { type: 'text', text: 'Agree to reduce port fees [by ' },
        { type: 'text', text: '10%', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: '] within [two] years;' },
      ],
    },
    {
      type: 'clause',
      attrs: { id: 'op-literal', kind: 'operative' },
      content: [
        {
          type: 'text',
          text: '1. Note that <b>tags</b>, *stars*, _underscores_, # hashes & `ticks` stay as typed;',
        },
      ],
    },
    {
      type: 'clause',
      attrs: { id: 'op-meetings', kind: 'operative' },
      content: [{ type: 'text', text: 'Will meet annually at ministerial level;' }],
    },
    {
      type: 'clause',
      attrs: { id: 'op-review', kind: 'operative' },
      content: [{ type: 'text', text: 'Decide to review progress in 2027.' }],
    },
  ],
};

/** The same communiqué once everything is agreed: no brackets, no alternatives. */
const AGREED_DRAFT: DraftJson = {
  type: 'doc',
  content: SAMPLE_DRAFT.content.map((block) => {
    if (block.type !== 'clause' || block.attrs.id !== 'op-fees') return block;
    return {
      ...block,
      content: [
        { type: 'text', text: 'Agree to reduce port fees by ' },
        { type: 'text', text: '10%', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: ' within two years;' },
      ],
    };
  }),
};

function newDoc(draft: DraftJson): Y.Doc {
  const doc = new Y.Doc();
  // A fixed client id gives the same Yjs ids, hence the same bracket keys, in every run.
  doc.clientID = 4242;
  writeDraft(doc, draft);
  return doc;
}

function clauseText(doc: Y.Doc, clauseId: string): string {
  const element = clauseElements(doc).find((candidate) => clauseIdOf(candidate) === clauseId);
  if (element === undefined) throw new Error(`No clause ${clauseId} in the sample.`);
  return plainText(element);
}

function positions(
  doc: Y.Doc,
  clauseId: string,
  stated: Partial<Record<(typeof PARTY_CODES)[number], Position>>,
): ClausePositions {
  const textHash = clauseTextHash(clauseText(doc, clauseId));
  const result: ClausePositions = {};
  for (const [code, position] of Object.entries(stated) as [keyof typeof stated, Position][]) {
    result[code] = { position, textHash, userId: `user-${code}`, at: T0 };
  }
  return result;
}

function setMeta(doc: Y.Doc, clauseId: string, change: (meta: ClauseMeta) => ClauseMeta): void {
  const meta = emptyClauseMeta(clauseTextHash(clauseText(doc, clauseId)));
  clauseMetaMap(doc).set(clauseId, change(meta));
}

/**
 * The sample draft: formatting, a bracket asked for by Mexico and one of the Chair's first
 * draft, two alternatives, positions, one clause agreed by all and one locked.
 */
export function sampleDraftDoc(): Y.Doc {
  const doc = newDoc(SAMPLE_DRAFT);
  const fees = clauseElements(doc).find((element) => clauseIdOf(element) === 'op-fees');
  const [mexicanBracket] = fees === undefined ? [] : clauseOpenBracketKeys(fees);
  if (mexicanBracket === undefined) throw new Error('The sample has lost its bracket.');
  setMeta(doc, 'op-fees', (meta) => ({
    ...meta,
    proposer: { delegation: 'GT', userId: 'user-GT', at: T0 },
    positions: positions(doc, 'op-fees', { US: 'agree', CA: 'reserve' }),
    brackets: { [mexicanBracket]: { delegation: 'MX', userId: 'user-MX', at: T0 } },
  }));
  setMeta(doc, 'op-meetings', (meta) => ({
    ...meta,
    alternatives: [
      {
        id: 'alt-1',
        text: 'Will meet every two years [at summit level];',
        delegation: 'MX',
        userId: 'user-MX',
        at: T0,
      },
      {
        id: 'alt-2',
        text: 'Will meet when <needed> & agreed;',
        delegation: 'US',
        userId: 'user-US',
        at: T0,
      },
    ],
  }));
  setMeta(doc, 'op-review', (meta) => ({
    ...meta,
    positions: positions(doc, 'op-review', {
      US: 'agree',
      CA: 'agree',
      MX: 'agree',
      SV: 'agreeAdRef',
      GT: 'object',
    }),
  }));
  setMeta(doc, 'pp-ports', (meta) => ({
    ...meta,
    positions: positions(doc, 'pp-ports', {
      US: 'agree',
      CA: 'agree',
      MX: 'agree',
      SV: 'agree',
      GT: 'agree',
    }),
    lock: { delegation: 'CHAIR', userId: 'user-chair', at: T0, reason: null },
  }));
  return doc;
}

/** The agreed draft: every clause agreed by all five and locked by the Chair. */
export function agreedDraftDoc(): Y.Doc {
  const doc = newDoc(AGREED_DRAFT);
  for (const element of clauseElements(doc)) {
    const clauseId = clauseIdOf(element);
    if (clauseId === null) continue;
    const all = Object.fromEntries(PARTY_CODES.map((code) => [code, 'agree' as const]));
    setMeta(doc, clauseId, (meta) => ({
      ...meta,
      positions: positions(doc, clauseId, all),
      lock: { delegation: 'CHAIR', userId: 'user-chair', at: T0, reason: null },
    }));
  }
  return doc;
}

/** A private thread's marker: it must appear in no export. */
export const PRIVATE_MARKER = 'PRIVATE-MEXICAN-STRATEGY';

/** One public thread, and a private one smuggled in past the types. */
export const SAMPLE_THREADS: ExportThread[] = [
  {
    visibility: 'public',
    clauseId: 'op-meetings',
    quote: 'meet annually',
    messages: [
      {
        author: 'Sofía Ramírez',
        delegation: 'MX',
        at: T0,
        text: 'Annual meetings are <too> costly.',
      },
      {
        author: 'Elena Marsh',
        delegation: 'US',
        at: T0 + 60_000,
        text: 'We could alternate hosts.',
      },
    ],
  },
  {
    visibility: 'private',
    clauseId: 'op-fees',
    quote: 'port fees',
    messages: [{ author: 'Sofía Ramírez', delegation: 'MX', at: T0, text: PRIVATE_MARKER }],
  } as unknown as ExportThread,
];

/** The context of every sample export. */
export function sampleContext(threads: readonly ExportThread[] = []): ExportContext {
  return {
    documentTitle: 'Port statement',
    negotiation: {
      title: 'Port Talks',
      venue: 'Ciudad de Guatemala',
      startsOn: '2026-11-02',
      timeZone: 'America/Guatemala',
    },
    delegations: ['GT', 'MX', 'US', 'CA', 'SV', 'CHAIR'],
    exportedAt: SAMPLE_EXPORTED_AT,
    threads,
  };
}
