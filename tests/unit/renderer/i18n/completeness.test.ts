/* Every language has every key, no empty text, and the same {{placeholders}} as the Chinese original. */
import { describe, expect, it } from 'vitest';
import { resources } from '../../../../renderer/i18n';
import { languages } from '../../../../renderer/i18n/language';
import { zhCN } from '../../../../renderer/i18n/zh-CN';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const reference = flatten(zhCN);

describe('translations', () => {
  it('ship a resource bundle for every supported language', () => {
    expect(Object.keys(resources).sort()).toEqual([...languages].sort());
  });

  it('has a non-trivial Chinese key set', () => {
    expect(reference.size).toBeGreaterThan(50);
    expect(reference.get('nav.caseload')).toBe('案件');
  });

  for (const language of languages) {
    describe(language, () => {
      const messages = flatten(resources[language].translation);

      it('has exactly the Chinese keys', () => {
        expect([...messages.keys()].sort()).toEqual([...reference.keys()].sort());
      });

      it('has no empty or untrimmed text', () => {
        for (const [key, text] of messages) {
          expect(text.trim(), key).not.toBe('');
          expect(text, key).toBe(text.trim());
        }
      });

      it('uses the same placeholders as the Chinese text', () => {
        for (const [key, text] of reference) {
          expect(placeholders(messages.get(key) ?? ''), key).toEqual(placeholders(text));
        }
      });
    });
  }

  it('English is actually translated (no Han characters outside the language names)', () => {
    const english = flatten(resources.en.translation);
    for (const [key, text] of english) {
      if (key.startsWith('languages.')) continue;
      expect(text, key).not.toMatch(/\p{Script=Han}/u);
    }
  });
});
