import type { ClauseAlternative } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { clauseBracketOwners } from '@accord/shared/domain/liveBrackets';
import { clauseTextHash } from '@accord/shared/domain/textHash';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { chooseAlternative } from '../../api/endpoints';
import { delegationName, listInWords } from '../../i18n/domainWords';
import type { ClauseView } from '../../sync/clauseViews';
import {
  bracketsRemovedWarning,
  otherBracketOwners,
  positionsClearedWarning,
} from './choiceReview';
import { redlineParts } from './wordDiff';

/**
 * The moderator's review before an alternative replaces a clause: the redline of the current
 * text against the alternative, whose brackets it removes (named), which positions it clears,
 * and an explicit confirmation. The review follows the clause live; the confirmation carries
 * the hash of the text it was made against, and the server refuses it if the text changed.
 */
export function ChoiceReview({
  documentId,
  view,
  doc,
  alternative,
  name,
  chooser,
  onClose,
}: {
  documentId: string;
  view: ClauseView;
  doc: Y.Doc;
  alternative: ClauseAlternative;
  /** "Alt 1 [MX]". */
  name: string;
  chooser: DelegationCode;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const redline = useMemo(
    () => redlineParts(view.text, alternative.text),
    [view.text, alternative.text],
  );
  // The brackets of the text as it is now: the view changes with every edit and meta write.
  const owners = useMemo(
    () => clauseBracketOwners(doc, view.text, view.brackets),
    [doc, view.text, view.brackets],
  );
  const bracketWarning = bracketsRemovedWarning(owners, chooser);
  const positionsWarning = positionsClearedWarning(view.positions);
  const others = otherBracketOwners(owners, chooser);
  const otherNames = listInWords(others.map(delegationName));
  const othersGone = plural(others.length, {
    one: `${otherNames} will see its brackets gone.`,
    other: `${otherNames} will see their brackets gone.`,
  });

  useEffect(() => {
    confirmRef.current?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    const result = await chooseAlternative(
      documentId,
      view.id,
      alternative.id,
      clauseTextHash(view.text),
    );
    setBusy(false);
    if (result.ok) onClose();
    else setError(result.error.message);
  };

  return (
    <div
      className="choice-review"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="choice-review"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <h4 className="choice-review__title" id={titleId}>
        {t`Replace the text of ${view.label} with ${name}?`}
      </h4>
      <p className="choice-review__legend">
        {t`The redline of the current text: struck-through words go, underlined words come in.`}
      </p>
      <blockquote className="choice-review__redline" data-testid="choice-redline">
        {redline.map((part, index) => {
          const key = `${index}-${part.kind}`;
          if (part.kind === 'inserted') return <ins key={key}>{part.text}</ins>;
          if (part.kind === 'deleted') return <del key={key}>{part.text}</del>;
          return 'text' in part ? <span key={key}>{part.text}</span> : null;
        })}
      </blockquote>
      {bracketWarning ? (
        <p
          className="choice-review__warning"
          data-testid="choice-brackets"
          data-delegations={others.join(' ')}
          role="alert"
        >
          {bracketWarning}
          {others.length > 0 ? ` ${othersGone}` : ''}
        </p>
      ) : null}
      {positionsWarning ? (
        <p className="choice-review__note" data-testid="choice-positions">
          {positionsWarning}
        </p>
      ) : null}
      <p className="choice-review__note">
        {t`The current text, the other alternatives and this choice stay in the clause's history and the audit log.`}
      </p>
      <div className="alternatives__actions">
        <button
          ref={confirmRef}
          type="button"
          className="button button--primary"
          data-testid="choice-confirm"
          disabled={busy}
          onClick={() => void confirm()}
        >
          {t`Replace the text`}
        </button>
        <button
          type="button"
          className="button button--quiet"
          data-testid="choice-cancel"
          onClick={onClose}
        >
          {t`Cancel`}
        </button>
      </div>
      {error ? (
        <p className="position-actions__error" role="alert" data-testid="choice-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
