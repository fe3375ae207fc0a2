/*
 * A transcript (笔录) typed during a session: lines with speaker labels, kept as plain text
 * (`speaker：words` per line) so it can be stored in a note, hashed, read back and printed the same way.
 */

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
