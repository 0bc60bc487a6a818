import { parseConfig, parseSyncTuning } from './config';
import { demoLoginsTable } from './seed/demo';
import { type ServerLogLevel, startServer } from './server';

function log(level: ServerLogLevel, message: string): void {
  const line = `${new Date().toISOString()} [${level}] ${message}`;
  if (level === 'info') console.log(line);
  else console.error(line);
}

// pnpm runs package scripts (`pnpm dev`) inside server/; INIT_CWD is where the command was typed,
// so a relative ACCORD_DATA_DIR means the same folder for `pnpm dev` and `pnpm start`.
const config = parseConfig(process.env, process.env.INIT_CWD ?? process.cwd());
if (!config.ok) {
  console.error(`Accord cannot start: ${config.error}`);
  process.exit(1);
}
const syncTuning = parseSyncTuning(process.env);
if (!syncTuning.ok) {
  console.error(`Accord cannot start: ${syncTuning.error}`);
  process.exit(1);
}

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(config.value, { log, syncTuning: syncTuning.value });
} catch (error) {
  console.error(`Accord cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

console.log(`Accord is running at ${server.url}`);
if (server.seeded) {
  console.log(`\nSeeded the demo negotiation. Demo logins:\n\n${demoLoginsTable()}\n`);
}
if (config.value.clientDir === null) {
  console.log('The client has not been built: run `pnpm build` to serve it from here.');
}

let stopping = false;
function stop(signal: string): void {
  if (stopping) {
    console.error(`${signal} again: exiting without waiting.`);
    process.exit(1);
  }
  stopping = true;
  console.log(`${signal}: closing connections and the database…`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`Shutdown failed: ${String(error)}`);
      process.exit(1);
    },
  );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
