import type { Result } from '@accord/shared/result';

/** What a command printed, or why it failed. */
export type CommandResult = Result<string, string>;

/** How a command obtains a new password (stdin or a terminal prompt, decided by the caller). */
export type PasswordSource = () => Promise<string>;
