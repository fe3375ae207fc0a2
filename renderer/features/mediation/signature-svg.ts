/*
 * A signature as strokes of points, written out as a small SVG. The SVG text (not a canvas PNG) is what
 * is stored (renderer/data blobs) and hashed: it is byte-for-byte reproducible, prints sharply, and
 * needs no canvas export (which the test DOM does not have).
 */
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
