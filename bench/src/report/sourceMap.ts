import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One mapping of a generated line: from this column on, code comes from `source`. */
interface Segment {
  column: number;
  source: number;
}

/** A decoded source map (v3), enough to tell which source file a generated position came from. */
export interface SourceMapIndex {
  /** The original file of a generated position (0-based line and column), relative to `root`. */
  sourceOf(line: number, column: number): string | undefined;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one line's VLQ segments into their fields (relative values, as the format stores them). */
function decodeSegments(line: string): number[][] {
  const segments: number[][] = [];
  for (const text of line.split(',')) {
    if (text === '') continue;
    const fields: number[] = [];
    let value = 0;
    let shift = 0;
    for (const char of text) {
      const digit = BASE64.indexOf(char);
      value += (digit & 31) << shift;
      if (digit & 32) {
        shift += 5;
        continue;
      }
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
    segments.push(fields);
  }
  return segments;
}

/**
 * Reads the source map next to a generated file (`<file>.map`), or undefined if there is none.
 * Sources are given relative to `root`.
 */
export function loadSourceMap(generatedUrl: string, root: string): SourceMapIndex | undefined {
  const file = generatedUrl.startsWith('file:') ? fileURLToPath(generatedUrl) : generatedUrl;
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return undefined;
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { sources: string[]; mappings: string };
  const sources = map.sources.map((source) => relative(root, resolve(dirname(file), source)));
  let source = 0;
  const lines: Segment[][] = map.mappings.split(';').map((line) => {
    let column = 0;
    return decodeSegments(line).map((fields) => {
      column += fields[0] ?? 0;
      source += fields[1] ?? 0;
      return { column, source };
    });
  });
  return {
    sourceOf(line, column) {
      const segments = lines[line];
      if (segments === undefined) return undefined;
      let found: Segment | undefined;
      for (const segment of segments) {
        if (segment.column > column) break;
        found = segment;
      }
      return found === undefined ? undefined : sources[found.source];
    },
  };
}
