import { LOCK_REASON_MAX_CHARS } from '@accord/shared/domain/locks';
import { delegationName } from '@accord/shared/i18n/domainWords';
import { type Message, translate } from '@accord/shared/i18n/i18n';
import type { Locale } from '@accord/shared/i18n/locales';
import type { ApiErrorCode } from '@accord/shared/protocol/api';
import type { CommandError, CommandErrorCode, CommandErrorParams } from './CommandError';

/** How one code is answered: the API error code (and so the HTTP status) and its message. */
interface CommandErrorEntry<C extends CommandErrorCode> {
  api: ApiErrorCode;
  message: (params: CommandErrorParams<C>, locale: Locale) => string;
}

/** The words of refused commands, by stable id (issue 16: in the requester's language). */
const M = {
  revisionForbidden: /*i18n*/ {
    id: 'command.revisionForbidden',
    message: 'Only a moderator (the Chair) may issue a revision.',
  },
  silenceRunning: /*i18n*/ {
    id: 'command.silenceRunning',
    message:
      'A silence procedure is running on {revision}; no revision can be issued until it ends.',
  },
  noteTooLong: /*i18n*/ {
    id: 'command.noteTooLong',
    message: 'The note is longer than {max} characters.',
  },
  symbolUsed: /*i18n*/ {
    id: 'command.symbolUsed',
    message: 'The symbol {symbol} was already used for a revision of this draft.',
  },
  positionForbidden: /*i18n*/ {
    id: 'command.positionForbidden',
    message: 'Only a delegate of {delegation} may state its position.',
  },
  proposeAlternativeForbidden: /*i18n*/ {
    id: 'command.proposeAlternativeForbidden',
    message: 'Observers cannot propose alternative wordings.',
  },
  withdrawAlternativeForbidden: /*i18n*/ {
    id: 'command.withdrawAlternativeForbidden',
    message: 'Only the delegation that proposed it or a moderator may withdraw it.',
  },
  chooseAlternativeForbidden: /*i18n*/ {
    id: 'command.chooseAlternativeForbidden',
    message: 'Only a moderator chooses between alternative wordings.',
  },
  lockForbidden: /*i18n*/ {
    id: 'command.lockForbidden',
    message: 'Only a moderator may lock or unlock clauses.',
  },
  settingsForbidden: /*i18n*/ {
    id: 'command.settingsForbidden',
    message: "Only a moderator may change the negotiation's time zone.",
  },
  membersForbidden: /*i18n*/ {
    id: 'command.membersForbidden',
    message: 'Only a moderator may change who takes part in the negotiation.',
  },
  auditForbidden: /*i18n*/ {
    id: 'command.auditForbidden',
    message: 'Only moderators may read the audit log.',
  },
  exportFinalForbidden: /*i18n*/ {
    id: 'command.exportFinalForbidden',
    message: 'Only a moderator may export the final communiqué.',
  },
  exportDraftForbidden: /*i18n*/ {
    id: 'command.exportDraftForbidden',
    message: 'You may not export this draft.',
  },
  unknownClause: /*i18n*/ {
    id: 'command.unknownClause',
    message: 'This clause is not in the draft.',
  },
  unknownAlternative: /*i18n*/ {
    id: 'command.unknownAlternative',
    message: 'This alternative is not on the table for this clause.',
  },
  clauseLocked: /*i18n*/ {
    id: 'command.clauseLocked',
    message:
      'This clause is locked: its positions and wording cannot change until a moderator unlocks it.',
  },
  tooManyAlternatives: /*i18n*/ {
    id: 'command.tooManyAlternatives',
    message: 'A clause carries at most {max} alternatives: withdraw or settle some first.',
  },
  reasonRequired: /*i18n*/ {
    id: 'command.lockReason.required',
    message: 'A written reason is required.',
  },
  reasonTooLong: /*i18n*/ {
    id: 'command.lockReason.tooLong',
    message: 'A reason may have at most {max} characters.',
  },
  lockReasonLocking: /*i18n*/ {
    id: 'command.lockReason.locking',
    message: '{problem} Not all five delegations agree with this clause.',
  },
  lockReasonUnlocking: /*i18n*/ {
    id: 'command.lockReason.unlocking',
    message: '{problem} Say why the clause is unlocked.',
  },
  alreadyLocked: /*i18n*/ {
    id: 'command.alreadyLocked',
    message: 'This clause is already locked.',
  },
  notLocked: /*i18n*/ { id: 'command.notLocked', message: 'This clause is not locked.' },
  choiceStale: /*i18n*/ {
    id: 'command.choiceStale',
    message:
      '{label} changed while you were reviewing this choice: look at the new redline and confirm again.',
  },
  theClause: /*i18n*/ { id: 'command.theClause', message: 'The clause' },
  choiceTextRefused: /*i18n*/ {
    id: 'command.choiceTextRefused',
    message: 'The chosen wording could not be written: {problem}',
  },
  notAMember: /*i18n*/ {
    id: 'command.notAMember',
    message: '{username} is not a member of "{negotiation}".',
  },
  storageFailed: /*i18n*/ {
    id: 'command.storageFailed',
    message: 'Something went wrong on the server.',
  },
} as const satisfies Record<string, Message>;

