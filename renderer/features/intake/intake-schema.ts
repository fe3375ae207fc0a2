/*
 * The intake form's zod schema. Every value is kept as typed (strings), so an error never eats input;
 * the checks are those of shared/law (ID check digit and birth date, mobile phone, credit code with an
 * overridable warning, amounts in yuan → fen) and the closed lists of the case.opened / party.added /
 * claim.added payloads. Messages land on the field they concern as keys (renderer/i18n/field-message):
 * the field shows them in the UI language, Chinese or English.
 */
import { z } from 'zod';
import { CHANNELS, DISPUTE_CATEGORIES, type CaseKind } from '#shared/domain/case-kinds';
import { CLAIM_ITEMS } from '#shared/domain/claim-items';
import { validateCreditCode, validateMobilePhone, validateResidentId } from '#shared/law/identifiers';
import { parseYuanInput } from '#shared/law/money';
import { isIsoDate } from '#shared/law/civil-date';
import { PARTY_ROLES } from '#shared/events/payloads-records';
import { fieldMessage, lawMessage } from '../../i18n/field-message';

/** Kinds of case a mediator or arbitrator opens on site (joint and court-side kinds come by referral). */
export const INTAKE_KINDS = ['mediation', 'arbitration'] as const satisfies readonly CaseKind[];

/** Where the case was taken in (kept as the location description of case.opened). */
export const INTAKE_PLACES = [
  'factory',
  'site',
  'community_square',
  'workers_home',
  'market_room',
  'office',
  'other',
] as const;
export type IntakePlace = (typeof INTAKE_PLACES)[number];

/** The construction chain of a wage case (domain.md §4.2 A). */
export const CHAIN_ROLES = ['developer', 'general_contractor', 'subcontractor', 'crew_leader'] as const;
export type ChainRole = (typeof CHAIN_ROLES)[number];

/** Collective case threshold (domain.md §4.1: ≥ 10 workers). */
export const COLLECTIVE_MIN = 10;
/** Above this an amount is almost certainly a typing slip (1 亿元). */
export const MAX_FEN = 100_000_000 * 100;

const workerRow = z.object({
  name: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  amount: z.string(),
});

const chainRow = z.object({
  chainRole: z.enum(CHAIN_ROLES),
  partyRole: z.enum(PARTY_ROLES),
  name: z.string(),
  code: z.string(),
  phone: z.string(),
});

const claimRow = z.object({ item: z.enum(CLAIM_ITEMS), amount: z.string(), description: z.string() });

const formShape = z.object({
  kind: z.enum(INTAKE_KINDS),
  categories: z.array(z.enum(DISPUTE_CATEGORIES)),
  channel: z.enum(CHANNELS),
  place: z.enum(INTAKE_PLACES),
  placeDetail: z.string().max(150, fieldMessage('intake.errors.tooLong', { max: 150 })),
  caseCause: z.string().max(500, fieldMessage('intake.errors.tooLong', { max: 500 })),
  summary: z.string().max(4000, fieldMessage('intake.errors.tooLong', { max: 4000 })),
  /** YYYY-MM-DD or '' (date inputs); checked against each other and the workers' birth dates. */
  joinDate: z.string(),
  leaveDate: z.string(),
  knewDate: z.string(),
  workers: z.array(workerRow),
  employer: z.object({
    name: z.string(),
    creditCode: z.string(),
    overrideReason: z.string(),
    employerType: z.string(),
    legalRepresentative: z.string(),
    phone: z.string(),
    address: z.string().max(300, fieldMessage('intake.errors.tooLong', { max: 300 })),
  }),
  chain: z.array(chainRow),
  claims: z.array(claimRow),
});

export type IntakeForm = z.infer<typeof formShape>;
export type WorkerRow = z.infer<typeof workerRow>;
export type ChainRow = z.infer<typeof chainRow>;
export type ClaimRow = z.infer<typeof claimRow>;

export const emptyWorker = (): WorkerRow => ({ name: '', idNumber: '', phone: '', amount: '' });
export const emptyClaim = (): ClaimRow => ({ item: 'WAGE_ARREARS', amount: '', description: '' });

export const defaultIntake = (): IntakeForm => ({
  kind: 'mediation',
  categories: ['wage_arrears'],
  channel: 'mobile',
  place: 'site',
  placeDetail: '',
  caseCause: '',
  summary: '',
  joinDate: '',
  leaveDate: '',
  knewDate: '',
  workers: [emptyWorker()],
  employer: {
    name: '',
    creditCode: '',
    overrideReason: '',
    employerType: '',
    legalRepresentative: '',
    phone: '',
    address: '',
  },
  chain: [],
  claims: [emptyClaim()],
});

type Issue = { path: (string | number)[]; message: string };

/** An optional amount in yuan: empty is fine, otherwise it must parse and be sane. */
export function checkAmount(text: string): string | null {
  if (text.trim() === '') return null;
  const r = parseYuanInput(text);
  if (!r.ok) return lawMessage(r.error);
  if (r.value > MAX_FEN) return fieldMessage('intake.errors.amountTooLarge');
  return null;
}

/** An optional ID number: resident ID rules (check digit, real birth date, not in the future). */
export function checkResidentId(text: string, today: string): string | null {
  if (text.trim() === '') return null;
  const r = validateResidentId(text, { today });
  if (r.status !== 'invalid') return null;
  return r.reasons[0] ? lawMessage(r.reasons[0]) : fieldMessage('intake.errors.idInvalid');
}

/** An optional phone: a mainland mobile number. */
export function checkPhone(text: string): string | null {
  if (text.trim() === '') return null;
  const r = validateMobilePhone(text);
  if (r.status !== 'invalid') return null;
  return r.reasons[0] ? lawMessage(r.reasons[0]) : fieldMessage('intake.errors.phoneInvalid');
}

