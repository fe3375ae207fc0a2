/* Choosing, remembering and switching the interface language. */
import { describe, expect, it } from 'vitest';
import { createI18n, switchLanguage } from '../../../../renderer/i18n';
import {
  defaultLanguage,
  type LanguageStorage,
  languageStorageKey,
  loadLanguage,
  parseLanguage,
  saveLanguage,
} from '../../../../renderer/i18n/language';

function memoryStorage(
  initial: Record<string, string> = {},
): LanguageStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => {
      data[k] = v;
    },
  };
}

const brokenStorage: LanguageStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
};

describe('parseLanguage', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['en', 'en'],
    ['EN', null],
    ['zh', null],
    ['', null],
    [null, null],
    [42, null],
  ])('%j → %j', (input, expected) => {
    expect(parseLanguage(input)).toBe(expected);
  });
});

describe('loadLanguage', () => {
  it('defaults to zh-CN', () => {
    expect(defaultLanguage).toBe('zh-CN');
    expect(loadLanguage(memoryStorage())).toBe('zh-CN');
    expect(loadLanguage(undefined)).toBe('zh-CN');
  });
  it('returns the remembered language', () => {
    expect(loadLanguage(memoryStorage({ [languageStorageKey]: 'en' }))).toBe('en');
  });
  it('ignores a garbage value and a throwing storage', () => {
    expect(loadLanguage(memoryStorage({ [languageStorageKey]: 'klingon' }))).toBe('zh-CN');
    expect(loadLanguage(brokenStorage)).toBe('zh-CN');
  });
});

describe('saveLanguage', () => {
  it('stores the choice and reports success', () => {
    const storage = memoryStorage();
    expect(saveLanguage(storage, 'en')).toBe(true);
    expect(storage.data[languageStorageKey]).toBe('en');
  });
  it('reports failure instead of throwing', () => {
    expect(saveLanguage(brokenStorage, 'en')).toBe(false);
    expect(saveLanguage(undefined, 'en')).toBe(false);
  });
});

describe('createI18n / switchLanguage', () => {
  it('starts in the given language, synchronously', () => {
    const i18n = createI18n('zh-CN');
    expect(i18n.t('nav.caseload')).toBe('案件');
    expect(i18n.t('caseFile.caseId', { id: 'x1' })).toBe('案件编号：x1');
  });

  it('switches live, remembers, and updates <html lang>', async () => {
    const i18n = createI18n('zh-CN');
    const storage = memoryStorage();
    const root = { lang: 'zh-CN' };
    await switchLanguage(i18n, 'en', storage, root);
    expect(i18n.t('nav.caseload')).toBe('Cases');
    expect(storage.data[languageStorageKey]).toBe('en');
    expect(root.lang).toBe('en');
  });

  it('still switches when the storage refuses', async () => {
    const i18n = createI18n('en');
    await switchLanguage(i18n, 'zh-CN', brokenStorage, undefined);
    expect(i18n.t('network.offline')).toBe('离线');
  });

  it('instances are independent', async () => {
    const a = createI18n('zh-CN');
    const b = createI18n('zh-CN');
    await switchLanguage(b, 'en', undefined, undefined);
    expect(a.t('nav.today')).toBe('今日');
    expect(b.t('nav.today')).toBe('Today');
  });
});
