import { resolve } from 'node:path';
import { formatExportTime } from '@accord/shared/domain/timeZone';
import {
  type CompareSide,
  comparedLabel,
  compareRevisions,
  hasChanges,
  type RevisionComparison,
} from '@accord/shared/revisions/compareRevisions';
import { renderCompareHtml } from '@accord/shared/revisions/renderCompare';
import {
  type RevisionContent,
  revisionContent,
  revisionName,
} from '@accord/shared/revisions/revisions';
import { canonicalJson } from '../audit/canonicalJson';
import { loadStoredDocument } from '../export/loadStoredDocument';
import { renderCompareDocx } from '../export/renderCompareDocx';
import { renderComparePdf } from '../export/renderComparePdf';
import { contentSha256 } from '../revisions/RevisionService';
import type { DocumentRecord, NegotiationRecord, Storage } from '../storage/storage';
import type { CommandResult } from './adminTypes';
import type { ExportIo } from './exportCommand';
import { formatTable } from './formatTable';

/** The formats `revision compare` writes; `txt` is a redline for the terminal. */
export const REVISION_COMPARE_FORMATS = ['txt', 'json', 'html', 'docx', 'pdf'] as const;

/** `accord-admin revision list|show|compare`. */
export type RevisionCommand =
  | { kind: 'revision list'; documentId: string }
  | { kind: 'revision show'; documentId: string; number: number }
  | {
      kind: 'revision compare';
      documentId: string;
      from: number | 'current';
      to: number | 'current';
      format: (typeof REVISION_COMPARE_FORMATS)[number];
      out: string | null;
    };

async function findDraft(
  storage: Storage,
  documentId: string,
): Promise<{ document: DocumentRecord; negotiation: NegotiationRecord } | string> {
  const document = await storage.documents.byId(documentId);
  const negotiation = document && (await storage.negotiations.byId(document.negotiationId));
  if (document === undefined || negotiation === undefined) {
    return `No draft "${documentId}" (see: accord-admin document list).`;
  }
  return { document, negotiation };
}

async function side(
  storage: Storage,
  document: DocumentRecord,
  target: number | 'current',
  io: ExportIo,
): Promise<{ content: RevisionContent; side: CompareSide } | string> {
  if (target === 'current') {
    const doc = await loadStoredDocument(storage, document.id, (_level, message) =>
      io.warn(message),
    );
    try {
      return {
        content: revisionContent(doc, document.title),
        side: { name: 'Current draft', symbol: null, at: io.now() },
      };
    } finally {
      doc.destroy();
    }
  }
  const record = await storage.revisions.byNumber(document.id, target);
  if (record === undefined) return `The draft has no ${revisionName(target)}.`;
  return {
    content: JSON.parse(record.contentJson) as RevisionContent,
    side: { name: revisionName(record.number), symbol: record.symbol, at: record.issuedAt },
  };
}

/** A comparison as text for the terminal: [-deleted-] and {+inserted+}, changed clauses only. */
export function comparisonText(comparison: RevisionComparison): string {
  const lines = [`${comparison.from.name} → ${comparison.to.name}`];
  for (const clause of comparison.clauses.filter(hasChanges)) {
    const text = clause.redline
      .map((part) =>
        part.kind === 'inserted'
          ? `{+${part.text}+}`
          : part.kind === 'deleted'
            ? `[-${part.text}-]`
            : part.text,
      )
      .join('');
    lines.push('', `${comparedLabel(clause)} — ${clause.change}`, `  ${text}`);
    for (const note of clause.notes) lines.push(`  · ${note}`);
  }
  lines.push('', 'Concordance:');
  for (const row of comparison.concordance) {
    lines.push(`  ${row.oldLabel ?? '—'} → ${row.newLabel ?? '—'}`);
  }
  return lines.join('\n');
}

