/// <reference types="node" />
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commonMessages } from './i18n';

/**
 * `lingui extract` finds a `/*i18n*\/` descriptor only where the comment sits right before the
 * object literal (not before `{…} satisfies Message`); one it misses would be shown as its id.
 * Every descriptor id written in shared and server code must be in the compiled catalog.
 */

const ROOTS = ['../../src', '../../../server/src'].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'locales' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('message descriptors', () => {
  it('are all in the compiled common catalog', () => {
    const compiled = new Set(Object.keys(commonMessages('en')));
    const written: string[] = [];
    for (const file of ROOTS.flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\/\*i18n\*\/\s*\{\s*id:\s*'([^']+)'/g)) {
        written.push(match[1] ?? '');
      }
    }
    expect(written.length).toBeGreaterThan(80);
    expect(written.filter((id) => !compiled.has(id))).toEqual([]);
  });
});
