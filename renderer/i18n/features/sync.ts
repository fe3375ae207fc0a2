/* UI strings of the sync feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const syncZh = {
  title: '同步',
  waiting: '待上传',
  waitingEmpty: '没有待上传的内容。',
  rejected: '被枢纽拒收',
  rejectedEmpty: '没有被拒收的内容。',
  conflicts: '待处理的冲突',
  conflictsEmpty: '没有冲突。',
  lastSync: '上次成功同步',
  never: '尚未同步',
} as const;

export const syncEn: Widen<typeof syncZh> = {
  title: 'Sync',
  waiting: 'Waiting to upload',
  waitingEmpty: 'Nothing is waiting to upload.',
  rejected: 'Rejected by the hub',
  rejectedEmpty: 'Nothing was rejected.',
  conflicts: 'Conflicts to resolve',
  conflictsEmpty: 'No conflicts.',
  lastSync: 'Last successful sync',
  never: 'Never',
};
