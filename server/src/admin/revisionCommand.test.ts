import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { revisionContent, revisionSymbol } from '@accord/shared/revisions/revisions';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson } from '../audit/canonicalJson';
import { loadStoredDocument } from '../export/loadStoredDocument';
import { contentSha256 } from '../revisions/RevisionService';
import { type SeededDemo, seedDemo } from '../seed/demo';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage';
import { clauseText } from '../testing/testClient';
import { parseAdminArgs } from './adminArgs';
import { type CommandResult, runAdminCommand } from './adminCommands';
import type { ExportIo } from './exportCommand';

let dataDir: string;
let storage: SqliteStorage;
let seeded: SeededDemo;
let stdout: Uint8Array[];

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-revision-cli-'));
  const opened = SqliteStorage.open(dataDir, { defaultTimeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.error);
  storage = opened.value;
  seeded = await seedDemo(storage, 'not-a-real-hash');
  stdout = [];
});

afterEach(async () => {
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const io = (): ExportIo => ({
  cwd: dataDir,
  now: () => Date.UTC(2026, 11, 5, 16, 0),
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  writeStdout: (bytes) => stdout.push(bytes),
  warn: () => {},
});

async function run(argv: string[]): Promise<CommandResult> {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) return parsed;
  return runAdminCommand(storage, parsed.value, async () => '', io());
}

/** Stores a revision of `doc` as issuing does (the service is tested over HTTP). */
async function store(doc: Y.Doc, at: number): Promise<void> {
  const contentJson = canonicalJson(revisionContent(doc, 'Draft'));
  const chair = await storage.users.byUsername('chair');
  const issued = await storage.revisions.issue({
    id: `rev-${at}`,
    documentId: seeded.documentId,
    note: 'note',
    state: Y.encodeStateAsUpdateV2(doc),
    contentJson,
    sha256: contentSha256(contentJson),
    issuedBy: chair?.id ?? '',
    delegation: 'CHAIR',
    issuedAt: at,
    symbolFor: (number) => revisionSymbol('ACCORD/2025/L.1', number),
  });
  if (!issued.ok) throw new Error(issued.error);
}

async function twoRevisions(): Promise<void> {
  const doc = await loadStoredDocument(storage, seeded.documentId, () => {});
  await store(doc, Date.UTC(2026, 11, 5, 14, 0));
  const tariffs = clauseText(doc, 'op-tariffs');
  const at = tariffs.toString().indexOf('ninety');
  tariffs.delete(at, 'ninety'.length);
  tariffs.insert(at, 'sixty');
  await store(doc, Date.UTC(2026, 11, 5, 15, 0));
  doc.destroy();
}

describe('accord-admin revision', () => {
  it('lists, shows (hash verified) and compares revisions from the data folder', async () => {
    await twoRevisions();
    const list = await run(['revision', 'list', '--document', seeded.documentId]);
    expect(list).toMatchObject({
      ok: true,
      value: expect.stringContaining('ACCORD/2025/L.1/Rev.2'),
    });
    const show = await run(['revision', 'show', '1', '--document', seeded.documentId]);
    expect(show).toMatchObject({ ok: true, value: expect.stringContaining('(verified)') });
    const compare = await run(['revision', 'compare', '1', '2', '--document', seeded.documentId]);
    expect(compare.ok && compare.value).toContain('[-ninety-]{+sixty+}');
    const json = await run([
      'revision',
      'compare',
      '2',
      'current',
      '--document',
      seeded.documentId,
      '--format',
      'json',
    ]);
    expect(json).toEqual({ ok: true, value: '' });
    const parsed = JSON.parse(new TextDecoder().decode(stdout[0]));
    // The stored draft still says "ninety": the current draft differs from Rev.2 in OP2.
    expect(parsed.counts.modified).toBe(1);
  });

  it('says what is wrong with bad arguments', async () => {
    expect(await run(['revision', 'list'])).toMatchObject({ ok: false });
    expect(await run(['revision', 'show', 'x', '--document', seeded.documentId])).toMatchObject({
      ok: false,
    });
    expect(await run(['revision', 'show', '3', '--document', seeded.documentId])).toMatchObject({
      ok: false,
      error: 'The draft has no Rev.3.',
    });
    expect(
      await run([
        'revision',
        'compare',
        '1',
        '2',
        '--document',
        seeded.documentId,
        '--format',
        'odt',
      ]),
    ).toMatchObject({ ok: false });
  });

  it('finds a stored content that was changed after issue', async () => {
    await twoRevisions();
    const db = (storage as unknown as { db: { prepare: (sql: string) => { run: () => void } } }).db;
    db.prepare(
      "UPDATE revisions SET content_json = replace(content_json, 'sixty', 'ten') WHERE number = 2",
    ).run();
    const show = await run(['revision', 'show', '2', '--document', seeded.documentId]);
    expect(show).toMatchObject({ ok: true, value: expect.stringContaining('DOES NOT MATCH') });
  });
});
