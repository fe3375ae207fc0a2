/* The worker that makes thumbnails and display copies off the UI thread (one message per image). */
import { renderCopies } from './derive-core';

type Scope = {
  onmessage: ((ev: MessageEvent<{ id: number; blob: Blob }>) => void) | null;
  postMessage(message: unknown, transfer: Transferable[]): void;
};
const scope = globalThis as unknown as Scope;

scope.onmessage = (ev) => {
  void renderCopies(ev.data.blob).then((result) => {
    const transfer = result.ok ? result.copies.map((c) => c.bytes.buffer as ArrayBuffer) : [];
    scope.postMessage({ id: ev.data.id, result }, transfer);
  });
};
