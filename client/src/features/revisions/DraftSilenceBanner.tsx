import type { Role } from '@accord/shared/domain/roles';
import { Link } from 'react-router';
import { SilenceBanner } from './SilenceBanner';
import { useRevisionList } from './useRevisionList';
import './SilenceBanner.css';

/** The draft page's link to its revisions and, when there is one, the silence banner. */
export function DraftSilenceBanner({
  documentId,
  membership,
}: {
  documentId: string;
  membership: { role: Role };
}) {
  const { list, receivedAt, refresh } = useRevisionList(documentId);
  const latest = list?.revisions.at(-1);
  return (
    <div className="draft-revisions-bar">
      <Link to={`/d/${encodeURIComponent(documentId)}/revisions`} data-testid="revisions-link">
        Revisions{latest ? ` (latest: Rev.${latest.number})` : ''}
      </Link>
      <SilenceBanner
        documentId={documentId}
        list={list}
        receivedAt={receivedAt}
        mayBreak={membership.role !== 'observer'}
        onChanged={refresh}
      />
    </div>
  );
}
