import type { Storage } from '../storage';
import { MemorySessionStore, MemoryUserStore } from './MemoryAccountStores';
import { MemoryAuditStore } from './MemoryAuditStore';
import { MemoryClauseChangeStore } from './MemoryClauseChangeStore';
import { MemoryDocumentStore, MemoryUpdateLogStore } from './MemoryDocumentStores';
import { MemoryNegotiationStore } from './MemoryNegotiationStore';
import { MemoryRevisionStore } from './MemoryRevisionStore';
import { MemoryThreadStore } from './MemoryThreadStore';

/** Storage in memory: for tests of code above the storage, and a model of its contract. */
export class MemoryStorage implements Storage {
  readonly users = new MemoryUserStore();
  readonly sessions = new MemorySessionStore(this.users);
  readonly negotiations = new MemoryNegotiationStore(this.users);
  readonly documents = new MemoryDocumentStore(this.negotiations);
  readonly updates = new MemoryUpdateLogStore(this.documents);
  readonly clauseChanges = new MemoryClauseChangeStore(this.documents, this.users);
  readonly threads = new MemoryThreadStore(this.documents, this.users);
  readonly audit = new MemoryAuditStore();
  readonly revisions = new MemoryRevisionStore();

  close(): void {}
}
