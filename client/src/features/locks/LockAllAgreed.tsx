import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { lockAllAgreed } from '../../api/endpoints';
import { LockIcon } from './LockIcon';
import './locks.css';

/** A moderator's "lock every agreed clause" for the consensus view, with what it did. */
export function LockAllAgreed({ documentId, agreed }: { documentId: string; agreed: number }) {
  useLingui();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  const run = async () => {
    setPending(true);
    const result = await lockAllAgreed(documentId);
    setPending(false);
    if (!result.ok) setMessage(result.error.message);
    else {
      const count = result.value.locked.length;
      setMessage(plural(count, { one: 'Locked # clause.', other: 'Locked # clauses.' }));
    }
  };

  return (
    <div className="lock-all">
      <button
        type="button"
        className="button"
        data-testid="lock-all-agreed"
        disabled={pending || agreed === 0}
        onClick={() => void run()}
      >
        <LockIcon /> <Trans>Lock all agreed ({agreed})</Trans>
      </button>
      {message ? (
        <span className="lock-all__message" role="status">
          {message}
        </span>
      ) : null}
    </div>
  );
}
