import type { DELEGATIONS } from '@accord/shared/domain/delegations';
import { can } from '@accord/shared/policy/policy';
import type { DocumentResponse } from '@accord/shared/protocol/api';
import { filterComparison } from '@accord/shared/revisions/compareRevisions';
import type { RevisionSummary } from '@accord/shared/revisions/revisions';
import { useLingui } from '@lingui/react/macro';
import { type FormEvent, useCallback, useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { fetchDocument } from '../api/endpoints';
import { AppHeader } from '../app/AppHeader';
import { ErrorPanel, LoadingPanel } from '../app/StatusPanels';
import { NegotiationTimeZone, useTimeFormat } from '../app/timeZone';
import { useApiResource } from '../app/useApiResource';
import { RedlineEditor } from '../features/revisions/RedlineEditor';
import { changeStops, comparisonView, revisionView } from '../features/revisions/redlineDoc';
import {
  type CompareTarget,
  comparisonExportUrl,
  fetchComparison,
  fetchRevision,
  issueRevision,
  revisionExportUrl,
  setSymbolBase,
  startSilence,
} from '../features/revisions/revisionEndpoints';
import { SilenceBanner } from '../features/revisions/SilenceBanner';
import { useRevisionList } from '../features/revisions/useRevisionList';
import { delegationName } from '../i18n/domainWords';
import './RevisionsPage.css';

/** `/d/:documentId/revisions`: the draft's issued revisions, one open read-only, or a comparison. */
export function RevisionsPage() {
  const { t } = useLingui();
  const { documentId = '' } = useParams();
  const load = useCallback(
    (signal: AbortSignal) => fetchDocument(documentId, signal),
    [documentId],
  );
  const { resource, reload } = useApiResource(`document:${documentId}`, load);
  if (resource.status === 'loading') return <LoadingPanel label={t`Opening the revisions…`} />;
  if (resource.status === 'error') {
    return (
      <ErrorPanel
        title={t`These revisions cannot be opened`}
        failure={resource.error}
        onRetry={reload}
      />
    );
  }
  return (
    <NegotiationTimeZone timeZone={resource.value.negotiation.timeZone}>
      <Revisions info={resource.value} />
    </NegotiationTimeZone>
  );
}

function parseTarget(raw: string | null): CompareTarget | null {
  if (raw === 'current') return 'current';
  return raw !== null && /^[1-9]\d*$/.test(raw) ? Number(raw) : null;
}

function Revisions({ info }: { info: DocumentResponse }) {
  const { t } = useLingui();
  const documentId = info.document.id;
  const { membership } = info;
  const moderator = can(membership, 'changeSettings');
  const { list, receivedAt, refresh } = useRevisionList(documentId);
  const [params, setParams] = useSearchParams();
  const viewing = parseTarget(params.get('view'));
  const from = parseTarget(params.get('from'));
  const to = parseTarget(params.get('to'));
  const revisions = list?.revisions ?? [];
  const running = list?.silence?.state === 'running';

  return (
    <div className="revisions-page">
      <AppHeader
        crumbs={[
          { label: t`My negotiations`, to: '/' },
          { label: info.negotiation.title, to: `/n/${encodeURIComponent(info.negotiation.id)}` },
          { label: info.document.title, to: `/d/${encodeURIComponent(documentId)}` },
          { label: t`Revisions` },
        ]}
        delegation={membership.delegation}
      />
      <main className="revisions-main">
        <SilenceBanner
          documentId={documentId}
          list={list}
          receivedAt={receivedAt}
          mayBreak={membership.role !== 'observer'}
          onChanged={refresh}
        />
        {moderator && list ? (
          <ChairControls
            documentId={documentId}
            symbolBase={list.symbolBase}
            latest={revisions.at(-1) ?? null}
            silenceRunning={running}
            onChanged={refresh}
          />
        ) : null}
        <section aria-labelledby="revisions-title">
          <h2 id="revisions-title">{t`Issued revisions`}</h2>
          {revisions.length === 0 ? (
            <p>{t`No revision has been issued yet.`}</p>
          ) : (
            <RevisionTable
              documentId={documentId}
              revisions={revisions}
              moderator={moderator}
              onOpen={(number) => setParams({ view: String(number) })}
              onCompare={(a, b) => setParams({ from: String(a), to: String(b) })}
            />
          )}
        </section>
        {revisions.length > 0 ? (
          <ComparePicker
            revisions={revisions}
            from={from}
            to={to}
            onCompare={(a, b) => setParams({ from: String(a), to: String(b) })}
          />
        ) : null}
        {typeof viewing === 'number' ? (
          <RevisionReader key={viewing} documentId={documentId} number={viewing} />
        ) : null}
        {from !== null && to !== null ? (
          <CompareView
            key={`${from}-${to}`}
            documentId={documentId}
            from={from}
            to={to}
            delegation={membership.delegation}
          />
        ) : null}
      </main>
    </div>
  );
}

function ChairControls({
  documentId,
  symbolBase,
  latest,
  silenceRunning,
  onChanged,
}: {
  documentId: string;
  symbolBase: string | null;
  latest: RevisionSummary | null;
  silenceRunning: boolean;
  onChanged: () => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  const zone = time.zone();
  const nextNumber = (latest?.number ?? 0) + 1;
  const [base, setBase] = useState(symbolBase ?? '');
  const [note, setNote] = useState('');
  const [deadline, setDeadline] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const act = async (
    run: () => Promise<{ ok: boolean; error?: { message: string } }>,
    done: string,
  ) => {
    const result = await run();
    setMessage(result.ok ? done : (result.error?.message ?? t`Refused.`));
    if (result.ok) onChanged();
  };
  const submit = (handler: () => void) => (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
  return (
    <section className="chair-controls" aria-labelledby="chair-controls-title">
      <h2 id="chair-controls-title">{delegationName('CHAIR')}</h2>
      <form onSubmit={submit(() => act(() => setSymbolBase(documentId, base), t`Symbol saved.`))}>
        <label>
          {t`Document symbol`}
          <input
            value={base}
            onChange={(event) => setBase(event.target.value)}
            placeholder="ACCORD/2025/L.1"
          />
        </label>
        <button type="submit" className="button">
          {t`Save symbol`}
        </button>
      </form>
      <form
        onSubmit={submit(() =>
          act(async () => {
            const result = await issueRevision(documentId, note);
            if (result.ok) setNote('');
            return result;
          }, t`Revision issued.`),
        )}
      >
        <label>
          {t({ message: 'Note', context: 'The note of a revision' })}
          <input
            value={note}
            onChange={(event) => setNote(event.target.value)}
            placeholder={t`Chair's text after the second reading`}
          />
        </label>
        <button
          type="submit"
          className="button"
          disabled={silenceRunning}
          data-testid="issue-revision"
        >
          {t`Issue Rev.${nextNumber}`}
        </button>
      </form>
      {latest && !silenceRunning && latest.adoptedAt === null ? (
        <form
          onSubmit={submit(() =>
            act(
              () => startSilence(documentId, latest.number, deadline),
              t`Silence procedure started.`,
            ),
          )}
        >
          <label>
            {t`Silence deadline (${zone})`}
            <input
              type="datetime-local"
              step={1}
              value={deadline}
              onChange={(event) => setDeadline(event.target.value)}
              required
              data-testid="silence-deadline"
            />
          </label>
          <button type="submit" className="button">
            {t`Put Rev.${latest.number} under silence procedure`}
          </button>
        </form>
      ) : null}
      {message ? (
        <p role="status" className="chair-controls__message">
          {message}
        </p>
      ) : null}
    </section>
  );
}

function RevisionTable({
  documentId,
  revisions,
  moderator,
  onOpen,
  onCompare,
}: {
  documentId: string;
  revisions: RevisionSummary[];
  moderator: boolean;
  onOpen: (number: number) => void;
  onCompare: (from: CompareTarget, to: CompareTarget) => void;
}) {
  const { t } = useLingui();
  const time = useTimeFormat();
  const zone = time.zone();
  return (
    <table className="revision-table">
      <caption>{t`Times: ${zone}`}</caption>
      <thead>
        <tr>
          <th>{t`Revision`}</th>
          <th>{t`Symbol`}</th>
          <th>{t({ message: 'Note', context: 'The note of a revision' })}</th>
          <th>{t`Issued`}</th>
          <th>SHA-256</th>
          <th>{t`Actions`}</th>
        </tr>
      </thead>
      <tbody>
        {revisions.map((revision) => (
          <tr key={revision.number} data-testid={`revision-row-${revision.number}`}>
            <td>
              Rev.{revision.number}
              {revision.adoptedAt !== null ? (
                <span className="revision-adopted"> {t`adopted`}</span>
              ) : null}
            </td>
            <td>{revision.symbol}</td>
            <td>{revision.note}</td>
            <td title={time.full(revision.issuedAt)}>
              {t`${time.short(revision.issuedAt)} by ${revision.issuedBy.displayName}`}
            </td>
            <td>
              <code title={revision.sha256}>{revision.sha256.slice(0, 12)}</code>
            </td>
            <td className="revision-actions">
              <button
                type="button"
                className="button button--quiet"
                onClick={() => onOpen(revision.number)}
              >
                {t({ message: 'Open', context: 'Button: open a revision' })}
              </button>
              {revision.number > 1 ? (
                <button
                  type="button"
                  className="button button--quiet"
                  onClick={() => onCompare(revision.number - 1, revision.number)}
                >
                  {t`Compare with Rev.${revision.number - 1}`}
                </button>
              ) : null}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => onCompare(revision.number, 'current')}
              >
                {t`Compare with current draft`}
              </button>
              {(['docx', 'pdf', 'html'] as const).map((format) => (
                <a
                  key={format}
                  href={revisionExportUrl(documentId, revision.number, format, 'draft')}
                  download
                >
                  {format.toUpperCase()}
                </a>
              ))}
              {moderator && revision.adoptedAt !== null ? (
                <a href={revisionExportUrl(documentId, revision.number, 'docx', 'final')} download>
                  {t`Final (Word)`}
                </a>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ComparePicker({
  revisions,
  from,
  to,
  onCompare,
}: {
  revisions: RevisionSummary[];
  from: CompareTarget | null;
  to: CompareTarget | null;
  onCompare: (from: CompareTarget, to: CompareTarget) => void;
}) {
  const { t } = useLingui();
  const options = [...revisions.map((revision) => String(revision.number)), 'current'];
  const [a, setA] = useState(String(from ?? revisions.at(-2)?.number ?? revisions[0]?.number ?? 1));
  const [b, setB] = useState(String(to ?? 'current'));
  const name = (value: string) => (value === 'current' ? t`Current draft` : `Rev.${value}`);
  return (
    <form
      className="compare-picker"
      onSubmit={(event) => {
        event.preventDefault();
        const left = parseTarget(a);
        const right = parseTarget(b);
        if (left !== null && right !== null) onCompare(left, right);
      }}
    >
      <label>
        {t({ message: 'Compare', context: 'Compare one revision with another' })}
        <select value={a} onChange={(event) => setA(event.target.value)} data-testid="compare-from">
          {options.map((value) => (
            <option key={value} value={value}>
              {name(value)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t({ message: 'with', context: 'Compare one revision with another' })}
        <select value={b} onChange={(event) => setB(event.target.value)} data-testid="compare-to">
          {options.map((value) => (
            <option key={value} value={value}>
              {name(value)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button" data-testid="compare-open">
        {t({ message: 'Compare', context: 'Compare one revision with another' })}
      </button>
    </form>
  );
}

function RevisionReader({ documentId, number }: { documentId: string; number: number }) {
  const { t } = useLingui();
  const load = useCallback(
    (signal: AbortSignal) => fetchRevision(documentId, number, signal),
    [documentId, number],
  );
  const { resource, reload } = useApiResource(`revision:${documentId}:${number}`, load);
  const time = useTimeFormat();
  const view = useMemo(
    () => (resource.status === 'ready' ? revisionView(resource.value.content) : null),
    [resource],
  );
  if (resource.status === 'loading') return <LoadingPanel label={t`Opening Rev.${number}…`} />;
  if (resource.status === 'error') {
    return (
      <ErrorPanel
        title={t`Rev.${number} cannot be opened`}
        failure={resource.error}
        onRetry={reload}
      />
    );
  }
  const { revision } = resource.value;
  return (
    <section className="revision-reader" aria-label={t`Rev.${number}, read only`}>
      <h2>
        {revision.symbol} — Rev.{revision.number}{' '}
        <span className="revision-meta">
          {t`issued ${time.short(revision.issuedAt)} by ${revision.issuedBy.displayName} · read only`}
        </span>
      </h2>
      {view ? <RedlineEditor view={view} label={t`Rev.${number}, read only`} /> : null}
    </section>
  );
}

function CompareView({
  documentId,
  from,
  to,
  delegation,
}: {
  documentId: string;
  from: CompareTarget;
  to: CompareTarget;
  delegation: keyof typeof DELEGATIONS;
}) {
  const load = useCallback(
    (signal: AbortSignal) => fetchComparison(documentId, from, to, signal),
    [documentId, from, to],
  );
  const { resource, reload } = useApiResource(`compare:${documentId}:${from}:${to}`, load);
  const { t } = useLingui();
  const ownName = delegationName(delegation);
  const [mine, setMine] = useState(false);
  const [stop, setStop] = useState(-1);
  const comparison = resource.status === 'ready' ? resource.value : null;
  const shown = useMemo(
    () =>
      comparison === null ? null : mine ? filterComparison(comparison, delegation) : comparison,
    [comparison, mine, delegation],
  );
  const view = useMemo(() => (shown ? comparisonView(shown) : null), [shown]);
  const stops = useMemo(() => (view ? changeStops(view) : []), [view]);
  if (resource.status === 'loading') return <LoadingPanel label={t`Comparing…`} />;
  if (resource.status === 'error') {
    return (
      <ErrorPanel
        title={t`This comparison cannot be made`}
        failure={resource.error}
        onRetry={reload}
      />
    );
  }
  if (shown === null || view === null) return null;
  const go = (step: 1 | -1) => {
    if (stops.length === 0) return;
    const next = (stop + step + stops.length) % stops.length;
    setStop(next);
    const id = stops[next];
    const element = document.querySelector<HTMLElement>(
      `.redline-editor [data-clause-id="${CSS.escape(id ?? '')}"]`,
    );
    for (const current of document.querySelectorAll('.redline-clause--current')) {
      current.classList.remove('redline-clause--current');
    }
    element?.classList.add('redline-clause--current');
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const { counts } = shown;
  return (
    <section
      className="compare-view"
      aria-label={t`Comparison of ${shown.from.name} with ${shown.to.name}`}
    >
      <h2>
        {shown.from.name} → {shown.to.name}
      </h2>
      <p className="compare-counts" data-testid="compare-counts">
        {t`${counts.added} added · ${counts.deleted} deleted · ${counts.modified} modified · ${counts.moved} moved or renumbered · ${counts.unchanged} unchanged`}
      </p>
      <div className="compare-toolbar">
        <button
          type="button"
          className="button"
          onClick={() => go(-1)}
          disabled={stops.length === 0}
        >
          ↑ {t`Previous change`}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => go(1)}
          disabled={stops.length === 0}
          data-testid="next-change"
        >
          ↓ {t`Next change`}
        </button>
        <span>
          {stops.length === 0
            ? t`No changes`
            : t`Change ${stop < 0 ? '–' : stop + 1} of ${stops.length}`}
        </span>
        <label>
          <input
            type="checkbox"
            checked={mine}
            onChange={(event) => setMine(event.target.checked)}
          />{' '}
          {t`Only clauses ${ownName} proposed or holds a position on`}
        </label>
        {(['docx', 'pdf', 'html'] as const).map((format) => (
          <a
            key={format}
            href={comparisonExportUrl(documentId, from, to, format, mine ? delegation : null)}
            download
          >
            {format === 'docx' ? t`Word (tracked changes)` : format.toUpperCase()}
          </a>
        ))}
      </div>
      <RedlineEditor
        view={view}
        label={t`Comparison of ${shown.from.name} with ${shown.to.name}`}
      />
      <details className="concordance">
        <summary>{t`Concordance of paragraph numbers`}</summary>
        <table>
          <thead>
            <tr>
              <th>{shown.from.name}</th>
              <th>{shown.to.name}</th>
            </tr>
          </thead>
          <tbody>
            {shown.concordance.map((row) => (
              <tr key={row.id}>
                <td>{row.oldLabel ?? '—'}</td>
                <td>{row.newLabel ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <p>
        <Link to="?">{t`Close the comparison`}</Link>
      </p>
    </section>
  );
}
