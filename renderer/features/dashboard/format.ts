/* How a KPI value reads on screen: counts, percentages, yuan, days; "—" when undefined. */
import { formatYuan } from '#shared/law/money';
import type { Kpi } from '#shared/stats/index';

export function formatKpi(k: Pick<Kpi, 'unit' | 'value'>, lang: 'zh' | 'en'): string {
  const v = k.value;
  if (v === null) return '—';
  switch (k.unit) {
    case 'count':
      return v.toLocaleString('zh-CN');
    case 'rate':
      return `${(v * 100).toFixed(1)}%`;
    case 'fen':
      return formatYuan(v);
    case 'days':
      return lang === 'zh' ? `${v.toFixed(1)} 天` : `${v.toFixed(1)} d`;
  }
}
