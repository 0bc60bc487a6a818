import type { DelegationCode } from '@accord/shared/domain/delegations';

/**
 * Why a command was refused: a stable code and the parameters its message is built from. The
 * words live in one table (`commandErrorTable.ts`), keyed by code; nothing else phrases them.
 */
export type CommandError =
  | { code: 'positionForbidden'; delegation: DelegationCode }
  | { code: 'proposeAlternativeForbidden' }
  | { code: 'withdrawAlternativeForbidden' }
  | { code: 'chooseAlternativeForbidden' }
  | { code: 'lockForbidden' }
  | { code: 'settingsForbidden' }
  | { code: 'membersForbidden' }
  | { code: 'auditForbidden' }
  | { code: 'exportFinalForbidden' }
  | { code: 'exportDraftForbidden' }
  | { code: 'unknownClause' }
  | { code: 'unknownAlternative' }
  | { code: 'clauseLocked' }
  | { code: 'tooManyAlternatives'; max: number }
  | { code: 'lockReasonInvalid'; problem: string; locking: boolean }
  | { code: 'lockUnchanged'; locked: boolean }
  | { code: 'choiceStale'; label: string }
  | { code: 'choiceTextRefused'; problem: string }
  | { code: 'badTimeZone'; problem: string }
  | { code: 'notAMember'; username: string; negotiationTitle: string }
  | { code: 'revisionForbidden' }
  | { code: 'silenceRunning'; revision: string }
  | { code: 'noteTooLong'; max: number }
  | { code: 'badSymbol'; problem: string }
  | { code: 'symbolUsed'; symbol: string }
  | { code: 'storageFailed' };

/** One stable code of a refused command. */
export type CommandErrorCode = CommandError['code'];

/** The parameters of a code's message. */
export type CommandErrorParams<C extends CommandErrorCode> = Omit<
  Extract<CommandError, { code: C }>,
  'code'
>;
