import {
  AUDIT_ACTION_LABELS,
  type AuditAction,
  type AuditEntryView,
} from '@accord/shared/domain/audit';
import {
  DELEGATIONS,
  type DelegationCode,
  isDelegationCode,
} from '@accord/shared/domain/delegations';
import { isPosition, POSITION_LABELS } from '@accord/shared/domain/positions';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** How an action reads in the audit log ("Locked"); unknown actions read as themselves. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTION_LABELS, action)
    ? AUDIT_ACTION_LABELS[action as AuditAction]
    : action;
}

/** What an audit entry did, in one sentence for the table ("OP4 — reason: …"). */
export function describeAuditEntry(entry: AuditEntryView): string {
  const detail = entry.detail;
  const clause = text(detail.label) ?? text(detail.clauseId) ?? 'a clause';
  switch (entry.action) {
    case 'lock':
    case 'unlock': {
      const reason = text(detail.reason);
      const agreed = detail.allAgreed === true ? ' (all five agreed)' : '';
      return `${clause}${agreed}${reason ? ` — reason: ${reason}` : ''}`;
    }
    case 'position': {
      const of = text(detail.of);
      const party = of && isDelegationCode(of) ? DELEGATIONS[of].name : (of ?? '');
      const position = isPosition(detail.position) ? POSITION_LABELS[detail.position] : 'withdrawn';
      return `${party} on ${clause}: ${position}`;
    }
    case 'positionsCleared': {
      const parties = Array.isArray(detail.delegations)
        ? detail.delegations.filter((code) => typeof code === 'string' && isDelegationCode(code))
        : [];
      const names = parties.map((code) => DELEGATIONS[code as DelegationCode].name);
      return `${clause}: text changed, clearing the positions of ${names.join(', ') || 'delegations'}`;
    }
    case 'alternativeChosen': {
      const by = text(detail.proposedBy);
      const party = by && isDelegationCode(by) ? DELEGATIONS[by].name : by;
      const wording = text(detail.text);
      if (wording === null) return `${clause}: kept the current text, alternatives set aside`;
      const removed = Array.isArray(detail.bracketsRemoved)
        ? detail.bracketsRemoved.flatMap((entry) => {
            const code =
              typeof entry === 'object' && entry !== null && !Array.isArray(entry)
                ? entry.delegation
                : null;
            return typeof code === 'string' && isDelegationCode(code)
              ? [DELEGATIONS[code].name]
              : [];
          })
        : [];
      const brackets = removed.length > 0 ? ` (removing brackets of ${removed.join(', ')})` : '';
      return `${clause}: chose ${party ? `${party}'s` : 'an'} alternative — “${wording}”${brackets}`;
    }
    case 'messageHidden': {
      const reason = text(detail.reason);
      return `A comment in a public thread${reason ? ` — reason: ${reason}` : ''}`;
    }
    case 'membership': {
      const who = text(detail.username) ?? 'a user';
      if (detail.role === null) return `${who} was removed from the negotiation`;
      const delegation = text(detail.delegation) ?? '?';
      const role = text(detail.role) ?? '?';
      return `${who} is ${role} for ${delegation}`;
    }
    case 'timeZone': {
      const to = text(detail.to) ?? '?';
      const from = text(detail.from);
      return `Times are now shown in ${to}${from ? ` (was ${from})` : ''}`;
    }
    case 'revisionIssued':
    case 'silenceStarted':
    case 'silenceAdopted': {
      const symbol = text(detail.symbol) ?? `Rev.${String(detail.revision)}`;
      const hash = text(detail.sha256);
      const deadline = text(detail.deadline);
      return `${symbol}${deadline ? ` — deadline ${deadline}` : ''}${hash ? ` — SHA-256 ${hash}` : ''}`;
    }
    case 'silenceBroken':
      return `${text(detail.symbol) ?? 'Silence'} — reason: ${text(detail.reason) ?? '?'}`;
    default:
      return JSON.stringify(detail);
  }
}
