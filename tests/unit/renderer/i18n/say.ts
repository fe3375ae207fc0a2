// A check's message (renderer/i18n/field-message) in the words a user of that language reads.
import { createI18n } from '../../../../renderer/i18n';
import { messageText } from '../../../../renderer/i18n/field-message';
import type { Language } from '../../../../renderer/i18n/language';

const instances = { 'zh-CN': createI18n('zh-CN'), en: createI18n('en') };

export function say(text: string, language: Language = 'zh-CN'): string {
  return messageText(text, instances[language].t, language);
}

/** `say` for a message that may be missing (an optional error). */
export const sayMaybe = (
  text: string | undefined | null,
  language: Language = 'zh-CN',
): string | undefined => (text === undefined || text === null ? undefined : say(text, language));
