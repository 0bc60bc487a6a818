import type { Role } from '@accord/shared/domain/roles';
import { useLingui } from '@lingui/react/macro';
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
  const { t } = useLingui();
  const { list, receivedAt, refresh } = useRevisionList(documentId);
  const latest = list?.revisions.at(-1);
  return (
    <div className="draft-revisions-bar">
      <Link to={`/d/${encodeURIComponent(documentId)}/revisions`} data-testid="revisions-link">
        {latest ? t`Revisions (latest: Rev.${latest.number})` : t`Revisions`}
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
