/* Supervisor statistics (domain.md §8): KPIs with drill-down, the yearbook table, the element sheet. */
export * from './types';
export { KPI_DEFS, CLOSURE_RATE_DEFS } from './definitions';
export { caseFacts, chinaDay, type CaseFacts, type ReferralFact } from './facts';
export { computeStats, computeStatsFromFacts, factsOf, validatePeriod, type StatsInput } from './report';
export {
  CATEGORY_ZH,
  CHANNEL_ZH,
  CLOSURE_TYPE_ZH,
  KIND_ZH,
  REFERRAL_TARGET_ZH,
  REFERRAL_OUTCOME_ZH,
} from './labels';
export {
  buildYearbook,
  YEARBOOK_CAUSES,
  YEARBOOK_COLUMNS,
  type YearbookCell,
  type YearbookColumn,
  type YearbookRow,
  type YearbookTable,
} from './yearbook';
export {
  buildElementSheet,
  ELEMENT_DETAIL_KEYS,
  type ElementEntry,
  type ElementItem,
  type ElementSheet,
} from './element-sheet';
export { KPI_LABELS } from './labels-kpi';
export { caseTable, csvField, csvLine, kpiTable, toCsv, type Cell, type Table } from './tables';
export { DISCLOSURE_OF } from './disclosure';
export {
  drillCases,
  summarizeKpi,
  summarizeReport,
  DRILL_PAGE_MAX,
  type DrillPage,
  type DrillQuery,
  type KpiSetSummary,
  type KpiSummary,
  type StatsSummary,
} from './drill';
