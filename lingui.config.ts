/**
 * Lingui: English source, Spanish and French translations; shared+server messages in
 * `common.po`, the client's own in `client.po`, both kept in shared.
 */
export default {
  sourceLocale: 'en',
  locales: ['en', 'es', 'fr'],
  fallbackLocales: { default: 'en' },
  catalogs: [
    {
      path: '<rootDir>/shared/src/i18n/locales/{locale}/common',
      include: ['<rootDir>/shared/src', '<rootDir>/server/src'],
    },
    {
      path: '<rootDir>/shared/src/i18n/locales/{locale}/client',
      include: ['<rootDir>/client/src'],
    },
  ],
};
