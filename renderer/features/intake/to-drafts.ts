/*
 * A checked intake form → the events of a new case, in the order the reducer expects: case.opened,
 * party.added for each worker, the employer and the construction chain, then claim.added (the general
 * claims and, in a worker table with amounts, one wage claim per worker). Written in ONE write, so the
 * case is stored whole or not at all.
 */
import type { DisputeCategory } from '#shared/domain/case-kinds';
import type { PayloadOf } from '#shared/events/envelope';
import { validateCreditCode, validateMobilePhone, validateResidentId } from '#shared/law/identifiers';
import { parseYuanInput } from '#shared/law/money';
import type { Draft } from '../../data/store';
import { COLLECTIVE_MIN, type ChainRole, type IntakeForm, type IntakePlace } from './intake-schema';

export type DraftContext = {
  caseId: string;
  tempNumber: string;
  /** RFC 3339 instant of receipt. */
  receivedAt: string;
  today: string;
  newId: () => string;
  /** Chinese labels for the location description and the default 案由. */
  placeZh: (p: IntakePlace) => string;
  categoryZh: (c: DisputeCategory) => string;
  chainZh: (r: ChainRole) => string;
};

type PartyPayload = PayloadOf<'party.added'>;

const fenOf = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const r = parseYuanInput(text);
  return r.ok ? r.value : undefined;
};

const phoneOf = (text: string): string | undefined => {
  if (text.trim() === '') return undefined;
  const r = validateMobilePhone(text);
  return r.status === 'invalid' ? text.trim() : r.value;
};

/** Text fields only when filled: payloads carry no empty strings. */
const opt = <K extends string>(key: K, v: string): Partial<Record<K, string>> =>
  v.trim() === '' ? {} : ({ [key]: v.trim() } as Record<K, string>);

function workerParty(w: IntakeForm['workers'][number], ctx: DraftContext, f: IntakeForm): PartyPayload {
  const base: PartyPayload = {
    partyId: ctx.newId(),
    role: 'applicant',
    kind: 'worker',
    name: w.name.trim(),
    ...opt('joinDate', f.joinDate),
    ...opt('leaveDate', f.leaveDate),
  };
  const phone = phoneOf(w.phone);
  if (phone) base.phone = phone;
  if (w.idNumber.trim() === '') return base;
  const id = validateResidentId(w.idNumber, { today: ctx.today });
  if (id.status === 'invalid') return { ...base, idType: 'resident_id', idNumber: w.idNumber.trim() };
  const info = id.value;
  return {
    ...base,
    idType: 'resident_id',
    idNumber: info.normalized,
    sex: info.sex,
    birthDate: info.birthDate,
    ...(info.minor ? { vulnerabilities: ['minor' as const] } : {}),
  };
}

function employerParty(e: IntakeForm['employer'], ctx: DraftContext): PartyPayload {
  const p: PartyPayload = {
    partyId: ctx.newId(),
    role: 'respondent',
    kind: 'employer',
    name: e.name.trim(),
    ...opt('employerType', e.employerType),
    ...opt('legalRepresentative', e.legalRepresentative),
    ...opt('address', e.address),
  };
  const phone = phoneOf(e.phone);
  if (phone) p.phone = phone;
  if (e.creditCode.trim() !== '') {
    const check = validateCreditCode(e.creditCode);
    p.idType = 'uscc';
    p.idNumber = check.status === 'invalid' ? e.creditCode.trim() : check.value.normalized;
    if (check.status === 'warning')
      p.details = {
        creditCodeWarning: check.reasons.map((r) => r.zh).join('；'),
        creditCodeOverrideReason: e.overrideReason.trim(),
      };
  }
  return p;
}

function chainParty(c: IntakeForm['chain'][number], ctx: DraftContext): PartyPayload {
  const person = c.chainRole === 'crew_leader';
  const code = c.code.trim().toUpperCase();
  const p: PartyPayload = {
    partyId: ctx.newId(),
    role: c.partyRole,
    kind: 'employer',
    name: c.name.trim(),
    employerType: ctx.chainZh(c.chainRole),
    details: { chainRole: c.chainRole },
    ...(code === '' ? {} : { idType: person ? ('resident_id' as const) : ('uscc' as const), idNumber: code }),
  };
  const phone = phoneOf(c.phone);
  if (phone) p.phone = phone;
  return p;
}

export function intakeDrafts(form: IntakeForm, ctx: DraftContext): Draft[] {
  const { caseId } = ctx;
  const workers = form.workers.map((w) => workerParty(w, ctx, form));
  const employer = employerParty(form.employer, ctx);
  const chain = form.categories.includes('wage_arrears') ? form.chain.map((c) => chainParty(c, ctx)) : [];
  const cause =
    form.caseCause.trim() !== ''
      ? form.caseCause.trim()
      : `${form.categories.map(ctx.categoryZh).join('、')}纠纷`;
  const place = [ctx.placeZh(form.place), form.placeDetail.trim()].filter((s) => s !== '').join('：');
  const opened: Draft<'case.opened'> = {
    caseId,
    type: 'case.opened',
    payload: {
      kind: form.kind,
      tempNumber: ctx.tempNumber,
      channel: form.channel,
      disputeCategories: [...new Set(form.categories)],
      caseCause: cause,
      collective: workers.length >= COLLECTIVE_MIN,
      workerCount: workers.length,
      receivedAt: ctx.receivedAt,
      location: { description: place.slice(0, 200) },
      ...opt('employmentEndDate', form.leaveDate),
      ...opt('knewOrShouldHaveKnownDate', form.knewDate),
      ...opt('summary', form.summary),
    },
  };
  const parties: Draft<'party.added'>[] = [...workers, employer, ...chain].map((payload) => ({
    caseId,
    type: 'party.added',
    payload,
  }));
  const claims: Draft<'claim.added'>[] = [];
  for (const c of form.claims) {
    const amount = fenOf(c.amount);
    // A blank row of the default kind is the form's starter row, not a claim.
    if (amount === undefined && c.description.trim() === '' && c.item === 'WAGE_ARREARS') continue;
    claims.push({
      caseId,
      type: 'claim.added',
      payload: {
        claimId: ctx.newId(),
        item: c.item,
        ...(amount === undefined ? {} : { amountClaimedFen: amount }),
        ...opt('description', c.description),
      },
    });
  }
  form.workers.forEach((w, i) => {
    const amount = fenOf(w.amount);
    const party = workers[i];
    if (amount === undefined || !party) return;
    claims.push({
      caseId,
      type: 'claim.added',
      payload: {
        claimId: ctx.newId(),
        item: 'WAGE_ARREARS',
        claimantPartyId: party.partyId,
        amountClaimedFen: amount,
        description: `${party.name} 拖欠工资`,
      },
    });
  });
  return [opened, ...parties, ...claims];
}
