import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

/**
 * Accord's message catalogs (issue 16): English, Spanish and French, `.po` files kept in
 * `shared` so that the server's exports and errors and the client read the same words.
 *
 * - `common`: messages of `shared` and `server` (exports, errors, close reasons, the words both
 *   sides show: delegations, positions, statuses). They are written as `/*i18n*\/` message
 *   descriptors with explicit ids, since neither tsc nor tsx runs Lingui's macros.
 * - `client`: the client's own messages (macros, compiled by the Vite plugin's Babel step).
 *
 * `pnpm i18n:extract` refreshes the catalogs, `pnpm i18n:compile` writes the compiled modules
 * beside them, and `pnpm i18n:check` (part of `pnpm test`) fails when either is out of date or
 * a translation is missing. Line numbers are left out of the origins so that moving code does
 * not change a catalog.
 */
export default defineConfig({
  sourceLocale: 'en',
  locales: ['en', 'es', 'fr'],
  fallbackLocales: false,
  format: formatter({ lineNumbers: false }),
  compileNamespace: 'ts',
  orderBy: 'messageId',
  catalogs: [
    {
      path: '<rootDir>/shared/src/i18n/locales/{locale}/common',
      include: ['<rootDir>/shared/src', '<rootDir>/server/src'],
      exclude: ['**/node_modules/**', '**/*.test.ts', '**/i18n/locales/**'],
    },
    {
      path: '<rootDir>/shared/src/i18n/locales/{locale}/client',
      include: ['<rootDir>/client/src'],
      exclude: ['**/node_modules/**', '**/*.test.ts', '**/*.test.tsx'],
    },
  ],
});
