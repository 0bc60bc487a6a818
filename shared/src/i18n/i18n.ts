import { type I18n, type MessageDescriptor, type Messages, setupI18n } from '@lingui/core';
import type { Locale } from './locales';
import { messages as enCommon } from './locales/en/common';
import { messages as esCommon } from './locales/es/common';
import { messages as frCommon } from './locales/fr/common';

/**
 * The compiled `common` catalog of each language: the messages of `shared` and `server`
 * (exports, errors, close reasons, delegations, positions, statuses). Compiled by
 * `pnpm i18n:compile` from the `.po` files beside them and committed, so that a fresh clone
 * type-checks, tests and builds without a compile step; `pnpm i18n:check` keeps them in step.
 */
const COMMON_MESSAGES: Readonly<Record<Locale, Messages>> = {
  en: enCommon,
  es: esCommon,
  fr: frCommon,
};

/** The compiled `common` messages of a language, to load beside the client's own. */
export function commonMessages(locale: Locale): Messages {
  return COMMON_MESSAGES[locale];
}

const instances = new Map<Locale, I18n>();

/**
 * A Lingui instance speaking one language with the `common` catalog loaded, shared by every
 * caller of that language (the server renders exports and errors for several languages at
 * once, so it never switches one global instance back and forth).
 */
export function i18nFor(locale: Locale): I18n {
  let i18n = instances.get(locale);
  if (i18n === undefined) {
    i18n = setupI18n({ locale, messages: { [locale]: COMMON_MESSAGES[locale] } });
    instances.set(locale, i18n);
  }
  return i18n;
}

/**
 * One message of the `common` catalog, written where it is used as
 * `/*i18n*\/ { id: 'area.name', message: 'English text {count}' }` so that `lingui extract`
 * finds it without Lingui's macros (tsc and tsx do not run them). The id is stable and readable;
 * the English text is the source the translators see.
 */
export type Message = MessageDescriptor & { id: string; message: string };

/** A message in one language, with its ICU values ({count, plural, …}, {name}). */
export function translate(
  locale: Locale,
  message: Message,
  values?: Record<string, unknown>,
): string {
  return i18nFor(locale)._(message.id, values);
}
