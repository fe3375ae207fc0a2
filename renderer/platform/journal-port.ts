/*
 * Adapts the platform's journal channels to the shape renderer/data's JournalPort expects
 * (`append(lines)` → Result<void>, `readAll()` → every line): batches appends to the contract's
 * per-call limit and pages reads until the end. Structural, so this folder does not import renderer/data.
 */
import { ipcLimits, type IpcError, type TribunalApi } from '#shared/ipc/contract';
import { ok, type Result } from '#shared/util/result';

export type PlatformJournalPort = {
  /** Appends whole lines; resolves only once they are durable. */
  append(lines: readonly string[]): Promise<Result<void, IpcError>>;
  /** Every line ever appended, in order. */
  readAll(): Promise<Result<string[], IpcError>>;
  /** Replaces the whole journal by `lines`, atomically (old or new, never half); durable when answered. */
  replace(lines: readonly string[]): Promise<Result<void, IpcError>>;
};

/** A journal port over `api.journal` (the Electron file or the browser's OPFS file). */
export function journalPortFrom(api: Pick<TribunalApi, 'journal'>): PlatformJournalPort {
  return {
    replace: async (lines) => {
      const per = ipcLimits.journalLinesPerAppend;
      for (let i = 0; i === 0 || i < lines.length; i += per) {
        const r = await api.journal.replace({
          lines: lines.slice(i, i + per),
          first: i === 0,
          last: i + per >= lines.length,
        });
        if (!r.ok) return r;
      }
      return ok(undefined);
    },
    append: async (lines) => {
      for (let i = 0; i < lines.length; i += ipcLimits.journalLinesPerAppend) {
        const r = await api.journal.append({ lines: lines.slice(i, i + ipcLimits.journalLinesPerAppend) });
        if (!r.ok) return r;
      }
      return ok(undefined);
    },
    readAll: async () => {
      const all: string[] = [];
      let fromOffset = 0;
      for (;;) {
        const r = await api.journal.read({ fromOffset });
        if (!r.ok) return r;
        all.push(...r.value.lines);
        if (r.value.end || r.value.nextOffset === fromOffset) return ok(all);
        fromOffset = r.value.nextOffset;
      }
    },
  };
}
