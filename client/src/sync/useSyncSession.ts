import { type AwarenessUser, SYNC_PATH } from '@accord/shared/protocol/api';
import { CLOSE_CODES } from '@accord/shared/protocol/closeCodes';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { fetchDocument } from '../api/endpoints';
import { accessProbeOutcome, PROBE_AFTER_FAILURES, PROBE_INTERVAL_MS } from './accessProbe';
import {
  closeDisposition,
  refusalMessage,
  refusalRestartDelayMs,
  stoppedMessage,
} from './closeDisposition';
import {
  type ConnectionStatus,
  connectionStatus,
  initialConnectionState,
  reduceConnection,
} from './connectionState';
import { isLinkSilent, LINK_CHECK_MS } from './linkWatch';
import { renewIfStale } from './presenceRenewal';

/** One Y.Doc and the provider that syncs it; replaced wholesale after a refused change. */
export interface SyncSession {
  /** Changes with every fresh doc; the editor is keyed on it so that it rebinds. */
  key: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** A notice that the server refused a change and the draft was reloaded from its copy. */
export interface RefusalNotice {
  message: string;
  at: number;
}

/** What the draft page needs to know about syncing. */
export interface SyncSessionState {
  session: SyncSession | null;
  /** Whether the current session has received the server's state at least once. */
  loaded: boolean;
  status: ConnectionStatus;
  /** Why the server ended the connection for good, if it did. */
  stoppedMessage: string | null;
  refusal: RefusalNotice | null;
  dismissRefusal: () => void;
}

/** Refusals counted for the restart back-off within this window. */
const REFUSAL_WINDOW_MS = 60_000;

function syncServerUrl(): string {
  return `${window.location.origin.replace(/^http/, 'ws')}${SYNC_PATH}`;
}

/**
 * Connects a draft through the stock y-websocket provider and follows what happens to the
 * connection. Transient drops reconnect by themselves; terminal close codes stop for good
 * (unauthorized goes to sign-in); a refused change throws the Y.Doc away and starts over from
 * the server's state, because the provider would otherwise resend the refused structs forever.
 */
export function useSyncSession(
  documentId: string,
  localUser: AwarenessUser,
  onSignedOut: () => void,
): SyncSessionState {
  const [connection, dispatch] = useReducer(
    reduceConnection,
    typeof navigator === 'undefined' ? true : navigator.onLine,
    initialConnectionState,
  );
  const [generation, setGeneration] = useState(0);
  const [session, setSession] = useState<SyncSession | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [refusal, setRefusal] = useState<RefusalNotice | null>(null);
  const refusals = useRef<number[]>([]);
  const userRef = useRef(localUser);
  userRef.current = localUser;
  const signedOutRef = useRef(onSignedOut);
  signedOutRef.current = onSignedOut;

  useEffect(() => {
    const doc = new Y.Doc();
    // Cross-tab BroadcastChannel sync is off: it would carry edits and presence around the
    // server, which is the one that checks them and stamps identities.
    const provider = new WebsocketProvider(syncServerUrl(), documentId, doc, {
      connect: false,
      disableBc: true,
      shouldReconnect: (event) => closeDisposition(event.code) === 'transient',
    });
    provider.awareness.setLocalStateField('user', userRef.current);
    let restartTimer: ReturnType<typeof setTimeout> | null = null;
    let lastProbe = 0;
    let destroyed = false;

    const stopFor = (code: number, reason?: string) => {
      dispatch({ type: 'stopped', message: stoppedMessage(code, reason) });
      if (code === CLOSE_CODES.unauthorized) signedOutRef.current();
    };

    // A refused upgrade (expired session, access withdrawn) looks like any failed connection;
    // after a few in a row, ask the HTTP API whether reconnecting can still help.
    const probeAccess = () => {
      const now = Date.now();
      if (now - lastProbe < PROBE_INTERVAL_MS) return;
      lastProbe = now;
      fetchDocument(documentId).then(
        (result) => {
          const code = accessProbeOutcome(result);
          if (code === null || destroyed) return;
          provider.disconnect();
          stopFor(code);
        },
        () => {
          // fetchDocument only rejects when aborted; nothing aborts it here.
        },
      );
    };

    provider.on('status', ({ status }) => {
      dispatch({ type: 'socket', status });
      // Every message from the server (a keepalive every 2 s) renews this page's presence if
      // its own timer has fallen behind, as it does in a background tab.
      if (status === 'connected' && provider.ws) {
        provider.ws.addEventListener('message', () => renewIfStale(provider.awareness, Date.now()));
      }
    });
    // A socket the server has stopped talking to is dead, even if the browser has not noticed:
    // say so at once (the banner: edits are kept) and let the provider open a new one.
    // (Dropping it through the provider at once: a close handshake on a dead link never ends.)
    const linkWatch = setInterval(() => {
      if (!isLinkSilent(provider.wsconnected, provider.wsLastMessageReceived, Date.now())) return;
      provider.disconnect();
      provider.connect();
    }, LINK_CHECK_MS);
    provider.on('sync', (synced: boolean) => {
      dispatch({ type: 'synced', synced });
      if (synced) setLoaded(true);
    });
    provider.on('connection-close', (event) => {
      const code = event?.code ?? null;
      const disposition = closeDisposition(code);
      if (disposition === 'terminal' && code !== null) {
        stopFor(code, event?.reason);
      } else if (disposition === 'refused') {
        const now = Date.now();
        refusals.current = [...refusals.current.filter((at) => now - at < REFUSAL_WINDOW_MS), now];
        const message = refusalMessage(code, event?.reason);
        setRefusal({ message, at: now });
        // Hide the editor at once: anything typed into this doc from now on would be lost.
        setLoaded(false);
        // Deferred: the provider is still inside its close handler; tearing it down from there
        // would re-enter it.
        restartTimer = setTimeout(
          () => setGeneration((n) => n + 1),
          refusalRestartDelayMs(refusals.current.length),
        );
      } else if (
        disposition === 'transient' &&
        provider.wsUnsuccessfulReconnects + 1 >= PROBE_AFTER_FAILURES
      ) {
        probeAccess();
      }
    });

    setSession({ key: generation, doc, provider });
    setLoaded(false);
    if (generation > 0) dispatch({ type: 'restarted' });
    // On the next tick: an effect torn down at once (React's StrictMode in development does
    // that) then never opens a socket only to close it before it is established.
    const connectTimer = setTimeout(() => provider.connect(), 0);

    return () => {
      destroyed = true;
      clearInterval(linkWatch);
      clearTimeout(connectTimer);
      if (restartTimer !== null) clearTimeout(restartTimer);
      provider.destroy();
      doc.destroy();
    };
  }, [documentId, generation]);

  // The browser knows about a lost network long before a socket times out; when it comes back,
  // reconnect at once instead of waiting for the provider's back-off.
  useEffect(() => {
    const onOnline = () => {
      dispatch({ type: 'browser', online: true });
      const provider = session?.provider;
      if (provider?.shouldConnect && !provider.wsconnected) {
        provider.disconnect();
        provider.connect();
      }
    };
    // Without a network the socket is dead even if it has not noticed yet: drop it now, so that
    // presence stops showing people this page can no longer see. It retries in the background.
    const onOffline = () => {
      dispatch({ type: 'browser', online: false });
      const provider = session?.provider;
      if (provider?.shouldConnect && provider.wsconnected) {
        provider.disconnect();
        provider.connect();
      }
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [session]);

  const dismissRefusal = useCallback(() => setRefusal(null), []);
  return {
    session,
    loaded,
    status: connectionStatus(connection),
    stoppedMessage: connection.stopped,
    refusal,
    dismissRefusal,
  };
}
