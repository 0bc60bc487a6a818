import { useSyncExternalStore } from 'react';

/**
 * Below this width the draft page has one column (the draft) and its panels open as a bottom
 * sheet; the header folds its actions into a menu. The CSS uses the same number
 * (`@media (max-width: 899px)`), so the two never disagree.
 */
export const NARROW_LAYOUT_QUERY = '(max-width: 899px)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_LAYOUT_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Whether the window is narrow (a phone, a small tablet, a window at half a screen). */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW_LAYOUT_QUERY).matches,
    () => false,
  );
}
