import { startChildServer } from '../servers/childServer';
import { hocuspocusDbFile, writeHocuspocusDocuments } from '../servers/hocuspocusStore';
import { makeTempDir, removeTempDir } from '../servers/tempDirs';
import type { CommuniqueHistory } from './buildCommunique';
import { measuredColdLoad } from './coldLoadProfile';
import { timeFirstSync } from './firstSync';
import { memoryPerDocument } from './memoryProbe';
import type { HocuspocusScale } from './scaleTypes';

/**
 * Hocuspocus at document scale: the history's final state stored in its SQLite extension's table
 * (that is what Hocuspocus stores), a cold server, one client's first sync, then memory per
 * open document.
 */
export async function hocuspocusScale(
  script: string,
  history: CommuniqueHistory,
  documentId: string,
  copies: readonly string[],
): Promise<HocuspocusScale> {
  const dataDir = makeTempDir('accord-bench-scale-hocuspocus-');
  try {
    const file = hocuspocusDbFile(dataDir);
    writeHocuspocusDocuments(
      file,
      new Map([documentId, ...copies].map((name) => [name, history.state])),
    );
    const server = await startChildServer(
      'hocuspocus',
      script,
      { dataDir, rooms: [], users: 0, seedFile: null },
      { nodeArgs: ['--expose-gc'] },
    );
    try {
      const measured = await measuredColdLoad(server, 'hocuspocus-coldload', () =>
        timeFirstSync('hocuspocus', server.ready.url, documentId, {}, history.clauses),
      );
      const cold = measured.result;
      try {
        const memory = await memoryPerDocument(server, 'hocuspocus', copies, {});
        return {
          storedBytes: history.state.byteLength,
          coldLoadMs: cold.ms,
          coldLoadCpuMs: measured.serverCpuMs,
          memoryPerDocument: memory,
        };
      } finally {
        cold.close();
      }
    } finally {
      await server.stop();
    }
  } finally {
    removeTempDir(dataDir);
  }
}
