import type { MembershipRecord, NegotiationRecord, NegotiationStore, UserStore } from '../storage';
import { MemoryAccessVersion } from './MemoryAccountStores';

/** Negotiations and memberships in memory. */
export class MemoryNegotiationStore implements NegotiationStore {
  private readonly negotiations = new Map<string, NegotiationRecord>();
  /** Keyed by `negotiationId + '\n' + userId`. */
  private readonly memberships = new Map<string, MembershipRecord>();

  constructor(
    private readonly users: UserStore,
    private readonly access = new MemoryAccessVersion(),
  ) {}

  create(negotiation: Omit<NegotiationRecord, 'createdAt'>): NegotiationRecord {
    if (this.negotiations.has(negotiation.id)) throw new Error('Negotiation already exists.');
    const record: NegotiationRecord = { ...negotiation, createdAt: Date.now() };
    this.negotiations.set(record.id, record);
    return { ...record };
  }

  byId(id: string): NegotiationRecord | undefined {
    const negotiation = this.negotiations.get(id);
    return negotiation && { ...negotiation };
  }

  list(): NegotiationRecord[] {
    return [...this.negotiations.values()].map((negotiation) => ({ ...negotiation }));
  }

  setTimeZone(id: string, timeZone: string): boolean {
    const negotiation = this.negotiations.get(id);
    if (negotiation === undefined) return false;
    negotiation.timeZone = timeZone;
    return true;
  }

  setMembership(membership: MembershipRecord): void {
    if (!this.negotiations.has(membership.negotiationId)) throw new Error('Unknown negotiation.');
    if (this.users.byId(membership.userId) === undefined) throw new Error('Unknown user.');
    this.memberships.set(`${membership.negotiationId}\n${membership.userId}`, { ...membership });
    this.access.bump();
  }

  removeMembership(negotiationId: string, userId: string): void {
    if (this.memberships.delete(`${negotiationId}\n${userId}`)) this.access.bump();
  }

  membership(negotiationId: string, userId: string): MembershipRecord | undefined {
    const membership = this.memberships.get(`${negotiationId}\n${userId}`);
    return membership && { ...membership };
  }

  membershipsOfUser(userId: string): MembershipRecord[] {
    const order = [...this.negotiations.keys()];
    return [...this.memberships.values()]
      .filter((membership) => membership.userId === userId)
      .sort((a, b) => order.indexOf(a.negotiationId) - order.indexOf(b.negotiationId))
      .map((membership) => ({ ...membership }));
  }

  members(negotiationId: string): MembershipRecord[] {
    const username = (membership: MembershipRecord) =>
      this.users.byId(membership.userId)?.username ?? '';
    return [...this.memberships.values()]
      .filter((membership) => membership.negotiationId === negotiationId)
      .sort((a, b) => (username(a) < username(b) ? -1 : username(a) > username(b) ? 1 : 0))
      .map((membership) => ({ ...membership }));
  }
}
