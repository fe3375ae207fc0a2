/*
 * The journal outside IndexedDB (architecture.md, "Durability"): every event is appended here before
 * it is shown as saved, and on start the app replays it into IndexedDB if the store lost anything.
 * The port is implemented by the platform (Electron: a file fsynced by main; browser: OPFS).
 */
import type { Result } from '#shared/util/result';

export type JournalError = { code: string; message: string };

export type JournalPort = {
  /** Appends whole lines; resolves only once they are durable. */
  append(lines: readonly string[]): Promise<Result<void, JournalError>>;
  /** Every line ever appended, in order. */
  readAll(): Promise<Result<string[], JournalError>>;
  /**
   * Replaces the whole journal atomically (the old lines or the new, never a mix); durable when it
   * resolves. Only the #8 migration uses it (plaintext lines rewritten sealed); optional for ports
   * that cannot, which then keep their journal as it is.
   */
  replace?(lines: readonly string[]): Promise<Result<void, JournalError>>;
};

/** An in-memory journal, for tests and for a session where the platform has none. */
export function memoryJournal(initial: readonly string[] = []): JournalPort & { lines: string[] } {
  const lines = [...initial];
  return {
    lines,
    append: (more) => {
      lines.push(...more);
      return Promise.resolve({ ok: true, value: undefined });
    },
    readAll: () => Promise.resolve({ ok: true, value: [...lines] }),
    replace: (next) => {
      lines.splice(0, lines.length, ...next);
      return Promise.resolve({ ok: true, value: undefined });
    },
  };
}
