/*
 * Chinese labels used inside official documents (documents are written in Chinese whatever the UI
 * language), and the Chinese way of writing a date (二〇二六年十一月二十九日).
 */
import type { ClaimItem } from '#shared/domain/claim-items';
import type { EvidenceKind, SessionKind, Venue } from '#shared/domain/sessions';
import type { PartyFields, Payment } from '#shared/case/state';

export const CLAIM_ITEM_ZH: Readonly<Record<ClaimItem, string>> = {
  WAGE_ARREARS: '拖欠劳动报酬',
  OVERTIME: '加班费',
  MIN_WAGE_SHORTFALL: '最低工资差额',
  ANNUAL_LEAVE_PAY: '未休年休假工资',
  DOUBLE_WAGE_NO_CONTRACT: '未签劳动合同二倍工资差额',
  ECON_COMP_N: '经济补偿',
  NOTICE_PAY_PLUS1: '代通知金',
  UNLAWFUL_TERMINATION_2N: '违法解除劳动合同赔偿金',
  WORK_INJURY_MEDICAL: '工伤医疗费',
  WORK_INJURY_LEAVE_WAGES: '停工留薪期工资',
  DISABILITY_ONE_OFF: '一次性伤残补助金',
  INJURY_MED_SUBSIDY: '一次性工伤医疗补助金',
  DISABILITY_EMPLOYMENT_SUBSIDY: '一次性伤残就业补助金',
  FUNERAL_DEATH_BENEFITS: '丧葬补助金及一次性工亡补助金',
  SOCIAL_INSURANCE_LOSS: '社会保险待遇损失',
  CONFIRM_LABOR_RELATION: '确认劳动关系',
  REINSTATEMENT: '继续履行劳动合同',
  HIGH_TEMP_ALLOWANCE: '高温津贴',
  OTHER: '其他',
};

export const SESSION_KIND_ZH: Readonly<Record<SessionKind, string>> = {
  mediation_joint: '调解（面对面）',
  mediation_caucus: '调解（背靠背）',
  investigation: '上门调查取证',
  hearing: '开庭',
};

export const VENUE_ZH: Readonly<Record<Venue, string>> = {
  factory: '厂区',
  community_square: '社区广场',
  workers_home: '劳动者家中',
  site: '工地',
  office: '办公室',
  court: '仲裁庭/法庭',
  hospital: '医院',
  online: '线上',
  other: '其他',
};

export const EVIDENCE_KIND_ZH: Readonly<Record<EvidenceKind, string>> = {
  documentary: '书证',
  physical: '物证',
  audio_visual: '视听资料',
  electronic: '电子数据',
  witness: '证人证言',
  party_statement: '当事人陈述',
  appraisal: '鉴定意见',
  inspection_record: '勘验笔录',
};

export const ROLE_ZH: Readonly<Record<PartyFields['role'], string>> = {
  applicant: '申请人',
  respondent: '被申请人',
  third_party: '第三人',
  agent: '委托代理人',
};

const DIGIT = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const smallNumber = (n: number): string => {
  if (n < 10) return DIGIT[n] ?? '';
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : (DIGIT[tens] ?? '')}十${ones === 0 ? '' : (DIGIT[ones] ?? '')}`;
};

/** `2026-11-29` → `二〇二六年十一月二十九日` (the year digit by digit, month and day as numbers). */
export function chineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  const [, y = '', mo = '', d = ''] = m;
  const year = y.replace(/\d/g, (c) => DIGIT[Number(c)] ?? '');
  return `${year}年${smallNumber(Number(mo))}月${smallNumber(Number(d))}日`;
}

/** `2026-11-29` → `2026年11月29日` (inside body text, figures are the usual style). */
export function figureDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1] ?? ''}年${Number(m[2])}月${Number(m[3])}日`;
}

/** 付款方式 of payment.recorded. */
export const PAYMENT_METHOD_ZH: Readonly<Record<Payment['method'], string>> = {
  cash: '现金',
  bank: '银行转账',
  wechat: '微信',
  alipay: '支付宝',
  other: '其他',
};
