import { randomUUID } from 'node:crypto';
import type { DelegationCode } from '@accord/shared/domain/delegations';
import type { Role } from '@accord/shared/domain/roles';
import { createThreadAnchor } from '@accord/shared/domain/threadAnchor';
import type { ThreadAnchor } from '@accord/shared/protocol/threads';
import { hashPassword } from '../auth/password';
import { DEMO_PASSWORD } from '../seed/demo';
import { clauseText } from './testClient';
import type { RunningTestServer } from './testServer';
import { demoDocumentId, storedDoc } from './wsTestClients';

/** A member the thread tests act as. */
export interface TestActor {
  name: string;
  username: string;
  delegation: DelegationCode;
  role: Role;
}

/** The demo's members plus a second Mexican delegate and a Mexican observer. */
export const THREAD_TEST_ACTORS: readonly TestActor[] = [
  { name: 'US delegate', username: 'us.delegate', delegation: 'US', role: 'delegate' },
  { name: 'CA delegate', username: 'ca.delegate', delegation: 'CA', role: 'delegate' },
  { name: 'MX delegate', username: 'mx.delegate', delegation: 'MX', role: 'delegate' },
  { name: 'SV delegate', username: 'sv.delegate', delegation: 'SV', role: 'delegate' },
  { name: 'GT delegate', username: 'gt.delegate', delegation: 'GT', role: 'delegate' },
  { name: 'MX colleague', username: 'mx.colleague', delegation: 'MX', role: 'delegate' },
  { name: 'MX observer', username: 'mx.observer', delegation: 'MX', role: 'observer' },
  { name: 'Chair', username: 'chair', delegation: 'CHAIR', role: 'moderator' },
  { name: 'Observer', username: 'observer', delegation: 'CHAIR', role: 'observer' },
];

/** Adds the members the demo lacks (a Mexican colleague and a Mexican observer). */
export async function addExtraMembers(server: RunningTestServer): Promise<void> {
  const negotiation = (await server.storage.negotiations.list())[0];
  if (negotiation === undefined) throw new Error('The demo negotiation is missing.');
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const actor of THREAD_TEST_ACTORS) {
    if ((await server.storage.users.byUsername(actor.username)) !== undefined) continue;
    const user = await server.storage.users.create({
      id: randomUUID(),
      username: actor.username,
      displayName: actor.name,
      passwordHash,
    });
    await server.storage.negotiations.setMembership({
      negotiationId: negotiation.id,
      userId: user.id,
      delegation: actor.delegation,
      role: actor.role,
    });
  }
}

/** An anchor on `clauseId`'s text `[from, to)`, made from the server's stored draft. */
export async function demoAnchor(
  server: RunningTestServer,
  clauseId: string,
  from: number,
  to: number,
): Promise<{ anchor: ThreadAnchor; quote: string }> {
  const text = clauseText(await storedDoc(server), clauseId);
  return { anchor: createThreadAnchor(text, from, to), quote: text.toString().slice(from, to) };
}

/** The path of the demo draft's threads, plus `rest`. */
export function threadsPath(server: RunningTestServer, rest = ''): string {
  return `/api/documents/${demoDocumentId(server)}/threads${rest}`;
}
