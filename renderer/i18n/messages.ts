/*
 * The shape every language must fill: the Chinese message tree with each literal widened to string.
 * i18next's typed `t()` keys come from this shape (see ./i18next.d.ts).
 */
import type { zhCN } from './zh-CN';

/** A message tree with every literal widened to string (what a translation must fill). */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The translation tree every language provides; keys are those of zh-CN. */
export type Messages = Widen<typeof zhCN>;
