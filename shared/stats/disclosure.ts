/*
 * What each export discloses (issue #9 item 4), recorded with every export in the audit trail and sent
 * to the hub. Derived from what the tables and sheets actually hold (shared/stats/tables.ts, yearbook.ts,
 * element-sheet.ts): none of them carries notes, evidence contents, internal or caucus-private records.
 */
import type { DisclosureItem, ExportKind } from '#shared/sync/wire-org';

const KPI: readonly DisclosureItem[] = ['aggregate_counts', 'aggregate_amounts'];
/** caseTable: case number, kind, channel, categories, status, handler name, dates, closure, worker count, amounts. */
const CASELOAD: readonly DisclosureItem[] = ['case_list', 'handler_names', 'aggregate_amounts'];
const YEARBOOK: readonly DisclosureItem[] = ['aggregate_counts'];
/** buildElementSheet: party names, masked ID numbers, employment period, wage, hours, insurance, claims. */
const ELEMENT_SHEET: readonly DisclosureItem[] = [
  'party_names',
  'masked_id_numbers',
  'employment_facts',
  'claims',
];

export const DISCLOSURE_OF: Readonly<Record<ExportKind, readonly DisclosureItem[]>> = {
  kpi_table: KPI,
  caseload: CASELOAD,
  workbook: [...new Set([...KPI, ...CASELOAD, ...YEARBOOK])],
  yearbook: YEARBOOK,
  element_sheet: ELEMENT_SHEET,
};
