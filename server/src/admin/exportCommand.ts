import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildExportModel } from '@accord/shared/export/buildExportModel';
import type { ExportRequest } from '@accord/shared/export/exportFormats';
import { describeBlockers } from '@accord/shared/export/finalBlockers';
import { exportContextFor } from '../export/exportContext';
import { loadStoredDocument } from '../export/loadStoredDocument';
import { produceExport } from '../export/produceExport';
import type { Storage } from '../storage/storage';
import type { CommandResult } from './adminTypes';

/** `accord-admin export`: which draft, what to export and where (`-` is standard output). */
export interface ExportCommand {
  kind: 'export';
  documentId: string;
  request: ExportRequest;
  out: string | null;
}

/** What the export command touches outside the database. */
export interface ExportIo {
  /** Where a relative `--out` (or the default file name) is resolved. */
  cwd: string;
  now: () => number;
  writeFile: (path: string, bytes: Uint8Array) => void;
  writeStdout: (bytes: Uint8Array) => void;
  /** Problems met while loading the draft's log. */
  warn: (message: string) => void;
}

/** The process's own files, clock and streams. */
export function processExportIo(cwd: string): ExportIo {
  return {
    cwd,
    now: Date.now,
    writeFile: (path, bytes) => writeFileSync(path, bytes),
    writeStdout: (bytes) => process.stdout.write(bytes),
    warn: (message) => console.error(message),
  };
}

/**
 * Exports a draft from the data folder, for the secretariat: the same model and renderers as
 * the HTTP export, and the same rule for the final text (every clause locked, no brackets or
 * alternatives left). Whoever can read the data folder may export; the server's permissions
 * guard the HTTP route. Public threads only when asked for (`--threads public`), private never.
 * The export's own words are in English unless `--lang` says otherwise.
 */
export async function runExportCommand(
  storage: Storage,
  command: ExportCommand,
  io: ExportIo,
): Promise<CommandResult> {
  const document = await storage.documents.byId(command.documentId);
  const negotiation = document && (await storage.negotiations.byId(document.negotiationId));
  if (document === undefined || negotiation === undefined) {
    return {
      ok: false,
      error: `No draft "${command.documentId}" (see: accord-admin document list).`,
    };
  }
  const doc = await loadStoredDocument(storage, document.id, (_level, message) => io.warn(message));
  try {
    const context = await exportContextFor(
      storage,
      document,
      negotiation,
      io.now(),
      command.request.publicThreads ? doc : null,
    );
    const locale = command.request.locale ?? 'en';
    const outcome = await produceExport(
      buildExportModel(doc, { ...context, locale }),
      command.request,
    );
    if (!outcome.ok) {
      const lines = describeBlockers(outcome.error.blockers).map((line) => `  ${line}`);
      return {
        ok: false,
        error: [
          'The final communiqué cannot be exported yet; these clauses block it:',
          ...lines,
        ].join('\n'),
      };
    }
    const { bytes, fileName } = outcome.value;
    if (command.out === '-') {
      io.writeStdout(bytes);
      return { ok: true, value: '' };
    }
    const path = resolve(io.cwd, command.out ?? fileName);
    io.writeFile(path, bytes);
    return { ok: true, value: `Wrote ${path} (${bytes.length} bytes).` };
  } finally {
    doc.destroy();
  }
}
