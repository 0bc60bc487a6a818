import type { MemberView } from '@accord/shared/protocol/api';
import { useLingui } from '@lingui/react';
import { Trans } from '@lingui/react/macro';
import { DelegationChip } from '../../app/DelegationChip';
import { roleLabel } from '../../i18n/domainWords';
import { groupMembersByDelegation, presenceHint, presenceLabel } from './members';

/**
 * Members grouped by delegation, each saying where they are: on a draft, signed in (using
 * Accord, but on no draft), or offline.
 */
export function MemberList({ members }: { members: readonly MemberView[] }) {
  useLingui();
  const groups = groupMembersByDelegation(members);
  if (groups.length === 0) {
    return (
      <p className="empty-note">
        <Trans>No members yet.</Trans>
      </p>
    );
  }
  return (
    <div className="member-groups">
      {groups.map((group) => (
        <section key={group.delegation} className="member-group" aria-label={group.name}>
          <h3 className="member-group__title">
            <DelegationChip code={group.delegation} compact />
            <span>{group.name}</span>
            <span className="member-group__count" data-testid="member-group-summary">
              {group.summary}
            </span>
          </h3>
          <ul className="member-group__list">
            {group.members.map((member) => (
              <li
                key={member.userId}
                className="member-row"
                data-testid="member-row"
                data-presence={member.presence}
                title={presenceHint(member.presence)}
              >
                <span className={`online-dot online-dot--${member.presence}`} aria-hidden="true" />
                <span className="member-row__name">{member.displayName}</span>
                <span
                  className={`member-row__presence member-row__presence--${member.presence}`}
                  data-testid="member-presence"
                >
                  {presenceLabel(member.presence)}
                </span>
                <span className="member-row__role">{roleLabel(member.role)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
