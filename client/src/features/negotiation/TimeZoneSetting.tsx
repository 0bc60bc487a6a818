import { useLingui } from '@lingui/react/macro';
import { type FormEvent, useId, useMemo, useState } from 'react';
import { setNegotiationTimeZone } from '../../api/endpoints';
import { useTimeFormat } from '../../app/timeZone';

/** The zones the browser knows, for the suggestions under the field (UTC first). */
function knownZones(): string[] {
  const zones =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return ['UTC', ...zones.filter((zone) => zone !== 'UTC')];
}

/**
 * The negotiation's time zone in words ("Times are New York time (UTC-5)"), and for a moderator
 * a way to change it. The server decides whether a name is a zone; its refusal is shown as is.
 */
export function TimeZoneSetting({
  negotiationId,
  mayChange,
  onChanged,
}: {
  negotiationId: string;
  mayChange: boolean;
  /** Called once the server has stored a new zone, to load the page again. */
  onChanged: () => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  const zone = time.zone();
  const zoneName = time.timeZone;
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState(time.timeZone);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = useId();
  const zones = useMemo(() => (editing ? knownZones() : []), [editing]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await setNegotiationTimeZone(negotiationId, value);
    setBusy(false);
    if (!result.ok) {
      setError(result.error.message);
      return;
    }
    setEditing(false);
    onChanged();
  };

  return (
    <div className="time-zone-setting" data-testid="time-zone-setting">
      <span data-testid="negotiation-time-zone" data-time-zone={time.timeZone}>
        {t`Times are ${zone} (${zoneName}).`}
      </span>
      {mayChange && !editing ? (
        <button
          type="button"
          className="button button--quiet"
          data-testid="time-zone-change"
          onClick={() => {
            setValue(time.timeZone);
            setEditing(true);
          }}
        >
          {t`Change time zone`}
        </button>
      ) : null}
      {editing ? (
        <form className="time-zone-setting__form" onSubmit={submit}>
          <label className="field__label" htmlFor={inputId}>
            {t`Time zone of the negotiation (an IANA name, such as America/Mexico_City)`}
          </label>
          <input
            id={inputId}
            className="field__input"
            data-testid="time-zone-input"
            list={`${inputId}-zones`}
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${inputId}-error` : undefined}
            onChange={(event) => setValue(event.target.value)}
          />
          <datalist id={`${inputId}-zones`}>
            {zones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
          <div className="time-zone-setting__actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {t`Save`}
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setEditing(false);
                setError(null);
              }}
            >
              {t`Cancel`}
            </button>
          </div>
          {error ? (
            <p
              id={`${inputId}-error`}
              className="time-zone-setting__error"
              data-testid="time-zone-error"
              role="alert"
            >
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