/** Runs a `revision` command on the data folder (read only: nothing is issued from here). */
export async function runRevisionCommand(
  storage: Storage,
  command: RevisionCommand,
  io: ExportIo,
): Promise<CommandResult> {
  const found = await findDraft(storage, command.documentId);
  if (typeof found === 'string') return { ok: false, error: found };
  const { document, negotiation } = found;
  const zone = negotiation.timeZone;
  // Usernames of the people named, each read once.
  const usernames = new Map<string, string>();
  const readNames = async (userIds: readonly string[]) => {
    for (const userId of userIds) {
      if (usernames.has(userId)) continue;
      usernames.set(userId, (await storage.users.byId(userId))?.username ?? userId);
    }
  };
  const name = (userId: string) => usernames.get(userId) ?? userId;
  switch (command.kind) {
    case 'revision list': {
      const revisions = await storage.revisions.list(document.id);
      if (revisions.length === 0) return { ok: true, value: 'No revision has been issued.' };
      await readNames(revisions.map((revision) => revision.issuedBy));
      return {
        ok: true,
        value: formatTable(
          ['REV', 'SYMBOL', 'ISSUED', 'BY', 'SHA-256', 'ADOPTED'],
          revisions.map((revision) => [
            revisionName(revision.number),
            revision.symbol,
            formatExportTime(revision.issuedAt, zone),
            name(revision.issuedBy),
            revision.sha256,
            revision.adoptedAt === null ? '' : formatExportTime(revision.adoptedAt, zone),
          ]),
        ),
      };
    }
    case 'revision show': {
      const record = await storage.revisions.byNumber(document.id, command.number);
      if (record === undefined) {
        return { ok: false, error: `The draft has no ${revisionName(command.number)}.` };
      }
      await readNames([record.issuedBy]);
      const content = JSON.parse(record.contentJson) as RevisionContent;
      // The stored JSON is canonical: re-encoding it and hashing again checks it is untouched.
      const intact =
        contentSha256(record.contentJson) === record.sha256 &&
        canonicalJson(content) === record.contentJson;
      return {
        ok: true,
        value: [
          `${record.symbol} — ${revisionName(record.number)}`,
          `Issued ${formatExportTime(record.issuedAt, zone)} by ${name(record.issuedBy)}`,
          `Note: ${record.note || '—'}`,
          `SHA-256: ${record.sha256} (${intact ? 'verified' : 'DOES NOT MATCH the stored content'})`,
          record.adoptedAt === null
            ? 'Not adopted.'
            : `Adopted under silence procedure ${formatExportTime(record.adoptedAt, zone)}.`,
          '',
          ...content.clauses.map((clause) => `${clause.label}\t${clause.text}`),
        ].join('\n'),
      };
    }
    case 'revision compare': {
      const older = await side(storage, document, command.from, io);
      if (typeof older === 'string') return { ok: false, error: older };
      const newer = await side(storage, document, command.to, io);
      if (typeof newer === 'string') return { ok: false, error: newer };
      const comparison = compareRevisions(older.content, newer.content, {
        from: older.side,
        to: newer.side,
      });
      let bytes: Uint8Array;
      switch (command.format) {
        case 'json':
          bytes = new TextEncoder().encode(`${JSON.stringify(comparison, null, 2)}\n`);
          break;
        case 'html':
          bytes = new TextEncoder().encode(renderCompareHtml(comparison, zone));
          break;
        case 'docx':
          bytes = await renderCompareDocx(comparison, { timeZone: zone, author: 'Accord' });
          break;
        case 'pdf':
          bytes = await renderComparePdf(comparison, zone);
          break;
        default:
          if (command.out === null) return { ok: true, value: comparisonText(comparison) };
          bytes = new TextEncoder().encode(`${comparisonText(comparison)}\n`);
      }
      if (command.out === null || command.out === '-') {
        io.writeStdout(bytes);
        return { ok: true, value: '' };
      }
      const path = resolve(io.cwd, command.out);
      io.writeFile(path, bytes);
      return { ok: true, value: `Wrote ${path} (${bytes.length} bytes).` };
    }
  }
}
