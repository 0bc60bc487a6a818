/**
 * Rows of the tables `negotiations` and `memberships`, as both engines return them (snake_case
 * columns; PostgreSQL's pool parses bigint to number), and the records they map to.
 */
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import type { MembershipRecord, NegotiationRecord } from '../storage';

export interface NegotiationRow {
  id: string;
  title: string;
  venue: string;
  starts_on: string;
  time_zone: string;
  created_at: number;
}

export interface MembershipRow {
  negotiation_id: string;
  user_id: string;
  delegation: string;
  role: string;
}

export function toNegotiation(row: NegotiationRow): NegotiationRecord {
  return {
    id: row.id,
    title: row.title,
    venue: row.venue,
    startsOn: row.starts_on,
    timeZone: row.time_zone,
    createdAt: row.created_at,
  };
}

/** Only the negotiation stores write the column, from typed values, so the cast cannot lie. */
export function toMembership(row: MembershipRow): MembershipRecord {
  return {
    negotiationId: row.negotiation_id,
    userId: row.user_id,
    delegation: row.delegation as DelegationCode,
    role: row.role as Role,
  };
}

/**
 * The values of a negotiation's INSERT, in its column order (both engines: id, title, venue,
 * starts_on, time_zone, created_at).
 */
export type NegotiationValues = [string, string, string, string, string, number];

export function negotiationValues(negotiation: NegotiationRecord): NegotiationValues {
  return [
    negotiation.id,
    negotiation.title,
    negotiation.venue,
    negotiation.startsOn,
    negotiation.timeZone,
    negotiation.createdAt,
  ];
}
