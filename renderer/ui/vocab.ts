/*
 * Labels of the closed domain lists in the UI language (keys under caseload.vocab). One hook, so every
 * screen names a status, category or claim item the same way.
 */
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { caseloadZh } from '../i18n/features/caseload';

type Vocab = typeof caseloadZh.vocab;
export type VocabList = keyof Vocab;

/** The label of `key` in list `list`; an unknown key (from a newer device) shows as itself. */
export function vocabLabel(t: TFunction, list: VocabList, key: string): string {
  const k = `caseload.vocab.${list}.${key}`;
  const label = t(k as 'caseload.title', { defaultValue: key });
  return label;
}

export function useVocab(): (list: VocabList, key: string) => string {
  const { t } = useTranslation();
  return (list, key) => vocabLabel(t, list, key);
}
