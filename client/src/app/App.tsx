import { Trans, useLingui } from '@lingui/react/macro';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
import { LocaleProvider } from '../i18n/LocaleProvider';
import { HomePage } from '../pages/HomePage';
import { LoginPage } from '../pages/LoginPage';
import { NegotiationPage } from '../pages/NegotiationPage';
import { RequireSession } from './RequireSession';
import { LoadingPanel } from './StatusPanels';
import { SessionProvider } from './session';

// The editor (Tiptap, ProseMirror, Yjs) is most of the code: load it only when a draft opens.
const EditorPage = lazy(() =>
  import('../pages/EditorPage').then((module) => ({ default: module.EditorPage })),
);

// Revisions and the compare view use the editor too (read only).
const RevisionsPage = lazy(() =>
  import('../pages/RevisionsPage').then((module) => ({
    default: module.RevisionsPage,
  })),
);

/** The Accord client: sign-in, then negotiations, drafts and the live editor. */
export function App() {
  return (
    <SessionProvider>
      <LocaleProvider>
        <AppRoutes />
      </LocaleProvider>
    </SessionProvider>
  );
}

function AppRoutes() {
  const { t } = useLingui();
  return (
    <BrowserRouter>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route element={<RequireSession />}>
          <Route index element={<HomePage />} />
          <Route path="/n/:negotiationId" element={<NegotiationPage />} />
          <Route
            path="/d/:documentId"
            element={
              <Suspense fallback={<LoadingPanel label={t`Opening the editor…`} />}>
                <EditorPage />
              </Suspense>
            }
          />
          <Route
            path="/d/:documentId/revisions"
            element={
              <Suspense fallback={<LoadingPanel label={t`Opening the revisions…`} />}>
                <RevisionsPage />
              </Suspense>
            }
          />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Routes>
    </BrowserRouter>
  );
}

function NotFound() {
  return (
    <main className="status-panel">
      <h1 className="status-panel__title">
        <Trans>Page not found</Trans>
      </h1>
      <p>
        <Link to="/">
          <Trans>Back to my negotiations</Trans>
        </Link>
      </p>
    </main>
  );
}
