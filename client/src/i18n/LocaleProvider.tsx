import type { Locale } from '@accord/shared/i18n/locales';
import { negotiateLocale } from '@accord/shared/i18n/negotiateLocale';
import { i18n } from '@lingui/core';
import { I18nProvider } from '@lingui/react';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import type { ApiFailure } from '../api/apiResult';
import { setMyLocale } from '../api/endpoints';
import { useSession } from '../app/session';
import { CATALOGS } from './catalogs';
import { chooseLocale } from './locales';

/** The page's language and how to change it. */
interface LocaleContextValue {
  locale: Locale;
  /**
   * Switches at once and remembers the choice on the server; resolves to the failure, if any
   * (the choice then holds in this tab only).
   */
  chooseLanguage: (locale: Locale) => Promise<ApiFailure | null>;
}

const LocaleContext = createContext<LocaleContextValue | null>(null);

i18n.load(CATALOGS);
// The first paint already speaks the browser's language; the session may change it once known.
i18n.activate(negotiateLocale(navigator.languages));

/**
 * Gives the app its language: the signed-in person's (stored on the server, or what it read
 * from Accept-Language), else the browser's. Sets `lang` on the page so that screen readers,
 * hyphenation and spell checking follow.
 */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { me, setMe } = useSession();
  // A choice not yet confirmed by the server still shows at once.
  const [pending, setPending] = useState<Locale | null>(null);
  const sessionLocale = me?.locale;
  const locale = pending ?? chooseLocale(sessionLocale, navigator.languages);

  // A choice that could not be saved belongs to the person who made it, not to the next one.
  const userId = me?.user.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new person is the trigger
  useEffect(() => setPending(null), [userId]);

  useLayoutEffect(() => {
    if (i18n.locale !== locale) i18n.activate(locale);
    document.documentElement.lang = locale;
  }, [locale]);

  const chooseLanguage = useCallback(
    async (next: Locale): Promise<ApiFailure | null> => {
      setPending(next);
      const result = await setMyLocale(next);
      // On failure the choice stays for this tab; the menu says it was not saved.
      if (!result.ok) return result.error;
      setPending(null);
      if (me) setMe({ ...me, locale: next, localeChosen: true });
      return null;
    },
    [me, setMe],
  );

  const value = useMemo(() => ({ locale, chooseLanguage }), [locale, chooseLanguage]);
  return (
    <LocaleContext.Provider value={value}>
      <I18nProvider i18n={i18n}>{children}</I18nProvider>
    </LocaleContext.Provider>
  );
}

/** The page's language; only usable below LocaleProvider. */
export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale must be used inside <LocaleProvider>');
  return value;
}
