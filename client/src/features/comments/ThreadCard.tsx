import { DELEGATIONS } from '@accord/shared/domain/delegations';
import { type Actor, can } from '@accord/shared/policy/policy';
import { LIMITS } from '@accord/shared/protocol/limits';
import type { ThreadResponse, ThreadView } from '@accord/shared/protocol/threads';
import { useLingui } from '@lingui/react/macro';
import { forwardRef, useState } from 'react';
import type { ApiResult } from '../../api/apiResult';
import { DelegationChip } from '../../app/DelegationChip';
import { delegationName } from '../../i18n/domainWords';
import type { ThreadChannel } from './ThreadChannel';
import { ThreadMessage } from './ThreadMessage';
import {
  deleteMessage,
  editMessage,
  hideMessage,
  markThreadRead,
  replyToThread,
  setThreadResolved,
} from './threadEndpoints';

/** What a card needs besides its thread. */
export interface ThreadCardProps {
  thread: ThreadView;
  clauseLabel: string;
  detached: boolean;
  active: boolean;
  me: Actor & { userId: string };
  channel: ThreadChannel;
  onActivate: (threadId: string) => void;
  style?: React.CSSProperties;
}

/**
 * One thread in the margin: who opened it and for whom, the words it is about (or, detached,
 * the quote of words since deleted), its messages, a reply box, resolve/reopen and an unread
 * badge. Every command's answer updates the thread at once; the live channel brings the rest.
 */
export const ThreadCard = forwardRef<HTMLElement, ThreadCardProps>(function ThreadCard(
  { thread, clauseLabel, detached, active, me, channel, onActivate, style },
  ref,
) {
  const { t } = useLingui();
  const [reply, setReply] = useState('');
  const [error, setError] = useState<string | null>(null);
  const documentId = thread.documentId;
  const mayReply = can(me, 'replyThread', thread);
  const mayResolve = can(me, 'resolveThread', thread);

  const run = async (call: Promise<ApiResult<ThreadResponse>>): Promise<boolean> => {
    const result = await call;
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setError(null);
    channel.apply(result.value.thread);
    return true;
  };
  const actions = {
    edit: (messageId: string, text: string) =>
      run(editMessage(documentId, thread.id, messageId, text)),
    remove: (messageId: string) => run(deleteMessage(documentId, thread.id, messageId)),
    hide: (messageId: string, reason: string) =>
      run(hideMessage(documentId, thread.id, messageId, reason)),
  };
  const activate = () => {
    onActivate(thread.id);
    if (thread.unread > 0) void run(markThreadRead(documentId, thread.id));
  };
  const owner = DELEGATIONS[thread.delegation];
  const ownerName = delegationName(thread.delegation);

  return (
    <article
      ref={ref}
      className={`thread-card${active ? ' thread-card--active' : ''}${thread.visibility === 'private' ? ' thread-card--private' : ''}`}
      style={{ ...style, borderLeftColor: owner.colour }}
      data-testid="thread-card"
      data-thread-id={thread.id}
      data-visibility={thread.visibility}
      aria-label={t`Thread by ${ownerName} on ${clauseLabel}`}
      onClickCapture={activate}
    >
      <header className="thread-card__header">
        <DelegationChip code={thread.delegation} compact />
        <span className="thread-card__clause">{clauseLabel}</span>
        {thread.visibility === 'private' ? (
          <span className="thread-card__private" data-testid="thread-private-badge">
            {t`Private — ${thread.delegation} only`}
          </span>
        ) : (
          <span className="thread-card__public">{t`All delegations`}</span>
        )}
        {thread.unread > 0 ? (
          <span
            className="thread-card__unread"
            data-testid="thread-unread"
            title={t`Unread messages`}
          >
            {thread.unread}
          </span>
        ) : null}
      </header>
      {detached ? (
        <p className="thread-card__detached" data-testid="thread-detached">
          {t`Detached — the text was deleted:`} <q>{thread.quote}</q>
        </p>
      ) : (
        <p className="thread-card__quote">
          <q>{thread.quote}</q>
        </p>
      )}
      {thread.resolved ? (
        <p className="thread-card__resolved">{t`Resolved by ${thread.resolved.by.displayName}`}</p>
      ) : null}
      <ol className="thread-card__messages">
        {thread.messages.map((message) => (
          <ThreadMessage
            key={message.id}
            thread={thread}
            message={message}
            me={me}
            actions={actions}
          />
        ))}
      </ol>
      {error ? (
        <p className="thread-card__error" role="alert">
          {error}
        </p>
      ) : null}
      {mayReply && thread.resolved === null ? (
        <form
          className="thread-form"
          onSubmit={(event) => {
            event.preventDefault();
            void run(replyToThread(documentId, thread.id, reply)).then((ok) => {
              if (ok) setReply('');
            });
          }}
        >
          <textarea
            className="thread-form__text"
            aria-label={t({ message: 'Reply', context: 'A reply in a comment thread' })}
            placeholder={t`Reply…`}
            rows={1}
            value={reply}
            maxLength={LIMITS.threadMessageMax}
            onChange={(event) => setReply(event.target.value)}
          />
          <div className="thread-form__buttons">
            <button type="submit" className="button button--small" disabled={reply.trim() === ''}>
              {t({ message: 'Reply', context: 'Button: send a reply' })}
            </button>
          </div>
        </form>
      ) : null}
      {mayResolve ? (
        <button
          type="button"
          className="link-button thread-card__resolve"
          onClick={() =>
            void run(setThreadResolved(documentId, thread.id, thread.resolved === null))
          }
        >
          {thread.resolved === null ? t`Resolve` : t`Reopen`}
        </button>
      ) : null}
    </article>
  );
});
