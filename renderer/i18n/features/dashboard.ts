/* UI strings of the dashboard feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const dashboardZh = {
  title: '统计',
  placeholder: '受理、结案、结案率、调解成功率、追回金额等指标将在同步后显示。',
} as const;

export const dashboardEn: Widen<typeof dashboardZh> = {
  title: 'Dashboard',
  placeholder:
    'Cases accepted, closed, closure rate, mediation success and amounts recovered appear after a sync.',
};
