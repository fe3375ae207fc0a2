/* UI strings of the security feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const securityZh = {
  title: '安全',
} as const;

export const securityEn: Widen<typeof securityZh> = {
  title: 'Security',
};
