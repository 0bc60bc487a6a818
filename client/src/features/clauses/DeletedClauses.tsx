import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback } from 'react';
import { fetchDeletedClauses } from '../../api/endpoints';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import { useApiResource } from '../../app/useApiResource';
import './ConsensusView.css';

/**
 * The clauses that left the draft, under the consensus view: their last text, who deleted them
 * and when, and their history. Fetched again whenever the draft's set of clauses changes
 * (`clauseIds`), so a deletion or an undo shows here at once.
 */
export function DeletedClauses({
  documentId,
  clauseIds,
  onOpenHistory,
}: {
  documentId: string;
  /** The ids of the clauses in the draft now, in order: a change means a refetch. */
  clauseIds: string;
  onOpenHistory: (clauseId: string) => void;
}) {
  const { t } = useLingui();
  const load = useCallback(
    (signal: AbortSignal) => fetchDeletedClauses(documentId, signal),
    [documentId],
  );
  const { resource } = useApiResource(`deleted:${documentId}:${clauseIds}`, load);
  const time = useTimeFormat();
  if (resource.status !== 'ready' || resource.value.clauses.length === 0) return null;
  const { clauses } = resource.value;
  const now = Date.now();
  return (
    <details className="deleted-clauses" data-testid="deleted-clauses">
      <summary>
        <Trans>
          Deleted clauses <span className="clause-sidebar__tab-count">{clauses.length}</span>
        </Trans>
      </summary>
      <ul className="deleted-clauses__list">
        {clauses.map((clause) => (
          <li key={clause.clauseId} className="deleted-clauses__item" data-testid="deleted-clause">
            <blockquote className="deleted-clauses__text">
              {clause.lastText || <em>{t`Empty paragraph`}</em>}
            </blockquote>
            <p className="deleted-clauses__meta">
              <Trans>
                Deleted by <DelegationChip code={clause.deletedBy.delegation} compact />{' '}
                {clause.deletedBy.displayName} ·{' '}
                <time
                  dateTime={new Date(clause.deletedAt).toISOString()}
                  title={time.full(clause.deletedAt)}
                >
                  {time.short(clause.deletedAt, now)}
                </time>
              </Trans>
            </p>
            <button
              type="button"
              className="button button--quiet"
              data-testid="deleted-clause-history"
              onClick={() => onOpenHistory(clause.clauseId)}
            >
              {t({ message: 'History', context: 'Button: the history of a clause' })}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
