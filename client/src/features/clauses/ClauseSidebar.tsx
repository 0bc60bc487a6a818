import { can } from '@accord/shared/policy/policy';
import type { DocumentResponse } from '@accord/shared/protocol/api';
import { useLingui } from '@lingui/react/macro';
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { setClauseMarks } from '../../editor/clauseMarks';
import { scrollToClause, useFocusedClause } from '../../editor/focusedClause';
import { AuditDrawer } from '../audit/AuditDrawer';
import { LockAllAgreed } from '../locks/LockAllAgreed';
import { ClausePanel } from './ClausePanel';
import { ClearedPositionNotices } from './ClearedPositionNotices';
import { ConsensusView } from './ConsensusView';
import { consensusSummary } from './consensus';
import { DeletedClauses } from './DeletedClauses';
import { HistoryDrawer } from './HistoryDrawer';
import { ownClearedPositions } from './ownClearedPositions';
import { useClauseViews } from './useClauseViews';
import { useMemberNames } from './useMemberNames';
import './ClauseSidebar.css';

/** The two tabs of the clause column. */
export type SidebarTab = 'clause' | 'consensus';

/**
 * The column beside the draft: the clause panel for the clause at the caret (or last clicked)
 * and, on the other tab, the consensus view of the whole draft; the history drawer opens over
 * it. Everything is read live from the Y.Doc (text and the server's clause meta map).
 */
