/*
 * The sync state of each case as the sync page lists it: 有冲突 (the case is in conflict), 被拒收 (a
 * record of it was refused and waits for a decision, or blocks the chain), 同步中 n/m (a run is pushing
 * and the case has records waiting), 已保存到本机 (records waiting, no run), 已同步 (nothing waiting).
 * Pure, so the words and the order are tested without a store.
 */
import type { CaseState } from '#shared/case/state';
import type { PendingEvent } from '../../data/outbox';

export type CaseSyncKind = 'conflict' | 'rejected' | 'syncing' | 'saved-local' | 'synced';

export type CaseSyncLine = {
  caseId: string;
  label: string;
  kind: CaseSyncKind;
  waiting: number;
  refused: number;
};

const ORDER: Record<CaseSyncKind, number> = {
  conflict: 0,
  rejected: 1,
  syncing: 2,
  'saved-local': 3,
  synced: 4,
};

export function caseSyncLines(
  cases: readonly CaseState[],
  pending: readonly PendingEvent[],
  setAside: readonly PendingEvent[],
  pushing: boolean,
): CaseSyncLine[] {
  const waiting = new Map<string, number>();
  const refused = new Map<string, number>();
  const bump = (m: Map<string, number>, id: string): void => {
    m.set(id, (m.get(id) ?? 0) + 1);
  };
  for (const p of pending) {
    bump(waiting, p.event.caseId);
    if (p.lastError !== undefined) bump(refused, p.event.caseId);
  }
  for (const p of setAside) if (p.decision?.kind !== 'discarded') bump(refused, p.event.caseId);
  const lines: CaseSyncLine[] = [];
  for (const c of cases) {
    if (c.caseId === null) continue;
    const w = waiting.get(c.caseId) ?? 0;
    const r = refused.get(c.caseId) ?? 0;
    const kind: CaseSyncKind = c.inConflict
      ? 'conflict'
      : r > 0
        ? 'rejected'
        : w > 0
          ? pushing
            ? 'syncing'
            : 'saved-local'
          : 'synced';
    const label = c.numbers.official?.number ?? c.numbers.temporary ?? c.caseId.slice(-8);
    lines.push({ caseId: c.caseId, label, kind, waiting: w, refused: r });
  }
  return lines.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || a.label.localeCompare(b.label));
}

/** The whole device in one state: the most pressing of its cases' states, with how many are in it. */
export type OverallSync = { kind: CaseSyncKind; cases: number; waiting: number };

export function overallSync(lines: readonly CaseSyncLine[]): OverallSync {
  const waiting = lines.reduce((n, l) => n + l.waiting, 0);
  const first = lines[0];
  if (!first) return { kind: 'synced', cases: 0, waiting };
  // lines come sorted most pressing first (caseSyncLines).
  return { kind: first.kind, cases: lines.filter((l) => l.kind === first.kind).length, waiting };
}
