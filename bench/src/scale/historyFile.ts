import { readFileSync, writeFileSync } from 'node:fs';
import type { AuthoredUpdate, CommuniqueHistory } from './buildCommunique';

/**
 * A generated history on disk, so that a server process can import it: a JSON header (author
 * client ids, clause count, final state length) then the final state, then each update as
 * author (1 byte), length (4 bytes) and bytes.
 */
export function writeHistoryFile(file: string, history: CommuniqueHistory): void {
  const header = Buffer.from(
    JSON.stringify({
      authorClientIds: history.authorClientIds,
      clauses: history.clauses,
      stateBytes: history.state.byteLength,
    }),
  );
  const total =
    4 +
    header.byteLength +
    history.state.byteLength +
    history.updates.reduce((sum, entry) => sum + 5 + entry.update.byteLength, 0);
  const buffer = Buffer.alloc(total);
  let offset = buffer.writeUInt32LE(header.byteLength, 0);
  offset += header.copy(buffer, offset);
  offset += Buffer.from(history.state).copy(buffer, offset);
  for (const entry of history.updates) {
    offset = buffer.writeUInt8(entry.author, offset);
    offset = buffer.writeUInt32LE(entry.update.byteLength, offset);
    offset += Buffer.from(entry.update).copy(buffer, offset);
  }
  writeFileSync(file, buffer);
}

/** Reads a file written by `writeHistoryFile`. */
export function readHistoryFile(file: string): CommuniqueHistory {
  const buffer = readFileSync(file);
  const headerLength = buffer.readUInt32LE(0);
  let offset = 4;
  const header = JSON.parse(buffer.subarray(offset, offset + headerLength).toString()) as {
    authorClientIds: number[];
    clauses: number;
    stateBytes: number;
  };
  offset += headerLength;
  const state = new Uint8Array(buffer.subarray(offset, offset + header.stateBytes));
  offset += header.stateBytes;
  const updates: AuthoredUpdate[] = [];
  while (offset < buffer.byteLength) {
    const author = buffer.readUInt8(offset);
    const length = buffer.readUInt32LE(offset + 1);
    offset += 5;
    updates.push({ author, update: new Uint8Array(buffer.subarray(offset, offset + length)) });
    offset += length;
  }
  return { updates, authorClientIds: header.authorClientIds, state, clauses: header.clauses };
}
