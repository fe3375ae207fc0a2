/*
 * The i18next instance for the renderer: created synchronously with both languages bundled (the app is
 * offline; nothing is fetched), zh-CN as fallback, and the <html lang> kept in step with the language.
 */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { defaultLanguage, type Language, type LanguageStorage, saveLanguage } from './language';
import { zhCN } from './zh-CN';

export const resources = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
} as const;

/** A fresh, initialised instance (one per app, one per test). */
export function createI18n(language: Language): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    supportedLngs: ['zh-CN', 'en'],
    interpolation: { escapeValue: false }, // React escapes already
    initAsync: false,
    returnNull: false,
    showSupportNotice: false, // no advertising in the console of an offline app
  });
  return instance;
}

/** Switches live, remembers the choice and updates <html lang> so screen readers and fonts follow. */
export async function switchLanguage(
  instance: i18n,
  language: Language,
  storage: LanguageStorage | undefined,
  root: { lang: string } | undefined,
): Promise<void> {
  await instance.changeLanguage(language);
  saveLanguage(storage, language);
  if (root) root.lang = language;
}
