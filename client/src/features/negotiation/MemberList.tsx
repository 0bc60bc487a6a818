import type { MemberView } from '@accord/shared/protocol/api';
import { DelegationChip } from '../../app/DelegationChip';
import { groupMembersByDelegation } from './members';

/** Members grouped by delegation, each with a dot saying whether they are on a draft now. */
export function MemberList({ members }: { members: readonly MemberView[] }) {
  const groups = groupMembersByDelegation(members);
  if (groups.length === 0) return <p className="empty-note">No members yet.</p>;
  return (
    <div className="member-groups">
      {groups.map((group) => (
        <section key={group.delegation} className="member-group" aria-label={group.name}>
          <h3 className="member-group__title">
            <DelegationChip code={group.delegation} compact />
            <span>{group.name}</span>
            <span className="member-group__count">
              {group.onlineCount} of {group.members.length} online
            </span>
          </h3>
          <ul className="member-group__list">
            {group.members.map((member) => (
              <li
                key={member.userId}
                className="member-row"
                data-testid="member-row"
                data-online={member.online ? 'true' : 'false'}
              >
                <span
                  className={member.online ? 'online-dot online-dot--on' : 'online-dot'}
                  role="img"
                  aria-label={member.online ? 'Online' : 'Offline'}
                />
                <span className="member-row__name">{member.displayName}</span>
                <span className="member-row__role">{member.role}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
