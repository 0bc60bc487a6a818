import type { AwarenessUser } from '@accord/shared/protocol/api';
import { useEffect } from 'react';
import type { Awareness } from 'y-protocols/awareness';

/**
 * Tells the others when this page goes to the background (another tab, a minimised window):
 * they see the person as away, their caret faded, while the connection stays.
 */
export function useAwayFlag(awareness: Awareness | null, user: AwarenessUser): void {
  useEffect(() => {
    if (awareness === null) return;
    const apply = () => {
      const away = document.visibilityState === 'hidden';
      const current = awareness.getLocalState()?.user as AwarenessUser | undefined;
      if (current !== undefined && (current.away === true) === away) return;
      awareness.setLocalStateField('user', away ? { ...user, away } : { ...user });
    };
    apply();
    document.addEventListener('visibilitychange', apply);
    return () => document.removeEventListener('visibilitychange', apply);
  }, [awareness, user]);
}
