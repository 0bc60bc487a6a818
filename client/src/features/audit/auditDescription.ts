import { AUDIT_ACTIONS, type AuditAction, type AuditEntryView } from '@accord/shared/domain/audit';
import { readAuditEvent } from '@accord/shared/domain/auditRead';
import { isRole } from '@accord/shared/domain/roles';
import { t } from '@lingui/core/macro';
import { delegationName, positionLabel, roleLabel } from '../../i18n/domainWords';

/*
 * The audit log stores facts (codes, labels, reasons typed by people), never sentences, so that
 * each reader reads it in their own language. Words typed by people (reasons, wordings) are
 * quoted as they were typed.
 */

function text(value: string | undefined): string | null {
  return value !== undefined && value !== '' ? value : null;
}

/** How each action reads in the audit log. */
function actionLabel(action: AuditAction): string {
  switch (action) {
    case 'lock':
      return t({ message: 'Locked', context: 'Audit log action' });
    case 'unlock':
      return t({ message: 'Unlocked', context: 'Audit log action' });
    case 'position':
      return t({ message: 'Position', context: 'Audit log action' });
    case 'positionsCleared':
      return t({ message: 'Positions cleared', context: 'Audit log action' });
    case 'alternativeChosen':
      return t({ message: 'Alternative chosen', context: 'Audit log action' });
    case 'messageHidden':
      return t({ message: 'Comment hidden', context: 'Audit log action' });
    case 'membership':
      return t({ message: 'Membership', context: 'Audit log action' });
    case 'timeZone':
      return t({ message: 'Time zone', context: 'Audit log action' });
    case 'revisionIssued':
      return t({ message: 'Revision issued', context: 'Audit log action' });
    case 'silenceStarted':
      return t({ message: 'Silence procedure started', context: 'Audit log action' });
    case 'silenceBroken':
      return t({ message: 'Silence broken', context: 'Audit log action' });
    case 'silenceAdopted':
      return t({ message: 'Adopted under silence procedure', context: 'Audit log action' });
  }
}

const ACTIONS: ReadonlySet<string> = new Set<string>(AUDIT_ACTIONS);

/** How an action reads in the audit log ("Locked"); unknown actions read as themselves. */
export function auditActionLabel(action: string): string {
  return ACTIONS.has(action) ? actionLabel(action as AuditAction) : action;
}

/**
 * What an audit entry did, in one sentence for the table ("OP4 — reason: …"), by the entry's
 * type (`readAuditEvent`); a field an old entry lacks reads as a fallback.
 */
export function describeAuditEntry(entry: AuditEntryView): string {
  const event = readAuditEvent(entry.action, entry.detail);
  if (event.action === 'unknown') return JSON.stringify(event.detail);
  const clauseOf = (ref: { label?: string | undefined; clauseId?: string | undefined }) =>
    text(ref.label) ?? text(ref.clauseId) ?? t`a clause`;
  switch (event.action) {
    case 'lock':
    case 'unlock': {
      const clause = clauseOf(event.detail);
      const reason = text(event.detail.reason);
      const agreed = event.detail.allAgreed === true ? t`(all five agreed)` : null;
      const what = agreed ? `${clause} ${agreed}` : clause;
      return reason ? t`${what} — reason: ${reason}` : what;
    }
    case 'position': {
      const clause = clauseOf(event.detail);
      const { of, position } = event.detail;
      const who = of ? delegationName(of) : '';
      const stated = position
        ? positionLabel(position)
        : t({ message: 'withdrawn', context: 'A position withdrawn, in the audit log' });
      return t`${who} on ${clause}: ${stated}`;
    }
    case 'positionsCleared': {
      const clause = clauseOf(event.detail);
      const names = event.detail.delegations.map(delegationName).join(', ') || t`delegations`;
      return t`${clause}: text changed, clearing the positions of ${names}`;
    }
    case 'alternativeChosen': {
      const clause = clauseOf(event.detail);
      const by = event.detail.proposedBy;
      const wording = text(event.detail.text);
      if (wording === null) return t`${clause}: kept the current text, alternatives set aside`;
      const removed = event.detail.bracketsRemoved.flatMap(({ delegation }) =>
        delegation ? [delegationName(delegation)] : [],
      );
      const removedList = removed.join(', ');
      const brackets = removed.length > 0 ? ` ${t`(removing brackets of ${removedList})`}` : '';
      if (by) {
        const proposer = delegationName(by);
        return t`${clause}: chose ${proposer}'s alternative — “${wording}”${brackets}`;
      }
      return t`${clause}: chose an alternative — “${wording}”${brackets}`;
    }
    case 'messageHidden': {
      const reason = text(event.detail.reason);
      return reason
        ? t`A comment in a public thread — reason: ${reason}`
        : t`A comment in a public thread`;
    }
    case 'membership': {
      const who = text(event.detail.username) ?? t`a user`;
      if (event.detail.role === null) return t`${who} was removed from the negotiation`;
      const stored = event.detail.role;
      const role = isRole(stored) ? roleLabel(stored) : (stored ?? '?');
      const delegation = event.detail.delegation ?? '?';
      return t`${who} is ${role} for ${delegation}`;
    }
    case 'timeZone': {
      const to = text(event.detail.to) ?? '?';
      const from = text(event.detail.from);
      return from ? t`Times are now shown in ${to} (was ${from})` : t`Times are now shown in ${to}`;
    }
    case 'revisionIssued':
    case 'silenceStarted':
    case 'silenceAdopted': {
      const { symbol, revision, sha256, deadline } = event.detail;
      const name = text(symbol) ?? `Rev.${String(revision)}`;
      const due = deadline ? ` — ${t`deadline ${deadline}`}` : '';
      return `${name}${due}${sha256 ? ` — SHA-256 ${sha256}` : ''}`;
    }
    case 'silenceBroken': {
      const symbol = text(event.detail.symbol) ?? t`Silence`;
      const reason = text(event.detail.reason) ?? '?';
      return t`${symbol} — reason: ${reason}`;
    }
  }
}
