import type { MembershipRecord, NegotiationRecord, NegotiationStore } from '../storage';
import type { MemoryUserStore } from './MemoryAccountStores';
import { MemoryAccessVersion } from './MemoryAccountStores';

/** Negotiations and memberships in memory. */
export class MemoryNegotiationStore implements NegotiationStore {
  private readonly negotiations = new Map<string, NegotiationRecord>();
  /** Keyed by `negotiationId + '\n' + userId`. */
  private readonly memberships = new Map<string, MembershipRecord>();

  constructor(
    private readonly users: MemoryUserStore,
    private readonly access = new MemoryAccessVersion(),
  ) {}

  /** Whether a negotiation exists (the other memory stores' reference checks, synchronous). */
  has(id: string): boolean {
    return this.negotiations.has(id);
  }

  async create(negotiation: Omit<NegotiationRecord, 'createdAt'>): Promise<NegotiationRecord> {
    if (this.negotiations.has(negotiation.id)) throw new Error('Negotiation already exists.');
    const record: NegotiationRecord = { ...negotiation, createdAt: Date.now() };
    this.negotiations.set(record.id, record);
    return { ...record };
  }

  async byId(id: string): Promise<NegotiationRecord | undefined> {
    const negotiation = this.negotiations.get(id);
    return negotiation && { ...negotiation };
  }

  async list(): Promise<NegotiationRecord[]> {
    return [...this.negotiations.values()].map((negotiation) => ({ ...negotiation }));
  }

  async setTimeZone(id: string, timeZone: string): Promise<boolean> {
    const negotiation = this.negotiations.get(id);
    if (negotiation === undefined) return false;
    negotiation.timeZone = timeZone;
    return true;
  }

  async setMembership(membership: MembershipRecord): Promise<void> {
    if (!this.negotiations.has(membership.negotiationId)) throw new Error('Unknown negotiation.');
    if (!this.users.has(membership.userId)) throw new Error('Unknown user.');
    this.memberships.set(`${membership.negotiationId}\n${membership.userId}`, { ...membership });
    this.access.bump();
  }

  async removeMembership(negotiationId: string, userId: string): Promise<void> {
    if (this.memberships.delete(`${negotiationId}\n${userId}`)) this.access.bump();
  }

  async membership(negotiationId: string, userId: string): Promise<MembershipRecord | undefined> {
    const membership = this.memberships.get(`${negotiationId}\n${userId}`);
    return membership && { ...membership };
  }

  async membershipsOfUser(userId: string): Promise<MembershipRecord[]> {
    const order = [...this.negotiations.keys()];
    return [...this.memberships.values()]
      .filter((membership) => membership.userId === userId)
      .sort((a, b) => order.indexOf(a.negotiationId) - order.indexOf(b.negotiationId))
      .map((membership) => ({ ...membership }));
  }

  async members(negotiationId: string): Promise<MembershipRecord[]> {
    const usernames = new Map((await this.users.list()).map((user) => [user.id, user.username]));
    const username = (membership: MembershipRecord) => usernames.get(membership.userId) ?? '';
    return [...this.memberships.values()]
      .filter((membership) => membership.negotiationId === negotiationId)
      .sort((a, b) => (username(a) < username(b) ? -1 : username(a) > username(b) ? 1 : 0))
      .map((membership) => ({ ...membership }));
  }
}
