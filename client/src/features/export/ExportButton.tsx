import type { Actor } from '@accord/shared/policy/policy';
import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import type * as Y from 'yjs';
import { ExportDialog } from './ExportDialog';

/** The editor header's "Export" button; it opens the export dialog. */
export function ExportButton({
  documentId,
  doc,
  actor,
}: {
  documentId: string;
  doc: Y.Doc;
  actor: Actor;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="export-button"
        onClick={() => setOpen(true)}
      >
        <Trans>Export</Trans>
      </button>
      {open ? (
        <ExportDialog
          documentId={documentId}
          doc={doc}
          actor={actor}
          onClose={() => setOpen(false)}
        />
      ) : null}
    </>
  );
}
