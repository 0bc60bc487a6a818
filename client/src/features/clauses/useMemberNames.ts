import type { MemberView } from '@accord/shared/protocol/api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchNegotiation } from '../../api/endpoints';
import type { NameLookup } from './clearedNotice';

/** Asks again for the members at most this often when someone unknown shows up. */
const REFETCH_AFTER_MS = 30_000;

/**
 * The display names of a negotiation's members, to say who stated or cleared a position (the
 * clause meta carries user ids only). Fetched once; fetched again, at most every 30 s, when a
 * user id it does not know turns up (someone added to the negotiation since).
 */
export function useMemberNames(negotiationId: string): NameLookup {
  const [members, setMembers] = useState<ReadonlyMap<string, MemberView>>(new Map());
  const lastFetch = useRef(0);
  const inFlight = useRef(false);

  const load = useCallback(() => {
    if (inFlight.current) return;
    inFlight.current = true;
    lastFetch.current = Date.now();
    fetchNegotiation(negotiationId).then(
      (result) => {
        inFlight.current = false;
        if (!result.ok) return;
        setMembers(new Map(result.value.members.map((member) => [member.userId, member])));
      },
      () => {
        inFlight.current = false;
      },
    );
  }, [negotiationId]);

  useEffect(load, [load]);

  return useCallback(
    (userId: string) => {
      const member = members.get(userId);
      if (member) return member.displayName;
      if (!inFlight.current && Date.now() - lastFetch.current > REFETCH_AFTER_MS) {
        // Deferred: this runs while rendering.
        queueMicrotask(load);
      }
      return null;
    },
    [members, load],
  );
}
