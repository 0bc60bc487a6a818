import type { AuditAction, AuditEntryView } from '@accord/shared/domain/audit';
import { isDelegationCode } from '@accord/shared/domain/delegations';
import { isPosition } from '@accord/shared/domain/positions';
import { isRole } from '@accord/shared/domain/roles';
import { t } from '@lingui/core/macro';
import { delegationName, positionLabel, roleLabel } from '../../i18n/domainWords';

/*
 * The audit log stores facts (codes, labels, reasons typed by people), never sentences, so that
 * each reader reads it in their own language. Words typed by people (reasons, wordings) are
 * quoted as they were typed.
 */

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A delegation code in words ("Mexico"); anything else as it is. */
function party(value: string): string {
  return isDelegationCode(value) ? delegationName(value) : value;
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

const ACTIONS: ReadonlySet<string> = new Set<AuditAction>([
  'lock',
  'unlock',
  'position',
  'positionsCleared',
  'alternativeChosen',
  'messageHidden',
  'membership',
  'timeZone',
  'revisionIssued',
  'silenceStarted',
  'silenceBroken',
  'silenceAdopted',
]);

/** How an action reads in the audit log ("Locked"); unknown actions read as themselves. */
export function auditActionLabel(action: string): string {
  return ACTIONS.has(action) ? actionLabel(action as AuditAction) : action;
}

/** What an audit entry did, in one sentence for the table ("OP4 — reason: …"). */
export function describeAuditEntry(entry: AuditEntryView): string {
  const detail = entry.detail;
  const clause = text(detail.label) ?? text(detail.clauseId) ?? t`a clause`;
  switch (entry.action) {
    case 'lock':
    case 'unlock': {
      const reason = text(detail.reason);
      const agreed = detail.allAgreed === true ? t`(all five agreed)` : null;
      const what = agreed ? `${clause} ${agreed}` : clause;
      return reason ? t`${what} — reason: ${reason}` : what;
    }
    case 'position': {
      const of = text(detail.of);
      const who = of ? party(of) : '';
      const position = isPosition(detail.position)
        ? positionLabel(detail.position)
        : t({ message: 'withdrawn', context: 'A position withdrawn, in the audit log' });
      return t`${who} on ${clause}: ${position}`;
    }
    case 'positionsCleared': {
      const parties = Array.isArray(detail.delegations)
        ? detail.delegations.filter(
            (code): code is string => typeof code === 'string' && isDelegationCode(code),
          )
        : [];
      const names = parties.map(party).join(', ') || t`delegations`;
      return t`${clause}: text changed, clearing the positions of ${names}`;
    }
    case 'alternativeChosen': {
      const by = text(detail.proposedBy);
      const wording = text(detail.text);
      if (wording === null) return t`${clause}: kept the current text, alternatives set aside`;
      const removed = Array.isArray(detail.bracketsRemoved)
        ? detail.bracketsRemoved.flatMap((entry) => {
            const code =
              typeof entry === 'object' && entry !== null && !Array.isArray(entry)
                ? entry.delegation
                : null;
            return typeof code === 'string' && isDelegationCode(code) ? [party(code)] : [];
          })
        : [];
      const removedList = removed.join(', ');
      const brackets = removed.length > 0 ? ` ${t`(removing brackets of ${removedList})`}` : '';
      if (by) {
        const proposer = party(by);
        return t`${clause}: chose ${proposer}'s alternative — “${wording}”${brackets}`;
      }
      return t`${clause}: chose an alternative — “${wording}”${brackets}`;
    }
    case 'messageHidden': {
      const reason = text(detail.reason);
      return reason
        ? t`A comment in a public thread — reason: ${reason}`
        : t`A comment in a public thread`;
    }
    case 'membership': {
      const who = text(detail.username) ?? t`a user`;
      if (detail.role === null) return t`${who} was removed from the negotiation`;
      const delegation = text(detail.delegation) ?? '?';
      const role = isRole(detail.role) ? roleLabel(detail.role) : (text(detail.role) ?? '?');
      return t`${who} is ${role} for ${delegation}`;
    }
    case 'timeZone': {
      const to = text(detail.to) ?? '?';
      const from = text(detail.from);
      return from ? t`Times are now shown in ${to} (was ${from})` : t`Times are now shown in ${to}`;
    }
    case 'revisionIssued':
    case 'silenceStarted':
    case 'silenceAdopted': {
      const symbol = text(detail.symbol) ?? `Rev.${String(detail.revision)}`;
      const hash = text(detail.sha256);
      const deadline = text(detail.deadline);
      return `${symbol}${deadline ? ` — ${t`deadline ${deadline}`}` : ''}${hash ? ` — SHA-256 ${hash}` : ''}`;
    }
    case 'silenceBroken': {
      const symbol = text(detail.symbol) ?? t`Silence`;
      const reason = text(detail.reason) ?? '?';
      return t`${symbol} — reason: ${reason}`;
    }
    default:
      return JSON.stringify(detail);
  }
}
