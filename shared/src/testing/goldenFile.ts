/// <reference types="node" />
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Whether this run may rewrite golden files: only when asked, never silently. */
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/**
 * Compares an export with its golden file. With `UPDATE_GOLDEN=1` the file is (re)written
 * instead, to be reviewed in the diff; a missing golden file fails the test otherwise.
 */
export function expectGolden(file: URL, actual: string): void {
  const path = fileURLToPath(file);
  if (UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  if (!existsSync(path)) {
    throw new Error(
      `Golden file ${path} is missing: run the test with UPDATE_GOLDEN=1 and review it.`,
    );
  }
  expect(actual, `differs from ${path} (UPDATE_GOLDEN=1 rewrites it)`).toBe(
    readFileSync(path, 'utf8'),
  );
}
