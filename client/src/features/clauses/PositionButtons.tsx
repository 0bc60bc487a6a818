import type { DelegationCode } from '@accord/shared/domain/delegations';
import { POSITIONS, type Position } from '@accord/shared/domain/positions';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { statePosition } from '../../api/endpoints';
import { delegationName, positionLabel } from '../../i18n/domainWords';

/**
 * A delegate's controls for their own delegation's position on one clause: state one of the
 * four, or withdraw it. The server checks the policy again and writes the result into the
 * draft's Yjs document; the panel shows it from there, so nothing is shown optimistically.
 * The panel is keyed on the clause: a message about another clause would mislead.
 */
export function PositionButtons({
  documentId,
  clauseId,
  clauseLabel,
  delegation,
  current,
}: {
  documentId: string;
  clauseId: string;
  clauseLabel: string;
  delegation: DelegationCode;
  current: Position | null;
}) {
  const { t } = useLingui();
  const [pending, setPending] = useState<Position | 'none' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (position: Position | null) => {
    setPending(position ?? 'none');
    setError(null);
    const result = await statePosition(documentId, clauseId, position);
    setPending(null);
    if (!result.ok) setError(result.error.message);
  };

  const name = delegationName(delegation);
  return (
    <div className="position-actions">
      <fieldset className="position-actions__set">
        <legend className="position-actions__title">
          {t`${name}’s position on ${clauseLabel}`}
        </legend>
        <div className="position-actions__buttons">
          {POSITIONS.map((position) => (
            <button
              key={position}
              type="button"
              className={`position-button position-button--${position}`}
              data-testid="position-button"
              data-position={position}
              data-delegation={delegation}
              aria-pressed={current === position}
              aria-busy={pending === position}
              disabled={pending !== null}
              onClick={() => (current === position ? undefined : send(position))}
            >
              {positionLabel(position)}
            </button>
          ))}
        </div>
      </fieldset>
      <div className="position-actions__footer">
        {current !== null ? (
          <button
            type="button"
            className="button button--quiet position-actions__withdraw"
            data-testid="position-button"
            data-position="none"
            data-delegation={delegation}
            disabled={pending !== null}
            onClick={() => send(null)}
          >
            {t`Withdraw ${name}’s position`}
          </button>
        ) : (
          <span className="position-actions__hint">
            <Trans>Not stated yet.</Trans>
          </span>
        )}
      </div>
      {error ? (
        <p className="position-actions__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
