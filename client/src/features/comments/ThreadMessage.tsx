import { type Actor, can } from '@accord/shared/policy/policy';
import { LIMITS } from '@accord/shared/protocol/limits';
import type { ThreadMessageView, ThreadView } from '@accord/shared/protocol/threads';
import { useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';

/** What a message can ask of its thread's card. */
export interface MessageActions {
  edit: (messageId: string, text: string) => Promise<boolean>;
  remove: (messageId: string) => Promise<boolean>;
  hide: (messageId: string, reason: string) => Promise<boolean>;
}

/**
 * One message: author, delegation, time and its text — always as React text, never as HTML, so
 * that markup or script in a message is shown, not run. A deleted or hidden message says so.
 */
export function ThreadMessage({
  thread,
  message,
  me,
  actions,
}: {
  thread: ThreadView;
  message: ThreadMessageView;
  me: Actor & { userId: string };
  actions: MessageActions;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  const [mode, setMode] = useState<'view' | 'edit' | 'hide'>('view');
  const [draft, setDraft] = useState('');
  const withheld = message.body === null;
  const mine = { ...thread, authorId: message.author.userId };
  const mayEdit = !withheld && can(me, 'editMessage', mine);
  const mayHide = !withheld && can(me, 'hideMessage', thread);

  const submit = async () => {
    const ok =
      mode === 'edit'
        ? await actions.edit(message.id, draft)
        : await actions.hide(message.id, draft);
    if (ok) setMode('view');
  };

  return (
    <li className="thread-message" data-testid="thread-message">
      <div className="thread-message__meta">
        <DelegationChip code={message.author.delegation} compact />
        <span className="thread-message__author">{message.author.displayName}</span>
        <time
          className="thread-message__time"
          dateTime={new Date(message.at).toISOString()}
          title={time.full(message.at)}
        >
          {time.short(message.at)}
        </time>
        {message.editedAt !== null && !withheld ? (
          <span className="thread-message__edited">{t`(edited)`}</span>
        ) : null}
      </div>
      {message.hidden ? (
        <p className="thread-message__withheld" data-testid="message-hidden">
          {t`Hidden by the Chair: ${message.hidden.reason}`}
        </p>
      ) : message.deleted ? (
        <p className="thread-message__withheld">{t`Message deleted`}</p>
      ) : mode === 'view' ? (
        <p className="thread-message__body" data-testid="message-body">
          {message.body}
        </p>
      ) : (
        <form
          className="thread-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <textarea
            className="thread-form__text"
            aria-label={mode === 'edit' ? t`Edit your message` : t`Reason for hiding`}
            value={draft}
            maxLength={mode === 'edit' ? LIMITS.threadMessageMax : LIMITS.hideReasonMax}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="thread-form__buttons">
            <button type="submit" className="button button--small" disabled={draft.trim() === ''}>
              {mode === 'edit' ? t`Save` : t`Hide message`}
            </button>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => setMode('view')}
            >
              {t`Cancel`}
            </button>
          </div>
        </form>
      )}
      {mode === 'view' && (mayEdit || mayHide) ? (
        <div className="thread-message__actions">
          {mayEdit ? (
            <>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setDraft(message.body ?? '');
                  setMode('edit');
                }}
              >
                {t`Edit`}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => void actions.remove(message.id)}
              >
                {t`Delete`}
              </button>
            </>
          ) : null}
          {mayHide ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setDraft('');
                setMode('hide');
              }}
            >
              {t`Hide`}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
