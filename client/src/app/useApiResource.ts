import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure, ApiResult } from '../api/apiResult';
import { useSignInAgain } from './session';

/** A value fetched from the API, as a page renders it. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: ApiFailure };

/** A fetched value and ways to fetch it again. */
export interface ResourceHandle<T> {
  resource: Resource<T>;
  /** Fetches again, showing the loading state (after an error, for example). */
  reload: () => void;
  /** Fetches again in the background, keeping what is shown until the answer arrives. */
  refresh: () => void;
}

/**
 * Fetches `load` whenever `key` changes. A 401 sends the person to sign in; other failures
 * become an error state the page shows. A background refresh that fails keeps the last value.
 */
export function useApiResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<ApiResult<T>>,
): ResourceHandle<T> {
  const [resource, setResource] = useState<Resource<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const signInAgain = useSignInAgain();
  const signInRef = useRef(signInAgain);
  signInRef.current = signInAgain;
  const inFlight = useRef<AbortController | null>(null);

  const run = useCallback((silent: boolean) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    if (!silent) setResource({ status: 'loading' });
    loadRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        if (result.ok) {
          setResource({ status: 'ready', value: result.value });
        } else if (result.error.status === 401) {
          signInRef.current();
        } else if (!silent) {
          setResource({ status: 'error', error: result.error });
        }
      },
      () => {
        // Only an abort rejects; the next request owns the state.
      },
    );
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and generation are the triggers
  useEffect(() => {
    run(false);
    return () => inFlight.current?.abort();
  }, [key, generation, run]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const refresh = useCallback(() => run(true), [run]);
  return { resource, reload, refresh };
}
