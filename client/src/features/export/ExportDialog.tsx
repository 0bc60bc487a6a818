import {
  EXPORT_FORMATS,
  type ExportFormat,
  exportFormatLabel,
} from '@accord/shared/export/exportFormats';
import type { ExportMode } from '@accord/shared/export/exportModel';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '@accord/shared/i18n/locales';
import type { Actor } from '@accord/shared/policy/policy';
import { useLingui } from '@lingui/react/macro';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useLocale } from '../../i18n/LocaleProvider';
import { downloadExport } from './downloadExport';
import { finalExportAvailability } from './exportChoices';
import { useFinalExportBlockers } from './useFinalExportBlockers';
import './ExportDialog.css';

type DownloadState =
  | { status: 'idle' }
  | { status: 'working' }
  | { status: 'done'; fileName: string }
  | { status: 'error'; message: string };

/**
 * The export dialog: a format, a draft compilation or the final communiqué (disabled, with
 * the reasons, for a non-moderator or while clauses block it), and, for a draft compilation,
 * whether to list the public comment threads (private ones are never exported). Downloads
 * through the HTTP export.
 */
export function ExportDialog({
  documentId,
  doc,
  actor,
  onClose,
}: {
  documentId: string;
  doc: Y.Doc;
  actor: Actor;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const { locale } = useLocale();
  const dialogRef = useRef<HTMLDialogElement>(null);
  // The export speaks the reader's language unless they choose another for its readers.
  const [lang, setLang] = useState<Locale>(locale);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [mode, setMode] = useState<ExportMode>('draft');
  const [withThreads, setWithThreads] = useState(false);
  const [download, setDownload] = useState<DownloadState>({ status: 'idle' });
  const blockers = useFinalExportBlockers(doc, true);
  const final = finalExportAvailability(actor, blockers);
  const effectiveMode: ExportMode = final.allowed ? mode : 'draft';

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDownload({ status: 'working' });
    const result = await downloadExport(
      documentId,
      {
        format,
        mode: effectiveMode,
        publicThreads: effectiveMode === 'draft' && withThreads,
      },
      lang,
    );
    setDownload(
      result.ok
        ? { status: 'done', fileName: result.value }
        : { status: 'error', message: result.error.message },
    );
  };

  return (
    <dialog
      ref={dialogRef}
      className="export-dialog"
      aria-labelledby="export-dialog-title"
      data-testid="export-dialog"
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id="export-dialog-title" className="export-dialog__title">
          {t`Export the communiqué`}
        </h2>
        <label className="export-dialog__field">
          <span>{t`Format`}</span>
          <select
            value={format}
            data-testid="export-format"
            onChange={(event) => setFormat(event.target.value as ExportFormat)}
          >
            {EXPORT_FORMATS.map((option) => (
              <option key={option} value={option}>
                {exportFormatLabel(option, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="export-dialog__field">
          <span>{t`Language of the export`}</span>
          <select
            value={lang}
            data-testid="export-lang"
            onChange={(event) => {
              if (isLocale(event.target.value)) setLang(event.target.value);
            }}
          >
            {LOCALES.map((code) => (
              <option key={code} value={code} lang={code}>
                {LOCALE_NAMES[code]}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="export-dialog__field">
          <legend>
            {t({
              message: 'What',
              context: 'What to export: a draft compilation or the final text',
            })}
          </legend>
          <label>
            <input
              type="radio"
              name="export-mode"
              value="draft"
              data-testid="export-mode-draft"
              checked={effectiveMode === 'draft'}
              onChange={() => setMode('draft')}
            />{' '}
            {t`Draft compilation — marked DRAFT, with brackets and who asked for them, alternatives, status and positions`}
          </label>
          <label className={final.allowed ? undefined : 'export-dialog__disabled'}>
            <input
              type="radio"
              name="export-mode"
              value="final"
              data-testid="export-mode-final"
              checked={effectiveMode === 'final'}
              disabled={!final.allowed}
              onChange={() => setMode('final')}
            />{' '}
            {t`Final communiqué — the clean agreed text`}
          </label>
          {final.allowed ? null : (
            <div className="export-dialog__reasons" data-testid="export-final-reasons">
              {final.reasons.map((reason) => (
                <p key={reason}>{reason}</p>
              ))}
              {final.blocking.length > 0 ? (
                <ul className="export-dialog__blockers">
                  {final.blocking.map((blocker) => (
                    <li key={`${blocker.clauseId}:${blocker.line}`}>
                      {blocker.clauseId ? (
                        <button
                          type="button"
                          className="link-button export-dialog__blocker"
                          data-testid="export-blocker"
                          onClick={() => {
                            dialogRef.current?.close();
                            showClause(blocker.clauseId);
                          }}
                        >
                          {blocker.line}
                        </button>
                      ) : (
                        blocker.line
                      )}
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          )}
        </fieldset>
        <label className={effectiveMode === 'draft' ? undefined : 'export-dialog__disabled'}>
          <input
            type="checkbox"
            data-testid="export-threads"
            checked={effectiveMode === 'draft' && withThreads}
            disabled={effectiveMode !== 'draft'}
            onChange={(event) => setWithThreads(event.target.checked)}
          />{' '}
          {t`Include public comment threads (draft compilation only; private threads are never exported)`}
        </label>
        {download.status === 'error' ? (
          <p className="export-dialog__error" role="alert" data-testid="export-error">
            {download.message}
          </p>
        ) : null}
        {download.status === 'done' ? (
          <p className="export-dialog__done" role="status">
            {t`Downloaded ${download.fileName}`}
          </p>
        ) : null}
        <div className="export-dialog__actions">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => dialogRef.current?.close()}
          >
            {t`Close`}
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid="export-download"
            disabled={download.status === 'working'}
          >
            {download.status === 'working' ? t`Preparing…` : t`Download`}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Shows a blocking clause: scrolled to the middle of the window and chosen in the clause panel,
 * as a click on it would (the panel follows clicks on the draft's paragraphs).
 */
function showClause(clauseId: string): void {
  const element = document.querySelector(`p.clause[data-clause-id="${CSS.escape(clauseId)}"]`);
  if (!element) return;
  element.scrollIntoView({ block: 'center' });
  element.dispatchEvent(new MouseEvent('click', { bubbles: true }));
}
