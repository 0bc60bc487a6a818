import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router';
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
      <BrowserRouter>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<HomePage />} />
            <Route path="/n/:negotiationId" element={<NegotiationPage />} />
            <Route
              path="/d/:documentId"
              element={
                <Suspense fallback={<LoadingPanel label="Opening the editor…" />}>
                  <EditorPage />
                </Suspense>
              }
            />
            <Route
              path="/d/:documentId/revisions"
              element={
                <Suspense fallback={<LoadingPanel label="Opening the revisions…" />}>
                  <RevisionsPage />
                </Suspense>
              }
            />
          </Route>
          <Route path="*" element={<NotFound />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}

function NotFound() {
  return (
    <main className="status-panel">
      <h1 className="status-panel__title">Page not found</h1>
      <p>
        <Link to="/">Back to my negotiations</Link>
      </p>
    </main>
  );
}
