import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './app/AppHeader.css';
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
import './styles/narrow.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
