/*
 * 劳动争议事实要素采集表 (domain.md §6, the Duodao "1+3+N" fact-element form): the 10 basic items a union
 * mediator or arbitration filing records once and the court reuses at filing. Built as structured data from
 * the main file only (parties, claims, the opening): never notes, evidence contents or caucus records.
 * ID numbers are masked. The UI prints it to PDF; the JSON export is this object.
 */
import type { CaseState, Party } from '#shared/case/index';
import { CLAIM_ITEM_ZH } from '#shared/documents/labels';
import { formatYuan } from '#shared/law/money';

/** Keys of party `details` the intake may fill for items the event schema has no field for. */
export const ELEMENT_DETAIL_KEYS = {
  contract: 'contractSigned',
  workplace: 'workplace',
  wageStructure: 'wageStructure',
  wagePayment: 'wagePayment',
  attendance: 'attendance',
  workingHours: 'workingHours',
  socialInsurance: 'socialInsurance',
  termination: 'terminationReason',
} as const;

export type ElementEntry = { label: string; value: string | null };
export type ElementItem = {
  no: number;
  key: string;
  titleZh: string;
  titleEn: string;
  entries: ElementEntry[];
  filled: boolean;
};
export type ElementSheet = {
  titleZh: '劳动争议事实要素采集表';
  caseId: string;
  caseNumber: string | null;
  caseCause: string | null;
  items: ElementItem[];
};

const NONE = null;
const mask = (id: string | undefined): string | null =>
  id === undefined || id === '' ? null : `****${id.slice(-4)}`;
const detail = (p: Party, key: string): string | null => {
  const v = p.current.details?.[key];
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return v.join('、');
  if (typeof v === 'boolean') return v ? '是' : '否';
  return String(v);
};

function item(
  no: number,
  key: string,
  titleZh: string,
  titleEn: string,
  entries: ElementEntry[],
): ElementItem {
  return { no, key, titleZh, titleEn, entries, filled: entries.some((e) => e.value !== null) };
}

/** One entry per worker for a worker-side fact. */
function perWorker(workers: readonly Party[], f: (p: Party) => string | null): ElementEntry[] {
  if (workers.length === 0) return [{ label: '劳动者', value: NONE }];
  return workers.map((p) => ({ label: p.current.name, value: f(p) }));
}

const period = (p: Party): string | null =>
  p.current.joinDate === undefined && p.current.leaveDate === undefined
    ? null
    : `${p.current.joinDate ?? '不详'} 至 ${p.current.leaveDate ?? '今'}`;

function wage(p: Party): string | null {
  const parts = [
    p.current.monthlyWageFen === undefined ? null : `月工资 ${formatYuan(p.current.monthlyWageFen)}`,
    detail(p, ELEMENT_DETAIL_KEYS.wageStructure),
  ].filter((x): x is string => x !== null);
  return parts.length === 0 ? null : parts.join('；');
}

/** The 10-item element sheet of one case. */
export function buildElementSheet(s: CaseState): ElementSheet | null {
  if (s.caseId === null) return null;
  const live = s.parties;
  const workers = live.filter((p) => p.current.kind === 'worker' && p.current.role === 'applicant');
  const employers = live.filter((p) => p.current.role === 'respondent');
  const claims = s.claims.filter((c) => !c.current.withdrawn);
  const noContractClaim = claims.some((c) => c.current.item === 'DOUBLE_WAGE_NO_CONTRACT');
  const partyLine = (p: Party): ElementEntry => ({
    label:
      p.current.role === 'applicant' ? '申请人' : p.current.role === 'respondent' ? '被申请人' : '第三人',
    value: [
      p.current.name,
      mask(p.current.idNumber),
      p.current.legalRepresentative ? `法定代表人 ${p.current.legalRepresentative}` : null,
    ]
      .filter((x) => x !== null)
      .join('，'),
  });
  const items: ElementItem[] = [
    item(1, 'parties', '当事人基本情况', 'Parties', [...workers, ...employers].map(partyLine)),
    item(2, 'employment_period', '入职时间及用工期间', 'Employment period', perWorker(workers, period)),
    item(
      3,
      'contract',
      '劳动合同签订情况',
      'Employment contract',
      perWorker(
        workers,
        (p) =>
          detail(p, ELEMENT_DETAIL_KEYS.contract) ??
          (noContractClaim ? '主张未签订书面劳动合同' : (p.current.employmentForm ?? null)),
      ),
    ),
    item(
      4,
      'post',
      '工作岗位及工作地点',
      'Post and place of work',
      perWorker(
        workers,
        (p) =>
          [p.current.occupation ?? null, detail(p, ELEMENT_DETAIL_KEYS.workplace)]
            .filter((x) => x !== null)
            .join('，') || null,
      ),
    ),
    item(5, 'wage_structure', '工资构成及标准', 'Wage structure', perWorker(workers, wage)),
    item(
      6,
      'wage_payment',
      '工资支付方式及周期',
      'How and when wages were paid',
      perWorker(workers, (p) => detail(p, ELEMENT_DETAIL_KEYS.wagePayment)),
    ),
    item(
      7,
      'attendance',
      '考勤方式及工作时间',
      'Attendance and working hours',
      perWorker(
        workers,
        (p) =>
          [detail(p, ELEMENT_DETAIL_KEYS.attendance), detail(p, ELEMENT_DETAIL_KEYS.workingHours)]
            .filter((x) => x !== null)
            .join('；') || null,
      ),
    ),
    item(
      8,
      'social_insurance',
      '社会保险缴纳情况',
      'Social insurance contributions',
      perWorker(workers, (p) => detail(p, ELEMENT_DETAIL_KEYS.socialInsurance)),
    ),
    item(
      9,
      'termination',
      '劳动关系解除或终止情况',
      'End of the employment',
      perWorker(
        workers,
        (p) =>
          [
            p.current.leaveDate ?? s.opening?.employmentEndDate ?? null,
            detail(p, ELEMENT_DETAIL_KEYS.termination),
          ]
            .filter((x) => x !== null)
            .join('，') || null,
      ),
    ),
    item(10, 'claims', '争议焦点及请求事项', 'Points in dispute and claims', [
      { label: '案由', value: s.caseCause },
      ...claims.map((c) => ({
        label: CLAIM_ITEM_ZH[c.current.item],
        value:
          [
            c.current.amountClaimedFen === undefined ? null : formatYuan(c.current.amountClaimedFen),
            c.current.periodFrom === undefined
              ? null
              : `${c.current.periodFrom} 至 ${c.current.periodTo ?? '今'}`,
            c.current.description ?? null,
          ]
            .filter((x) => x !== null)
            .join('，') || '（未填写金额）',
      })),
    ]),
  ];
  return {
    titleZh: '劳动争议事实要素采集表',
    caseId: s.caseId,
    caseNumber: s.numbers.official?.number ?? s.numbers.temporary,
    caseCause: s.caseCause,
    items,
  };
}
