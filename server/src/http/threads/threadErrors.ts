import type { AnchorProblem } from '@accord/shared/domain/threadAnchor';
import type { ThreadCommandError } from '../../threads/ThreadService';
import { type ApiError, apiErrors } from '../errors';

/** What a refused member is told, per command. */
export type ThreadCommand = 'create' | 'reply' | 'resolve' | 'edit' | 'delete' | 'hide' | 'read';

const FORBIDDEN: Record<ThreadCommand, string> = {
  create:
    'You cannot open this thread: observers do not comment, and moderators open only threads for all delegations.',
  reply: 'You cannot reply in this thread.',
  resolve: 'You cannot resolve or reopen this thread.',
  edit: 'Only the author of a message may edit it.',
  delete: 'Only the author of a message may delete it.',
  hide: 'Only a moderator may hide a message, and only in a thread for all delegations.',
  read: 'You cannot read this thread.',
};

/**
 * The HTTP error of a refused thread command. The messages never quote a thread or message:
 * an error must not carry private text (DESIGN.md decision 5).
 */
export function threadCommandError(error: ThreadCommandError, command: ThreadCommand): ApiError {
  switch (error) {
    case 'threadNotFound':
      // The same answer for a thread that does not exist and one the caller may not read.
      return apiErrors.notFound('This thread does not exist.');
    case 'messageNotFound':
      return apiErrors.notFound('This message is not in this thread.');
    case 'forbidden':
      return apiErrors.forbidden(FORBIDDEN[command]);
    case 'messageDeleted':
      return apiErrors.conflict('This message was deleted.');
    case 'messageHidden':
      return apiErrors.conflict('This message was hidden by the Chair.');
  }
}

/** The HTTP error of an anchor that cannot be read or lies outside the draft's clauses. */
export function anchorError(problem: AnchorProblem | 'empty'): ApiError {
  switch (problem) {
    case 'malformed':
      return apiErrors.badRequest('The anchor is not a pair of base64 Yjs relative positions.');
    case 'outside':
      return apiErrors.badRequest(
        "The anchor does not lie within one clause of this draft's text: select words of one clause.",
      );
    case 'empty':
      return apiErrors.badRequest('The anchor selects no text: select some words of a clause.');
  }
}
