import type { AuditVerifyResponse } from '@accord/shared/domain/audit';
import { plural } from '@lingui/core/macro';
import { useLingui } from '@lingui/react/macro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { auditCsvUrl, fetchAuditLog, verifyAuditLog } from '../../api/endpoints';
import { DelegationChip } from '../../app/DelegationChip';
import { useTimeFormat } from '../../app/timeZone';
import { useApiResource } from '../../app/useApiResource';
import { auditActionLabel, describeAuditEntry } from './auditDescription';
import '../clauses/HistoryDrawer.css';
import '../locks/locks.css';

/**
 * The negotiation's audit log for moderators: who, delegation, when and what, newest first; a
 * "Verify chain" button that checks the hash chain on the server and names the first broken
 * entry; and a CSV download. Fetched when opened and on "Refresh".
 */
export function AuditDrawer({
  negotiationId,
  onClose,
}: {
  negotiationId: string;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const load = useCallback(
    (signal: AbortSignal) => fetchAuditLog(negotiationId, signal),
    [negotiationId],
  );
  const { resource, refresh } = useApiResource(`audit:${negotiationId}`, load);
  const [verdict, setVerdict] = useState<AuditVerifyResponse | null>(null);
  const [verifyError, setVerifyError] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const time = useTimeFormat();

  useEffect(() => {
    headingRef.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const now = Date.now();
  const zone = time.zone(now);
  const brokenSeq = verdict?.firstBroken?.seq;
  const brokenReason = verdict?.firstBroken?.reason;
  const verify = async () => {
    setVerifyError(null);
    const result = await verifyAuditLog(negotiationId);
    if (result.ok) setVerdict(result.value);
    else setVerifyError(result.error.message);
  };

  return (
    <aside
      className="history-drawer audit"
      data-testid="audit-drawer"
      role="dialog"
      aria-labelledby="audit-drawer-title"
    >
      <header className="history-drawer__head">
        <h2
          className="history-drawer__title"
          id="audit-drawer-title"
          tabIndex={-1}
          ref={headingRef}
        >
          {t`Audit log`}
        </h2>
        <button
          type="button"
          className="button button--quiet"
          data-testid="audit-close"
          onClick={onClose}
        >
          {t`Close`}
        </button>
      </header>
      <div className="history-drawer__body">
        <div className="audit__actions">
          <button
            type="button"
            className="button"
            data-testid="audit-verify"
            onClick={() => void verify()}
          >
            {t`Verify chain`}
          </button>
          <a
            className="button button--quiet"
            data-testid="audit-csv"
            href={auditCsvUrl(negotiationId)}
            download
          >
            {t`Download CSV`}
          </a>
          <button type="button" className="button button--quiet" onClick={refresh}>
            {t`Refresh`}
          </button>
        </div>
        {verdict ? (
          <p
            className={verdict.ok ? 'audit__verdict--ok' : 'audit__verdict--broken'}
            data-testid="audit-verdict"
            data-ok={String(verdict.ok)}
            role="status"
          >
            {verdict.ok
              ? plural(verdict.entries, {
                  one: 'Chain intact: # entry verified.',
                  other: 'Chain intact: # entries verified.',
                })
              : t`Chain broken at entry ${brokenSeq}: ${brokenReason}`}
          </p>
        ) : null}
        {verifyError ? (
          <p className="audit__error" role="alert">
            {verifyError}
          </p>
        ) : null}
        {resource.status === 'loading' ? (
          <p className="history-drawer__note">{t`Loading the audit log…`}</p>
        ) : resource.status === 'error' ? (
          <p className="history-drawer__note history-drawer__note--error" role="alert">
            {resource.error.message}
          </p>
        ) : resource.value.entries.length === 0 ? (
          <p className="history-drawer__note">{t`Nothing recorded yet.`}</p>
        ) : (
          <table className="audit-table">
            <caption className="history-drawer__note" data-testid="audit-time-zone">
              {t`Times are ${zone}.`}
            </caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t({ message: 'When', context: 'Audit log column' })}</th>
                <th scope="col">{t({ message: 'Who', context: 'Audit log column' })}</th>
                <th scope="col">{t({ message: 'What', context: 'Audit log column' })}</th>
              </tr>
            </thead>
            <tbody>
              {[...resource.value.entries].reverse().map((entry) => (
                <tr key={entry.seq} data-testid="audit-entry" data-action={entry.action}>
                  <td>{entry.seq}</td>
                  <td>
                    <time dateTime={new Date(entry.at).toISOString()} title={time.full(entry.at)}>
                      {time.short(entry.at, now)}
                    </time>
                  </td>
                  <td>
                    {entry.delegation ? <DelegationChip code={entry.delegation} compact /> : null}{' '}
                    {entry.displayName}
                  </td>
                  <td>
                    <strong>{auditActionLabel(entry.action)}</strong> {describeAuditEntry(entry)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </aside>
  );
}
