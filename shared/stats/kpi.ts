/*
 * Small builders for KPIs: counts, sums, rates and day statistics, each with its definition and the
 * cases behind it. Case id lists are sorted and distinct so two computations compare equal.
 */
import { KPI_DEFS } from './definitions';
import type { Bilingual, Breakdown, Kpi, KpiKey } from './types';
import type { CaseFacts } from './facts';

/** Sorted distinct case ids; linear when the facts already come in id order (report.ts sorts them once). */
export function ids(facts: readonly CaseFacts[]): string[] {
  const out = facts.map((f) => f.caseId);
  for (let i = 1; i < out.length; i++)
    if ((out[i - 1] as string) >= (out[i] as string)) return [...new Set(out)].sort();
  return out;
}

const def = (key: Exclude<KpiKey, 'closureRate'>): Bilingual => ({
  zh: KPI_DEFS[key].zh,
  en: KPI_DEFS[key].en,
});

/** A count of cases: value is exactly the number of distinct case ids. */
export function countKpi(key: Exclude<KpiKey, 'closureRate'>, facts: readonly CaseFacts[]): Kpi {
  const caseIds = ids(facts);
  return { key, value: caseIds.length, unit: 'count', definition: def(key), caseIds };
}

/** A count of things (sessions, referrals, workers) with the cases they belong to. */
export function tallyKpi(
  key: Exclude<KpiKey, 'closureRate'>,
  value: number,
  facts: readonly CaseFacts[],
): Kpi {
  return { key, value, unit: KPI_DEFS[key].unit, definition: def(key), caseIds: ids(facts) };
}

/** A sum of fen; the case ids are the cases that contributed a non-zero amount. */
export function sumKpi(
  key: Exclude<KpiKey, 'closureRate'>,
  facts: readonly CaseFacts[],
  amount: (f: CaseFacts) => number,
): Kpi {
  const contributing = facts.filter((f) => amount(f) > 0);
  const value = contributing.reduce((s, f) => s + amount(f), 0);
  return { key, value, unit: 'fen', definition: def(key), caseIds: ids(contributing) };
}

/** A ratio; null over an empty denominator. */
export function rateKpi(
  key: KpiKey,
  definition: Bilingual,
  numerator: readonly CaseFacts[],
  denominator: readonly CaseFacts[],
): Kpi {
  const caseIds = ids(numerator);
  const denominatorCaseIds = ids(denominator);
  const value = denominatorCaseIds.length === 0 ? null : caseIds.length / denominatorCaseIds.length;
  return { key, value, unit: 'rate', definition, caseIds, denominatorCaseIds };
}

export const mean = (xs: readonly number[]): number | null =>
  xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;

export function median(xs: readonly number[]): number | null {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  const hi = s[mid] ?? 0;
  return s.length % 2 === 1 ? hi : ((s[mid - 1] ?? 0) + hi) / 2;
}

/** Nearest-rank percentile (p in (0,100]): an actual observation, never interpolated. */
export function percentile(xs: readonly number[], p: number): number | null {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? null;
}

export function daysKpi(
  key: Exclude<KpiKey, 'closureRate'>,
  value: number | null,
  facts: readonly CaseFacts[],
): Kpi {
  return { key, value, unit: 'days', definition: def(key), caseIds: ids(facts) };
}

/** Splits cases by one or more keys each, in the order of `order`; empty keys are left out. */
export function breakdown(
  name: string,
  facts: readonly CaseFacts[],
  keysOf: (f: CaseFacts) => readonly string[],
  order: readonly string[],
  label: (key: string) => string,
): Breakdown {
  const groups = new Map<string, CaseFacts[]>();
  for (const f of facts)
    for (const k of keysOf(f)) {
      const list = groups.get(k);
      if (list) list.push(f);
      else groups.set(k, [f]);
    }
  const rank = (k: string): number => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, group]) => {
      const caseIds = ids(group);
      return {
        key,
        label: label(key),
        kpi: {
          key: `${name}.${key}`,
          value: caseIds.length,
          unit: 'count' as const,
          definition: { zh: `${label(key)}：案件数`, en: `${key}: number of cases` },
          caseIds,
        },
      };
    });
}
