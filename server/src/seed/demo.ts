import { DELEGATIONS, type DelegationCode } from '@accord/shared/domain/delegations';
import { writeDraft } from '@accord/shared/domain/draft';
import type { Role } from '@accord/shared/domain/roles';
import * as Y from 'yjs';
import { formatTable } from '../admin/formatTable';
import type { Storage } from '../storage/storage';
import { DEMO_DRAFT } from './demoDraft';

/** The password of every demo account; printed once when the demo is seeded. */
export const DEMO_PASSWORD = 'accord-demo-2025';

/** One demo account and its place in the demo negotiation. */
export interface DemoUser {
  username: string;
  displayName: string;
  delegation: DelegationCode;
  role: Role;
}

/** The demo accounts, one per delegation plus the chair and an observer. */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'us.delegate', displayName: 'Elena Marsh', delegation: 'US', role: 'delegate' },
  { username: 'ca.delegate', displayName: 'Liam Tremblay', delegation: 'CA', role: 'delegate' },
  { username: 'mx.delegate', displayName: 'Sofía Ramírez', delegation: 'MX', role: 'delegate' },
  { username: 'sv.delegate', displayName: 'Carlos Menjívar', delegation: 'SV', role: 'delegate' },
  { username: 'gt.delegate', displayName: 'Ana Lucía Pérez', delegation: 'GT', role: 'delegate' },
  { username: 'chair', displayName: 'Amb. Ruth Okafor', delegation: 'CHAIR', role: 'moderator' },
  { username: 'observer', displayName: 'Press Observer', delegation: 'CHAIR', role: 'observer' },
];

/** The demo usernames, for tests. */
export const DEMO_USERNAMES = DEMO_USERS.map((user) => user.username);

/**
 * The demo negotiation. Its clock is the venue's: the delegations meet in Washington, D.C., so
 * times read in Eastern Time wherever the server runs (a host in UTC would show 14:05 for a
 * session that sat at 10:05 in the room).
 */
export const DEMO_NEGOTIATION = {
  title: 'Regional Prosperity and Migration Talks',
  venue: 'Washington, D.C.',
  startsOn: '2025-06-11',
  timeZone: 'America/New_York',
} as const;

/** The demo draft's title. */
export const DEMO_DOCUMENT_TITLE = 'Joint Communiqué on Regional Economic Growth and Migration';

/** The demo logins as a table for the terminal, printed once when the demo is seeded. */
export function demoLoginsTable(): string {
  const rows = DEMO_USERS.map((user) => [
    user.username,
    user.displayName,
    DELEGATIONS[user.delegation].name,
    user.role,
  ]);
  const table = formatTable(['username', 'who', 'delegation', 'role'], rows);
  return `${table}\n\nPassword for all: ${DEMO_PASSWORD}`;
}

/** What seeding created. */
export interface SeededDemo {
  negotiationId: string;
  documentId: string;
}

/** Whether the database holds nothing yet (the only time the demo is seeded). */
export async function isEmpty(storage: Storage): Promise<boolean> {
  return (await storage.users.count()) === 0 && (await storage.negotiations.list()).length === 0;
}

/** The demo draft as one Yjs update: the first entry of the document's log. */
export function demoDraftUpdate(): Uint8Array {
  const doc = new Y.Doc();
  writeDraft(doc, DEMO_DRAFT);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/**
 * Seeds the demo negotiation, its members and its draft. `passwordHash` is the argon2id hash of
 * `DEMO_PASSWORD`, shared by every demo account (the password is public anyway).
 */
export async function seedDemo(storage: Storage, passwordHash: string): Promise<SeededDemo> {
  const negotiation = await storage.negotiations.create({
    id: crypto.randomUUID(),
    ...DEMO_NEGOTIATION,
  });
  for (const demoUser of DEMO_USERS) {
    const user = await storage.users.create({
      id: crypto.randomUUID(),
      username: demoUser.username,
      displayName: demoUser.displayName,
      passwordHash,
    });
    await storage.negotiations.setMembership({
      negotiationId: negotiation.id,
      userId: user.id,
      delegation: demoUser.delegation,
      role: demoUser.role,
    });
  }
  const document = await storage.documents.create({
    id: crypto.randomUUID(),
    negotiationId: negotiation.id,
    title: DEMO_DOCUMENT_TITLE,
  });
  await storage.updates.append(document.id, demoDraftUpdate(), null);
  return { negotiationId: negotiation.id, documentId: document.id };
}
