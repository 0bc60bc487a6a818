import { DELEGATIONS } from '@accord/shared/domain/delegations';
import type { ApiErrorCode } from '@accord/shared/protocol/api';
import type { CommandError, CommandErrorCode, CommandErrorParams } from './CommandError';

/** How one code is answered: the API error code (and so the HTTP status) and its message. */
interface CommandErrorEntry<C extends CommandErrorCode> {
  api: ApiErrorCode;
  message: (params: CommandErrorParams<C>) => string;
}

/**
 * The one table of refused commands: code → API error and message built from the parameters.
 * Routes and the admin tool both answer from it, so a refusal is worded once, here.
 */
export const COMMAND_ERRORS: { [C in CommandErrorCode]: CommandErrorEntry<C> } = {
  positionForbidden: {
    api: 'forbidden',
    message: ({ delegation }) =>
      `Only a delegate of ${DELEGATIONS[delegation].name} may state its position.`,
  },
  proposeAlternativeForbidden: {
    api: 'forbidden',
    message: () => 'Observers cannot propose alternative wordings.',
  },
  withdrawAlternativeForbidden: {
    api: 'forbidden',
    message: () => 'Only the delegation that proposed it or a moderator may withdraw it.',
  },
  chooseAlternativeForbidden: {
    api: 'forbidden',
    message: () => 'Only a moderator chooses between alternative wordings.',
  },
  lockForbidden: {
    api: 'forbidden',
    message: () => 'Only a moderator may lock or unlock clauses.',
  },
  settingsForbidden: {
    api: 'forbidden',
    message: () => "Only a moderator may change the negotiation's time zone.",
  },
  membersForbidden: {
    api: 'forbidden',
    message: () => 'Only a moderator may change who takes part in the negotiation.',
  },
  auditForbidden: {
    api: 'forbidden',
    message: () => 'Only moderators may read the audit log.',
  },
  exportFinalForbidden: {
    api: 'forbidden',
    message: () => 'Only a moderator may export the final communiqué.',
  },
  exportDraftForbidden: { api: 'forbidden', message: () => 'You may not export this draft.' },
  unknownClause: { api: 'not_found', message: () => 'This clause is not in the draft.' },
  unknownAlternative: {
    api: 'not_found',
    message: () => 'This alternative is not on the table for this clause.',
  },
  clauseLocked: {
    api: 'conflict',
    message: () =>
      'This clause is locked: its positions and wording cannot change until a moderator unlocks it.',
  },
  tooManyAlternatives: {
    api: 'conflict',
    message: ({ max }) =>
      `A clause carries at most ${max} alternatives: withdraw or settle some first.`,
  },
  lockReasonInvalid: {
    api: 'bad_request',
    message: ({ problem, locking }) =>
      locking
        ? `${problem} Not all five delegations agree with this clause.`
        : `${problem} Say why the clause is unlocked.`,
  },
  lockUnchanged: {
    api: 'conflict',
    message: ({ locked }) =>
      locked ? 'This clause is already locked.' : 'This clause is not locked.',
  },
  choiceStale: {
    api: 'conflict',
    message: ({ label }) =>
      `${label || 'The clause'} changed while you were reviewing this choice: look at the new redline and confirm again.`,
  },
  choiceTextRefused: {
    api: 'conflict',
    message: ({ problem }) => `The chosen wording could not be written: ${problem}`,
  },
  badTimeZone: { api: 'bad_request', message: ({ problem }) => problem },
  notAMember: {
    api: 'not_found',
    message: ({ username, negotiationTitle }) =>
      `${username} is not a member of "${negotiationTitle}".`,
  },
  storageFailed: { api: 'internal', message: () => 'Something went wrong on the server.' },
};

/** The API error code and message of a refused command. */
export function describeCommandError(error: CommandError): { api: ApiErrorCode; message: string } {
  const entry = COMMAND_ERRORS[error.code] as CommandErrorEntry<typeof error.code>;
  return { api: entry.api, message: entry.message(error as never) };
}
