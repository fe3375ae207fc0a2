/* One `Range: bytes=a-b` (or `a-`, or `-n`) per request; multi-range is answered with the whole body. */

/** [start, end] inclusive, null for "no usable Range", or 'unsatisfiable' (416). */
export function parseRange(
  header: string | undefined,
  length: number,
): [number, number] | null | 'unsatisfiable' {
  if (header === undefined) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const n = Number(m[2]);
    if (n === 0 || length === 0) return 'unsatisfiable';
    return [Math.max(0, length - n), length - 1];
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? length - 1 : Math.min(Number(m[2]), length - 1);
  if (start >= length || end < start) return 'unsatisfiable';
  return [start, end];
}
