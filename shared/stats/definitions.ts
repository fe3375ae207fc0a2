/*
 * The definition shown beside every KPI (domain.md §8.2), Chinese and English. The dashboard's tooltip,
 * the hub's report and every export carry the same text, so a number always says how it was counted.
 */
import type { Bilingual, ClosureRateFormula, KpiKey, KpiUnit } from './types';

type Def = Bilingual & { unit: KpiUnit };
const d = (unit: KpiUnit, zh: string, en: string): Def => ({ unit, zh, en });

export const CLOSURE_RATE_DEFS: Readonly<Record<ClosureRateFormula, Bilingual>> = {
  official: {
    zh: '结案率 = 本期结案数 ÷（上期未结 + 本期受理）',
    en: 'Closure rate = closed ÷ (pending at start + accepted)',
  },
  accepted: { zh: '结案率 = 本期结案数 ÷ 本期受理数', en: 'Closure rate = closed ÷ accepted' },
  cohort: {
    zh: '结案率 = 本期受理且在期末前结案的案件 ÷ 本期受理数',
    en: 'Closure rate = cases accepted in the period and closed by its end ÷ accepted',
  },
};

export const KPI_DEFS: Readonly<Record<Exclude<KpiKey, 'closureRate'>, Def>> = {
  accepted: d('count', '受理日期在本期内的案件数', 'Cases whose acceptance date falls in the period'),
  pendingAtStart: d(
    'count',
    '本期开始前受理、期初尚未结案的案件数',
    'Accepted before the period, open at its start',
  ),
  closed: d(
    'count',
    '结案日期在本期内的已受理案件数',
    'Accepted cases whose closing date falls in the period',
  ),
  closedWithoutAcceptance: d(
    'count',
    '本期内未经受理即结案（不予受理、拒绝调解等）',
    'Closed in the period without acceptance (not accepted, refused …)',
  ),
  pendingAtEnd: d(
    'count',
    '期末尚未结案的已受理案件数',
    'Accepted cases still open at the end of the period',
  ),
  onTimeClosureRate: d(
    'rate',
    '按期结案率 = 在法定审限内（含批准延长、扣除中止期间）结案数 ÷ 有审限的结案数',
    'Closed within the legal limit (approved extensions added, suspensions excluded) ÷ closed cases with a limit',
  ),
  closedLate: d('count', '本期结案但超过审限的案件数', 'Closed in the period after the legal limit'),
  overdueOpen: d(
    'count',
    '截至统计日未结且已超审限的案件数（超审限）',
    'Open cases past the legal limit on the as-of day',
  ),
  mediationSuccessRate: d(
    'rate',
    '调解成功率 = 达成调解协议的调解案件 ÷ 本期办结的调解案件',
    'Mediation cases with an agreement ÷ mediation cases concluded in the period',
  ),
  arbitralMediationRate: d(
    'rate',
    '仲裁调解率 = 以调解书结案的仲裁案件 ÷ 本期办结的仲裁案件',
    'Arbitration cases closed by a mediation statement ÷ arbitration cases closed',
  ),
  finalAwardRate: d('rate', '终局裁决率 = 终局裁决数 ÷ 裁决数', 'Final awards ÷ awards'),
  amountClaimedFen: d(
    'fen',
    '本期受理案件的请求金额合计（分）',
    'Sum claimed in cases accepted in the period (fen)',
  ),
  amountAgreedFen: d(
    'fen',
    '本期结案案件的协议（调解）金额合计（分）',
    'Sum agreed in cases closed in the period (fen)',
  ),
  amountAwardedFen: d(
    'fen',
    '本期结案案件的裁决金额合计（分）',
    'Sum awarded in cases closed in the period (fen)',
  ),
  amountRecoveredFen: d(
    'fen',
    '本期内记录的履行（追回）款项合计（分），与协议、裁决金额分列',
    'Payments received in the period (fen), kept apart from amounts agreed or awarded',
  ),
  workersInvolved: d('count', '本期受理案件涉及的劳动者人数', 'Workers in cases accepted in the period'),
  workersBenefited: d(
    'count',
    '本期内至少收到一笔款项的劳动者人数',
    'Distinct workers with at least one payment in the period',
  ),
  mobileSessions: d(
    'count',
    '本期内流动（背包、巡回）庭次',
    'Mobile (away-from-office) sessions held in the period',
  ),
  mobileCasesHeard: d('count', '本期内有流动庭次的案件数', 'Cases with a mobile session in the period'),
  casesSettledOnSite: d(
    'count',
    '在流动庭当天签署协议的案件数（就地化解）',
    'Cases whose agreement was signed on the day of a mobile session',
  ),
  amountSettledOnSiteFen: d(
    'fen',
    '就地化解案件的协议金额合计（分）',
    'Sum agreed in cases settled on site (fen)',
  ),
  daysToCloseMean: d(
    'days',
    '平均结案天数（受理至结案，自然日）',
    'Mean days from acceptance to closure (calendar days)',
  ),
  daysToCloseMedian: d('days', '结案天数中位数', 'Median days to close'),
  daysToCloseP90: d(
    'days',
    '结案天数第90百分位（最近秩法）',
    '90th percentile of days to close (nearest rank)',
  ),
  netDaysToCloseMean: d(
    'days',
    '平均结案天数（扣除中止期间）',
    'Mean days to close, suspension time excluded',
  ),
  netDaysToCloseMedian: d(
    'days',
    '结案天数中位数（扣除中止期间）',
    'Median days to close, suspension time excluded',
  ),
  netDaysToCloseP90: d(
    'days',
    '结案天数第90百分位（扣除中止期间）',
    '90th percentile of days to close, suspension time excluded',
  ),
  jcApplied: d('count', '本期内申请司法确认的案件数', 'Cases sent for judicial confirmation in the period'),
  jcConfirmed: d('count', '本期内法院裁定确认有效的案件数', 'Confirmations ruled valid in the period'),
  jcRejected: d('count', '本期内法院裁定驳回的案件数', 'Confirmations rejected in the period'),
  jcMeanDays: d('days', '司法确认平均用时（申请至裁定，自然日）', 'Mean days from application to ruling'),
  referrals: d('count', '本期内转介（移送）次数', 'Referrals made in the period'),
  collectiveCases: d('count', '本期受理的集体争议案件数', 'Collective cases accepted in the period'),
  collectiveWorkers: d(
    'count',
    '本期受理的集体争议涉及劳动者人数',
    'Workers in collective cases accepted in the period',
  ),
  collectiveAmountClaimedFen: d(
    'fen',
    '本期受理的集体争议请求金额合计（分）',
    'Sum claimed in collective cases accepted in the period (fen)',
  ),
};
