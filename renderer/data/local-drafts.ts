/*
 * Work in progress that is not yet an event: the transcript typed during a hearing (#6) is kept here,
 * saved continuously, so a reload, a crash or a lock (which reloads) loses at most the last keystrokes
 * before the debounce. Drafts are as sensitive as the record they will become, so each value is sealed by
 * the codec ('meta' context) like every other stored value; the `meta` row's key says only what kind of
 * draft it is and for which case (ids, no personal data). A draft is never synced or journalled: it
 * becomes the record only when the user records it, and is cleared then.
 */
import type { Sealed } from './codec';
import type { DataContext } from './event-store';

/** Every draft key starts with this, so drafts never collide with device metadata. */
export const LOCAL_DRAFT_PREFIX = 'draft:';

/** What a stored draft says about itself: when it was saved (ms, from the store's clock) and its value. */
export type StoredDraft = { readonly savedAt: number; readonly value: unknown };

export type LocalDrafts = {
  /** The draft under `key` as saved (unchecked: the caller parses it), or null when there is none. */
  load(key: string): Promise<StoredDraft | null>;
  /** Replaces the draft under `key`; resolves when the row is committed. */
  save(key: string, value: unknown): Promise<StoredDraft>;
  clear(key: string): Promise<void>;
};

const isSealed = (v: unknown): v is Sealed =>
  typeof v === 'object' && v !== null && 'v' in v && 'alg' in v && 'data' in v;

const rowKey = (key: string): string => `${LOCAL_DRAFT_PREFIX}${key}`;

export function localDrafts(ctx: Pick<DataContext, 'db' | 'codec' | 'now'>): LocalDrafts {
  return {
    load: async (key) => {
      const row = await ctx.db.meta.get(rowKey(key));
      if (!row || !isSealed(row.value)) return null;
      const opened = await ctx.codec.open('meta', row.value);
      if (typeof opened !== 'object' || opened === null || !('savedAt' in opened) || !('value' in opened))
        return null;
      const savedAt = typeof opened.savedAt === 'number' ? opened.savedAt : 0;
      return { savedAt, value: opened.value };
    },
    save: async (key, value) => {
      const draft: StoredDraft = { savedAt: ctx.now(), value };
      await ctx.db.meta.put({ key: rowKey(key), value: await ctx.codec.seal('meta', draft) });
      return draft;
    },
    clear: async (key) => {
      await ctx.db.meta.delete(rowKey(key));
    },
  };
}
