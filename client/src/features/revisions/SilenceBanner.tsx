import type { RevisionListResponse } from '@accord/shared/revisions/revisions';
import { formatCountdown, type SilenceProcedureView } from '@accord/shared/revisions/silence';
import { Trans, useLingui } from '@lingui/react/macro';
import { type FormEvent, useEffect, useState } from 'react';
import { useTimeFormat } from '../../app/timeZone';
import { delegationName } from '../../i18n/domainWords';
import { useLocale } from '../../i18n/LocaleProvider';
import { breakSilence } from './revisionEndpoints';
import './SilenceBanner.css';

/** Milliseconds the server's clock is ahead of this browser's, from the last answer. */
function clockSkew(list: RevisionListResponse | null, receivedAt: number): number {
  return list === null ? 0 : list.serverNow - receivedAt;
}

/** Ticks once a second while a procedure runs, for the countdown. */
function useSecondTick(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * The silence procedure as everyone sees it, live: while it runs, the revision, the deadline
 * on the negotiation's clock and the time left, with a way for a delegation to break silence
 * with a written reason; once ended, who broke it and why, or that the text was adopted.
 */
export function SilenceBanner({
  documentId,
  list,
  receivedAt,
  mayBreak,
  onChanged,
}: {
  documentId: string;
  list: RevisionListResponse | null;
  receivedAt: number;
  mayBreak: boolean;
  onChanged: () => void;
}) {
  const { t } = useLingui();
  const { locale } = useLocale();
  const silence: SilenceProcedureView | null = list?.silence ?? null;
  const time = useTimeFormat();
  const running = silence?.state === 'running';
  const now = useSecondTick(running) + clockSkew(list, receivedAt);
  const [breaking, setBreaking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (silence === null) return null;
  const revision = `Rev.${silence.revisionNumber} (${silence.revisionSymbol})`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await breakSilence(documentId, reason);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setBreaking(false);
    setReason('');
    setError(null);
    onChanged();
  };

  if (silence.state === 'broken') {
    const by = silence.brokenBy;
    const breaker = by ? `${delegationName(by.delegation)} (${by.displayName})` : t`a delegation`;
    const when = silence.endedAt ? `, ${time.short(silence.endedAt)}` : '';
    return (
      <div
        className="silence-banner silence-banner--broken"
        role="status"
        data-testid="silence-banner"
      >
        <Trans>
          <strong>Silence broken</strong> on {revision} by {breaker}
          {when}:
        </Trans>{' '}
        <q data-testid="silence-reason">{silence.reason}</q>
      </div>
    );
  }
  const deadline = time.short(silence.deadline);
  const left = formatCountdown(silence.deadline - now, locale);
  if (silence.state === 'adopted') {
    return (
      <div
        className="silence-banner silence-banner--adopted"
        role="status"
        data-testid="silence-banner"
      >
        <Trans>
          <strong>Adopted under silence procedure:</strong> {revision}, at its deadline {deadline}.
          Its clauses are locked as the Chair's.
        </Trans>
      </div>
    );
  }
  return (
    <div
      className="silence-banner silence-banner--running"
      role="status"
      data-testid="silence-banner"
    >
      <div>
        <Trans>
          <strong>Silence procedure</strong> on {revision} until{' '}
          <time
            dateTime={new Date(silence.deadline).toISOString()}
            title={time.full(silence.deadline)}
          >
            {deadline}
          </time>{' '}
          — <span data-testid="silence-countdown">{left}</span> left. Unless a delegation breaks
          silence by then, the text is adopted.
        </Trans>
      </div>
      {mayBreak && !breaking ? (
        <button type="button" className="button button--danger" onClick={() => setBreaking(true)}>
          {t`Break silence…`}
        </button>
      ) : null}
      {breaking ? (
        <form className="silence-break-form" onSubmit={submit}>
          <label>
            {t`Why your delegation breaks silence (shown to everyone)`}
            <textarea value={reason} onChange={(event) => setReason(event.target.value)} required />
          </label>
          <button type="submit" className="button button--danger">
            {t`Break silence`}
          </button>
          <button type="button" className="button" onClick={() => setBreaking(false)}>
            {t`Cancel`}
          </button>
          {error ? <p role="alert">{error}</p> : null}
        </form>
      ) : null}
    </div>
  );
}
