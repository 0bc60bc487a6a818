import {
  AUDIT_ACTION_LABELS,
  type AuditAction,
  type AuditEntryView,
} from '@accord/shared/domain/audit';
import { readAuditEvent } from '@accord/shared/domain/auditRead';
import { DELEGATIONS } from '@accord/shared/domain/delegations';
import { POSITION_LABELS } from '@accord/shared/domain/positions';

function text(value: string | undefined): string | null {
  return value !== undefined && value !== '' ? value : null;
}

/** How an action reads in the audit log ("Locked"); unknown actions read as themselves. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as AuditAction]
    : action;
}

/**
 * What an audit entry did, in one sentence for the table ("OP4 — reason: …"), by the entry's
 * type (`readAuditEvent`); a field an old entry lacks reads as a fallback.
 */
export function describeAuditEntry(entry: AuditEntryView): string {
  const event = readAuditEvent(entry.action, entry.detail);
  if (event.action === 'unknown') return JSON.stringify(event.detail);
  const clauseOf = (ref: { label?: string | undefined; clauseId?: string | undefined }) =>
    text(ref.label) ?? text(ref.clauseId) ?? 'a clause';
  switch (event.action) {
    case 'lock':
    case 'unlock': {
      const clause = clauseOf(event.detail);
      const reason = text(event.detail.reason);
      const agreed = event.detail.allAgreed === true ? ' (all five agreed)' : '';
      return `${clause}${agreed}${reason ? ` — reason: ${reason}` : ''}`;
    }
    case 'position': {
      const clause = clauseOf(event.detail);
      const { of, position } = event.detail;
      const party = of ? DELEGATIONS[of].name : '';
      return `${party} on ${clause}: ${position ? POSITION_LABELS[position] : 'withdrawn'}`;
    }
    case 'positionsCleared': {
      const clause = clauseOf(event.detail);
      const names = event.detail.delegations.map((code) => DELEGATIONS[code].name);
      return `${clause}: text changed, clearing the positions of ${names.join(', ') || 'delegations'}`;
    }
    case 'alternativeChosen': {
      const clause = clauseOf(event.detail);
      const by = event.detail.proposedBy;
      const wording = text(event.detail.text);
      if (wording === null) return `${clause}: kept the current text, alternatives set aside`;
      const removed = event.detail.bracketsRemoved.flatMap(({ delegation }) =>
        delegation ? [DELEGATIONS[delegation].name] : [],
      );
      const brackets = removed.length > 0 ? ` (removing brackets of ${removed.join(', ')})` : '';
      const party = by ? `${DELEGATIONS[by].name}'s` : 'an';
      return `${clause}: chose ${party} alternative — “${wording}”${brackets}`;
    }
    case 'messageHidden': {
      const reason = text(event.detail.reason);
      return `A comment in a public thread${reason ? ` — reason: ${reason}` : ''}`;
    }
    case 'membership': {
      const who = text(event.detail.username) ?? 'a user';
      if (event.detail.role === null) return `${who} was removed from the negotiation`;
      return `${who} is ${event.detail.role ?? '?'} for ${event.detail.delegation ?? '?'}`;
    }
    case 'timeZone': {
      const from = text(event.detail.from);
      return `Times are now shown in ${text(event.detail.to) ?? '?'}${from ? ` (was ${from})` : ''}`;
    }
    case 'revisionIssued':
    case 'silenceStarted':
    case 'silenceAdopted': {
      const { symbol, revision, sha256, deadline } = event.detail;
      const name = text(symbol) ?? `Rev.${String(revision)}`;
      return `${name}${deadline ? ` — deadline ${deadline}` : ''}${sha256 ? ` — SHA-256 ${sha256}` : ''}`;
    }
    case 'silenceBroken':
      return `${text(event.detail.symbol) ?? 'Silence'} — reason: ${text(event.detail.reason) ?? '?'}`;
  }
}
