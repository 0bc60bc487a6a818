import type { AnchorProblem } from '@accord/shared/domain/threadAnchor';
import type { Message } from '@accord/shared/i18n/i18n';
import type { ThreadCommandError } from '../../threads/ThreadService';
import { type ApiError, apiErrors, localized } from '../errors';

/** What a refused member is told, per command. */
export type ThreadCommand = 'create' | 'reply' | 'resolve' | 'edit' | 'delete' | 'hide' | 'read';

const FORBIDDEN = {
  create: /*i18n*/ {
    id: 'thread.forbidden.create',
    message:
      'You cannot open this thread: observers do not comment, and moderators open only threads for all delegations.',
  },
  reply: /*i18n*/ { id: 'thread.forbidden.reply', message: 'You cannot reply in this thread.' },
  resolve: /*i18n*/ {
    id: 'thread.forbidden.resolve',
    message: 'You cannot resolve or reopen this thread.',
  },
  edit: /*i18n*/ {
    id: 'thread.forbidden.edit',
    message: 'Only the author of a message may edit it.',
  },
  delete: /*i18n*/ {
    id: 'thread.forbidden.delete',
    message: 'Only the author of a message may delete it.',
  },
  hide: /*i18n*/ {
    id: 'thread.forbidden.hide',
    message: 'Only a moderator may hide a message, and only in a thread for all delegations.',
  },
  read: /*i18n*/ { id: 'thread.forbidden.read', message: 'You cannot read this thread.' },
} as const satisfies Record<ThreadCommand, Message>;

const THREAD_ERRORS = {
  threadNotFound: /*i18n*/ { id: 'thread.notFound', message: 'This thread does not exist.' },
  messageNotFound: /*i18n*/ {
    id: 'thread.messageNotFound',
    message: 'This message is not in this thread.',
  },
  messageDeleted: /*i18n*/ { id: 'thread.messageDeleted', message: 'This message was deleted.' },
  messageHidden: /*i18n*/ {
    id: 'thread.messageHidden',
    message: 'This message was hidden by the Chair.',
  },
  anchorMalformed: /*i18n*/ {
    id: 'thread.anchor.malformed',
    message: 'The anchor is not a pair of base64 Yjs relative positions.',
  },
  anchorOutside: /*i18n*/ {
    id: 'thread.anchor.outside',
    message:
      "The anchor does not lie within one clause of this draft's text: select words of one clause.",
  },
  anchorEmpty: /*i18n*/ {
    id: 'thread.anchor.empty',
    message: 'The anchor selects no text: select some words of a clause.',
  },
} as const satisfies Record<string, Message>;

/**
 * The HTTP error of a refused thread command, in the requester's language. The messages never
 * quote a thread or message: an error must not carry private text (SPEC P1, P4).
 */
export function threadCommandError(error: ThreadCommandError, command: ThreadCommand): ApiError {
  switch (error) {
    case 'threadNotFound':
      // The same answer for a thread that does not exist and one the caller may not read.
      return apiErrors.notFound(localized(THREAD_ERRORS.threadNotFound));
    case 'messageNotFound':
      return apiErrors.notFound(localized(THREAD_ERRORS.messageNotFound));
    case 'forbidden':
      return apiErrors.forbidden(localized(FORBIDDEN[command]));
    case 'messageDeleted':
      return apiErrors.conflict(localized(THREAD_ERRORS.messageDeleted));
    case 'messageHidden':
      return apiErrors.conflict(localized(THREAD_ERRORS.messageHidden));
  }
}

/** The HTTP error of an anchor that cannot be read or lies outside the draft's clauses. */
export function anchorError(problem: AnchorProblem | 'empty'): ApiError {
  switch (problem) {
    case 'malformed':
      return apiErrors.badRequest(localized(THREAD_ERRORS.anchorMalformed));
    case 'outside':
      return apiErrors.badRequest(localized(THREAD_ERRORS.anchorOutside));
    case 'empty':
      return apiErrors.badRequest(localized(THREAD_ERRORS.anchorEmpty));
  }
}
