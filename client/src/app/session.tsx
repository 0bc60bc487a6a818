import type { MeResponse } from '@accord/shared/protocol/api';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { loginPathFor } from '../features/auth/nextPath';

/** Who is signed in, shared by every page; null until /api/me or sign-in has answered. */
interface SessionContextValue {
  me: MeResponse | null;
  setMe: (me: MeResponse | null) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Holds the signed-in person for the whole app. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<MeResponse | null>(null);
  const value = useMemo(() => ({ me, setMe }), [me]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session context; only usable below SessionProvider. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in person; only usable below RequireSession, which guarantees one. */
export function useMe(): MeResponse {
  const { me } = useSession();
  if (!me) throw new Error('useMe must be used inside <RequireSession>');
  return me;
}

/**
 * Sends the person to the sign-in page, which brings them back here afterwards. Every 401 —
 * from any request or the sync socket — ends up here. The sign-in page forgets the old session
 * itself: clearing it here would make the guard of this page ask /api/me once more on its way out.
 */
export function useSignInAgain(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  const here = `${location.pathname}${location.search}`;
  return useCallback(() => {
    navigate(loginPathFor(here), { replace: true });
  }, [navigate, here]);
}
