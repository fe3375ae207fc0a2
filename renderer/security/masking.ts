/*
 * Masking for screens and documents (domain.md §4.5, R19, R25): sensitive fields are shown masked by
 * default; the full value appears only after a deliberate reveal that is recorded as an audit.revealed
 * event first. The ID and phone masks are the shared/law ones, so lists, documents and logs agree.
 */
import type { MaskedField } from '#shared/domain/sessions';
import type { PayloadOf } from '#shared/events/payloads';
import { maskIdNumber, maskPhone } from '#shared/law/id-contact';
import { assertNever } from '#shared/util/assert-never';

export { maskIdNumber, maskPhone };

/** The audit event a reveal writes (its payload); the caller adds the case and the author. */
export type RevealAudit = PayloadOf<'audit.revealed'>;

/**
 * The purpose recorded with a reveal from a case screen, in the record's language (Chinese) whatever the
 * UI language: the audit trail is read by supervisors and courts.
 */
export const REVEAL_PURPOSE: Readonly<Record<MaskedField, string>> = {
  idNumber: '核对当事人身份',
  phone: '联系当事人',
  address: '送达或走访当事人',
  bankAccount: '核对支付账户',
  health: '评估工伤或健康情况',
  hardship: '评估困难情况',
};

/** How a sensitive value looks before anyone reveals it. */
export function maskField(field: MaskedField, value: string): string {
  const v = value.trim();
  switch (field) {
    case 'idNumber':
      return maskIdNumber(v);
    case 'phone':
      return maskPhone(v);
    case 'bankAccount':
      return v.length <= 4 ? '*'.repeat(v.length) : '*'.repeat(Math.min(v.length - 4, 12)) + v.slice(-4);
    case 'address':
      // The district says where to go; the house number stays hidden.
      return Array.from(v).slice(0, 6).join('') + (Array.from(v).length > 6 ? '****' : '');
    case 'health':
    case 'hardship':
      return '••••••';
    default:
      return assertNever(field);
  }
}

/** Whether a string still carries a full mainland ID number or mobile number (for checks on exports). */
export function containsUnmaskedPersonalNumber(text: string): boolean {
  return /(?<!\d)\d{17}[\dXx](?!\d)/.test(text) || /(?<!\d)1[3-9]\d{9}(?!\d)/.test(text);
}

const FIELD_ZH: Readonly<Record<MaskedField, string>> = {
  idNumber: '证件号码',
  phone: '电话号码',
  address: '住址',
  bankAccount: '银行账号',
  health: '健康信息',
  hardship: '经济困难情况',
};

/**
 * The line an export carries about what it contains (R25: exports state what they contain): which
 * sensitive fields are in it and whether they are masked. Chinese, since it goes into the document.
 */
export function exportDisclosure(fields: readonly MaskedField[], masked: boolean): string {
  if (fields.length === 0) return '本文件不含证件号码、电话等个人敏感信息。';
  const names = [...new Set(fields)].map((f) => FIELD_ZH[f]).join('、');
  return masked
    ? `本文件含个人敏感信息（${names}），已按规定部分遮蔽。`
    : `本文件含完整的个人敏感信息（${names}），导出已记录；请妥善保管，勿随意转发。`;
}
