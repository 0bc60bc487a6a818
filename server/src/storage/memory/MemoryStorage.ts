import type { Storage } from '../storage';
import { MemoryAccessVersion, MemorySessionStore, MemoryUserStore } from './MemoryAccountStores';
import { MemoryAuditStore } from './MemoryAuditStore';
import { MemoryClauseChangeStore } from './MemoryClauseChangeStore';
import { MemoryDocumentStore, MemoryUpdateLogStore } from './MemoryDocumentStores';
import { MemoryNegotiationStore } from './MemoryNegotiationStore';
import { MemoryRevisionStore } from './MemoryRevisionStore';
import { MemoryThreadStore } from './MemoryThreadStore';

/** Storage in memory: for tests of code above the storage, and a model of its contract. */
export class MemoryStorage implements Storage {
  private readonly access = new MemoryAccessVersion();
  readonly users = new MemoryUserStore(this.access);
  readonly sessions = new MemorySessionStore(this.users, this.access);
  readonly negotiations = new MemoryNegotiationStore(this.users, this.access);
  readonly documents = new MemoryDocumentStore(this.negotiations);
  readonly updates = new MemoryUpdateLogStore(this.documents);
  readonly clauseChanges = new MemoryClauseChangeStore(this.documents, this.users);
  readonly threads = new MemoryThreadStore(this.documents, this.users);
  readonly audit = new MemoryAuditStore();
  readonly revisions = new MemoryRevisionStore();

  async accessVersion(): Promise<number> {
    return this.access.value;
  }

  async close(): Promise<void> {}
}
