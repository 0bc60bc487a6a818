import { commonMessages } from '@accord/shared/i18n/i18n';
import type { Locale } from '@accord/shared/i18n/locales';
import { messages as enClient } from '@accord/shared/i18n/locales/en/client';
import { messages as esClient } from '@accord/shared/i18n/locales/es/client';
import { messages as frClient } from '@accord/shared/i18n/locales/fr/client';
import type { Messages } from '@lingui/core';

/**
 * Every language's messages: the client's own and the ones shared with the server, compiled
 * beside their `.po` files (`pnpm i18n:compile`). They are bundled rather than fetched: a few
 * kilobytes each, and the first paint is already in the person's language (no flash of
 * English, no wait on a switch).
 */
export const CATALOGS: Readonly<Record<Locale, Messages>> = {
  en: { ...commonMessages('en'), ...enClient },
  es: { ...commonMessages('es'), ...esClient },
  fr: { ...commonMessages('fr'), ...frClient },
};
