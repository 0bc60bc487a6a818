import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = dirname(new URL(import.meta.url).pathname);

/** Every .ts file under a folder, tests included (a test may not close a cycle either). */
function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The files a file imports or re-exports by a relative path, type-only imports included. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/\bfrom\s+'(\.{1,2}\/[^']+)'/g)) {
    const target = resolve(dirname(file), match[1]!);
    for (const candidate of [`${target}.ts`, join(target, 'index.ts'), target]) {
      if (candidate.endsWith('.ts') && statSync(candidate, { throwIfNoEntry: false })?.isFile()) {
        found.push(candidate);
        break;
      }
    }
  }
  return found;
}

/** The import cycles among files, each as the list of its files (a depth-first search). */
function importCycles(files: readonly string[]): string[][] {
  const edges = new Map(files.map((file) => [file, relativeImports(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(path.slice(path.indexOf(next)));
      else if (state.get(next) === undefined) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (state.get(file) === undefined) visit(file);
  return cycles.map((cycle) => cycle.map((file) => relative(SRC, file)));
}

describe('server imports', () => {
  it('have no cycles anywhere in the server (type-only imports count too)', () => {
    expect(importCycles(sourceFiles(SRC))).toEqual([]);
  });

  it('keep the sync core free of clause rules: SyncDocument and UpdateValidator import nothing from clauses/ (S12)', () => {
    for (const core of ['sync/SyncDocument.ts', 'sync/UpdateValidator.ts']) {
      const imports = relativeImports(join(SRC, core)).map((file) => relative(SRC, file));
      expect(imports.filter((file) => file.startsWith('clauses/'))).toEqual([]);
    }
  });

  it('sees relative imports, type-only ones included (the check itself works)', () => {
    const imports = relativeImports(join(SRC, 'sync/SyncServer.ts')).map((file) =>
      relative(SRC, file),
    );
    expect(imports).toContain('sync/DocumentRegistry.ts');
    expect(imports).toContain('clauses/DocumentClauses.ts');
  });
});
