/*
 * The hearing recorder's autosaved draft (#6): everything typed since 开始记录 — the session's particulars,
 * the lines, the current speaker and the utterance not yet entered — saved to this device (store.drafts,
 * sealed by the codec) a moment after each change, read back when the hearing tab opens again. It is a
 * draft, not a record: only 结束并保存 turns it into session.held + transcript.recorded, and clears it.
 * A stored draft is parsed, never trusted: a value that does not fit is treated as no draft.
 */
import { z } from 'zod';
import type { LocalDrafts } from '../../data/store';
import { SESSION_KINDS, VENUES, type SessionKind, type Venue } from '#shared/domain/sessions';
import type { TranscriptLine } from '#shared/documents/transcript';

export type Participant = { name: string; role: string; partyId: string };

/** The recorder as the user left it, once recording started. */
export type RecorderSnapshot = {
  /** The id session.held will carry (chosen at 开始记录): a draft whose session is already recorded is stale. */
  sessionId: string;
  kind: SessionKind;
  venue: Venue;
  place: string;
  mobile: boolean;
  isPublic: boolean;
  people: Participant[];
  /** ISO time 开始记录 was pressed. */
  start: string;
  lines: TranscriptLine[];
  speaker: number;
  utterance: string;
};

/** One in-progress hearing per case on a device. */
export const transcriptDraftKey = (caseId: string): string => `transcript:${caseId}`;

const snapshotSchema = z.object({
  v: z.literal(1),
  sessionId: z.string().min(1),
  kind: z.enum(SESSION_KINDS),
  venue: z.enum(VENUES),
  place: z.string(),
  mobile: z.boolean(),
  isPublic: z.boolean(),
  people: z.array(z.object({ name: z.string(), role: z.string(), partyId: z.string() })),
  start: z.string().min(1),
  lines: z.array(z.object({ speaker: z.string(), text: z.string() })),
  speaker: z.number().int().min(0),
  utterance: z.string(),
});

/** The value stored for a snapshot (versioned, so a later recorder can tell an old draft). */
export const snapshotValue = (s: RecorderSnapshot) => ({ v: 1 as const, ...s });

/** A stored value back as a snapshot, or null when it is not one (never partly trusted). */
export function parseSnapshot(value: unknown): RecorderSnapshot | null {
  const r = snapshotSchema.safeParse(value);
  if (!r.success) return null;
  const { sessionId, kind, venue, place, mobile, isPublic, people, start, lines, speaker, utterance } =
    r.data;
  return { sessionId, kind, venue, place, mobile, isPublic, people, start, lines, speaker, utterance };
}

/** Whether anything worth keeping was typed (an empty recorder leaves no draft behind). */
export const hasContent = (s: RecorderSnapshot): boolean => s.lines.length > 0 || s.utterance.trim() !== '';

export type Timers = {
  set: (fn: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
};

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => {
    clearTimeout(h as ReturnType<typeof setTimeout>);
  },
};

/**
 * Calls `save` with the latest value `ms` after the last `push` (one write per pause in typing, not one
 * per keystroke). `flush` saves a pending value at once; `cancel` drops it (after recording).
 */
export function createDebouncer<T>(
  save: (value: T) => void,
  ms: number,
  timers: Timers = realTimers,
): { push: (value: T) => void; flush: () => void; cancel: () => void } {
  let handle: unknown = null;
  let pending: { value: T } | null = null;
  const fire = () => {
    handle = null;
    const p = pending;
    pending = null;
    if (p) save(p.value);
  };
  return {
    push: (value) => {
      pending = { value };
      if (handle !== null) timers.clear(handle);
      handle = timers.set(fire, ms);
    },
    flush: () => {
      if (handle !== null) timers.clear(handle);
      fire();
    },
    cancel: () => {
      if (handle !== null) timers.clear(handle);
      handle = null;
      pending = null;
    },
  };
}

export type DraftStatus =
  { kind: 'none' } | { kind: 'saved'; at: number; resumed: boolean } | { kind: 'failed'; message: string };

/**
 * The recorder's autosave: `push` each snapshot (unchanged ones are not written again), `flush` when the
 * recorder closes or the input loses focus, `close` once recorded or discarded — it drops what is
 * pending, waits for a save on its way (so it cannot land after the clear) and clears the draft.
 */
export function createDraftKeeper(o: {
  drafts: Pick<LocalDrafts, 'save' | 'clear'>;
  key: string;
  ms: number;
  onStatus: (s: DraftStatus) => void;
  /** The snapshot already stored (a resumed draft), so it is not written again unchanged. */
  stored?: RecorderSnapshot | undefined;
  timers?: Timers | undefined;
}): { push: (s: RecorderSnapshot) => void; flush: () => void; close: () => Promise<void> } {
  let closed = false;
  let inflight: Promise<unknown> = Promise.resolve();
  let last = o.stored ? JSON.stringify(o.stored) : null;
  const debouncer = createDebouncer<RecorderSnapshot>(
    (snapshot) => {
      if (closed) return;
      inflight = o.drafts.save(o.key, snapshotValue(snapshot)).then(
        (d) => {
          if (!closed) o.onStatus({ kind: 'saved', at: d.savedAt, resumed: false });
        },
        (e: unknown) => {
          o.onStatus({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
        },
      );
    },
    o.ms,
    o.timers,
  );
  return {
    push: (s) => {
      const json = JSON.stringify(s);
      if (closed || json === last) return;
      last = json;
      debouncer.push(s);
    },
    flush: () => {
      debouncer.flush();
    },
    close: async () => {
      closed = true;
      debouncer.cancel();
      await inflight;
      await o.drafts.clear(o.key);
    },
  };
}
