import type { DocumentView } from '@accord/shared/protocol/api';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { useTimeFormat } from '../../app/timeZone';
import { formatUpdatedAt } from './formatTime';

/** The negotiation's drafts, most recently changed first, each with when it last changed. */
export function DraftList({ documents }: { documents: readonly DocumentView[] }) {
  const { i18n } = useLingui();
  const time = useTimeFormat();
  if (documents.length === 0) {
    return (
      <p className="empty-note">
        <Trans>No drafts yet.</Trans>
      </p>
    );
  }
  const now = new Date();
  const sorted = [...documents].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return (
    <ul className="draft-list">
      {sorted.map((document) => {
        const updated = formatUpdatedAt(document.updatedAt, now, time.timeZone, i18n.locale);
        return (
          <li key={document.id} className="draft-list__item">
            <Link
              className="draft-list__link"
              data-testid="draft-link"
              to={`/d/${encodeURIComponent(document.id)}`}
            >
              {document.title}
            </Link>
            {updated ? (
              <span className="draft-list__meta">
                <Trans>
                  Last updated{' '}
                  <time
                    dateTime={document.updatedAt}
                    title={time.full(Date.parse(document.updatedAt))}
                  >
                    {updated}
                  </time>
                </Trans>
              </span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
