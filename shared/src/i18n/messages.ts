import type { Message } from './i18n';

/**
 * Words both sides show wherever they appear: in the client, in exports and in the server's
 * messages. Each export and feature keeps its own sentences beside its code.
 */
export const COMMON_WORDS = {
  clauseCount: /*i18n*/ {
    id: 'common.clauseCount',
    message: '{count, plural, one {# clause} other {# clauses}}',
  },
} as const satisfies Record<string, Message>;
