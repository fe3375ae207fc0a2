/*
 * makeDerivedCopies: thumbnails off the UI thread. A module worker with OffscreenCanvas where the
 * platform has both (Chromium, Electron); otherwise the same code on the main thread. The CSP allows
 * workers from 'self' (worker-src 'self' blob: in index.html; Electron's policy falls back to script-src
 * 'self'), and Vite bundles the worker as its own file, so no blob: or eval is needed.
 */
import { renderCopies, type DerivedResult } from './derive-core';

type Pending = Map<number, { resolve: (r: DerivedResult) => void; blob: Blob; mime?: string }>;
/** Set when the worker failed to start or crashed: from then on the main thread does the work. */
let workerBroken = false;
let worker: { w: Worker; pending: Pending } | null = null;
let nextId = 1;

function startWorker(): { w: Worker; pending: Pending } | null {
  if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return null;
  try {
    const w = new Worker(new URL('./derive-worker.ts', import.meta.url), { type: 'module' });
    const pending: Pending = new Map();
    w.onmessage = (ev: MessageEvent<{ id: number; result: DerivedResult }>) => {
      pending.get(ev.data.id)?.resolve(ev.data.result);
      pending.delete(ev.data.id);
    };
    w.onerror = () => {
      // A worker that cannot load (or crashes) must not refuse good photos: redo them here.
      workerBroken = true;
      worker = null;
      for (const p of pending.values()) void renderCopies(p.blob, p.mime).then(p.resolve);
      pending.clear();
    };
    return { w, pending };
  } catch {
    return null;
  }
}

/** `mime` is the sniffed type; HEIC/HEIF is decoded with libheif (loaded in the worker on first use). */
export function makeDerivedCopies(blob: Blob, mime?: string): Promise<DerivedResult> {
  if (workerBroken) return renderCopies(blob, mime);
  worker ??= startWorker();
  const current = worker;
  if (current === null) return renderCopies(blob, mime);
  const id = nextId++;
  return new Promise((resolve) => {
    current.pending.set(id, { resolve, blob, ...(mime === undefined ? {} : { mime }) });
    current.w.postMessage({ id, blob, mime });
  });
}
