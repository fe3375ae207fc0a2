/*
 * Simplified Chinese, the default language. This file defines the key set: every other language is
 * typed against it (see ./messages.ts), so a missing key is a compile error.
 */
import { caseloadZh } from './features/caseload';
import { caseFileZh } from './features/caseFile';
import { reviewZh } from './features/review';
import { intakeZh } from './features/intake';
import { dashboardZh } from './features/dashboard';
import { syncZh } from './features/sync';
import { evidenceZh } from './features/evidence';
import { mediationZh } from './features/mediation';
import { enrollZh } from './features/enroll';
import { securityZh } from './features/security';
import { storageZh } from './features/storage';
import { holidaysZh } from './features/holidays';

export const zhCN = {
  app: {
    name: '背包仲裁庭',
    skipToMain: '跳到主要内容',
  },
  nav: {
    label: '主导航',
    caseload: '案件',
    today: '今日',
    dashboard: '统计',
    sync: '同步',
    settings: '设置',
  },
  topbar: {
    organisationLabel: '机构',
    userLabel: '用户',
    organisationPlaceholder: '未登记机构',
    userPlaceholder: '本设备尚未登记',
    lock: '锁定',
    lockHint: '离开座位时锁定屏幕',
  },
  network: {
    label: '网络状态',
    online: '在线',
    offline: '离线',
  },
  saveState: {
    label: '保存状态',
    saving: '正在保存…',
    savedLocal: '已保存到本机',
    synced: '已同步',
    syncFailed: '同步失败',
    conflict: '有冲突',
    saveFailed: '保存失败（未保存）',
  },
  lock: {
    title: '已锁定',
    body: '屏幕已锁定，本机数据仍在。口令解锁尚未接入，点「解锁」继续。',
    unlock: '解锁',
  },
  caseload: caseloadZh,
  caseFile: caseFileZh,
  review: reviewZh,
  intake: intakeZh,
  today: {
    title: '今日',
    sessions: '今日安排',
    sessionsEmpty: '今天没有安排调解或开庭。',
    deadlines: '即将到期',
    deadlinesEmpty: '三天内没有到期的期限。',
    counts: '已超期 {{overdue}} 件 · 三天内到期 {{soon}} 件',
    sealedStates: '以下案件的记录无法打开，今天是否有安排无法确认：',
    loadFailed: '今日数据暂时无法从本机读取，请稍后重试。',
    sessionKind: {
      mediation_joint: '调解（面对面）',
      mediation_caucus: '调解（背靠背）',
      investigation: '上门调查',
      hearing: '开庭',
    },
  },
  dashboard: dashboardZh,
  sync: syncZh,
  settings: {
    title: '设置',
    language: '界面语言',
    languageHint: '切换后立即生效，并保存在本机。',
    hub: '枢纽地址',
    hubNotSet: '尚未设置（设备登记后显示）',
    about: '关于',
    version: '版本',
    runtime: '运行环境',
    unknown: '未知',
    browser: '浏览器',
  },
  languages: {
    'zh-CN': '简体中文',
    en: 'English',
  },
  boot: {
    opening: '正在打开本机数据…',
    failed: '无法打开本机数据：{{message}}。数据没有被删除；请重新启动程序，仍然失败请联系管理员。',
    recovered: '启动检查：已从本机日志恢复 {{restored}} 条记录；{{unreadable}} 行无法读取（已保留原样）。',
    rebuilding: '软件已更新：正在按新版本重新计算本机案件数据（{{done}}/{{total}}）。期间可照常使用。',
    rebuilt: '已按新版本重新计算 {{total}} 件案件的数据。',
    rebuildFailed: '重新计算案件数据未完成：{{message}}。已完成的部分已保存，可重试。',
    rebuildRetry: '重试',
  },
  notFound: {
    title: '找不到这个页面',
    back: '返回案件列表',
  },
  evidence: evidenceZh,
  mediation: mediationZh,
  enroll: enrollZh,
  security: securityZh,
  storage: storageZh,
  holidays: holidaysZh,
} as const;
