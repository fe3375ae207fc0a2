/* UI strings of the mediation feature: Chinese defines the keys, English is typed against them. */
import type { Widen } from '../messages';

export const mediationZh = {
  title: '五心调解',
} as const;

export const mediationEn: Widen<typeof mediationZh> = {
  title: 'Five-heart mediation',
};
