/*
 * Judicial confirmation (司法确认) figures. The mediation side sees its referrals to a court and the
 * court's answers; the court side sees its own confirmation cases. A court case whose origin mediation
 * case is in the same set is the same application, so it is counted once (on the mediation side).
 */
import { daysBetween } from '#shared/law/civil-date';
import type { CaseFacts } from './facts';
import { daysKpi, mean, tallyKpi } from './kpi';
import type { Kpi, Period } from './types';

type Application = {
  fact: CaseFacts;
  applied: string | null;
  outcome: 'confirmed' | 'rejected' | null;
  ruled: string | null;
};

const inPeriod = (day: string | null, p: Period): day is string =>
  day !== null && day >= p.from && day <= p.to;

function applications(facts: readonly CaseFacts[]): Application[] {
  const out: Application[] = [];
  const referredIds = new Set<string>();
  for (const f of facts)
    for (const r of f.referrals) {
      if (r.target !== 'court_confirmation') continue;
      referredIds.add(f.caseId);
      const outcome = r.status === 'confirmed' || r.status === 'rejected' ? r.status : null;
      out.push({ fact: f, applied: r.day, outcome, ruled: outcome === null ? null : r.answeredDay });
    }
  for (const f of facts) {
    if (f.kind !== 'judicial_confirmation') continue;
    if (f.originCaseId !== null && referredIds.has(f.originCaseId)) continue;
    const outcome = f.closureType === 'confirmed' || f.closureType === 'rejected' ? f.closureType : null;
    out.push({ fact: f, applied: f.acceptedDay, outcome, ruled: outcome === null ? null : f.closedDay });
  }
  return out;
}

export function computeJudicial(
  facts: readonly CaseFacts[],
  p: Period,
): { jcApplied: Kpi; jcConfirmed: Kpi; jcRejected: Kpi; jcMeanDays: Kpi } {
  const all = applications(facts);
  const applied = all.filter((a) => inPeriod(a.applied, p));
  const ruled = all.filter((a) => a.outcome !== null && inPeriod(a.ruled, p));
  const confirmed = ruled.filter((a) => a.outcome === 'confirmed');
  const rejected = ruled.filter((a) => a.outcome === 'rejected');
  const durations = ruled.flatMap((a) =>
    a.applied !== null && a.ruled !== null ? [daysBetween(a.applied, a.ruled)] : [],
  );
  return {
    jcApplied: tallyKpi(
      'jcApplied',
      applied.length,
      applied.map((a) => a.fact),
    ),
    jcConfirmed: tallyKpi(
      'jcConfirmed',
      confirmed.length,
      confirmed.map((a) => a.fact),
    ),
    jcRejected: tallyKpi(
      'jcRejected',
      rejected.length,
      rejected.map((a) => a.fact),
    ),
    jcMeanDays: daysKpi(
      'jcMeanDays',
      mean(durations),
      ruled.map((a) => a.fact),
    ),
  };
}
