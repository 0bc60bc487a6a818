/** What a member may do: moderators chair, delegates negotiate, observers read. */
export const ROLES = ['moderator', 'delegate', 'observer'] as const;

/** A member's role in a negotiation. */
export type Role = (typeof ROLES)[number];

/** Whether an untrusted string names a role. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
