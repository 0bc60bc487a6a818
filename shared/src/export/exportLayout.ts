import type { ExportMode, ExportModel, ExportPiece } from './exportModel';
import {
  alternativeLabel,
  clauseNote,
  dateLine,
  delegationsLine,
  draftBanner,
  draftLegend,
  messageByline,
  revisionLine,
  threadsInClauseOrder,
  threadsTitle,
  threadTitle,
} from './exportWording';

/**
 * What an export shows, in order, decided once for every format: each renderer (text,
 * Markdown, HTML, Word, PDF) only chooses how a block looks. A final text is clean: no banner,
 * no bracket owners, no notes, no alternatives, no comments.
 */
export type LayoutBlock =
  | { kind: 'banner'; text: string }
  | { kind: 'legend'; text: string }
  | { kind: 'title'; text: string }
  | { kind: 'dateline'; text: string }
  | { kind: 'delegations'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'clause'; label: string; pieces: ExportPiece[] }
  | { kind: 'note'; text: string }
  | { kind: 'alternative'; label: string; text: string }
  | { kind: 'threadsTitle'; text: string }
  | {
      kind: 'thread';
      /** "OP2: “quoted text”", and whether the words have since been deleted. */
      title: string;
      messages: { byline: string; text: string }[];
    };

/** The blocks of an export of the model in the given mode. */
export function exportLayout(model: ExportModel, mode: ExportMode): LayoutBlock[] {
  const draft = mode === 'draft';
  const blocks: LayoutBlock[] = [];
  if (draft) {
    blocks.push({ kind: 'banner', text: draftBanner(model) });
    blocks.push({ kind: 'legend', text: draftLegend(model.locale) });
  }
  blocks.push({ kind: 'title', text: model.title });
  blocks.push({ kind: 'dateline', text: dateLine(model) });
  if (model.revision) blocks.push({ kind: 'dateline', text: revisionLine(model.revision, model) });
  const delegations = delegationsLine(model);
  if (delegations !== '') blocks.push({ kind: 'delegations', text: delegations });
  for (const block of model.blocks) {
    if (block.type === 'heading') {
      blocks.push({ kind: 'heading', text: block.text });
      continue;
    }
    const pieces = draft ? block.pieces : block.pieces.filter((piece) => piece.type === 'text');
    blocks.push({ kind: 'clause', label: block.label, pieces });
    if (!draft) continue;
    block.summary.alternatives.forEach((alternative, index) => {
      blocks.push({
        kind: 'alternative',
        label: alternativeLabel(index, alternative, model.locale),
        text: alternative.text,
      });
    });
    blocks.push({
      kind: 'note',
      text: clauseNote(block.summary, model.delegations, model.locale),
    });
  }
  const threads = draft ? threadsInClauseOrder(model) : [];
  if (threads.length > 0) {
    blocks.push({ kind: 'threadsTitle', text: threadsTitle(model.locale) });
    for (const thread of threads) {
      blocks.push({
        kind: 'thread',
        title: threadTitle(model, thread),
        messages: thread.messages.map((message) => ({
          byline: messageByline(message, model),
          text: message.text,
        })),
      });
    }
  }
  return blocks;
}
