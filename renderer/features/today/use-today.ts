/*
 * What 今日 shows: deadlines overdue or due within 3 days across the caseload (one range of the indexed
 * deadline column each, so it stays cheap at 100k cases: the first 200 and the exact count), and today's
 * sessions among the cases in a working status (one [status+nextDeadline] range per status, never every
 * id; their states are read, at most 300 cases). A state that does not open (#8) is listed with its case
 * id in `unreadable`, never failing the page.
 */
import { useQuery } from '@tanstack/react-query';
import type { CaseState, Session } from '#shared/case/index';
import { queryKeys, useStore } from '../../app/data-provider';
import type { UnreadableReason } from '../../data/projections';
import { unreadableReason } from '../../data/queries';
import type { CaseSummary, TribunalStore } from '../../data/store';

const LIST_MAX = 200;
const STATE_MAX = 300;
/** Statuses in which sessions are held. */
const WORKING = [
  'registered',
  'consent_pending',
  'received',
  'accepted',
  'assigned',
  'investigating',
  'in_session',
  'tribunal_formed',
  'evidence_period',
  'hearing_scheduled',
  'hearing_held',
  'postponed',
];

export type TodaySession = { caseId: string; number: string; session: Session };
/** A working case whose stored state did not open (#8): whether it has a session today is unknown. */
export type TodayUnreadable = { caseId: string; reason: UnreadableReason };
export type TodayData = {
  overdue: CaseSummary[];
  dueSoon: CaseSummary[];
  /** How many in all (the lists stop at 200). */
  overdueCount: number;
  dueSoonCount: number;
  sessions: TodaySession[];
  /** Working cases whose state did not open, named on the page instead of failing it (#8). */
  unreadable: TodayUnreadable[];
};

const CHINA_MS = 8 * 3600_000;
/** The China-time day of an instant. */
export const chinaDay = (iso: string): string =>
  new Date(Date.parse(iso) + CHINA_MS).toISOString().slice(0, 10);

export async function loadToday(store: TribunalStore): Promise<TodayData> {
  const today = store.today();
  const [overduePage, soonPage, overdueCount, dueSoonCount, ...perStatus] = await Promise.all([
    store.queryCasePage({ deadline: 'overdue' }, 0, LIST_MAX),
    store.queryCasePage({ deadline: 'due_soon' }, 0, LIST_MAX),
    store.countCases({ deadline: 'overdue' }),
    store.countCases({ deadline: 'due_soon' }),
    ...WORKING.map((status) => store.queryCasePage({ statuses: [status] }, 0, STATE_MAX)),
  ]);
  const workingIds = perStatus.flatMap((p) => p.ids);
  const [overdue, dueSoon] = await Promise.all([
    store.summaries(overduePage.ids),
    store.summaries(soonPage.ids),
  ]);
  const sessions: TodaySession[] = [];
  const unreadable: TodayUnreadable[] = [];
  for (const id of workingIds.slice(0, STATE_MAX)) {
    let s: CaseState | null;
    try {
      s = await store.caseState(id);
    } catch (e) {
      // One tampered / foreign-key / damaged state is named with its case id; the rest of 今日 works.
      unreadable.push({ caseId: id, reason: unreadableReason(e) });
      continue;
    }
    if (!s) continue;
    const number = s.numbers.official?.number ?? s.numbers.temporary ?? '';
    for (const session of s.sessions)
      if (chinaDay(session.start) === today) sessions.push({ caseId: id, number, session });
  }
  sessions.sort((a, b) => a.session.start.localeCompare(b.session.start));
  return { overdue, dueSoon, overdueCount, dueSoonCount, sessions, unreadable };
}

export function useToday() {
  const store = useStore();
  return useQuery({ queryKey: [...queryKeys.caseload, 'today'], queryFn: () => loadToday(store) });
}
