import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import { useLingui } from '@lingui/react/macro';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { logout } from '../api/endpoints';
import { LanguageMenu } from '../i18n/LanguageMenu';
import { DelegationChip } from './DelegationChip';
import { useMe } from './session';
import './AppHeader.css';

/** One step of the header's breadcrumb; the last one is the current page. */
export interface Crumb {
  label: string;
  to?: string;
}

/**
 * The bar at the top of every signed-in page: where you are, who you are, how to leave.
 * `aside` holds page-specific status that stays in sight (the connection light on a draft);
 * `actions` hold page-specific commands (Export). On a narrow window the breadcrumb shrinks to
 * the current page, cut short, and the actions, the name and "Sign out" fold into a menu.
 */
export function AppHeader({
  crumbs,
  delegation,
  aside,
  actions,
  role,
}: {
  crumbs: readonly Crumb[];
  delegation?: DelegationCode;
  /** The person's role here: an observer wears the observer's badge, not its delegation's. */
  role?: Role;
  aside?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useLingui();
  const me = useMe();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  // The folded menu closes on Escape and on a tap anywhere else, as menus do.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      buttonRef.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target instanceof Node ? event.target : null;
      if (menuRef.current?.contains(target) || buttonRef.current?.contains(target)) return;
      // A dialog opened from the menu (Export) lives in it: leave the menu open under it.
      if (target instanceof Element && target.closest('dialog, [role="dialog"]')) return;
      setMenuOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [menuOpen]);

  const signOut = async () => {
    // Whatever the answer, go to the sign-in page (which forgets the session in this tab): the
    // server deletes the session on success, and a failed request leaves a cookie that the next
    // page load tests anyway.
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <header className="app-header">
      <Link to="/" className="app-header__brand" aria-label={t`Accord — my negotiations`}>
        Accord
      </Link>
      <nav className="app-header__crumbs" aria-label={t`Breadcrumb`}>
        <ol>
          {crumbs.map((crumb, index) => {
            const current = index === crumbs.length - 1;
            return (
              <li
                key={`${crumb.label}-${crumb.to ?? ''}`}
                title={current ? crumb.label : undefined}
              >
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
      <button
        ref={buttonRef}
        type="button"
        className="app-header__menu-button"
        aria-expanded={menuOpen}
        aria-controls={menuId}
        data-testid="header-menu-button"
        onClick={() => setMenuOpen((open) => !open)}
      >
        <span className="app-header__menu-icon" aria-hidden="true" />
        {t({ message: 'Menu', context: 'Button that unfolds the header menu on a phone' })}
      </button>
      <div
        ref={menuRef}
        id={menuId}
        className="app-header__menu"
        data-open={menuOpen}
        data-testid="header-menu"
      >
        {actions ? <div className="app-header__actions">{actions}</div> : null}
        <div className="app-header__user">
          {delegation ? <DelegationChip code={delegation} memberRole={role} /> : null}
          <span className="app-header__name">{me.user.displayName}</span>
          <LanguageMenu />
          <button
            type="button"
            className="button button--quiet"
            data-testid="signout"
            onClick={signOut}
          >
            {t`Sign out`}
          </button>
        </div>
      </div>
    </header>
  );
}
