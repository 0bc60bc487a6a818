#!/usr/bin/env node
import { ADMIN_USAGE, type AdminCommand, parseAdminArgs } from './admin/adminArgs';
import { runAdminCommand } from './admin/adminCommands';
import { processExportIo } from './admin/exportCommand';
import { promptNewPassword, readPasswordFromStdin } from './admin/readPassword';
import { parseDataDir, parseDefaultTimeZone } from './config';
import { parseDatabase } from './serviceConfig';
import { openStorage } from './storage/openStorage';

/** Exit codes: 0 done, 1 the command failed, 2 the command line was wrong. */
const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function passwordSource(command: AdminCommand): () => Promise<string> {
  const fromStdin = 'passwordStdin' in command && command.passwordStdin;
  if (fromStdin) return () => readPasswordFromStdin(process.stdin);
  if (!process.stdin.isTTY) {
    return () =>
      Promise.reject(new Error('No terminal to ask for a password: use --password-stdin.'));
  }
  return promptNewPassword;
}

async function main(): Promise<number> {
  const parsed = parseAdminArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`${parsed.error}\n\n${ADMIN_USAGE}`);
    return EXIT.usage;
  }
  if (parsed.value.kind === 'help') {
    console.log(ADMIN_USAGE);
    return EXIT.ok;
  }
  // pnpm runs package scripts inside server/; INIT_CWD is where the person typed the command,
  // so `./data` means the same folder as for `pnpm start` at the repository root.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dataDir = parseDataDir(process.env.ACCORD_DATA_DIR, cwd);
  if (!dataDir.ok) {
    console.error(dataDir.error);
    return EXIT.usage;
  }
  // Opening may migrate the database, which gives older negotiations this zone.
  const defaultTimeZone = parseDefaultTimeZone(process.env.ACCORD_TIME_ZONE);
  if (!defaultTimeZone.ok) {
    console.error(defaultTimeZone.error);
    return EXIT.usage;
  }
  const database = parseDatabase(process.env);
  if (!database.ok) {
    console.error(database.error);
    return EXIT.usage;
  }
  const opened = await openStorage({
    dataDir: dataDir.value,
    defaultTimeZone: defaultTimeZone.value,
    database: database.value,
  });
  if (!opened.ok) {
    console.error(opened.error);
    return EXIT.failed;
  }
  try {
    const result = await runAdminCommand(
      opened.value.storage,
      parsed.value,
      passwordSource(parsed.value),
      processExportIo(cwd),
    );
    if (!result.ok) {
      console.error(result.error);
      return EXIT.failed;
    }
    // An export to standard output prints nothing else there.
    if (result.value !== '') console.log(result.value);
    return EXIT.ok;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return EXIT.failed;
  } finally {
    await opened.value.storage.close();
  }
}

process.exitCode = await main();
