import { t } from '@lingui/core/macro';
import { useLingui } from '@lingui/react';
/** The panels of the draft page on a narrow window; `draft` means none is open. */
export type DraftPanel = 'draft' | 'clause' | 'consensus' | 'comments';

/** How the page lays out the panels beside the draft, given to the render props of the editor. */
export interface PanelLayout {
  /** One column: the panels open one at a time in a sheet over the lower part of the draft. */
  narrow: boolean;
  panel: DraftPanel;
  showPanel: (panel: DraftPanel) => void;
}

const TABS: readonly { panel: DraftPanel; label: () => string }[] = [
  { panel: 'draft', label: () => t({ message: 'Draft', context: 'Tab: the draft alone' }) },
  { panel: 'clause', label: () => t({ message: 'Clause', context: 'Tab: the clause panel' }) },
  { panel: 'consensus', label: () => t({ message: 'Consensus', context: 'Tab' }) },
  { panel: 'comments', label: () => t({ message: 'Comments', context: 'Tab' }) },
];

/** The id of the bottom sheet, which the tabs control. */
export const DRAFT_SHEET_ID = 'draft-sheet';

/**
 * The tab bar at the foot of a narrow window: the draft alone, or the draft with the clause
 * panel, the consensus view or the comments in a sheet over its lower part. Tapping the open
 * panel's tab again closes it.
 */
export function DraftTabs({
  panel,
  onChange,
}: {
  panel: DraftPanel;
  onChange: (panel: DraftPanel) => void;
}) {
  useLingui();
  return (
    <div
      className="draft-tabs"
      role="tablist"
      aria-label={t`Draft and panels`}
      data-testid="draft-tabs"
    >
      {TABS.map((tab) => (
        <button
          key={tab.panel}
          type="button"
          role="tab"
          className="draft-tabs__tab"
          aria-selected={panel === tab.panel}
          aria-controls={tab.panel === 'draft' ? 'draft' : DRAFT_SHEET_ID}
          data-testid={`draft-tab-${tab.panel}`}
          onClick={() => onChange(panel === tab.panel ? 'draft' : tab.panel)}
        >
          {tab.label()}
        </button>
      ))}
    </div>
  );
}
