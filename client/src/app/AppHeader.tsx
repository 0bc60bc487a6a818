import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { logout } from '../api/endpoints';
import { DelegationChip } from './DelegationChip';
import { useMe } from './session';

/** One step of the header's breadcrumb; the last one is the current page. */
export interface Crumb {
  label: string;
  to?: string;
}

/**
 * The bar at the top of every signed-in page: where you are, who you are, how to leave.
 * `aside` holds page-specific status (the connection indicator on a draft).
 */
export function AppHeader({
  crumbs,
  delegation,
  aside,
}: {
  crumbs: readonly Crumb[];
  delegation?: DelegationCode;
  aside?: ReactNode;
}) {
  const me = useMe();
  const navigate = useNavigate();

  const signOut = async () => {
    // Whatever the answer, go to the sign-in page (which forgets the session in this tab): the
    // server deletes the session on success, and a failed request leaves a cookie that the next
    // page load tests anyway.
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand" aria-label="Accord — my negotiations">
        Accord
      </Link>
      <nav className="app-header__crumbs" aria-label="Breadcrumb">
        <ol>
          {crumbs.map((crumb, index) => {
            const current = index === crumbs.length - 1;
            return (
              <li key={`${crumb.label}-${crumb.to ?? ''}`}>
                {crumb.to && !current ? (
                  <Link to={crumb.to}>{crumb.label}</Link>
                ) : (
                  <span aria-current={current ? 'page' : undefined}>{crumb.label}</span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      {aside ? <div className="app-header__aside">{aside}</div> : null}
      <div className="app-header__user">
        {delegation ? <DelegationChip code={delegation} /> : null}
        <span className="app-header__name">{me.user.displayName}</span>
        <button
          type="button"
          className="button button--quiet"
          data-testid="signout"
          onClick={signOut}
        >
          Sign out
        </button>
      </div>
    </header>
  );
}
