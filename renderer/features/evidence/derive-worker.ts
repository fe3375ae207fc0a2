/* The worker that makes thumbnails and display copies off the UI thread (one message per image). */
import { renderCopies, type DerivedResult } from './derive-core';

type Scope = {
  onmessage: ((ev: MessageEvent<{ id: number; blob: Blob; mime?: string }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};
const scope = globalThis as unknown as Scope;

scope.onmessage = (ev) => {
  // A rejection must still answer, or the import waits for ever.
  void renderCopies(ev.data.blob, ev.data.mime)
    .catch((e: unknown): DerivedResult => ({
      ok: false,
      message: `无法生成缩略图：${e instanceof Error ? e.message : String(e)}`,
    }))
    .then((result) => {
      const transfer = result.ok ? result.copies.map((c) => c.bytes.buffer as ArrayBuffer) : [];
      scope.postMessage({ id: ev.data.id, result }, transfer);
    });
};
