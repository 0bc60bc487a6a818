import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { ApiFailure } from '../api/apiResult';
import { fetchMe } from '../api/endpoints';
import { loginPathFor } from '../features/auth/nextPath';
import { ErrorPanel, LoadingPanel } from './StatusPanels';
import { useSession } from './session';

/**
 * Guards the signed-in pages: asks /api/me once (sign-in already answers it), sends a person
 * without a session to the sign-in page and back here afterwards.
 */
export function RequireSession() {
  const { t } = useLingui();
  const { me, setMe } = useSession();
  const location = useLocation();
  const [state, setState] = useState<'loading' | 'signedOut' | ApiFailure>('loading');
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    if (me) return;
    const controller = new AbortController();
    setState('loading');
    fetchMe(controller.signal).then(
      (result) => {
        if (result.ok) setMe(result.value);
        else setState(result.error.status === 401 ? 'signedOut' : result.error);
      },
      () => {
        // aborted: this effect was replaced
      },
    );
    return () => controller.abort();
  }, [me, setMe, attempt]);

  if (me) return <Outlet />;
  if (state === 'signedOut') {
    return <Navigate to={loginPathFor(`${location.pathname}${location.search}`)} replace />;
  }
  if (state === 'loading') return <LoadingPanel label={t`Checking your session…`} />;
  return (
    <ErrorPanel
      title={t`Accord is unavailable`}
      failure={state}
      onRetry={() => setAttempt((n) => n + 1)}
    />
  );
}
