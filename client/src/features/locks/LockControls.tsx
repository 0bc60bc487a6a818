import { LOCK_REASON_MAX_CHARS, lockReasonRequired } from '@accord/shared/domain/locks';
import { useLingui } from '@lingui/react/macro';
import { type FormEvent, useState } from 'react';
import { setClauseLock } from '../../api/endpoints';
import type { ClauseView } from '../../sync/clauseViews';
import { LockIcon } from './LockIcon';
import './locks.css';

/**
 * A moderator's lock and unlock for one clause. Locking an agreed clause (all five agree, no brackets
 * or alternatives) takes one click; otherwise, and always to unlock, a reason is asked for first (`lockReasonRequired`).
 * The result is shown from the Y.Doc once the server has written it, never optimistically.
 * Keyed on the clause and its lock state, so a half-typed reason never outlives either.
 */
export function LockControls({ view, documentId }: { view: ClauseView; documentId: string }) {
  const { t } = useLingui();
  const locked = view.lock !== null;
  const needsReason = lockReasonRequired(!locked, view);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const send = async (withReason: string | null) => {
    setPending(true);
    setError(null);
    const result = await setClauseLock(documentId, view.id, {
      locked: !locked,
      reason: withReason,
    });
    setPending(false);
    if (!result.ok) setError(result.error.message);
    else setAsking(false);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (needsReason && reason.trim() === '') {
      setError(t`Please give a reason.`);
      return;
    }
    void send(reason.trim() === '' ? null : reason.trim());
  };

  const action = locked ? t`Unlock ${view.label}` : t`Lock ${view.label}`;
  return (
    <div className="lock-controls">
      {asking ? (
        <form className="lock-reason" data-testid="lock-reason-form" onSubmit={submit}>
          <label className="lock-reason__label" htmlFor="lock-reason">
            {locked
              ? t`Why is ${view.label} unlocked?`
              : t`Not all five delegations agree with ${view.label}. Why lock it now?`}
          </label>
          <textarea
            id="lock-reason"
            className="lock-reason__input"
            data-testid="lock-reason"
            maxLength={LOCK_REASON_MAX_CHARS}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            // biome-ignore lint/a11y/noAutofocus: the form opens on the moderator's own click
            autoFocus
          />
          <div className="lock-reason__actions">
            <button type="submit" className="button" data-testid="lock-confirm" disabled={pending}>
              {action}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setAsking(false)}>
              {t`Cancel`}
            </button>
          </div>
        </form>
      ) : (
        <button
          type="button"
          className={locked ? 'button button--quiet' : 'button'}
          data-testid={locked ? 'unlock-button' : 'lock-button'}
          disabled={pending}
          onClick={() => (needsReason ? setAsking(true) : void send(null))}
        >
          <LockIcon open={locked} /> {action}
        </button>
      )}
      {error ? (
        <p className="lock-controls__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
