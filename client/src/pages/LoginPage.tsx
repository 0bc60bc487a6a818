import { LIMITS } from '@accord/shared/protocol/limits';
import { useLingui } from '@lingui/react/macro';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { login } from '../api/endpoints';
import { useSession } from '../app/session';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { loginErrorMessage } from '../features/auth/loginMessages';
import { safeNextPath } from '../features/auth/nextPath';
import './LoginPage.css';

/** The sign-in page: username and password, clear errors, then back where the person was going. */
export function LoginPage() {
  const { t } = useLingui();
  useDocumentTitle(t`Sign in`);
  const { setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  // Whoever was signed in in this tab is forgotten here; a successful sign-in sets the new one.
  useEffect(() => {
    setMe(null);
    usernameRef.current?.focus();
  }, [setMe]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const name = username.trim();
    if (!name || !password) {
      setError(t`Please enter your username and password.`);
      (name ? passwordRef : usernameRef).current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await login({ username: name, password });
    setBusy(false);
    if (result.ok) {
      setMe(result.value);
      navigate(next, { replace: true });
      return;
    }
    setError(loginErrorMessage(result.error));
    // Keep the username, clear the password and put the caret there: the usual next step.
    setPassword('');
    requestAnimationFrame(() => passwordRef.current?.focus());
  };

  return (
    <main className="login">
      <div className="login__card">
        <p className="login__brand">Accord</p>
        <h1 className="login__title">{t`Sign in`}</h1>
        <p className="login__intro">{t`Negotiation workspace for delegations and the Chair.`}</p>
        <form className="login__form" onSubmit={submit} noValidate>
          <label className="field">
            <span className="field__label">{t`Username`}</span>
            <input
              ref={usernameRef}
              className="field__input"
              data-testid="login-username"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={LIMITS.usernameMax}
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              aria-invalid={error ? true : undefined}
            />
          </label>
          <label className="field">
            <span className="field__label">{t`Password`}</span>
            <input
              ref={passwordRef}
              className="field__input"
              data-testid="login-password"
              name="password"
              type="password"
              autoComplete="current-password"
              maxLength={LIMITS.passwordMax}
              value={password}
              onChange={(event) => setPassword(event.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? 'login-error' : undefined}
            />
          </label>
          {error ? (
            <p id="login-error" className="login__error" role="alert" data-testid="login-error">
              {error}
            </p>
          ) : null}
          <button
            type="submit"
            className="button button--primary login__submit"
            data-testid="login-submit"
            disabled={busy}
          >
            {busy ? t`Signing in…` : t`Sign in`}
          </button>
        </form>
      </div>
    </main>
  );
}