/**
 * A lock reason's problem (`parseLockReason`, in English) in a language: the two it can be are
 * in the catalog; anything else is shown as written.
 */
function lockReasonProblem(problem: string, locale: Locale): string {
  if (problem === translate('en', M.reasonRequired)) return translate(locale, M.reasonRequired);
  const tooLong = { max: LOCK_REASON_MAX_CHARS };
  if (problem === translate('en', M.reasonTooLong, tooLong)) {
    return translate(locale, M.reasonTooLong, tooLong);
  }
  return problem;
}

/**
 * The one table of refused commands: code → API error and message built from the parameters,
 * in the requester's language. Routes and the admin tool both answer from it, so a refusal is
 * worded once, here.
 */
export const COMMAND_ERRORS: { [C in CommandErrorCode]: CommandErrorEntry<C> } = {
  positionForbidden: {
    api: 'forbidden',
    message: ({ delegation }, locale) =>
      translate(locale, M.positionForbidden, { delegation: delegationName(delegation, locale) }),
  },
  proposeAlternativeForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.proposeAlternativeForbidden),
  },
  withdrawAlternativeForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.withdrawAlternativeForbidden),
  },
  chooseAlternativeForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.chooseAlternativeForbidden),
  },
  lockForbidden: { api: 'forbidden', message: (_, locale) => translate(locale, M.lockForbidden) },
  settingsForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.settingsForbidden),
  },
  membersForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.membersForbidden),
  },
  auditForbidden: { api: 'forbidden', message: (_, locale) => translate(locale, M.auditForbidden) },
  exportFinalForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.exportFinalForbidden),
  },
  exportDraftForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.exportDraftForbidden),
  },
  unknownClause: { api: 'not_found', message: (_, locale) => translate(locale, M.unknownClause) },
  unknownAlternative: {
    api: 'not_found',
    message: (_, locale) => translate(locale, M.unknownAlternative),
  },
  clauseLocked: { api: 'conflict', message: (_, locale) => translate(locale, M.clauseLocked) },
  tooManyAlternatives: {
    api: 'conflict',
    message: ({ max }, locale) => translate(locale, M.tooManyAlternatives, { max }),
  },
  lockReasonInvalid: {
    api: 'bad_request',
    message: ({ problem, locking }, locale) =>
      translate(locale, locking ? M.lockReasonLocking : M.lockReasonUnlocking, {
        problem: lockReasonProblem(problem, locale),
      }),
  },
  lockUnchanged: {
    api: 'conflict',
    message: ({ locked }, locale) => translate(locale, locked ? M.alreadyLocked : M.notLocked),
  },
  choiceStale: {
    api: 'conflict',
    message: ({ label }, locale) =>
      translate(locale, M.choiceStale, { label: label || translate(locale, M.theClause) }),
  },
  choiceTextRefused: {
    api: 'conflict',
    message: ({ problem }, locale) => translate(locale, M.choiceTextRefused, { problem }),
  },
  // The problem is `parseTimeZone`'s sentence, which names what to give (English for now).
  badTimeZone: { api: 'bad_request', message: ({ problem }) => problem },
  notAMember: {
    api: 'not_found',
    message: ({ username, negotiationTitle }, locale) =>
      translate(locale, M.notAMember, { username, negotiation: negotiationTitle }),
  },
  revisionForbidden: {
    api: 'forbidden',
    message: (_, locale) => translate(locale, M.revisionForbidden),
  },
  silenceRunning: {
    api: 'conflict',
    message: ({ revision }, locale) => translate(locale, M.silenceRunning, { revision }),
  },
  noteTooLong: {
    api: 'bad_request',
    message: ({ max }, locale) => translate(locale, M.noteTooLong, { max }),
  },
  badSymbol: { api: 'bad_request', message: ({ problem }) => problem },
  symbolUsed: {
    api: 'conflict',
    message: ({ symbol }, locale) => translate(locale, M.symbolUsed, { symbol }),
  },
  storageFailed: { api: 'internal', message: (_, locale) => translate(locale, M.storageFailed) },
};

/** The API error code and message of a refused command, in a language (English by default). */
export function describeCommandError(
  error: CommandError,
  locale: Locale = 'en',
): { api: ApiErrorCode; message: string } {
  const entry = COMMAND_ERRORS[error.code] as CommandErrorEntry<typeof error.code>;
  return { api: entry.api, message: entry.message(error as never, locale) };
}
