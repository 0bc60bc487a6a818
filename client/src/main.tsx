import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';
import './styles/layout.css';
import './styles/login.css';
import './styles/negotiation.css';
import './styles/editor.css';
import './styles/presence.css';
import './styles/clauses.css';
import './styles/clause-chips.css';
import './styles/clause-panel.css';
import './styles/consensus.css';
import './styles/comments.css';
import './styles/history.css';
import './styles/export.css';
import './styles/locks.css';
import './styles/revisions.css';
import './styles/narrow.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
