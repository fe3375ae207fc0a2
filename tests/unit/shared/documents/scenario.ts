/*
 * A wage-arrears mediation case for the document tests: worker 张三 against 荆门某建筑公司, ¥18,600.00
 * claimed, five-heart notes (one caucus-private with a secret bottom line), an offer ledger, a public
 * mobile session with a transcript, and a caucus session.
 */
import { reduceCase } from '#shared/case/reduce';
import type { CaseState } from '#shared/case/state';
import type { CaseEvent } from '#shared/events/envelope';
import type { FreeFields } from '#shared/events/payload-common';
import { fakeDevice } from '../case/builder';

export const IDS = {
  worker: '01930000-0000-7000-8000-000000000101',
  employer: '01930000-0000-7000-8000-000000000102',
  claim: '01930000-0000-7000-8000-000000000201',
  session: '01930000-0000-7000-8000-000000000301',
  caucusSession: '01930000-0000-7000-8000-000000000302',
  agreement: '01930000-0000-7000-8000-000000000401',
  transcript: '01930000-0000-7000-8000-000000000501',
} as const;

export const CAUCUS_SECRET = '公司底线一万五千元，不要告诉工人';
export const INTERNAL_SECRET = '副卷：调解员判断对方可能让步';

let noteSeq = 0;
const noteId = (): string => `01930000-0000-7000-8000-${(0x900 + ++noteSeq).toString(16).padStart(12, '0')}`;

export type Built = { events: CaseEvent[]; state: CaseState };

/** The case up to the end of stage 4; `complete` false leaves stage 2's ★ fields empty. */
export function buildCase(opts: { complete?: boolean } = {}): Built {
  const d = fakeDevice(1);
  const ev: CaseEvent[] = [];
  const note = (
    stage: number,
    fields: FreeFields,
    conf: 'public' | 'internal' | `caucus:${string}` = 'public',
    extra: { sessionId?: string; text?: string } = {},
  ) =>
    ev.push(
      d.emit('note.recorded', { noteId: noteId(), method: 'five_heart', stage, fields, ...extra }, { conf }),
    );
  ev.push(
    d.emit('case.opened', {
      kind: 'mediation',
      tempNumber: '临-A1B2-1',
      channel: 'mobile',
      disputeCategories: ['wage_arrears'],
      caseCause: '追索劳动报酬',
      summary: '申请人在被申请人工地务工，工资未结清。',
      collective: false,
      receivedAt: '2026-11-20T02:00:00.000Z',
    }),
    d.emit('party.added', {
      partyId: IDS.worker,
      role: 'applicant',
      kind: 'worker',
      name: '张三',
      sex: 'male',
      birthDate: '1985-03-02',
      idNumber: '420802198503020013',
      address: '湖北省荆门市东宝区某村',
      phone: '13800000000',
    }),
    d.emit('party.added', {
      partyId: IDS.employer,
      role: 'respondent',
      kind: 'employer',
      name: '荆门某建筑有限公司',
      idNumber: '91420800MA4XXXXXXX',
      address: '湖北省荆门市掇刀区某路1号',
      legalRepresentative: '王五',
    }),
    d.emit('claim.added', { claimId: IDS.claim, item: 'WAGE_ARREARS', amountClaimedFen: 1_860_000 }),
    d.emit('session.held', {
      sessionId: IDS.session,
      kind: 'hearing',
      venue: 'site',
      place: '掇刀区某工地项目部',
      mobile: true,
      participants: [
        { name: '李调解', role: '调解员', userId: 'user-1' },
        { name: '张三', role: '申请人', partyId: IDS.worker },
        { name: '王五', role: '被申请人法定代表人', partyId: IDS.employer },
      ],
      start: '2026-11-25T01:00:00.000Z',
      end: '2026-11-25T03:00:00.000Z',
      public: true,
      recorderId: 'user-1',
    }),
    d.emit(
      'session.held',
      {
        sessionId: IDS.caucusSession,
        kind: 'mediation_caucus',
        venue: 'office',
        mobile: false,
        participants: [{ name: '王五', role: '被申请人法定代表人', partyId: IDS.employer }],
        start: '2026-11-25T04:00:00.000Z',
        end: '2026-11-25T04:30:00.000Z',
      },
      { conf: `caucus:${IDS.employer}` },
    ),
  );
  note(
    1,
    {
      session: IDS.session,
      placeType: '工地',
      participants: '李调解、张三、王五',
      narrativeApplicant: '张三称2026年工资18600元未付',
      narrativeRespondent: '公司称资金紧张',
      claimsStated: '支付工资18600元',
      informed: true,
    },
    'public',
    { sessionId: IDS.session },
  );
  if (opts.complete !== false)
    note(2, { recusalChecked: true, lawsExplained: ['保障农民工工资支付条例'], calculation: '欠薪18600元' });
  note(3, { caucusLog: '与公司背靠背沟通', bottomLine: CAUCUS_SECRET }, `caucus:${IDS.employer}`, {
    text: CAUCUS_SECRET,
  });
  note(3, { concerns: INTERNAL_SECRET }, 'internal', { text: INTERNAL_SECRET });
  note(4, { options: '分两期支付18600元' });
  note(
    4,
    { kind: 'offer', by: IDS.employer, amountFen: 1_500_000, at: '2026-11-25T04:10:00.000Z' },
    'internal',
  );
  note(
    4,
    { kind: 'offer', by: IDS.worker, amountFen: 1_860_000, at: '2026-11-25T04:20:00.000Z' },
    'internal',
  );
  note(1, { kind: 'transcript', transcriptId: IDS.transcript }, 'public', {
    sessionId: IDS.session,
    text: '李调解：现在开始调解\n张三：公司欠我一万八千六百元\n王五：同意分两期支付',
  });
  return { events: ev, state: reduceCase(ev) };
}
