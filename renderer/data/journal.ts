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
  };
}
