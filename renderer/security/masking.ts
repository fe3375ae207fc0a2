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
