import type { Role } from '../domain/roles';

/** Everything a member may try to do; each is checked by `can`. */
export const ACTIONS = ['read', 'editText', 'manageMembers'] as const;

/** One action a member may try. */
export type Action = (typeof ACTIONS)[number];

/** The part of a membership that decides what a member may do. */
export interface Actor {
  role: Role;
}

/**
 * Whether a member may perform an action. Pure: the server enforces it, the client uses it to
 * shape the UI.
 */
export function can(actor: Actor, action: Action): boolean {
  switch (action) {
    case 'read':
      return true;
    case 'editText':
      return actor.role === 'delegate' || actor.role === 'moderator';
    case 'manageMembers':
      return actor.role === 'moderator';
  }
}
