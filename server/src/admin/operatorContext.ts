import type { Log } from '@accord/shared/log';
import type { AuditLog } from '../audit/AuditLog';
import type { CommandContext, DocumentsPort } from '../commands/CommandContext';
import { auditLogOf } from '../services';
import type { NegotiationRecord, Storage } from '../storage/storage';

/**
 * The admin tool writes no draft: a draft's live document belongs to the running server, and
 * two writers of one document would diverge. Commands that need one are refused here.
 */
const refused = async () =>
  ({
    ok: false,
    error: { reason: 'serverShutdown', message: 'Drafts are changed through the running server.' },
  }) as const;
const NO_DOCUMENTS: DocumentsPort = {
  withClauses: refused,
  withDocument: refused,
  readDocument: refused,
};

/** Writes a failed audit entry to stderr: the admin tool's operator is at the terminal. */
const stderrLog: Log = (level, message) => {
  process.stderr.write(`[${level}] ${message}\n`);
};

/** The context of a command the operator runs on a negotiation through the admin tool. */
export function operatorContext(storage: Storage, negotiation: NegotiationRecord): CommandContext {
  return {
    actor: { kind: 'operator' },
    access: { negotiation, document: null },
    documents: NO_DOCUMENTS,
    storage,
    audit: operatorAuditLog(storage),
    now: Date.now,
  };
}

/** The audit log as the admin tool reads and writes it. */
export function operatorAuditLog(storage: Storage): AuditLog {
  return auditLogOf(storage, Date.now, stderrLog);
}
