// The cascade, written once: every stylesheet, in the order its rules must win ties. Each
// component imports its own stylesheet too (what it needs), but these imports come first, so all
// of them load here, up front, in this order, and the phone layout (narrow.css) overrides last
// (a lazy page's own stylesheet would otherwise arrive after it). styles/tokens.test.ts checks
// that every stylesheet is listed, tokens first and narrow last.
import './styles/tokens.css';
import './styles/base.css';
import './app/AppHeader.css';
import './i18n/LanguageMenu.css';
import './pages/LoginPage.css';
import './pages/NegotiationPage.css';
import './editor/CommuniqueEditor.css';
import './features/presence/PresenceBar.css';
import './features/clauses/ClauseSidebar.css';
import './features/clauses/ClauseBadges.css';
import './features/clauses/ClausePanel.css';
import './features/clauses/ConsensusView.css';
import './features/comments/CommentsMargin.css';
import './features/clauses/HistoryDrawer.css';
import './features/export/ExportDialog.css';
import './features/locks/locks.css';
import './pages/RevisionsPage.css';
import './features/revisions/RedlineEditor.css';
import './features/revisions/SilenceBanner.css';
import './styles/narrow.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
