/* UI strings of the enroll feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const enrollZh = {
  title: '登记本设备',
} as const;

export const enrollEn: Widen<typeof enrollZh> = {
  title: 'Enroll this device',
};
