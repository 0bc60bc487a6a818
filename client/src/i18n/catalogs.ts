import type { Messages } from '@lingui/core';
import { messages as enClient } from '../../../shared/src/i18n/locales/en/client.po';
import { messages as enCommon } from '../../../shared/src/i18n/locales/en/common.po';
import { messages as esClient } from '../../../shared/src/i18n/locales/es/client.po';
import { messages as esCommon } from '../../../shared/src/i18n/locales/es/common.po';
import { messages as frClient } from '../../../shared/src/i18n/locales/fr/client.po';
import { messages as frCommon } from '../../../shared/src/i18n/locales/fr/common.po';
import type { Locale } from './locales';

/**
 * Every language's messages, the client's own and the ones shared with the server. They are
 * bundled rather than fetched: a few kilobytes each, and the first paint is already in the
 * person's language (no flash of English, no wait on a switch).
 */
export const CATALOGS: Readonly<Record<Locale, Messages>> = {
  en: { ...enCommon, ...enClient },
  es: { ...esCommon, ...esClient },
  fr: { ...frCommon, ...frClient },
};
