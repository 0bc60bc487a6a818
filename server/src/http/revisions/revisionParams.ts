import type { CompareTarget, RevisionResult } from '../../revisions/revisionTypes';
import { ApiError, apiErrors } from '../errors';

/** "3" → 3; anything else is a 404 (there is no such revision). */
export function revisionNumber(raw: string): number {
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw apiErrors.notFound(`There is no revision "${raw}".`);
  return Number(raw);
}

/** A compare side from the query: a revision number or `current`. */
export function compareTarget(raw: string | undefined, name: string): CompareTarget {
  if (raw === 'current') return 'current';
  if (raw !== undefined && /^[1-9]\d{0,8}$/.test(raw)) return Number(raw);
  throw apiErrors.badRequest(`Give ${name} as a revision number (1, 2…) or "current".`);
}

/** A command's value, or its refusal as the API's error. */
export function value<T>(result: RevisionResult<T>): T {
  if (!result.ok) throw new ApiError(result.error.code, result.error.message);
  return result.value;
}
