/*
 * A pointer-events signing pad (pen, touch or mouse): strokes are kept as points and drawn on a canvas
 * when one is available. The parent reads the strokes (and turns them into the hashed SVG).
 */
import { useEffect, useRef } from 'react';
import type { Point, Stroke } from './signature-svg';

export const PAD_WIDTH = 1000;
export const PAD_HEIGHT = 400;

export function SignaturePad({
  strokes,
  onChange,
  label,
}: {
  strokes: readonly Stroke[];
  onChange: (s: Stroke[]) => void;
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<Point[] | null>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, PAD_WIDTH, PAD_HEIGHT);
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#000';
    for (const s of strokes) {
      ctx.beginPath();
      s.forEach((p, i) => {
        if (i === 0) ctx.moveTo(p.x, p.y);
        else ctx.lineTo(p.x, p.y);
      });
      ctx.stroke();
    }
  }, [strokes]);

  // Pad coordinates, whatever size the canvas is shown at.
  const at = (e: React.PointerEvent<HTMLCanvasElement>): Point => {
    const box = e.currentTarget.getBoundingClientRect();
    const w = box.width === 0 ? PAD_WIDTH : box.width;
    const h = box.height === 0 ? PAD_HEIGHT : box.height;
    return { x: ((e.clientX - box.left) * PAD_WIDTH) / w, y: ((e.clientY - box.top) * PAD_HEIGHT) / h };
  };

  return (
    <canvas
      ref={canvas}
      width={PAD_WIDTH}
      height={PAD_HEIGHT}
      aria-label={label}
      data-testid="signature-pad"
      onPointerDown={(e) => {
        try {
          e.currentTarget.setPointerCapture(e.pointerId);
        } catch {
          // No pointer capture (test DOM) or the pointer already ended: drawing still works.
        }
        drawing.current = [at(e)];
        onChange([...strokes, drawing.current]);
      }}
      onPointerMove={(e) => {
        if (drawing.current === null) return;
        drawing.current = [...drawing.current, at(e)];
        onChange([...strokes.slice(0, -1), drawing.current]);
      }}
      onPointerUp={() => {
        drawing.current = null;
      }}
      onPointerCancel={() => {
        drawing.current = null;
      }}
    />
  );
}
