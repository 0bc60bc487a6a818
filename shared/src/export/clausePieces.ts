import * as Y from 'yjs';
import { bracketCharKey } from '../domain/bracketChars';
import type { ClauseBracket } from '../domain/clauseMeta';
import type { DelegationCode } from '../domain/delegations';
import { leadWordLength } from '../domain/leadWord';
import type { ExportPiece, ExportTextPiece } from './exportModel';

/** A run of text as a clause's `Y.XmlText` holds it, with the marks it carries. */
interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** y-tiptap names an overlapping mark `<name>--<hash>`; bold and italic never overlap, but read both. */
function hasMark(attributes: Record<string, unknown> | undefined, mark: string): boolean {
  if (attributes === undefined) return false;
  return Object.keys(attributes).some((key) => key === mark || key.startsWith(`${mark}--`));
}

/**
 * The Yjs ids of the live '[' characters of a text, in text order, as `bracketCharKey`s. The
 * delta of the same text lists exactly these characters in the same order, so the n-th '[' of
 * the delta is the n-th key here.
 */
function openBracketKeys(text: Y.XmlText): string[] {
  const keys: string[] = [];
  let item = text._start;
  while (item !== null) {
    if (!item.deleted && item.content instanceof Y.ContentString) {
      const str = item.content.str;
      for (let offset = str.indexOf('['); offset !== -1; offset = str.indexOf('[', offset + 1)) {
        keys.push(bracketCharKey({ client: item.id.client, clock: item.id.clock + offset }));
      }
    }
    item = item.right;
  }
  return keys;
}

/** Reads a clause element's runs and its '[' keys in order. */
function readRuns(element: Y.XmlElement): { runs: Run[]; bracketKeys: string[] } {
  const runs: Run[] = [];
  const bracketKeys: string[] = [];
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) continue;
    const delta = child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[];
    for (const op of delta) {
      if (typeof op.insert !== 'string' || op.insert === '') continue;
      runs.push({
        text: op.insert,
        bold: hasMark(op.attributes, 'bold'),
        italic: hasMark(op.attributes, 'italic'),
      });
    }
    bracketKeys.push(...openBracketKeys(child));
  }
  return { runs, bracketKeys };
}

/** Appends text to the pieces, joining it to the last piece when it has the same marks. */
function pushText(pieces: ExportPiece[], text: string, run: Run): void {
  if (text === '') return;
  const last = pieces.at(-1);
  if (last?.type === 'text' && last.bold === run.bold && last.italic === run.italic) {
    last.text += text;
    return;
  }
  const piece: ExportTextPiece = { type: 'text', text, bold: run.bold, italic: run.italic };
  pieces.push(piece);
}

/**
 * A clause's content as export pieces: its text runs with bold and italic, and after each ']'
 * the delegation that asked for the bracket it closes (the owner of the matching '[', from
 * `ClauseMeta.brackets`). A '[' left open gets its owner at the end of the clause. A bracket
 * with no recorded owner (the Chair's first draft) gets no note.
 */
export function clausePieces(
  element: Y.XmlElement,
  brackets: Readonly<Record<string, ClauseBracket>>,
): ExportPiece[] {
  const { runs, bracketKeys } = readRuns(element);
  const pieces: ExportPiece[] = [];
  const open: (DelegationCode | null)[] = [];
  let nextBracket = 0;
  for (const run of runs) {
    let start = 0;
    for (let index = 0; index < run.text.length; index++) {
      const char = run.text[index];
      if (char === '[') {
        const key = bracketKeys[nextBracket++];
        open.push(key === undefined ? null : (brackets[key]?.delegation ?? null));
      } else if (char === ']') {
        pushText(pieces, run.text.slice(start, index + 1), run);
        start = index + 1;
        const owner = open.pop();
        if (owner !== undefined && owner !== null)
          pieces.push({ type: 'bracketOwner', delegation: owner });
      }
    }
    pushText(pieces, run.text.slice(start), run);
  }
  for (const owner of open) {
    if (owner !== null) pieces.push({ type: 'bracketOwner', delegation: owner });
  }
  return pieces;
}

/** The `bracketCharKey` of every live '[' of a clause, in text order. */
export function clauseOpenBracketKeys(element: Y.XmlElement): string[] {
  return readRuns(element).bracketKeys;
}

/** The plain text of a clause's pieces (owner notes left out). */
export function piecesText(pieces: readonly ExportPiece[]): string {
  return pieces.map((piece) => (piece.type === 'text' ? piece.text : '')).join('');
}

/**
 * A preambular clause's pieces with its lead word ("Recognizing") in italics, as the editor
 * shows it and communiqués print it. Only a word that starts the first piece counts.
 */
export function italicizeLeadWord(pieces: readonly ExportPiece[]): ExportPiece[] {
  const [first, ...rest] = pieces;
  if (first === undefined || first.type !== 'text' || first.italic) return [...pieces];
  const length = leadWordLength(first.text);
  if (length === 0) return [...pieces];
  const lead: ExportTextPiece = { ...first, text: first.text.slice(0, length), italic: true };
  const tail = first.text.slice(length);
  return tail === '' ? [lead, ...rest] : [lead, { ...first, text: tail }, ...rest];
}
