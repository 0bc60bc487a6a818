import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SeededDemo, seedDemo } from '../seed/demo';
import { SqliteStorage } from '../storage/sqlite/SqliteStorage';
import { parseAdminArgs } from './adminArgs';
import { type CommandResult, runAdminCommand } from './adminCommands';
import type { ExportIo } from './exportCommand';

let dataDir: string;
let storage: SqliteStorage;
let seeded: SeededDemo;
let stdout: Uint8Array[];
let warnings: string[];

const NOW = Date.UTC(2026, 10, 29, 14, 5);

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'accord-export-cli-'));
  const opened = SqliteStorage.open(dataDir, { defaultTimeZone: 'UTC' });
  if (!opened.ok) throw new Error(opened.error);
  storage = opened.value;
  // Nobody signs in here: any hash will do.
  seeded = await seedDemo(storage, 'not-a-real-hash');
  stdout = [];
  warnings = [];
});

afterEach(async () => {
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const io = (): ExportIo => ({
  cwd: dataDir,
  now: () => NOW,
  // Real files: the test reads them back.
  writeFile: (path, bytes) => writeFileSync(path, bytes),
  writeStdout: (bytes) => stdout.push(bytes),
  warn: (message) => warnings.push(message),
});

async function run(argv: string[]): Promise<CommandResult> {
  const parsed = parseAdminArgs(argv);
  if (!parsed.ok) throw new Error(parsed.error);
  return runAdminCommand(storage, parsed.value, async () => '', io());
}

describe('accord-admin export', () => {
  it('writes a draft compilation to standard output from the data folder', async () => {
    const result = await run([
      'export',
      '--document',
      seeded.documentId,
      '--format',
      'md',
      '--out',
      '-',
    ]);
    expect(result).toEqual({ ok: true, value: '' });
    const markdown = new TextDecoder().decode(Buffer.concat(stdout));
    // The demo negotiation keeps Washington's clock: 14:05 UTC is 09:05 there.
    expect(markdown).toMatch(
      /^> \*\*DRAFT — compiled 29 November 2026, 09:05 New York time \(UTC-5\)/,
    );
    expect(markdown).toContain('**PP1** *Recognizing* that');
    expect(markdown).toContain('**OP10** Decide to meet again');
    expect(warnings).toEqual([]);
  });

  it('writes a Word file under its own name in the current folder by default', async () => {
    const result = await run(['export', '--document', seeded.documentId, '--format', 'docx']);
    const path = join(
      dataDir,
      'communique-joint-communique-on-regional-economic-growth-and-migration-draft-2026-11-29-0905.docx',
    );
    expect(result).toMatchObject({ ok: true, value: expect.stringContaining(`Wrote ${path}`) });
    const xml = strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
    expect(xml).toContain('>OP10</w:t>');
  });

  it('refuses the final text while clauses block it, listing them', async () => {
    const result = await run([
      'export',
      '--document',
      seeded.documentId,
      '--format',
      'txt',
      '--mode',
      'final',
    ]);
    expect(result.ok).toBe(false);
    const error = result.ok ? '' : result.error;
    expect(error).toContain('The final communiqué cannot be exported yet; these clauses block it:');
    expect(error).toContain('  PP5: not locked, has brackets');
    expect(error.split('\n')).toHaveLength(16);
  });

  it('explains a wrong document, format or mode', async () => {
    expect(await run(['export', '--document', 'nope', '--format', 'md'])).toEqual({
      ok: false,
      error: 'No draft "nope" (see: accord-admin document list).',
    });
    const error = (argv: string[]) => {
      const parsed = parseAdminArgs(argv);
      return parsed.ok ? '' : parsed.error;
    };
    expect(error(['export', '--format', 'md'])).toContain('--document');
    expect(error(['export', '--document', 'd', '--format', 'odt'])).toBe(
      'Unknown format "odt": use one of txt, md, html, docx, pdf.',
    );
    expect(error(['export', '--document', 'd', '--format', 'md', '--mode', 'x'])).toContain(
      'draft, final',
    );
  });

  it('writes the export in the language asked for with --lang, English by default', async () => {
    const spanish = await run([
      'export',
      '--document',
      seeded.documentId,
      '--format',
      'txt',
      '--lang',
      'es',
      '--out',
      '-',
    ]);
    expect(spanish).toEqual({ ok: true, value: '' });
    const text = new TextDecoder().decode(Buffer.concat(stdout));
    expect(text).toMatch(
      /^PROYECTO — compilado el 29 de noviembre de 2026, a las 09:05, hora oriental \(UTC-5\) — texto no acordado/,
    );
    expect(text).toContain('Delegaciones participantes: Estados Unidos de América, Canadá');
    // The negotiated text itself is never translated.
    expect(text).toContain('OP10  Decide to meet again');
    stdout = [];
    await run([
      'export',
      '--document',
      seeded.documentId,
      '--format',
      'txt',
      '--lang',
      'fr',
      '--out',
      '-',
    ]);
    const french = new TextDecoder().decode(Buffer.concat(stdout));
    expect(french).toMatch(/^PROJET — compilé le 29 novembre 2026 à 9 h 05, heure de l’Est/);
    expect(french).toContain('Délégations participantes\u00a0: États-Unis d’Amérique, Canada');
  });

  it('refuses a language it does not speak', () => {
    const parsed = parseAdminArgs(['export', '--document', 'd', '--format', 'md', '--lang', 'de']);
    expect(parsed).toEqual({ ok: false, error: 'Unknown lang "de": use one of en, es, fr.' });
  });

  it('lists the drafts and their ids', async () => {
    const result = await run(['document', 'list']);
    expect(result.ok && result.value).toContain(seeded.documentId);
    expect(result.ok && result.value).toContain('Joint Communiqué on Regional Economic Growth');
  });
});
