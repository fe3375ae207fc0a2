/* UI strings of the 节假日日历 panel in Settings (#3/#4): Chinese defines the keys. */
import type { Widen } from '../messages';

export const holidaysZh = {
  title: '节假日日历',
  intro:
    '期限按国务院办公厅每年发布的放假安排计算。软件只带有已发布年份的安排；新一年的通知发布后，由管理员按通知原文录入，软件不会自行推测。',
  bundled: '随软件发布',
  admin: '管理员录入',
  sourceLine: '来源：{{source}}',
  holidayCount: '放假 {{days}} 天，调休上班 {{workdays}} 天',
  skipped: '以下本机录入的数据无法使用，已忽略：',
  remove: '删除 {{year}} 年',
  removed: '已删除 {{year}} 年。',
  addTitle: '录入新一年的安排',
  year: '年份',
  sourceLabel: '来源（通知名称、文号和日期）',
  sourceHint: '例如：国务院办公厅关于××年部分节假日安排的通知（国办发明电〔××〕×号）',
  holidays: '放假日期',
  holidaysHint:
    '每行一个节日：名称 日期，连续放假可写“名称 开始..结束”，例如“元旦 YYYY-01-01”或“春节 YYYY-MM-DD..YYYY-MM-DD”。',
  workdays: '调休上班日',
  workdaysHint: '每行一个日期（YYYY-MM-DD），须为周六或周日；没有可留空。',
  submit: '保存该年安排',
  saving: '正在保存…',
  saved: '已保存 {{year}} 年。新的期限已按该年安排计算；案件列表中的期限已更新，如仍显示旧值请重新启动程序。',
  errors: {
    yearRequired: '请填写四位数年份',
    sourceRequired: '必须注明来源（国务院办公厅通知文号和日期）',
    holidaysRequired: '请至少填写一个放假日期',
    fixBelow: '未保存：请按提示修改后再保存，已填写的内容保留。',
  },
  notAdmin: '只有具有管理员角色的用户可以录入节假日安排。本机登记的用户没有该角色。',
  notEnrolled: '本机尚未登记：录入的安排只保存在这台设备上，不会同步到其他设备。',
  enrolledNote: '录入的安排保存在这台设备上。',
  unavailable: '本机数据尚未打开，暂时无法录入。',
} as const;

export const holidaysEn: Widen<typeof holidaysZh> = {
  title: 'Holiday calendar',
  intro:
    'Deadlines follow the holiday arrangement the State Council General Office publishes each year. The app ships only published years; when a new notice is published an administrator types it in from the notice. The app never guesses a year.',
  bundled: 'Ships with the app',
  admin: 'Added by an administrator',
  sourceLine: 'Source: {{source}}',
  holidayCount: '{{days}} days off, {{workdays}} make-up working days',
  skipped: 'Years stored on this device that could not be used (ignored):',
  remove: 'Remove {{year}}',
  removed: '{{year}} removed.',
  addTitle: 'Add a year',
  year: 'Year',
  sourceLabel: 'Source (notice title, number and date)',
  sourceHint: 'e.g. the State Council General Office notice on the holiday arrangement (its number)',
  holidays: 'Days off',
  holidaysHint:
    'One holiday per line: its name as in the notice, a space and the date (YYYY-MM-DD), or "name from..to" for a run of days.',
  workdays: 'Make-up working days',
  workdaysHint: 'One date (YYYY-MM-DD) per line, each a Saturday or Sunday; leave empty if none.',
  submit: 'Save this year',
  saving: 'Saving…',
  saved:
    '{{year}} saved. Deadlines now use it; the caseload was updated — if it still shows an old value, restart the app.',
  errors: {
    yearRequired: 'Enter a 4-digit year',
    sourceRequired: 'Cite the source (the notice number and date)',
    holidaysRequired: 'Enter at least one day off',
    fixBelow: 'Not saved: fix the fields below and save again; what you typed is kept.',
  },
  notAdmin:
    'Only a user with the administrator role can add a holiday arrangement. The user enrolled here lacks it.',
  notEnrolled:
    'This device is not enrolled: the years you add are kept on this device only and are not synced.',
  enrolledNote: 'Years you add are kept on this device.',
  unavailable: 'Local data is not open yet; try again shortly.',
};
