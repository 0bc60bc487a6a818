import { isLocale, LOCALE_NAMES, LOCALES } from '@accord/shared/i18n/locales';
import { useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import './LanguageMenu.css';
import { useLocale } from './LocaleProvider';

/**
 * The language menu of the header (folded into the phone's Menu with the rest of the user's
 * controls). Each language is named in itself; the choice applies at once and is stored on
 * the server, so it follows the person to any browser.
 */
export function LanguageMenu() {
  const { t } = useLingui();
  const { locale, chooseLanguage } = useLocale();
  const [failed, setFailed] = useState(false);
  const id = useId();
  return (
    <span className="language-menu">
      <label htmlFor={id} className="language-menu__label">
        {t`Language`}
      </label>
      <select
        id={id}
        className="language-menu__select"
        data-testid="language-menu"
        value={locale}
        onChange={async (event) => {
          const next = event.target.value;
          if (!isLocale(next)) return;
          setFailed(false);
          const failure = await chooseLanguage(next);
          setFailed(failure !== null);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
      {failed ? (
        <span className="language-menu__error" role="alert">
          {t`Your language could not be saved; it applies in this tab only.`}
        </span>
      ) : null}
    </span>
  );
}
