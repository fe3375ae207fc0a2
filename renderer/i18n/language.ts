/*
 * Which interface language to use and how it is remembered. Storage is injected (localStorage in the
 * app, a fake in tests) and may be missing or throw (private mode, quota): we then fall back to zh-CN.
 */

/** Languages the interface ships in; zh-CN is the default and the fallback. */
export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';
export const languageStorageKey = 'tribunal.language';

/** The subset of Web Storage this module needs. */
export type LanguageStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function parseLanguage(value: unknown): Language | null {
  return languages.find((l) => l === value) ?? null;
}

export function loadLanguage(storage: LanguageStorage | undefined): Language {
  try {
    return parseLanguage(storage?.getItem(languageStorageKey)) ?? defaultLanguage;
  } catch {
    return defaultLanguage;
  }
}

/** Remembers the choice; returns false when the storage refused (the switch still applies for now). */
export function saveLanguage(storage: LanguageStorage | undefined, language: Language): boolean {
  if (!storage) return false;
  try {
    storage.setItem(languageStorageKey, language);
    return true;
  } catch {
    return false;
  }
}
