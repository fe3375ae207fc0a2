/*
 * Party corrections and additions from the case file: the changed fields only, each checked with the
 * validators of shared/law; a correction names the party's latest event and needs a reason.
 */
import type { Party, PartyFields } from '#shared/case/index';
import type { PayloadOf } from '#shared/events/envelope';
import { fieldMessage } from '../../i18n/field-message';
import { checkPhone, checkResidentId } from '../intake/intake-schema';

export const EDITABLE = ['name', 'idNumber', 'phone', 'address'] as const;
export type Editable = (typeof EDITABLE)[number];
export type PartyEdit = Record<Editable, string>;

export const editOf = (p: PartyFields): PartyEdit => ({
  name: p.name,
  idNumber: p.idNumber ?? '',
  phone: p.phone ?? '',
  address: p.address ?? '',
});

/** Each message is encoded (i18n/field-message): Field and FieldError show it in the UI language. */
export type EditErrors = Partial<Record<Editable | 'reason' | 'form', string>>;

/** Errors per field for an edit of a party of this kind (IDs of workers are resident IDs). */
export function checkEdit(kind: PartyFields['kind'], e: PartyEdit, today: string): EditErrors {
  const out: EditErrors = {};
  if (e.name.trim() === '') out.name = fieldMessage('caseFile.parties.nameRequired');
  const phone = checkPhone(e.phone);
  if (phone) out.phone = phone;
  if (kind === 'worker') {
    const id = checkResidentId(e.idNumber, today);
    if (id) out.idNumber = id;
  }
  return out;
}

/** The party.corrected payload, or the errors that stop it. */
export function correction(
  party: Party,
  edit: PartyEdit,
  reason: string,
  today: string,
): { ok: true; payload: PayloadOf<'party.corrected'> } | { ok: false; errors: EditErrors } {
  const errors = checkEdit(party.current.kind, edit, today);
  const before = editOf(party.current);
  const changes: Partial<PartyFields> = {};
  for (const k of EDITABLE) {
    const v = edit[k].trim();
    const clean = k === 'phone' || k === 'idNumber' ? v.replace(/[\s-]/g, '').toUpperCase() : v;
    if (clean !== before[k]) changes[k] = clean;
  }
  if (Object.keys(changes).length === 0) errors.form = fieldMessage('caseFile.parties.nothingChanged');
  if (reason.trim() === '') errors.reason = fieldMessage('caseFile.parties.reasonRequired');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const corrects = party.history.at(-1)?.eventId ?? party.eventId;
  return { ok: true, payload: { corrects, partyId: party.partyId, changes, reason: reason.trim() } };
}

/** A refused or failed write of the party form, with the data layer's detail, as a form message. */
export const saveFailed = (detail: string): string => fieldMessage('caseFile.parties.saveFailed', { detail });
