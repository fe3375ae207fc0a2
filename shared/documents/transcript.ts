/*
 * A transcript (笔录) typed during a session: lines with speaker labels, kept as plain text
 * (`speaker：words` per line) so it can be stored (transcript.recorded, in parts), hashed, read back
 * and printed the same way.
 */
import type { Note, TranscriptText } from '#shared/case/state';

export type TranscriptLine = { readonly speaker: string; readonly text: string };

/** One line per utterance; newlines inside an utterance become spaces so the format stays one-line. */
export const transcriptText = (lines: readonly TranscriptLine[]): string =>
  lines.map((l) => `${l.speaker}：${l.text.replace(/\s*\n\s*/g, ' ')}`).join('\n');

/** Reads the stored text back (a line without a speaker label keeps an empty speaker). */
export function parseTranscript(text: string): TranscriptLine[] {
  if (text === '') return [];
  return text.split('\n').map((line) => {
    const i = line.indexOf('：');
    return i < 0 ? { speaker: '', text: line } : { speaker: line.slice(0, i), text: line.slice(i + 1) };
  });
}

/** Alt+1..9 → the index of the speaker (0-based), or null for any other key. */
export function speakerShortcut(e: { altKey: boolean; key: string; code?: string }): number | null {
  if (!e.altKey) return null;
  // On some layouts Alt changes `key`; the physical Digit code is reliable.
  const m = /^Digit([1-9])$/.exec(e.code ?? '') ?? /^([1-9])$/.exec(e.key);
  return m ? Number(m[1]) - 1 : null;
}

/**
 * The text split into transcript.recorded parts of at most `max` characters, at line ends; joined by
 * newlines they give the text back. (A single utterance longer than `max` — never typed in practice —
 * is cut into pieces, which then read as separate lines.)
 */
export function transcriptParts(text: string, max: number): string[] {
  const pieces = text
    .split('\n')
    .flatMap((line) =>
      line.length <= max
        ? [line]
        : Array.from({ length: Math.ceil(line.length / max) }, (_, i) => line.slice(i * max, (i + 1) * max)),
    );
  const parts: string[] = [];
  let current: string | null = null;
  for (const piece of pieces) {
    if (current !== null && current.length + 1 + piece.length <= max) current = `${current}\n${piece}`;
    else {
      if (current !== null) parts.push(current);
      current = piece;
    }
  }
  if (current !== null && current !== '') parts.push(current);
  return parts;
}

type TranscriptSource = {
  readonly transcriptTexts: readonly TranscriptText[];
  readonly notes: readonly Note[];
};

/** A session's transcript: its id, full text, and the addenda (later corrections) recorded for it. */
export type SessionTranscript = {
  readonly transcriptId: string;
  readonly text: string;
  readonly addenda: readonly Note[];
};

/**
 * The transcript of a session in a case state or party view: the transcript.recorded parts in order,
 * or, for a session recorded before that event existed (#6), the note that carried the text. Addenda
 * are the current notes of kind transcript_addendum naming the transcript.
 */
export function sessionTranscript(src: TranscriptSource, sessionId: string): SessionTranscript | null {
  const current = src.notes.filter((n) => n.sessionId === sessionId && n.supersededBy === null);
  const recorded = src.transcriptTexts.filter((t) => t.sessionId === sessionId).at(-1);
  const legacy = current.filter((n) => n.fields['kind'] === 'transcript').at(-1);
  const legacyId = legacy?.fields['transcriptId'];
  const found = recorded
    ? { transcriptId: recorded.transcriptId, text: recorded.parts.map((p) => p.text).join('\n') }
    : legacy && typeof legacyId === 'string'
      ? { transcriptId: legacyId, text: legacy.text ?? '' }
      : null;
  if (found === null) return null;
  const addenda = current.filter(
    (n) => n.fields['kind'] === 'transcript_addendum' && n.fields['transcriptId'] === found.transcriptId,
  );
  return { ...found, addenda };
}
