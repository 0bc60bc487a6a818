import { i18n } from '@lingui/core';

/**
 * "A, B and C" in the page's language ("A, B y C", "A, B et C"). English is written without the
 * serial comma, as the rest of Accord's English is (British usage, as at the UN).
 */
export function listInWords(items: readonly string[]): string {
  const locale = i18n.locale === 'en' || !i18n.locale ? 'en-GB' : i18n.locale;
  return new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' }).format(items);
}
