/*
 * A signature as strokes of points, written out as a small SVG. The SVG text (not a canvas PNG) is what
 * gets hashed: it is byte-for-byte reproducible, prints sharply, and needs no canvas export (which the
 * test DOM does not have).
 */
import { sha256Hex } from '#shared/events/signing';

export type Point = { readonly x: number; readonly y: number };
export type Stroke = readonly Point[];

const r = (n: number): string => String(Math.round(n));

/** The strokes as an SVG document of the given size. */
export function strokesToSvg(strokes: readonly Stroke[], width: number, height: number): string {
  const paths = strokes
    .filter((s) => s.length > 0)
    .map((s) => {
      const [first, ...rest] = s;
      const d = `M${r(first?.x ?? 0)} ${r(first?.y ?? 0)}${rest.map((p) => `L${r(p.x)} ${r(p.y)}`).join('')}`;
      return `<path d="${d}"/>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${r(width)} ${r(height)}"><g fill="none" stroke="#000" stroke-width="3" stroke-linecap="round" stroke-linejoin="round">${paths}</g></svg>`;
}

/** SHA-256 of the SVG, or null for an empty pad (a dot counts; nothing at all does not). */
export async function signatureHash(
  strokes: readonly Stroke[],
  width: number,
  height: number,
): Promise<string | null> {
  if (!strokes.some((s) => s.length > 0)) return null;
  return sha256Hex(strokesToSvg(strokes, width, height));
}
