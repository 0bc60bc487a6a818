import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

/** Reads all of stdin as the password (for scripts: `echo … | accord-admin … --password-stdin`). */
export async function readPasswordFromStdin(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks for a password on the terminal without echoing it. */
export function promptPassword(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

/** Asks twice on the terminal; the two answers must match. */
export async function promptNewPassword(): Promise<string> {
  const first = await promptPassword('New password: ');
  const second = await promptPassword('Repeat it: ');
  if (first !== second) throw new PasswordMismatchError();
  return first;
}

/** The two answers of `promptNewPassword` differed. */
export class PasswordMismatchError extends Error {
  constructor() {
    super('The two passwords differ.');
    this.name = 'PasswordMismatchError';
  }
}
