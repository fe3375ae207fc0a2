/*
 * Export tables: the KPI table and the caseload list as rows of plain values, and CSV text (UTF-8 with a
 * BOM so Excel opens Chinese correctly). Built only from KpiSets and CaseFacts, so an export can carry
 * nothing internal or caucus-private: no notes, no evidence, no party names, ids or contacts.
 */
import { KPI_LABELS } from './labels-kpi';
import type { CaseFacts } from './facts';
import { CATEGORY_ZH, CHANNEL_ZH, CLOSURE_TYPE_ZH, KIND_ZH, labelOf } from './labels';
import { KPI_KEYS, type KpiSet, type StatsReport } from './types';

export type Cell = string | number | null;
export type Table = { name: string; rows: Cell[][] };

const yuan = (fen: number): number => Math.round(fen) / 100;

function valueOut(unit: string, v: number | null): Cell {
  if (v === null) return null;
  if (unit === 'fen') return yuan(v);
  if (unit === 'rate') return Math.round(v * 10_000) / 10_000;
  if (unit === 'days') return Math.round(v * 10) / 10;
  return v;
}

const UNIT_ZH: Readonly<Record<string, string>> = { count: '件/人/次', rate: '比率', fen: '元', days: '天' };

/** 指标 · 数值 · 单位 · 涉及案件数 · 口径 — one row per KPI, for the totals or one group. */
export function kpiTable(set: KpiSet, report: Pick<StatsReport, 'period' | 'asOf'>, name = '指标'): Table {
  const rows: Cell[][] = [
    ['统计期间', `${report.period.from} 至 ${report.period.to}`, null, null, `统计日 ${report.asOf}`],
    ['指标', '数值', '单位', '涉及案件数', '口径'],
  ];
  for (const key of KPI_KEYS) {
    const k = set.kpis[key];
    rows.push([
      KPI_LABELS[key].zh,
      valueOut(k.unit, k.value),
      UNIT_ZH[k.unit] ?? k.unit,
      k.caseIds.length,
      k.definition.zh,
    ]);
  }
  for (const [name, b] of Object.entries(set.breakdowns))
    for (const x of b)
      rows.push([
        `${BREAKDOWN_ZH[name] ?? name}：${x.label}`,
        x.kpi.value,
        '件',
        x.kpi.caseIds.length,
        x.kpi.definition.zh,
      ]);
  return { name, rows };
}

const BREAKDOWN_ZH: Readonly<Record<string, string>> = {
  acceptedByKind: '受理（按类型）',
  acceptedByChannel: '受理（按渠道）',
  acceptedByCategory: '受理（按争议类别）',
  closedByType: '结案（按结案方式）',
  referralsByTarget: '转介（按去向）',
  referralsByOutcome: '转介（按结果）',
};

/** The caseload list: structural fields only. `names` maps user ids to display names (assignees). */
export function caseTable(facts: readonly CaseFacts[], names: Readonly<Record<string, string>> = {}): Table {
  const rows: Cell[][] = [
    [
      '案号',
      '类型',
      '来源渠道',
      '争议类别',
      '状态',
      '承办人',
      '受理日期',
      '结案日期',
      '结案方式',
      '集体争议',
      '劳动者人数',
      '请求金额（元）',
      '协议金额（元）',
      '裁决金额（元）',
      '已履行金额（元）',
    ],
  ];
  for (const f of facts)
    rows.push([
      f.number,
      f.kind === null ? null : labelOf(KIND_ZH, f.kind),
      f.channel === null ? null : labelOf(CHANNEL_ZH, f.channel),
      f.categories.map((c) => labelOf(CATEGORY_ZH, c)).join('、'),
      f.status,
      f.assigneeId === null ? null : (names[f.assigneeId] ?? f.assigneeId),
      f.acceptedDay,
      f.closedDay,
      f.closureType === null ? null : labelOf(CLOSURE_TYPE_ZH, f.closureType),
      f.collective ? '是' : '否',
      f.workers,
      yuan(f.amountClaimedFen),
      yuan(f.amountAgreedFen),
      yuan(f.amountAwardedFen),
      yuan(f.payments.reduce((s, p) => s + p.amountFen, 0)),
    ]);
  return { name: '案件清单', rows };
}

/**
 * One CSV field: quoted when needed; a text starting with = + - @ (or a tab/CR) is prefixed with ' so a
 * spreadsheet never runs it as a formula (CSV injection).
 */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (row: readonly Cell[]): string => row.map(csvField).join(',');

/** CSV text with a BOM and CRLF line ends (what Excel expects). */
export const toCsv = (rows: readonly (readonly Cell[])[]): string =>
  `\uFEFF${rows.map(csvLine).join('\r\n')}\r\n`;
