import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { ApiFailure } from '../api/apiResult';

/** A quiet placeholder while a page's data loads. */
export function LoadingPanel({ label }: { label: string }) {
  return (
    <div className="status-panel" role="status" aria-live="polite">
      <span className="status-panel__spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

/** Explains a failed request in words and offers what can help: retrying, or going home. */
export function ErrorPanel({
  title,
  failure,
  onRetry,
}: {
  title: string;
  failure: ApiFailure;
  onRetry?: () => void;
}) {
  const retryable = failure.status === 0 || failure.status >= 500;
  return (
    <div className="status-panel status-panel--error" role="alert">
      <h1 className="status-panel__title">{title}</h1>
      <p>{failure.message}</p>
      <p className="status-panel__actions">
        {retryable && onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            <Trans>Try again</Trans>
          </button>
        ) : null}
        <Link className="button button--quiet" to="/">
          <Trans>Back to my negotiations</Trans>
        </Link>
      </p>
    </div>
  );
}
