/**
 * The deadline rules of domain.md §1.14 as a typed table. Units follow §1.13: under the 2017 Rules the
 * "3 / 5 / 10 日" of arbitration steps are reported to be working days and "15 / 45 日" calendar days
 * [R]; court and administrative periods are calendar days (民事诉讼法 periods; 民法典 Arts. 200–203 for
 * months and years). `evidence` repeats the domain.md marker: V = text seen in a source, R = reported.
 */

export type DeadlineUnit = 'calendar_day' | 'working_day' | 'month' | 'year';

/** One rule of the deadline engine. */
export type DeadlineRule = {
  readonly id: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Legal basis as printed on screens and documents. */
  readonly basis: string;
  readonly triggerZh: string;
  readonly owner: string;
  readonly unit: DeadlineUnit;
  readonly length: number;
  /** 'before': the latest day before the trigger (e.g. a hearing) by which something must happen. */
  readonly direction: 'after' | 'before';
  /** A last day on a rest day or holiday moves to the next working day (Rules Art. 19; 民法典 Art. 203). */
  readonly rollToWorkingDay: boolean;
  /** Whether suspension / public-notice days are left out of the count. */
  readonly pausable: boolean;
  /** Approved extensions the law allows, with its cap; null when the law sets none. */
  readonly extension: {
    readonly maxCount: number;
    readonly maxTotalDays: number;
    readonly approverZh: string;
  } | null;
  /** Calendar day after the trigger on which to alert (e.g. day 10 of the 15-day mediation period). */
  readonly alertAtDay?: number;
  readonly evidence: 'V' | 'R';
};

type RuleInput = Omit<DeadlineRule, 'direction' | 'rollToWorkingDay' | 'pausable' | 'extension'> &
  Partial<Pick<DeadlineRule, 'direction' | 'rollToWorkingDay' | 'pausable' | 'extension'>>;

const rule = (r: RuleInput): DeadlineRule => ({
  direction: 'after',
  rollToWorkingDay: true,
  pausable: false,
  extension: null,
  ...r,
});

