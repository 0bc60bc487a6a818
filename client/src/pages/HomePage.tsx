import type { MembershipView } from '@accord/shared/protocol/api';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link, Navigate } from 'react-router';
import { AppHeader } from '../app/AppHeader';
import { DelegationChip } from '../app/DelegationChip';
import { useMe } from '../app/session';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { roleLabel } from '../i18n/domainWords';

/** Home: the negotiations the person belongs to, or straight into the only one. */
export function HomePage() {
  const { t } = useLingui();
  useDocumentTitle(t`My negotiations`);
  const me = useMe();
  const memberships = uniqueByNegotiation(me.memberships);
  const only = memberships.length === 1 ? memberships[0] : undefined;
  if (only) return <Navigate to={`/n/${encodeURIComponent(only.negotiationId)}`} replace />;

  return (
    <>
      <AppHeader crumbs={[{ label: t`My negotiations` }]} />
      <main className="page">
        <h1 className="page__title">{t`My negotiations`}</h1>
        {memberships.length === 0 ? (
          <p className="empty-note">
            <Trans>
              You are not a member of any negotiation yet. The secretariat adds members to a
              negotiation; ask them for access.
            </Trans>
          </p>
        ) : (
          <ul className="card-list">
            {memberships.map((membership) => (
              <li key={membership.negotiationId} className="card-list__item">
                <Link
                  className="card-list__link"
                  to={`/n/${encodeURIComponent(membership.negotiationId)}`}
                >
                  {membership.negotiationTitle}
                </Link>
                <span className="card-list__meta">
                  <DelegationChip code={membership.delegation} compact />{' '}
                  {roleLabel(membership.role)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}

function uniqueByNegotiation(memberships: readonly MembershipView[]): MembershipView[] {
  const seen = new Set<string>();
  return memberships.filter((membership) => {
    if (seen.has(membership.negotiationId)) return false;
    seen.add(membership.negotiationId);
    return true;
  });
}
