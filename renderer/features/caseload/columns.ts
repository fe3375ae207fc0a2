/*
 * The caseload table's columns, in screens.md order. Widths are fractions so the table fits 1366×768
 * with the rail; the real rows (virtualised) arrive with the case projection.
 */
import type { ParseKeys } from 'i18next';

export type CaseloadColumn = { id: string; label: ParseKeys; width: string };

export const caseloadColumns: readonly CaseloadColumn[] = [
  { id: 'caseNumber', label: 'caseload.columns.caseNumber', width: '16%' },
  { id: 'applicants', label: 'caseload.columns.applicants', width: '14%' },
  { id: 'respondent', label: 'caseload.columns.respondent', width: '16%' },
  { id: 'cause', label: 'caseload.columns.cause', width: '12%' },
  { id: 'status', label: 'caseload.columns.status', width: '9%' },
  { id: 'nextDeadline', label: 'caseload.columns.nextDeadline', width: '12%' },
  { id: 'assignee', label: 'caseload.columns.assignee', width: '11%' },
  { id: 'sync', label: 'caseload.columns.sync', width: '10%' },
];
