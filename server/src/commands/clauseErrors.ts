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

/** The value of a call into the documents port; a failure there (storage, shutdown) is ours. */
export function documentsValue<T>(result: SyncResult<T>): Result<T, CommandError> {
  return result.ok ? ok(result.value) : err({ code: 'storageFailed' });
}
