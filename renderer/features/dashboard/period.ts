/* Period presets of the dashboard (China-time civil days, inclusive). */
import type { Period } from '#shared/stats/index';

export const PERIOD_PRESETS = ['month', 'quarter', 'year', 'lastYear'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

const pad = (n: number): string => String(n).padStart(2, '0');
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The preset's period around `today` (YYYY-MM-DD); the current ones end today. */
export function presetPeriod(preset: PeriodPreset, today: string): Period {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  switch (preset) {
    case 'month':
      return { from: `${String(y)}-${pad(m)}-01`, to: today };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { from: `${String(y)}-${pad(first)}-01`, to: today };
    }
    case 'year':
      return { from: `${String(y)}-01-01`, to: today };
    case 'lastYear':
      return { from: `${String(y - 1)}-01-01`, to: `${String(y - 1)}-12-${pad(lastDay(y - 1, 12))}` };
  }
}

/** Yearbook rows for a period: one row per calendar month it touches (at most 12), then the total. */
export function monthRows(p: Period): { label: string; period: Period }[] {
  const rows: { label: string; period: Period }[] = [];
  let y = Number(p.from.slice(0, 4));
  let m = Number(p.from.slice(5, 7));
  while (rows.length < 12) {
    const start = `${String(y)}-${pad(m)}-01`;
    const end = `${String(y)}-${pad(m)}-${pad(lastDay(y, m))}`;
    if (start > p.to) break;
    rows.push({
      label: `${String(y)}年${String(m)}月`,
      period: { from: start < p.from ? p.from : start, to: end > p.to ? p.to : end },
    });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return [...rows, { label: '合计', period: p }];
}
