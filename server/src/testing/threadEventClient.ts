import { threadEventsPath } from '@accord/shared/protocol/threads';
import type { RunningServer } from '../server';

/** One Server-Sent Event as received. */
export interface ReceivedEvent {
  event: string;
  data: string;
}

/** A live thread channel opened by a test, reading as a browser's EventSource would. */
export interface ThreadEventClient {
  events: ReceivedEvent[];
  /** Every byte received, decoded: to assert that something never arrived in any form. */
  raw: () => string;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close: () => void;
}

/**
 * Opens `GET …/threads/events` with a session cookie and parses the event stream. Resolves once
 * the response headers are in; rejects with the status when the server refuses.
 */
export async function openThreadEvents(
  server: Pick<RunningServer, 'url'>,
  cookie: string,
  documentId: string,
): Promise<ThreadEventClient> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}${threadEventsPath(documentId)}`, {
    headers: { cookie, origin: server.url, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (response.status !== 200 || response.body === null) {
    throw new Error(`The thread channel was refused with ${response.status}.`);
  }
  const events: ReceivedEvent[] = [];
  let raw = '';
  let pending = '';
  const decoder = new TextDecoder();
  const reader = response.body.getReader();
  const ended = (async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        const text = decoder.decode(value, { stream: true });
        raw += text;
        pending += text;
        let boundary = pending.indexOf('\n\n');
        while (boundary !== -1) {
          const block = pending.slice(0, boundary);
          pending = pending.slice(boundary + 2);
          const lines = block.split('\n');
          const event = lines
            .find((line) => line.startsWith('event:'))
            ?.slice(6)
            .trim();
          const data = lines
            .filter((line) => line.startsWith('data:'))
            .map((line) => line.slice(5).replace(/^ /, ''))
            .join('\n');
          if (event !== undefined) events.push({ event, data });
          boundary = pending.indexOf('\n\n');
        }
      }
    } catch {
      // Aborted by `close`.
    }
  })();
  return { events, raw: () => raw, ended, close: () => controller.abort() };
}
