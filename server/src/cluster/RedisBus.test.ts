import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncPrincipal } from '../sync/syncTypes';
import { inboxOf, RedisBus } from './RedisBus';
import { type ClusterMessage, decodeBatch, encodeBatch } from './wire';

const REDIS_URL = process.env.ACCORD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const principal: SyncPrincipal = {
  sessionId: 's',
  userId: 'u',
  displayName: 'Ana',
  delegation: 'MX',
  role: 'delegate',
  documentId: 'd',
  negotiationId: 'n',
};

interface Heard {
  messages: { from: string; message: ClusterMessage }[];
  lost: string[];
  resets: number;
}

const opened: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const closable of opened.splice(0)) await closable.close();
});

async function bus(id = randomUUID()): Promise<{ bus: RedisBus; id: string; heard: Heard }> {
  const heard: Heard = { messages: [], lost: [], resets: 0 };
  const created = new RedisBus(
    REDIS_URL,
    id,
    {
      message: (from, message) => heard.messages.push({ from, message }),
      lost: (peer) => heard.lost.push(peer),
      reset: () => {
        heard.resets += 1;
      },
    },
    () => {},
  );
  await created.start();
  opened.push(created);
  return { bus: created, id, heard };
}

async function until(check: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('Timed out.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('cluster wire format', () => {
  it('round-trips every message type in one batch', () => {
    const messages: ClusterMessage[] = [
      { type: 'open', connId: 'c1', principal },
      { type: 'in', connId: 'c1', data: Uint8Array.of(0, 1, 2) },
      { type: 'pong', connId: 'c1' },
      { type: 'ping', connId: 'c1' },
      { type: 'bye', connId: 'c1', code: 4507, reason: 'moved' },
      { type: 'out', entries: [{ connIds: ['a', 'b'], data: Uint8Array.of(9) }] },
    ];
    const decoded = decodeBatch(
      encodeBatch(
        'me',
        messages.map((message, i) => ({ seq: i + 1, message })),
      ),
    );
    expect(decoded.map((envelope) => envelope.message)).toEqual(messages);
    expect(decoded.map((envelope) => [envelope.from, envelope.seq])).toEqual(
      messages.map((_, i) => ['me', i + 1]),
    );
  });

  it('throws on truncated or unknown input instead of inventing messages', () => {
    const bytes = encodeBatch('me', [{ seq: 1, message: { type: 'pong', connId: 'c' } }]);
    expect(() => decodeBatch(bytes.slice(0, bytes.length - 1))).toThrow();
    expect(() => decodeBatch(Uint8Array.of(2, 109, 101, 1, 1, 200))).toThrow();
  });
});

describe('RedisBus (real Redis)', () => {
  it('delivers messages in order, batched per turn', async () => {
    const a = await bus();
    const b = await bus();
    for (let i = 0; i < 50; i++)
      a.bus.send(b.id, { type: 'in', connId: 'c', data: Uint8Array.of(i) });
    await until(() => b.heard.messages.length === 50);
    expect(
      b.heard.messages.map(({ message }) => (message.type === 'in' ? message.data[0] : -1)),
    ).toEqual([...Array(50).keys()]);
    expect(b.heard.messages.every(({ from }) => from === a.id)).toBe(true);
    expect(b.heard.lost).toEqual([]);
  });

  it('reports a gap in a sender’s numbering as lost messages from that sender', async () => {
    const b = await bus();
    const attacker = new Redis(REDIS_URL);
    opened.push({ close: () => attacker.quit() });
    const pong = { type: 'pong', connId: 'c' } as const;
    await attacker.publish(
      inboxOf(b.id),
      Buffer.from(encodeBatch('x', [{ seq: 1, message: pong }])),
    );
    await attacker.publish(
      inboxOf(b.id),
      Buffer.from(encodeBatch('x', [{ seq: 3, message: pong }])),
    );
    await until(() => b.heard.messages.length === 2);
    expect(b.heard.lost).toEqual(['x']);
  });

  it('drops malformed payloads without stopping', async () => {
    const a = await bus();
    const b = await bus();
    const attacker = new Redis(REDIS_URL);
    opened.push({ close: () => attacker.quit() });
    await attacker.publish(inboxOf(b.id), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff]));
    await attacker.publish(inboxOf(b.id), 'not a batch');
    a.bus.send(b.id, { type: 'pong', connId: 'after' });
    await until(() => b.heard.messages.length === 1);
    expect(b.heard.messages[0]?.message).toEqual({ type: 'pong', connId: 'after' });
  });

  it('reports a reset when its subscription is cut and comes back', async () => {
    const b = await bus();
    const admin = new Redis(REDIS_URL);
    opened.push({ close: () => admin.quit() });
    const clients = (await admin.client('LIST')) as string;
    const subscriber = clients
      .split('\n')
      .find((line) => line.includes(`name=accord-${b.id}-sub `));
    expect(subscriber).toBeDefined();
    const id = /id=(\d+)/.exec(subscriber ?? '')?.[1];
    await admin.client('KILL', 'ID', id ?? '');
    await until(() => b.heard.resets === 1 && b.bus.healthy, 5_000);
  });
});
