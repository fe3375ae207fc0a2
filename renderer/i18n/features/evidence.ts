/* UI strings of the evidence feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const evidenceZh = {
  title: '证据',
} as const;

export const evidenceEn: Widen<typeof evidenceZh> = {
  title: 'Evidence',
};
