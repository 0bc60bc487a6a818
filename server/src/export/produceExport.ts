import {
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  type ExportRequest,
  exportFileName,
} from '@accord/shared/export/exportFormats';
import type { ExportMode, ExportModel } from '@accord/shared/export/exportModel';
import { type FinalExportBlocker, finalExportBlockers } from '@accord/shared/export/finalBlockers';
import { renderHtml } from '@accord/shared/export/renderHtml';
import { renderMarkdown } from '@accord/shared/export/renderMarkdown';
import { renderText } from '@accord/shared/export/renderText';
import { renderDocx } from './renderDocx';
import { renderPdf } from './renderPdf';

/** An export, ready to send or write. */
export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** An export, or the clauses that keep the final communiqué from going out. */
export type ExportOutcome =
  | { ok: true; value: ExportFile }
  | { ok: false; error: { blockers: FinalExportBlocker[] } };

const RENDERERS: Record<
  ExportFormat,
  (model: ExportModel, mode: ExportMode) => Uint8Array | Promise<Uint8Array>
> = {
  txt: (model, mode) => new TextEncoder().encode(renderText(model, mode)),
  md: (model, mode) => new TextEncoder().encode(renderMarkdown(model, mode)),
  html: (model, mode) => new TextEncoder().encode(renderHtml(model, mode)),
  docx: renderDocx,
  pdf: renderPdf,
};

/** The clauses of a model that block its final export. */
export function modelBlockers(model: ExportModel): FinalExportBlocker[] {
  return finalExportBlockers(
    model.blocks.flatMap((block) => (block.type === 'clause' ? [block.summary] : [])),
  );
}

/**
 * Renders an export of the model. A final export is refused while any clause is unlocked or
 * still has brackets or alternatives (who may ask for it is the caller's check: the HTTP route
 * asks the policy; the secretariat's command line works on the data folder).
 */
export async function produceExport(
  model: ExportModel,
  request: Pick<ExportRequest, 'format' | 'mode'>,
): Promise<ExportOutcome> {
  if (request.mode === 'final') {
    const blockers = modelBlockers(model);
    if (blockers.length > 0) return { ok: false, error: { blockers } };
  }
  return {
    ok: true,
    value: {
      bytes: await RENDERERS[request.format](model, request.mode),
      contentType: EXPORT_CONTENT_TYPES[request.format],
      fileName: exportFileName(
        model.title,
        request.mode,
        model.exportedAt,
        request.format,
        model.negotiation.timeZone,
      ),
    },
  };
}
