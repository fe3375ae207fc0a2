/* UI strings of storage health (settings panel and the warning on every screen): Chinese defines the keys. */
import type { Widen } from '../messages';

export const storageZh = {
  title: '本机存储',
  used: '已用',
  free: '可用',
  persisted: '数据保留',
  persistedYes: '已设为持久保存（浏览器不会自动清除）',
  persistedNo: '未获准持久保存：磁盘紧张时浏览器可能清除本机数据，请尽快同步',
  unknown: '无法读取',
  low: '本机存储空间偏少：还剩 {{free}}。请尽快同步，并清理已上传的证据或释放磁盘空间。',
  critical:
    '本机存储空间即将用尽：只剩 {{free}}。已停止导入证据；案件记录仍可保存，请立即同步并释放磁盘空间。',
} as const;

export const storageEn: Widen<typeof storageZh> = {
  title: 'Storage on this device',
  used: 'Used',
  free: 'Free',
  persisted: 'Retention',
  persistedYes: 'Persistent (the browser will not clear it)',
  persistedNo: 'Not persistent: under disk pressure the browser may clear local data; sync soon',
  unknown: 'Unknown',
  low: 'Storage is getting low: {{free}} left. Sync soon and clear uploaded evidence or free disk space.',
  critical:
    'Storage almost full: only {{free}} left. Evidence imports are stopped; case records still save. Sync now and free disk space.',
};
