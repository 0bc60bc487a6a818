import { can } from '@accord/shared/policy/policy';
import type { NegotiationResponse } from '@accord/shared/protocol/api';
import { Trans, useLingui } from '@lingui/react/macro';
import { useCallback } from 'react';
import { useParams } from 'react-router';
import { fetchNegotiation } from '../api/endpoints';
import { AppHeader } from '../app/AppHeader';
import { ErrorPanel, LoadingPanel } from '../app/StatusPanels';
import { NegotiationTimeZone } from '../app/timeZone';
import { useApiResource } from '../app/useApiResource';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { useVisibleInterval } from '../app/useVisibleInterval';
import { DraftList } from '../features/negotiation/DraftList';
import { formatCalendarDate } from '../features/negotiation/formatTime';
import { MemberList } from '../features/negotiation/MemberList';
import { TimeZoneSetting } from '../features/negotiation/TimeZoneSetting';
import { delegationName, roleLabel } from '../i18n/domainWords';
import './NegotiationPage.css';

/** How often the members' online dots are refreshed while the page is visible. */
const MEMBERS_REFRESH_MS = 5_000;

/** A negotiation: its drafts, and its members by delegation with who is online now. */
export function NegotiationPage() {
  const { t } = useLingui();
  const { negotiationId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => fetchNegotiation(negotiationId, signal),
    [negotiationId],
  );
  const { resource, reload, refresh } = useApiResource(`negotiation:${negotiationId}`, load);
  useVisibleInterval(() => {
    if (resource.status === 'ready') refresh();
  }, MEMBERS_REFRESH_MS);
  useDocumentTitle(resource.status === 'ready' ? resource.value.negotiation.title : null);

  if (resource.status === 'loading') {
    return (
      <>
        <AppHeader crumbs={[{ label: t`My negotiations`, to: '/' }, { label: '…' }]} />
        <LoadingPanel label={t`Loading the negotiation…`} />
      </>
    );
  }
  if (resource.status === 'error') {
    return (
      <>
        <AppHeader crumbs={[{ label: t`My negotiations`, to: '/' }]} />
        <ErrorPanel
          title={t`This negotiation cannot be opened`}
          failure={resource.error}
          onRetry={reload}
        />
      </>
    );
  }
  return (
    <NegotiationTimeZone timeZone={resource.value.negotiation.timeZone}>
      <NegotiationView data={resource.value} onChanged={refresh} />
    </NegotiationTimeZone>
  );
}

function NegotiationView({
  data,
  onChanged,
}: {
  data: NegotiationResponse;
  onChanged: () => void;
}) {
  const { t, i18n } = useLingui();
  const { negotiation, membership } = data;
  const role = roleLabel(membership.role);
  const delegation = delegationName(membership.delegation);
  return (
    <>
      <AppHeader
        crumbs={[{ label: t`My negotiations`, to: '/' }, { label: negotiation.title }]}
        delegation={membership.delegation}
        role={membership.role}
      />
      <main className="page">
        <header className="negotiation-head">
          <h1 className="page__title">{negotiation.title}</h1>
          <p className="negotiation-head__meta">
            <span>{negotiation.venue}</span>
            <span aria-hidden="true"> · </span>
            <time dateTime={negotiation.startsOn}>
              {formatCalendarDate(negotiation.startsOn, i18n.locale)}
            </time>
          </p>
          <p className="negotiation-head__you">
            <Trans>
              You take part as <strong>{role}</strong> for <strong>{delegation}</strong>.
            </Trans>
          </p>
          <TimeZoneSetting
            negotiationId={negotiation.id}
            mayChange={can(membership, 'changeSettings')}
            onChanged={onChanged}
          />
        </header>
        <div className="negotiation-grid">
          <section aria-labelledby="drafts-heading" className="panel">
            <h2 id="drafts-heading" className="panel__title">
              <Trans>Drafts</Trans>
            </h2>
            <DraftList documents={data.documents} />
          </section>
          <section aria-labelledby="members-heading" className="panel">
            <h2 id="members-heading" className="panel__title">
              <Trans>Members</Trans>
            </h2>
            <MemberList members={data.members} />
          </section>
        </div>
      </main>
    </>
  );
}
