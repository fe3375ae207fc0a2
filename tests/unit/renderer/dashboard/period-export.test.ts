// Period presets, yearbook month rows, and CSV built in slices with progress.
import { describe, expect, it } from 'vitest';
import { csvBytes, safeFileName } from '../../../../renderer/features/dashboard/export';
import { monthRows, presetPeriod } from '../../../../renderer/features/dashboard/period';

describe('periods', () => {
  it('presets end today; last year is the whole year', () => {
    expect(presetPeriod('month', '2026-05-17')).toEqual({ from: '2026-05-01', to: '2026-05-17' });
    expect(presetPeriod('quarter', '2026-05-17')).toEqual({ from: '2026-04-01', to: '2026-05-17' });
    expect(presetPeriod('year', '2026-05-17')).toEqual({ from: '2026-01-01', to: '2026-05-17' });
    expect(presetPeriod('lastYear', '2026-05-17')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('month rows clip to the period, cap at 12, and end with the total', () => {
    const rows = monthRows({ from: '2026-01-15', to: '2026-03-10' });
    expect(rows.map((r) => [r.label, r.period.from, r.period.to])).toEqual([
      ['2026年1月', '2026-01-15', '2026-01-31'],
      ['2026年2月', '2026-02-01', '2026-02-28'],
      ['2026年3月', '2026-03-01', '2026-03-10'],
      ['合计', '2026-01-15', '2026-03-10'],
    ]);
    expect(monthRows({ from: '2024-12-01', to: '2026-12-31' })).toHaveLength(13);
  });
});

describe('csv export', () => {
  it('reports rising progress over a large table and ends at 1 with the whole text', async () => {
    const rows = Array.from({ length: 10_001 }, (_, i) => [`案${String(i)}`, i]);
    const seen: number[] = [];
    const bytes = await csvBytes(rows, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen.at(-1)).toBe(1);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith('\uFEFF案0,0\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(10_002);
  });

  it('file names lose characters a save dialog refuses', () => {
    expect(safeFileName('统计:2026/03?\u0001.csv')).toBe('统计_2026_03__.csv');
  });
});