/** Credit code: invalid blocks; a failed check is a warning that only a written reason overrides. */
export function checkCreditCode(code: string, overrideReason: string): Issue | null {
  if (code.trim() === '') return null;
  const r = validateCreditCode(code);
  if (r.status === 'invalid') {
    const first = r.reasons[0];
    return {
      path: ['creditCode'],
      message: first ? lawMessage(first) : fieldMessage('intake.errors.creditCodeInvalid'),
    };
  }
  if (r.status === 'warning' && overrideReason.trim() === '')
    return {
      path: ['overrideReason'],
      message: fieldMessage('intake.errors.creditCodeWarning', { reasons: r.reasons }),
    };
  return null;
}

function workerIssues(rows: readonly WorkerRow[], today: string): Issue[] {
  const out: Issue[] = [];
  const seen = new Map<string, number>();
  rows.forEach((w, i) => {
    if (w.name.trim() === '')
      out.push({ path: ['workers', i, 'name'], message: fieldMessage('intake.errors.nameRequired') });
    else if (w.name.length > 100)
      out.push({
        path: ['workers', i, 'name'],
        message: fieldMessage('intake.errors.tooLong', { max: 100 }),
      });
    const id = checkResidentId(w.idNumber, today);
    if (id) out.push({ path: ['workers', i, 'idNumber'], message: id });
    const key = w.idNumber.trim().toUpperCase();
    if (key !== '' && !id) {
      const first = seen.get(key);
      if (first !== undefined)
        out.push({
          path: ['workers', i, 'idNumber'],
          message: fieldMessage('intake.errors.duplicateId', { row: first + 1 }),
        });
      else seen.set(key, i);
    }
    const phone = checkPhone(w.phone);
    if (phone) out.push({ path: ['workers', i, 'phone'], message: phone });
    const amount = checkAmount(w.amount);
    if (amount) out.push({ path: ['workers', i, 'amount'], message: amount });
  });
  if (rows.length === 0)
    out.push({ path: ['workers'], message: fieldMessage('intake.errors.workersRequired') });
  return out;
}

function chainIssues(rows: readonly ChainRow[], today: string): Issue[] {
  const out: Issue[] = [];
  rows.forEach((c, i) => {
    if (c.name.trim() === '')
      out.push({ path: ['chain', i, 'name'], message: fieldMessage('intake.errors.chainNameRequired') });
    if (c.code.trim() !== '') {
      const msg =
        c.chainRole === 'crew_leader'
          ? checkResidentId(c.code, today)
          : // A chain member's failed credit-code check is only a warning: it does not block the case.
            (checkCreditCode(c.code, '链条成员')?.message ?? null);
      if (msg) out.push({ path: ['chain', i, 'code'], message: msg });
    }
    const phone = checkPhone(c.phone);
    if (phone) out.push({ path: ['chain', i, 'phone'], message: phone });
  });
  return out;
}

/** Employment dates: real dates, not in the future, the end not before the start, nobody born after it began. */
export function dateIssues(
  f: Pick<IntakeForm, 'joinDate' | 'leaveDate' | 'knewDate' | 'workers'>,
  today: string,
): Issue[] {
  const out: Issue[] = [];
  for (const k of ['joinDate', 'leaveDate', 'knewDate'] as const) {
    const v = f[k];
    if (v === '') continue;
    if (!isIsoDate(v))
      out.push({ path: [k], message: fieldMessage('intake.errors.dateNotExist', { value: v }) });
    else if (v > today) out.push({ path: [k], message: fieldMessage('intake.errors.dateInFuture') });
  }
  if (out.length > 0) return out;
  if (f.joinDate !== '' && f.leaveDate !== '' && f.leaveDate < f.joinDate)
    out.push({
      path: ['leaveDate'],
      message: fieldMessage('intake.errors.leaveBeforeJoin', { join: f.joinDate }),
    });
  if (f.joinDate !== '')
    f.workers.forEach((w, i) => {
      if (w.idNumber.trim() === '') return;
      const r = validateResidentId(w.idNumber, { today });
      if (r.status !== 'invalid' && r.value.birthDate >= f.joinDate)
        out.push({
          path: ['workers', i, 'idNumber'],
          message: fieldMessage('intake.errors.bornAfterJoin', {
            birth: r.value.birthDate,
            join: f.joinDate,
          }),
        });
    });
  return out;
}

/** The schema for a given day (ID birth dates are checked against it). */
export function intakeSchema(today: string) {
  return formShape.superRefine((f, ctx) => {
    const issues: Issue[] = [];
    if (f.categories.length === 0)
      issues.push({ path: ['categories'], message: fieldMessage('intake.errors.categoriesRequired') });
    issues.push(...workerIssues(f.workers, today));
    issues.push(...dateIssues(f, today));
    if (f.employer.name.trim() === '')
      issues.push({
        path: ['employer', 'name'],
        message: fieldMessage('intake.errors.employerNameRequired'),
      });
    const code = checkCreditCode(f.employer.creditCode, f.employer.overrideReason);
    if (code) issues.push({ ...code, path: ['employer', ...code.path] });
    const phone = checkPhone(f.employer.phone);
    if (phone) issues.push({ path: ['employer', 'phone'], message: phone });
    issues.push(...chainIssues(f.chain, today));
    f.claims.forEach((c, i) => {
      const amount = checkAmount(c.amount);
      if (amount) issues.push({ path: ['claims', i, 'amount'], message: amount });
    });
    for (const i of issues) ctx.addIssue({ code: 'custom', path: i.path, message: i.message });
  });
}
