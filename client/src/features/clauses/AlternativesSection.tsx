import { can } from '@accord/shared/policy/policy';
import type { DocumentResponse } from '@accord/shared/protocol/api';
import { LIMITS } from '@accord/shared/protocol/limits';
import { useLingui } from '@lingui/react/macro';
import { type FormEvent, useState } from 'react';
import type * as Y from 'yjs';
import type { ApiResult } from '../../api/apiResult';
import { chooseAlternative, proposeAlternative, withdrawAlternative } from '../../api/endpoints';
import { DelegationChip } from '../../app/DelegationChip';
import { delegationName } from '../../i18n/domainWords';
import type { ClauseView } from '../../sync/clauseViews';
import { ChoiceReview } from './ChoiceReview';
import type { NameLookup } from './clearedNotice';

/**
 * A clause's competing wordings ("Alt 1 [MX]"): each with its proposer, a way to withdraw it
 * for its delegation or a moderator, a moderator's "Use this wording" (which opens a review:
 * the redline and what the choice removes, then a confirmation) and "Keep the current text",
 * and a form to propose one. The server checks every command; what is shown comes back live
 * through the draft's meta map.
 * The panel is keyed on the clause, so a half-written wording never moves to another one.
 */
export function AlternativesSection({
  documentId,
  view,
  doc,
  membership,
  nameOf,
}: {
  documentId: string;
  view: ClauseView;
  /** The draft, to tell which brackets of the clause are still in its text. */
  doc: Y.Doc;
  membership: DocumentResponse['membership'];
  nameOf: NameLookup;
}) {
  const { id: clauseId, label: clauseLabel, alternatives } = view;
  const locked = view.lock !== null;
  const { t } = useLingui();
  const [draft, setDraft] = useState('');
  const [composing, setComposing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The alternative whose choice the moderator is reviewing. */
  const [reviewing, setReviewing] = useState<string | null>(null);

  const run = async (command: () => Promise<ApiResult<unknown>>): Promise<boolean> => {
    setBusy(true);
    setError(null);
    const result = await command();
    setBusy(false);
    if (!result.ok) setError(result.error.message);
    return result.ok;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const done = await run(() => proposeAlternative(documentId, clauseId, draft));
    if (done) {
      setDraft('');
      setComposing(false);
    }
  };

  const ownName = delegationName(membership.delegation);
  const mayPropose = can(membership, 'proposeAlternative') && !locked;
  const mayChoose = can(membership, 'chooseAlternative') && !locked;
  if (alternatives.length === 0 && !mayPropose) return null;

  return (
    <div className="alternatives" data-testid="clause-alternatives">
      <h3 className="clause-panel__section">{t`Alternatives`}</h3>
      {alternatives.length === 0 ? (
        <p className="clause-panel__note">{t`No alternative wording proposed.`}</p>
      ) : (
        <ol className="alternatives__list" aria-label={t`Alternative wordings of ${clauseLabel}`}>
          {alternatives.map((alternative, index) => {
            const number = index + 1;
            const mayWithdraw =
              !locked &&
              can(membership, 'withdrawAlternative', { delegation: alternative.delegation });
            return (
              <li
                key={alternative.id}
                className="alternatives__item"
                data-testid="alternative"
                data-delegation={alternative.delegation}
              >
                <div className="alternatives__head">
                  <strong>{t`Alt ${number}`}</strong>
                  <DelegationChip code={alternative.delegation} compact />
                  <span className="alternatives__who">
                    {nameOf(alternative.userId) ?? delegationName(alternative.delegation)}
                  </span>
                </div>
                <p className="alternatives__text">{alternative.text}</p>
                {mayChoose && reviewing === alternative.id ? (
                  <ChoiceReview
                    documentId={documentId}
                    view={view}
                    doc={doc}
                    alternative={alternative}
                    name={`${t`Alt ${number}`} [${alternative.delegation}]`}
                    chooser={membership.delegation}
                    onClose={() => setReviewing(null)}
                  />
                ) : mayChoose || mayWithdraw ? (
                  <div className="alternatives__actions">
                    {mayChoose ? (
                      <button
                        type="button"
                        className="button"
                        data-testid="choose-alternative"
                        disabled={busy}
                        onClick={() => setReviewing(alternative.id)}
                      >
                        {t`Use this wording…`}
                      </button>
                    ) : null}
                    {mayWithdraw ? (
                      <button
                        type="button"
                        className="button button--quiet"
                        data-testid="withdraw-alternative"
                        disabled={busy}
                        onClick={() =>
                          run(() => withdrawAlternative(documentId, clauseId, alternative.id))
                        }
                      >
                        {t({ message: 'Withdraw', context: 'Withdraw a proposed alternative' })}
                      </button>
                    ) : null}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {mayChoose && alternatives.length > 0 ? (
        <button
          type="button"
          className="button"
          data-testid="keep-clause-text"
          disabled={busy}
          onClick={() => run(() => chooseAlternative(documentId, clauseId, null))}
        >
          {t`Keep the current text, set the alternatives aside`}
        </button>
      ) : null}
      {mayPropose ? (
        composing ? (
          <form className="alternatives__form" onSubmit={submit}>
            <label className="alternatives__label" htmlFor="alternative-text">
              {t`Alternative wording of ${clauseLabel} for ${ownName}`}
            </label>
            <textarea
              id="alternative-text"
              data-testid="alternative-text"
              className="alternatives__input"
              value={draft}
              maxLength={LIMITS.alternativeTextMax}
              rows={3}
              onChange={(event) => setDraft(event.target.value)}
            />
            <div className="alternatives__actions">
              <button
                type="submit"
                className="button"
                data-testid="submit-alternative"
                disabled={busy || draft.trim() === ''}
              >
                {t`Propose`}
              </button>
              <button
                type="button"
                className="button button--quiet"
                onClick={() => setComposing(false)}
              >
                {t`Cancel`}
              </button>
            </div>
          </form>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="propose-alternative"
            onClick={() => setComposing(true)}
          >
            {t`Propose an alternative wording`}
          </button>
        )
      ) : null}
      {error ? (
        <p className="position-actions__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
