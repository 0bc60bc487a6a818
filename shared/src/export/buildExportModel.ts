import * as Y from 'yjs';
import { clauseMetaMap, readClauseMeta } from '../domain/clauseMeta';
import { clauseIdOf, clauseKindOf, isClauseElement, plainText } from '../domain/clauseNodes';
import { summarizeClauses } from '../domain/clauseSummary';
import { type DelegationCode, PARTY_CODES } from '../domain/delegations';
import { clauseLabels } from '../domain/numbering';
import { DRAFT_FRAGMENT, NODE_NAMES } from '../domain/schema';
import { clausePieces, italicizeLeadWord, piecesText } from './clausePieces';
import type { ExportBlock, ExportContext, ExportModel } from './exportModel';

/**
 * The export model of a draft: its title, its headings and numbered clauses (labels exactly as
 * the editor derives them, every clause included, even one still without an id), each clause
 * with its formatted content, the owners of its brackets and its summary (status, positions,
 * lock, alternatives) from the server-owned meta map. Pure: reads the document, never a clock.
 */
export function buildExportModel(doc: Y.Doc, context: ExportContext): ExportModel {
  const elements = doc
    .getXmlFragment(DRAFT_FRAGMENT)
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement);
  const clauses = elements.filter(isClauseElement);
  const labels = clauseLabels(clauses.map(clauseKindOf));
  const meta = clauseMetaMap(doc);
  let title = '';
  let clauseIndex = 0;
  const blocks: ExportBlock[] = [];
  for (const element of elements) {
    if (element.nodeName === NODE_NAMES.title) {
      title ||= plainText(element).trim();
    } else if (element.nodeName === NODE_NAMES.heading) {
      const text = plainText(element).trim();
      if (text !== '') blocks.push({ type: 'heading', text });
    } else if (isClauseElement(element)) {
      const id = clauseIdOf(element);
      const label = labels[clauseIndex++] ?? '';
      const clauseMeta = id === null ? null : readClauseMeta(meta, id);
      const read = clausePieces(element, clauseMeta?.brackets ?? {});
      const pieces = clauseKindOf(element) === 'preambular' ? italicizeLeadWord(read) : read;
      const [summary] = summarizeClauses(
        [{ id: id ?? '', kind: clauseKindOf(element), label, text: piecesText(pieces) }],
        () => clauseMeta,
      );
      if (summary !== undefined) blocks.push({ type: 'clause', id, label, pieces, summary });
    }
  }
  const taking = new Set<DelegationCode>(context.delegations);
  return {
    title: title || context.documentTitle,
    negotiation: { ...context.negotiation },
    delegations: PARTY_CODES.filter((code) => taking.has(code)),
    exportedAt: context.exportedAt,
    blocks,
    threads: (context.threads ?? []).filter((thread) => thread.visibility === 'public'),
    ...(context.revision ? { revision: { ...context.revision } } : {}),
    locale: context.locale ?? 'en',
  };
}
