import { LIMITS } from '@accord/shared/protocol/limits';
import { err, ok, type Result } from '@accord/shared/result';
import type { ClauseCommandError } from '../clauses/DocumentClauses';
import type { SyncResult } from '../sync/syncTypes';
import type { CommandError } from './CommandError';

/** A clause write's refusal as a command error. */
export function clauseError(error: ClauseCommandError): CommandError {
  switch (error) {
    case 'tooManyAlternatives':
      return { code: 'tooManyAlternatives', max: LIMITS.alternativesPerClause };
    default:
      return { code: error };
  }
}

/**
 * The value of a call into the documents port, once it has run and what it wrote has committed;
 * a failure there (storage, shutdown) is ours. The port answers with a promise, and the value its
 * callback returns may be one too (an async callback): both are awaited.
 */
export async function documentsValue<T>(
  result: SyncResult<T> | Promise<SyncResult<T>>,
): Promise<Result<Awaited<T>, CommandError>> {
  const settled = await result;
  return settled.ok ? ok(await settled.value) : err({ code: 'storageFailed' });
}
