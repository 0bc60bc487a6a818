import { DELEGATIONS } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import type { AwarenessUser, DocumentResponse } from '@accord/shared/protocol/api';
import { useLingui } from '@lingui/react/macro';
import { useCallback, useMemo } from 'react';
import { useParams } from 'react-router';
import { fetchDocument } from '../api/endpoints';
import { AppHeader } from '../app/AppHeader';
import { ErrorPanel, LoadingPanel } from '../app/StatusPanels';
import { useMe, useSignInAgain } from '../app/session';
import { NegotiationTimeZone } from '../app/timeZone';
import { useApiResource } from '../app/useApiResource';
import { useDocumentTitle } from '../app/useDocumentTitle';
import { CommuniqueEditor } from '../editor/CommuniqueEditor';
import { ClauseSidebar } from '../features/clauses/ClauseSidebar';
import { useMemberNames } from '../features/clauses/useMemberNames';
import { CommentsMargin } from '../features/comments/CommentsMargin';
import { useComments } from '../features/comments/useComments';
import { ConnectionBanner } from '../features/connection/ConnectionBanner';
import { ConnectionIndicator } from '../features/connection/ConnectionIndicator';
import { SyncNotices } from '../features/connection/SyncNotices';
import { ExportButton } from '../features/export/ExportButton';
import { PresenceBar } from '../features/presence/PresenceBar';
import { useAwayFlag } from '../features/presence/useAwayFlag';
import { DraftSilenceBanner } from '../features/revisions/DraftSilenceBanner';
import { useSyncSession } from '../sync/useSyncSession';

/** The draft page: checks access over HTTP first, then opens the live editor. */
export function EditorPage() {
  const { t } = useLingui();
  const { documentId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => fetchDocument(documentId, signal),
    [documentId],
  );
  const { resource, reload } = useApiResource(`document:${documentId}`, load);
  useDocumentTitle(resource.status === 'ready' ? resource.value.document.title : null);

  if (resource.status === 'loading') {
    return (
      <>
        <AppHeader crumbs={[{ label: t`My negotiations`, to: '/' }, { label: '…' }]} />
        <LoadingPanel label={t`Opening the draft…`} />
      </>
    );
  }
  if (resource.status === 'error') {
    return (
      <>
        <AppHeader crumbs={[{ label: t`My negotiations`, to: '/' }]} />
        <ErrorPanel
          title={t`This draft cannot be opened`}
          failure={resource.error}
          onRetry={reload}
        />
      </>
    );
  }
  return (
    <NegotiationTimeZone timeZone={resource.value.negotiation.timeZone}>
      <DraftWorkspace key={documentId} info={resource.value} />
    </NegotiationTimeZone>
  );
}

function DraftWorkspace({ info }: { info: DocumentResponse }) {
  const { t } = useLingui();
  const me = useMe();
  const signInAgain = useSignInAgain();
  const { membership } = info;
  const localUser = useMemo<AwarenessUser>(
    () => ({
      userId: me.user.id,
      name: me.user.displayName,
      delegation: membership.delegation,
      role: membership.role,
      color: DELEGATIONS[membership.delegation].colour,
    }),
    [me.user.id, me.user.displayName, membership.delegation, membership.role],
  );
  const sync = useSyncSession(info.document.id, localUser, signInAgain);
  useAwayFlag(sync.session?.provider.awareness ?? null, localUser);
  const canEdit = can(membership, 'editText');
  const comments = useComments(info.document.id);
  const nameOf = useMemberNames(info.negotiation.id);
  const commenter = { ...membership, userId: me.user.id };
  const stopped = sync.stoppedMessage !== null;
  const notices = (
    <SyncNotices
      refusal={sync.refusal}
      onDismissRefusal={sync.dismissRefusal}
      stoppedMessage={sync.stoppedMessage}
    />
  );

  return (
    <div className="draft-page">
      <a className="skip-link" href="#draft">
        {t`Skip to the draft`}
      </a>
      <AppHeader
        crumbs={[
          { label: t`My negotiations`, to: '/' },
          { label: info.negotiation.title, to: `/n/${encodeURIComponent(info.negotiation.id)}` },
          { label: info.document.title },
        ]}
        delegation={membership.delegation}
        role={membership.role}
        aside={<ConnectionIndicator status={sync.status} detail={sync.stoppedMessage} />}
        actions={
          sync.session && sync.loaded ? (
            <ExportButton documentId={info.document.id} doc={sync.session.doc} actor={membership} />
          ) : null
        }
      />
      <ConnectionBanner status={sync.status} stopped={stopped} />
      <DraftSilenceBanner documentId={info.document.id} membership={membership} />
      {sync.session ? (
        <PresenceBar key={sync.session.key} provider={sync.session.provider} />
      ) : null}
      <main className="draft-main">
        {sync.session && sync.loaded ? (
          <CommuniqueEditor
            key={sync.session.key}
            session={sync.session}
            user={localUser}
            editable={canEdit && !stopped}
            nameOf={nameOf}
            banner={notices}
            onComment={
              can(membership, 'createThread', { visibility: 'public' })
                ? comments.startThread
                : undefined
            }
            margin={(editor, layout) =>
              sync.session ? (
                <CommentsMargin
                  list={layout.narrow}
                  editor={editor}
                  doc={sync.session.doc}
                  comments={comments}
                  me={commenter}
                />
              ) : null
            }
            aside={(editor, layout) =>
              sync.session ? (
                <ClauseSidebar
                  editor={editor}
                  doc={sync.session.doc}
                  info={info}
                  tab={
                    layout.narrow
                      ? layout.panel === 'consensus'
                        ? 'consensus'
                        : 'clause'
                      : undefined
                  }
                  onTabChange={layout.narrow ? layout.showPanel : undefined}
                />
              ) : null
            }
            toolbarAside={
              canEdit ? (
                stopped ? (
                  <span className="readonly-badge" data-testid="editing-stopped-badge">
                    {t`Editing stopped — disconnected`}
                  </span>
                ) : null
              ) : (
                <span className="readonly-badge" data-testid="readonly-badge">
                  {t`Read only — observer`}
                </span>
              )
            }
          />
        ) : (
          <div className="editor-shell">
            {notices}
            {stopped ? null : (
              <LoadingPanel
                label={
                  sync.refusal ? t`Reloading the draft from the server…` : t`Loading the draft…`
                }
              />
            )}
          </div>
        )}
      </main>
    </div>
  );
}
