import { Server } from '@hocuspocus/server';
import { readSeed, runChild } from './childRuntime';
import { hocuspocusDbFile, hocuspocusStore, writeHocuspocusDocuments } from './hocuspocusStore';

/**
 * Hocuspocus 3 storing through its Database extension over better-sqlite3 on a file (see
 * `hocuspocusStore`), every other setting at its default (store debounce 2 s, max 10 s). Rooms
 * are seeded by writing the seed state into the store's table before the server starts.
 */
runChild(async (launch) => {
  const file = hocuspocusDbFile(launch.dataDir);
  const seed = readSeed(launch);
  if (seed !== null && launch.rooms.length > 0) {
    writeHocuspocusDocuments(file, new Map(launch.rooms.map((room) => [room, seed])));
  }
  const store = hocuspocusStore(file);
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    // The child's own handler closes the server on SIGTERM.
    stopOnSignals: false,
    extensions: [store.extension],
  });
  await server.listen();
  return {
    url: `http://127.0.0.1:${server.address.port}`,
    close: async () => {
      await server.destroy();
      store.close();
    },
  };
});
