import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Temporary folders not removed yet: removed when the process exits, however it exits. */
const pending = new Set<string>();
process.once('exit', () => {
  for (const dir of pending) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // A child killed a moment ago may still be writing; a leftover temp folder is harmless.
    }
  }
});

/** A fresh temporary folder for one run's servers and files. */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  pending.add(dir);
  return dir;
}

/** Removes a folder made by `makeTempDir`. */
export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  pending.delete(dir);
}
