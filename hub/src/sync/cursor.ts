/*
 * Pull cursors: opaque to clients, a (feed position, hub seq) pair inside. Position and seq only ever
 * grow for a given puller, so a cursor never has to move back.
 */
export type FeedCursor = { pos: number; seq: number };

export const START_CURSOR: FeedCursor = { pos: 0, seq: 0 };

export const encodeCursor = (c: FeedCursor): string =>
  Buffer.from(`${String(c.pos)}.${String(c.seq)}`).toString('base64url');

/** null when the text is not a cursor this hub made. */
export function decodeCursor(text: string | undefined): FeedCursor | null {
  if (text === undefined || text === '') return START_CURSOR;
  const m = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  if (!m?.[1] || !m[2]) return null;
  return { pos: Number(m[1]), seq: Number(m[2]) };
}
