import type { DelegationCode } from '@accord/shared/domain/delegations';
import { type Actor, can } from '@accord/shared/policy/policy';
import type { ThreadVisibility } from '@accord/shared/policy/threadPolicy';
import { LIMITS } from '@accord/shared/protocol/limits';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import type { CommentTarget } from '../../editor/commentSelection';
import { delegationName } from '../../i18n/domainWords';
import type { ThreadChannel } from './ThreadChannel';
import { createThread } from './threadEndpoints';

/**
 * The form of a new thread on the selected words: who sees it ("All delegations" or, clearly
 * marked, "My delegation only") and the first message.
 */
export function NewThreadForm({
  documentId,
  target,
  me,
  channel,
  onDone,
}: {
  documentId: string;
  target: CommentTarget;
  me: Actor & { delegation: DelegationCode };
  channel: ThreadChannel;
  onDone: (threadId: string | null) => void;
}) {
  const mayPrivate = can(me, 'createThread', { visibility: 'private' });
  const { t } = useLingui();
  const [visibility, setVisibility] = useState<ThreadVisibility>('public');
  // Focused once the margin has placed the form level with the words (a layout effect, which
  // runs before this one): focusing at once would scroll the window to where it first appears.
  const textRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    textRef.current?.focus({ preventScroll: true });
    textRef.current?.scrollIntoView({ block: 'nearest' });
  }, []);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const ownName = delegationName(me.delegation);
  const submit = async () => {
    setBusy(true);
    const result = await createThread(documentId, visibility, target.anchor, target.quote, text);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    channel.apply(result.value.thread);
    onDone(result.value.thread.id);
  };

  return (
    <form
      className="thread-card thread-card--new"
      data-testid="new-thread-form"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="thread-card__quote">
        <q>{target.quote}</q>
      </p>
      <fieldset className="thread-visibility">
        <legend>{t`Who sees this thread`}</legend>
        <label>
          <input
            type="radio"
            name="thread-visibility"
            checked={visibility === 'public'}
            onChange={() => setVisibility('public')}
          />
          {t`All delegations`}
        </label>
        {mayPrivate ? (
          <label className="thread-visibility__private">
            <input
              type="radio"
              name="thread-visibility"
              checked={visibility === 'private'}
              onChange={() => setVisibility('private')}
            />
            {t`My delegation only (${ownName}) — private`}
          </label>
        ) : null}
      </fieldset>
      <textarea
        className="thread-form__text"
        aria-label={t({ message: 'Comment', context: 'A comment in a thread' })}
        placeholder={t`Comment…`}
        value={text}
        maxLength={LIMITS.threadMessageMax}
        onChange={(event) => setText(event.target.value)}
        ref={textRef}
      />
      {error ? (
        <p className="thread-card__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="thread-form__buttons">
        <button
          type="submit"
          className="button button--small"
          disabled={busy || text.trim() === ''}
        >
          {t({ message: 'Comment', context: 'Toolbar button: comment on the selection' })}
        </button>
        <button
          type="button"
          className="button button--quiet button--small"
          onClick={() => onDone(null)}
        >
          {t`Cancel`}
        </button>
      </div>
    </form>
  );
}
