import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword } from '../auth/password';
import type { DocumentCommandContext } from '../commands/CommandContext';
import { DEMO_PASSWORD, type SeededDemo, seedDemo } from '../seed/demo';
import { buildServices, type Services } from '../services';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage';
import type { AuditRecord } from '../storage/storage';

/** Commands over the real wiring: a SQLite file in a temp folder with the demo seeded. */
export interface CommandTestBed {
  storage: SqliteStorage;
  services: Services;
  demo: SeededDemo;
  /** The clock every service reads; tests move it. */
  clock: { now: number };
  /** The context of a demo member (`chair`, `mx.delegate`, `observer`…) on the demo draft. */
  as(username: string): Promise<DocumentCommandContext>;
  /** The demo negotiation's audit entries, oldest first. */
  audit(): Promise<AuditRecord[]>;
  close(): Promise<void>;
}

let demoHash: Promise<string> | null = null;

/** Opens a fresh bed; `close` shuts the sync core, closes the file and removes the folder. */
export async function openCommandTestBed(): Promise<CommandTestBed> {
  const dataDir = mkdtempSync(join(tmpdir(), 'accord-commands-'));
  const opened = SqliteStorage.open(dataDir, { defaultTimeZone: 'America/New_York' });
  if (!opened.ok) throw new Error(opened.error);
  const storage = opened.value;
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const demo = await seedDemo(storage, await demoHash);
  const clock = { now: Date.UTC(2026, 4, 4, 15) };
  const services = buildServices(storage, {
    log: (level, message) => {
      if (level === 'error') throw new Error(message);
    },
    now: () => clock.now,
    timers: null,
  });
  const negotiation = await storage.negotiations.byId(demo.negotiationId);
  const document = await storage.documents.byId(demo.documentId);
  if (negotiation === undefined || document === undefined) throw new Error('No demo draft.');
  return {
    storage,
    services,
    demo,
    clock,
    async as(username) {
      const user = await storage.users.byUsername(username);
      const membership = user && (await storage.negotiations.membership(negotiation.id, user.id));
      if (user === undefined || membership === undefined) throw new Error(`No ${username}.`);
      return {
        actor: { kind: 'member', userId: user.id, membership },
        access: { negotiation, document },
        documents: services.sync,
        storage,
        audit: services.audit,
        now: () => clock.now,
      };
    },
    audit: () => storage.audit.list(negotiation.id),
    async close() {
      await services.sync.shutdown();
      await storage.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
