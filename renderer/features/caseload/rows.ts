/*
 * One caseload row as the table shows it, from a CaseSummary: "张三等 N 人", the countdown of the next
 * deadline with its tone (red overdue, amber within 3 days), the assignee, the sync state. Pure, so the
 * wording is tested without a DOM.
 */
import { daysBetween } from '#shared/law/civil-date';
import type { CaseSummary, PendingCases } from '../../data/store';

export type Tone = 'danger' | 'warn' | 'ok' | 'neutral';

export type DeadlineCell =
  | { kind: 'none' }
  | { kind: 'unknown'; name: string }
  | { kind: 'days'; name: string; due: string; days: number; tone: Tone };

/** Conflict first (needs a decision), then an event the hub refused, then not yet acknowledged. */
export type SyncCell = 'conflict' | 'refused' | 'pending' | 'synced';

export type CaseRowView = {
  caseId: string;
  number: string;
  temporary: boolean;
  applicants: { first: string; count: number };
  respondent: string;
  cause: string;
  status: string | null;
  deadline: DeadlineCell;
  assignee: { kind: 'none' } | { kind: 'me' } | { kind: 'other'; id: string };
  sync: SyncCell;
};

/** Days to the due date (negative when overdue) and the tone screens.md asks for. */
export function deadlineCell(next: CaseSummary['nextDeadline'], today: string): DeadlineCell {
  if (!next) return { kind: 'none' };
  if (next.due === null) return { kind: 'unknown', name: next.nameZh };
  const days = daysBetween(today, next.due);
  const tone: Tone = days < 0 ? 'danger' : days <= 3 ? 'warn' : 'neutral';
  return { kind: 'days', name: next.nameZh, due: next.due, days, tone };
}

/**
 * The sync state of one case from its summary (conflicts) and the outbox. Until the outbox has been
 * read (`null`) a case is only claimed saved on this device, which is always true: never "synced" unseen.
 */
export function syncCell(s: CaseSummary, outbox: PendingCases | null): SyncCell {
  if (s.inConflict) return 'conflict';
  if (!outbox) return 'pending';
  if (outbox.refused.has(s.caseId)) return 'refused';
  return outbox.pending.has(s.caseId) ? 'pending' : 'synced';
}

export function caseRow(
  s: CaseSummary,
  today: string,
  myUserId: string | null,
  outbox: PendingCases | null,
): CaseRowView {
  const count = Math.max(s.workerCount, s.applicants.length);
  return {
    caseId: s.caseId,
    number: s.number,
    temporary: s.temporary,
    applicants: { first: s.applicants[0] ?? '', count },
    respondent: s.respondents.join('、'),
    cause: s.caseCause,
    status: s.status,
    deadline: deadlineCell(s.nextDeadline, today),
    assignee:
      s.assigneeId === null
        ? { kind: 'none' }
        : s.assigneeId === myUserId
          ? { kind: 'me' }
          : { kind: 'other', id: s.assigneeId },
    sync: syncCell(s, outbox),
  };
}
