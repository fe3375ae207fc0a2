/*
 * A correction read by a person: each changed field by its name in the UI language (ChangeWords), old value → new value, IDs
 * and phones masked (domain.md §4.5: masked in lists; the reveal with its audit entry is #8's). The old
 * value is folded from the item's earlier events, so the timeline shows what the correction replaced.
 */
import type { CaseEvent } from '#shared/events/envelope';
import { maskIdNumber, maskPhone } from '#shared/law/identifiers';
import { formatYuan } from '#shared/law/money';

/** The words a correction is told in; Chinese by default, the UI language through useChangeWords. */
export type ChangeWords = {
  /** A field's name in the UI language (the payload key when it has none). */
  field: (key: string) => string;
  yes: string;
  no: string;
  /** "理由：…" / "Reason: …". */
  reason: (reason: string) => string;
  /** "电话：…" / "Phone: …". */
  labelled: (field: string, value: string) => string;
  /** Two changed fields, one after the other ("…；…"). */
  join: (first: string, next: string) => string;
};

const FIELD_ZH: Readonly<Record<string, string>> = {
  name: '姓名/名称',
  idNumber: '证件号码',
  phone: '电话',
  address: '地址',
  role: '诉讼地位',
  amountClaimedFen: '请求金额',
  amountAgreedFen: '协议金额',
  amountAwardedFen: '裁决金额',
  withdrawn: '撤回',
  description: '说明',
  item: '请求项目',
};

/** The fields a correction may name (keys of caseFile.changes.fields in both languages). */
export const CHANGE_FIELDS = Object.keys(FIELD_ZH);

export const ZH_WORDS: ChangeWords = {
  field: (key) => FIELD_ZH[key] ?? key,
  yes: '是',
  no: '否',
  reason: (r) => `理由：${r}`,
  labelled: (field, value) => `${field}：${value}`,
  join: (first, next) => `${first}；${next}`,
};

/** A payload value as text (strings as they are, the rest as JSON). */
export const showValue = (v: unknown): string =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : JSON.stringify(v);

/** One field's value as shown: money in yuan, IDs and phones masked. */
export function fieldText(field: string, v: unknown, words: ChangeWords = ZH_WORDS): string {
  if (v === undefined || v === null || v === '') return '—';
  if (field.endsWith('Fen') && typeof v === 'number') return formatYuan(v);
  if (field === 'withdrawn') return v === true ? words.yes : words.no;
  if (field === 'phone' && typeof v === 'string') return maskPhone(v);
  if (field === 'idNumber' && typeof v === 'string') return maskIdNumber(v);
  return showValue(v);
}

export const fieldName = (field: string, words: ChangeWords = ZH_WORDS): string => words.field(field);

type Keyed = { partyId?: unknown; claimId?: unknown; changes?: unknown };

/** The item's fields as they stood just before `at` (party or claim, by its id). */
export function valuesBefore(
  events: readonly CaseEvent[],
  itemId: string,
  at: CaseEvent,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const e of events) {
    if (e.at.hlc >= at.at.hlc) break;
    const p = e.payload as Keyed & Record<string, unknown>;
    if (p.partyId !== itemId && p.claimId !== itemId) continue;
    if (e.type === 'party.added' || e.type === 'claim.added') Object.assign(values, p);
    else if (
      (e.type === 'party.corrected' || e.type === 'claim.corrected') &&
      p.changes &&
      typeof p.changes === 'object'
    )
      Object.assign(values, p.changes);
  }
  return values;
}

/** "电话：138****8001 → 139****5678" (or "Phone: …" in English) for each changed field. */
export function describeChanges(
  changes: Record<string, unknown>,
  before: Record<string, unknown> | null,
  words: ChangeWords = ZH_WORDS,
): string {
  return (
    Object.entries(changes)
      .map(([k, v]) =>
        words.labelled(
          fieldName(k, words),
          before ? `${fieldText(k, before[k], words)} → ${fieldText(k, v, words)}` : fieldText(k, v, words),
        ),
      )
      .reduce<string | null>((first, next) => (first === null ? next : words.join(first, next)), null) ?? ''
  );
}
