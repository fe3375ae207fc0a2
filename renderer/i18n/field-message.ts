/*
 * Validation messages as data, so the UI language decides the words. A form check (zod superRefine,
 * react-hook-form's resolver) can only hand a string to the field, so a message travels encoded: a key
 * of the renderer's translations with its values, or a bilingual message of shared/law (LawMessage has
 * zh and en). FieldError and any other place that shows a check's message turn it into text with
 * `messageText`; a plain string (an older caller's Chinese text) passes through unchanged.
 */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { LawMessage } from '#shared/law/messages';
import type { intakeZh } from './features/intake';

/** The party form's messages (case file 当事人), checked by renderer/features/case/party-edit. */
export const PARTY_MESSAGE_KEYS = ['nameRequired', 'reasonRequired', 'nothingChanged', 'saveFailed'] as const;

export type MessageKey =
  | `intake.errors.${keyof typeof intakeZh.errors}`
  | `intake.pasteProblems.${keyof typeof intakeZh.pasteProblems}`
  | `caseFile.parties.${(typeof PARTY_MESSAGE_KEYS)[number]}`;

/** A value of a message; a list of law messages is joined in the UI language. */
export type MessageValue = string | number | readonly LawMessage[];

export type FieldMessage =
  { key: MessageKey; values?: Readonly<Record<string, MessageValue>> } | { law: LawMessage };

const PREFIX = 'msg:';

export const encodeMessage = (m: FieldMessage): string => PREFIX + JSON.stringify(m);

/** A message of this key as the string a form check returns. */
export const fieldMessage = (key: MessageKey, values?: Readonly<Record<string, MessageValue>>): string =>
  encodeMessage(values ? { key, values } : { key });

/** A shared/law message (ID, phone, credit code, money checks) as the string a form check returns. */
export const lawMessage = (law: LawMessage): string => encodeMessage({ law });

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

const isLaw = (v: unknown): v is LawMessage =>
  isRecord(v) && typeof v.zh === 'string' && typeof v.en === 'string' && typeof v.code === 'string';

const isMessageKey = (key: string): boolean =>
  /^intake\.(errors|pasteProblems)\.\w+$/.test(key) ||
  PARTY_MESSAGE_KEYS.some((k) => key === `caseFile.parties.${k}`);

export function decodeMessage(text: string): FieldMessage | null {
  if (!text.startsWith(PREFIX)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(PREFIX.length));
  } catch {
    return null;
  }
  if (!isRecord(parsed)) return null;
  if (isLaw(parsed.law)) return { law: parsed.law };
  const { key, values } = parsed;
  if (typeof key !== 'string' || !isMessageKey(key)) return null;
  if (values !== undefined && !isRecord(values)) return null;
  return { key: key as MessageKey, ...(values ? { values: values as Record<string, MessageValue> } : {}) };
}

const isChinese = (language: string): boolean => language.toLowerCase().startsWith('zh');

export const lawText = (m: LawMessage, language: string): string => (isChinese(language) ? m.zh : m.en);

/** The words of a check's message in `language`; text that is not an encoded message is returned as is. */
export function messageText(text: string, t: TFunction, language: string): string {
  const m = decodeMessage(text);
  if (!m) return text;
  if ('law' in m) return lawText(m.law, language);
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(m.values ?? {}))
    values[k] =
      typeof v === 'object' ? v.map((x) => lawText(x, language)).join(isChinese(language) ? '；' : '; ') : v;
  return t(m.key, values);
}

/** messageText in the current UI language (re-renders when it changes). */
export function useMessageText(): (text: string | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return (text) => (text === undefined ? undefined : messageText(text, t, i18n.language));
}
