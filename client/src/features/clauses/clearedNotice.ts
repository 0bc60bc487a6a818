import type { ClearedPosition } from '@accord/shared/domain/clauseMeta';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import { plural, t } from '@lingui/core/macro';
import { delegationName, listInWords, positionLabel } from '../../i18n/domainWords';

/** Finds a member's display name by user id; null when the client does not know them. */
export type NameLookup = (userId: string) => string | null;

/** Who made a change, in words: "Elena Marsh (US)", or the delegation when the name is unknown. */
export function describeAuthor(
  userId: string,
  delegation: DelegationCode,
  nameOf: NameLookup,
): string {
  const name = nameOf(userId);
  const code = delegation === 'CHAIR' ? delegationName(delegation) : delegation;
  if (name !== null) return `${name} (${code})`;
  if (delegation === 'CHAIR') return t({ message: 'the Chair', context: 'Who changed the text' });
  const party = delegationName(delegation);
  return t`the ${party} delegation`;
}

/** One sentence about positions cleared by one text change. */
export interface ClearedMessage {
  key: string;
  text: string;
  /** When the text change cleared them. */
  at: number;
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
        const position = positionLabel(entry.position);
        if (entry.delegation === 'CHAIR') return t`the Chair's ${position}`;
        const code = entry.delegation;
        return t`${code}'s ${position}`;
      }),
    );
    const text = plural(group.length, {
      one: `${what} was cleared when ${who} changed the text`,
      other: `${what} were cleared when ${who} changed the text`,
    });
    return { key, at: first.at, text };
  });
}
