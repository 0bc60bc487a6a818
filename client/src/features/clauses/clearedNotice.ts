import type { ClearedPosition } from '@accord/shared/domain/clauseMeta';
import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import { POSITION_LABELS } from '@accord/shared/domain/positions';

/** Finds a member's display name by user id; null when the client does not know them. */
export type NameLookup = (userId: string) => string | null;

/** Who made a change, in words: "Elena Marsh (US)", or the delegation when the name is unknown. */
export function describeAuthor(
  userId: string,
  delegation: DelegationCode,
  nameOf: NameLookup,
): string {
  const name = nameOf(userId);
  const code = delegation === 'CHAIR' ? 'Chair' : delegation;
  if (name !== null) return `${name} (${code})`;
  return delegation === 'CHAIR' ? 'the Chair' : `the ${DELEGATIONS[delegation].name} delegation`;
}

/** One sentence about positions cleared by one text change. */
export interface ClearedMessage {
  key: string;
  text: string;
  /** When the text change cleared them. */
  at: number;
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * Why positions disappeared, one sentence per text change:
 * "MX's Agree was cleared when Elena Marsh (US) changed the text", or
 * "CA's Object and MX's Agree were cleared when …" when one change cleared several.
 */
export function clearedMessages(
  entries: readonly ClearedPosition[],
  nameOf: NameLookup,
): ClearedMessage[] {
  const groups = new Map<string, ClearedPosition[]>();
  for (const entry of entries) {
    const key = `${entry.at}-${entry.byUserId}-${entry.reason}`;
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups].map(([key, group]) => {
    const first = group[0]!;
    const who = describeAuthor(first.byUserId, first.byDelegation, nameOf);
    const what = listInWords(
      group.map((entry) => {
        const whose = entry.delegation === 'CHAIR' ? "the Chair's" : `${entry.delegation}'s`;
        return `${whose} ${POSITION_LABELS[entry.position]}`;
      }),
    );
    const verb = group.length === 1 ? 'was' : 'were';
    return { key, at: first.at, text: `${what} ${verb} cleared when ${who} changed the text` };
  });
}
