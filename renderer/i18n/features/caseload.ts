/* UI strings of the caseload feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const caseloadZh = {
  title: '案件',
  newCase: '新建案件',
  searchLabel: '搜索案件',
  searchPlaceholder: '姓名、案号、用人单位、身份证后四位',
  filtersLabel: '筛选',
  filterAll: '全部',
  filterMine: '我承办的',
  filterOverdue: '已超期',
  filterUnsynced: '未同步',
  tableLabel: '案件列表',
  columns: {
    caseNumber: '案号',
    applicants: '申请人',
    respondent: '被申请人',
    cause: '案由',
    status: '状态',
    nextDeadline: '下一期限',
    assignee: '承办人',
    sync: '同步',
  },
  empty: '还没有案件。',
  emptyHint: '点「新建案件」在现场立案，没有网络也可以。',
} as const;

export const caseloadEn: Widen<typeof caseloadZh> = {
  title: 'Cases',
  newCase: 'New case',
  searchLabel: 'Search cases',
  searchPlaceholder: 'Name, case number, employer, last 4 of ID',
  filtersLabel: 'Filters',
  filterAll: 'All',
  filterMine: 'Mine',
  filterOverdue: 'Overdue',
  filterUnsynced: 'Not synced',
  tableLabel: 'Case list',
  columns: {
    caseNumber: 'Case no.',
    applicants: 'Applicants',
    respondent: 'Respondent',
    cause: 'Cause',
    status: 'Status',
    nextDeadline: 'Next deadline',
    assignee: 'Handled by',
    sync: 'Sync',
  },
  empty: 'No cases yet.',
  emptyHint: 'Press "New case" to open one on site, with or without a network.',
};