export const DEADLINE_RULES = {
  limitation: rule({ id: 'limitation', nameZh: '申请仲裁时效', nameEn: 'Limitation period for arbitration', basis: '《劳动争议调解仲裁法》第二十七条', triggerZh: '知道或者应当知道权利被侵害之日', owner: '申请人', unit: 'year', length: 1, pausable: true, evidence: 'V' }),
  limitationWageAfterTermination: rule({ id: 'limitationWageAfterTermination', nameZh: '追索劳动报酬时效（劳动关系终止后）', nameEn: 'Wage claim limitation after termination', basis: '《劳动争议调解仲裁法》第二十七条第四款', triggerZh: '劳动关系终止之日', owner: '劳动者', unit: 'year', length: 1, pausable: true, evidence: 'V' }),
  mediationPeriod: rule({ id: 'mediationPeriod', nameZh: '调解期限（逾期可申请仲裁）', nameEn: 'Mediation period before arbitration', basis: '《劳动争议调解仲裁法》第十四条', triggerZh: '调解组织收到调解申请之日', owner: '调解员', unit: 'calendar_day', length: 15, alertAtDay: 10, evidence: 'V' }),
  arbitralReviewApplication: rule({ id: 'arbitralReviewApplication', nameZh: '申请仲裁审查调解协议', nameEn: 'Joint application for arbitral review', basis: '《劳动人事争议仲裁办案规则》第七十四条', triggerZh: '调解协议生效之日', owner: '双方当事人', unit: 'calendar_day', length: 15, evidence: 'V' }),
  judicialConfirmationApplication: rule({ id: 'judicialConfirmationApplication', nameZh: '申请司法确认', nameEn: 'Joint application for judicial confirmation', basis: '《人民调解法》第三十三条；《民事诉讼法》第二百零五条', triggerZh: '调解协议生效之日', owner: '双方当事人', unit: 'calendar_day', length: 30, evidence: 'V' }),
  judicialConfirmationAcceptance: rule({ id: 'judicialConfirmationAcceptance', nameZh: '司法确认申请受理审查', nameEn: 'Court decides whether to accept confirmation', basis: '法释〔2011〕5号第四条', triggerZh: '法院收到司法确认申请之日', owner: '法院', unit: 'calendar_day', length: 3, evidence: 'V' }),
  judicialConfirmationDecision: rule({ id: 'judicialConfirmationDecision', nameZh: '司法确认决定', nameEn: 'Court decides on confirmation', basis: '法释〔2011〕5号第五条', triggerZh: '法院受理司法确认申请之日', owner: '法院', unit: 'calendar_day', length: 15, extension: { maxCount: 1, maxTotalDays: 10, approverZh: '本院院长' }, evidence: 'V' }),
  arbitrationAcceptance: rule({ id: 'arbitrationAcceptance', nameZh: '仲裁申请受理审查', nameEn: 'Accept, refuse or redirect the application', basis: '《劳动争议调解仲裁法》第二十九条；《劳动人事争议仲裁办案规则》第二十九条至第三十条', triggerZh: '收到仲裁申请（或补正材料）之日', owner: '立案人员', unit: 'working_day', length: 5, evidence: 'V' }),
  serveApplicationCopy: rule({ id: 'serveApplicationCopy', nameZh: '向被申请人送达申请书副本', nameEn: 'Serve the application on the respondent', basis: '《劳动争议调解仲裁法》第三十条', triggerZh: '受理仲裁申请之日', owner: '书记员', unit: 'working_day', length: 5, evidence: 'V' }),
  notifyTribunal: rule({ id: 'notifyTribunal', nameZh: '书面通知仲裁庭组成情况', nameEn: 'Notify the tribunal composition', basis: '《劳动争议调解仲裁法》第三十二条', triggerZh: '受理仲裁申请之日', owner: '书记员', unit: 'working_day', length: 5, evidence: 'V' }),
  defenceDue: rule({ id: 'defenceDue', nameZh: '提交答辩书', nameEn: 'Defence due', basis: '《劳动争议调解仲裁法》第三十条', triggerZh: '被申请人收到申请书副本之日', owner: '被申请人', unit: 'working_day', length: 10, evidence: 'V' }),
  serveDefence: rule({ id: 'serveDefence', nameZh: '向申请人送达答辩书副本', nameEn: 'Serve the defence on the applicant', basis: '《劳动争议调解仲裁法》第三十条', triggerZh: '收到答辩书之日', owner: '书记员', unit: 'working_day', length: 5, evidence: 'V' }),
  hearingNotice: rule({ id: 'hearingNotice', nameZh: '开庭通知最迟送达', nameEn: 'Latest day to serve the hearing notice', basis: '《劳动争议调解仲裁法》第三十五条', triggerZh: '开庭日期', owner: '书记员', unit: 'working_day', length: 5, direction: 'before', rollToWorkingDay: false, evidence: 'V' }),
  postponementRequest: rule({ id: 'postponementRequest', nameZh: '申请延期开庭最迟日', nameEn: 'Latest day to request postponement', basis: '《劳动争议调解仲裁法》第三十五条', triggerZh: '开庭日期', owner: '当事人', unit: 'working_day', length: 3, direction: 'before', rollToWorkingDay: false, evidence: 'V' }),
  awardTimeLimit: rule({ id: 'awardTimeLimit', nameZh: '仲裁审理期限', nameEn: 'Time limit for the award', basis: '《劳动争议调解仲裁法》第四十三条；《劳动人事争议仲裁办案规则》第四十五条、第四十六条', triggerZh: '受理仲裁申请之日（按办案规则第四十六条重新计算）', owner: '仲裁庭', unit: 'calendar_day', length: 45, pausable: true, extension: { maxCount: 1, maxTotalDays: 15, approverZh: '仲裁委员会主任或其委托的仲裁院负责人' }, evidence: 'V' }),
  sueAfterNonFinalAward: rule({ id: 'sueAfterNonFinalAward', nameZh: '不服非终局裁决起诉', nameEn: 'Sue after a non-final award', basis: '《劳动争议调解仲裁法》第五十条', triggerZh: '收到裁决书之日', owner: '双方当事人', unit: 'calendar_day', length: 15, evidence: 'V' }),
  finalAwardWorkerSue: rule({ id: 'finalAwardWorkerSue', nameZh: '劳动者不服终局裁决起诉', nameEn: 'Worker sues after a final award', basis: '《劳动争议调解仲裁法》第四十八条', triggerZh: '收到裁决书之日', owner: '劳动者', unit: 'calendar_day', length: 15, evidence: 'V' }),
  finalAwardEmployerRevoke: rule({ id: 'finalAwardEmployerRevoke', nameZh: '用人单位申请撤销终局裁决', nameEn: 'Employer applies to revoke a final award', basis: '《劳动争议调解仲裁法》第四十九条', triggerZh: '收到裁决书之日', owner: '用人单位', unit: 'calendar_day', length: 30, evidence: 'V' }),
  enforcementApplication: rule({ id: 'enforcementApplication', nameZh: '申请强制执行', nameEn: 'Apply for enforcement', basis: '《民事诉讼法》（申请执行期间二年，条文序号待核）', triggerZh: '生效法律文书规定履行期间的最后一日', owner: '当事人', unit: 'year', length: 2, pausable: true, evidence: 'R' }),
  injuryDeterminationEmployer: rule({ id: 'injuryDeterminationEmployer', nameZh: '用人单位申请工伤认定', nameEn: 'Employer applies for work-injury determination', basis: '《工伤保险条例》第十七条第一款', triggerZh: '事故伤害发生之日或被诊断、鉴定为职业病之日', owner: '用人单位', unit: 'calendar_day', length: 30, evidence: 'V' }),
  injuryDeterminationWorker: rule({ id: 'injuryDeterminationWorker', nameZh: '劳动者或近亲属申请工伤认定', nameEn: 'Worker applies for work-injury determination', basis: '《工伤保险条例》第十七条第二款', triggerZh: '事故伤害发生之日或被诊断、鉴定为职业病之日', owner: '劳动者', unit: 'year', length: 1, evidence: 'V' }),
  injuryDeterminationDecision: rule({ id: 'injuryDeterminationDecision', nameZh: '工伤认定决定', nameEn: 'Authority decides on work injury', basis: '《工伤保险条例》第二十条', triggerZh: '受理工伤认定申请之日', owner: '社会保险行政部门', unit: 'calendar_day', length: 60, pausable: true, evidence: 'V' }),
  injuryDeterminationDecisionClear: rule({ id: 'injuryDeterminationDecisionClear', nameZh: '工伤认定决定（事实清楚、权利义务明确）', nameEn: 'Work-injury decision, clear case', basis: '《工伤保险条例》第二十条', triggerZh: '受理工伤认定申请之日', owner: '社会保险行政部门', unit: 'calendar_day', length: 15, pausable: true, evidence: 'V' }),
  blacklistListing: rule({ id: 'blacklistListing', nameZh: '拖欠工资失信名单期限', nameEn: 'Wage-arrears blacklist period', basis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》', triggerZh: '列入名单之日', owner: '人社部门', unit: 'year', length: 3, rollToWorkingDay: false, evidence: 'V' }),
  blacklistEarlyRemoval: rule({ id: 'blacklistEarlyRemoval', nameZh: '失信名单提前移出最早可申请日', nameEn: 'Earliest early removal from the blacklist', basis: '《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》', triggerZh: '改正拖欠工资违法行为之日（须已列入名单并作出信用承诺）', owner: '人社部门', unit: 'month', length: 6, rollToWorkingDay: false, evidence: 'V' }),
} as const satisfies Record<string, DeadlineRule>; // prettier-ignore

export type DeadlineRuleId = keyof typeof DEADLINE_RULES;
