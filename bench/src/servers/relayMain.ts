import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { runChild } from './childRuntime';

/**
 * The floor: a raw `ws` server that relays every binary frame to the other sockets of the same
 * room (the URL path), without Yjs, storage, validation or sync. Clients apply what they get.
 */
runChild(async () => {
  const rooms = new Map<string, Set<WebSocket>>();
  const http = createServer((_request, response) => response.writeHead(404).end());
  const wss = new WebSocketServer({ server: http });
  wss.on('connection', (socket, request) => {
    const name = (request.url ?? '/').slice(1);
    let room = rooms.get(name);
    if (room === undefined) {
      room = new Set();
      rooms.set(name, room);
    }
    const members = room;
    members.add(socket);
    socket.on('message', (data, isBinary) => {
      for (const other of members) {
        if (other !== socket && other.readyState === other.OPEN)
          other.send(data, { binary: isBinary });
      }
    });
    socket.on('close', () => members.delete(socket));
    socket.on('error', () => members.delete(socket));
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