export function ClauseSidebar({
  editor,
  doc,
  info,
  tab: shownTab,
  onTabChange,
}: {
  editor: Editor | null;
  doc: Y.Doc;
  info: DocumentResponse;
  /** The tab shown, when the page chooses it (a narrow window's tab bar); else the sidebar's own. */
  tab?: SidebarTab | undefined;
  onTabChange?: ((tab: SidebarTab) => void) | undefined;
}) {
  const { t } = useLingui();
  const views = useClauseViews(doc);
  const nameOf = useMemberNames(info.negotiation.id);
  const [focusedId, focus] = useFocusedClause(editor);
  const [ownTab, setOwnTab] = useState<SidebarTab>('clause');
  const tab = shownTab ?? ownTab;
  const setTab = onTabChange ?? setOwnTab;
  const controlled = shownTab !== undefined;
  const [historyFor, setHistoryFor] = useState<string | null>(null);
  const [auditOpen, setAuditOpen] = useState(false);
  const focused = useMemo(
    () => views.find((view) => view.id === focusedId) ?? null,
    [views, focusedId],
  );
  const historyView = historyFor ? (views.find((view) => view.id === historyFor) ?? null) : null;
  const summary = consensusSummary(views);
  const ownDelegation = info.membership.delegation;
  const mayStatePositions = can(info.membership, 'statePosition', { delegation: ownDelegation });
  const ownCleared = mayStatePositions ? ownClearedPositions(views, ownDelegation) : [];

  // The margin of the draft marks the clause this panel shows (the editor follows the statuses
  // and bracket owners itself).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    setClauseMarks(editor.view, { focusedId });
  }, [editor, focusedId]);

  // A click on a paragraph chooses it, also where the text is read only (observers).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const dom = editor.view.dom;
    const onClick = (event: MouseEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      const id = target?.closest('p.clause')?.getAttribute('data-clause-id');
      if (id) focus(id);
    };
    dom.addEventListener('click', onClick);
    return () => dom.removeEventListener('click', onClick);
  }, [editor, focus]);

  const selectFromConsensus = useCallback(
    (clauseId: string) => {
      focus(clauseId);
      if (editor && !editor.isDestroyed) scrollToClause(editor, clauseId);
      // In the narrow window's sheet, the consensus table leads to that clause's panel.
      if (controlled) setTab('clause');
    },
    [editor, focus, controlled, setTab],
  );
  const closeHistory = useCallback(() => setHistoryFor(null), []);
  const closeAudit = useCallback(() => setAuditOpen(false), []);

  return (
    <aside className="clause-sidebar" aria-label={t`Clauses`}>
      <div className="clause-sidebar__tabs" role="tablist" aria-label={t`Clause information`}>
        <button
          type="button"
          role="tab"
          id="clause-tab"
          className="clause-sidebar__tab"
          aria-selected={tab === 'clause'}
          aria-controls="clause-tabpanel"
          data-testid="clause-tab"
          onClick={() => setTab('clause')}
        >
          {focused
            ? t({
                message: `Clause ${focused.label}`,
                context: 'Tab of the clause panel, with the clause shown',
              })
            : t({ message: 'Clause', context: 'Tab: the clause panel' })}
        </button>
        <button
          type="button"
          role="tab"
          id="consensus-tab"
          className="clause-sidebar__tab"
          aria-selected={tab === 'consensus'}
          aria-controls="consensus-tabpanel"
          data-testid="consensus-toggle"
          onClick={() => setTab(tab === 'consensus' ? 'clause' : 'consensus')}
        >
          {t({ message: 'Consensus', context: 'Tab' })}{' '}
          <span className="clause-sidebar__tab-count">
            {summary.settled}/{summary.total}
          </span>
          {ownCleared.length > 0 ? (
            <span
              className="clause-sidebar__tab-badge"
              data-testid="consensus-cleared-count"
              title={t`Your delegation's positions cleared by text changes`}
            >
              {ownCleared.length}
              <span className="visually-hidden"> {t`of your positions cleared`}</span>
            </span>
          ) : null}
        </button>
        {can(info.membership, 'viewAudit') ? (
          <button
            type="button"
            className="clause-sidebar__tab"
            data-testid="audit-open"
            aria-pressed={auditOpen}
            onClick={() => setAuditOpen((open) => !open)}
          >
            {t`Audit log`}
          </button>
        ) : null}
      </div>
      <div
        className="clause-sidebar__body"
        role="tabpanel"
        id={tab === 'clause' ? 'clause-tabpanel' : 'consensus-tabpanel'}
        aria-labelledby={tab === 'clause' ? 'clause-tab' : 'consensus-tab'}
      >
        {tab === 'clause' ? (
          <>
            <label className="clause-picker">
              <span className="clause-picker__label">{t`Clause shown`}</span>
              <select
                className="clause-picker__select"
                data-testid="clause-picker"
                value={focused?.id ?? ''}
                onChange={(event) => {
                  const id = event.target.value;
                  if (!id) return;
                  focus(id);
                  if (editor && !editor.isDestroyed) scrollToClause(editor, id);
                }}
              >
                {focused ? null : <option value="">{t`Choose a clause…`}</option>}
                {views.map((view) => (
                  <option key={view.id} value={view.id}>
                    {view.label} — {excerpt(view.text)}
                  </option>
                ))}
              </select>
            </label>
            <ClausePanel
              // One panel per clause: its forms (position, alternative, lock) start afresh.
              key={focused?.id ?? ''}
              view={focused}
              documentId={info.document.id}
              doc={doc}
              membership={info.membership}
              nameOf={nameOf}
              onOpenHistory={setHistoryFor}
            />
          </>
        ) : (
          <>
            <ConsensusView
              views={views}
              focusedId={focusedId}
              onSelect={selectFromConsensus}
              ownDelegation={mayStatePositions ? ownDelegation : null}
              actions={
                can(info.membership, 'lockClause') ? (
                  <LockAllAgreed
                    documentId={info.document.id}
                    agreed={views.filter((view) => view.status === 'agreed').length}
                  />
                ) : null
              }
            />
            <DeletedClauses
              documentId={info.document.id}
              clauseIds={views.map((view) => view.id).join(' ')}
              onOpenHistory={setHistoryFor}
            />
          </>
        )}
      </div>
      {mayStatePositions ? (
        <ClearedPositionNotices
          views={views}
          delegation={ownDelegation}
          nameOf={nameOf}
          onShow={(clauseId) => {
            setTab('clause');
            selectFromConsensus(clauseId);
          }}
        />
      ) : null}
      {auditOpen ? <AuditDrawer negotiationId={info.negotiation.id} onClose={closeAudit} /> : null}
      {historyFor ? (
        <HistoryDrawer
          key={historyFor}
          documentId={info.document.id}
          clauseId={historyFor}
          clauseLabel={historyView?.label ?? ''}
          currentText={historyView?.text ?? null}
          onClose={closeHistory}
        />
      ) : null}
    </aside>
  );
}

/** The first words of a clause, for the clause picker. */
function excerpt(text: string): string {
  const words = text.trim().split(/\s+/).slice(0, 6).join(' ');
  return words.length < text.trim().length ? `${words}…` : words;
}
