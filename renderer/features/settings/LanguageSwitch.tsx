/* 界面语言: a radio group (one choice, arrow keys move, large targets), applied live and remembered. */
import { useTranslation } from 'react-i18next';
import { languages, parseLanguage, type Language } from '../../i18n/language';
import { switchLanguage } from '../../i18n';

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const current = parseLanguage(i18n.resolvedLanguage);
  const choose = (language: Language) => {
    void switchLanguage(i18n, language, storage(), document.documentElement);
  };
  return (
    <fieldset className="choice-group" data-testid="language-switch">
      <legend className="visually-hidden">{t('settings.language')}</legend>
      <p className="muted">{t('settings.languageHint')}</p>
      {languages.map((language) => (
        <label key={language} className="choice" lang={language}>
          <input
            type="radio"
            name="language"
            value={language}
            checked={current === language}
            onChange={() => {
              choose(language);
            }}
          />
          <span>{t(`languages.${language}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}
