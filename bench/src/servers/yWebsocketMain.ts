import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setContentInitializor, setupWSConnection } from '@y/websocket-server/utils';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { readSeed, runChild } from './childRuntime';

/**
 * The reference y-websocket server (`@y/websocket-server`), wired as its own `server.js` does:
 * in memory, no auth, no persistence. The only addition is seeding each room when it is created.
 */
runChild(async (launch) => {
  const seed = readSeed(launch);
  // Runs synchronously when a room's document is created, before its first sync step 1.
  setContentInitializor(async (doc) => {
    if (seed !== null) Y.applyUpdate(doc, seed);
  });
  const http = createServer((_request, response) => response.writeHead(200).end('okay'));
  const wss = new WebSocketServer({ noServer: true });
  wss.on('connection', setupWSConnection);
  http.on('upgrade', (request, socket, head) => {
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  };
});
