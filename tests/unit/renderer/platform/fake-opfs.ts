/* An in-memory stand-in for the Origin Private File System (jsdom has none), with write commits on close. */
import { Blob as NodeBlob } from 'node:buffer';
import type { OpfsDirectory, OpfsFileHandle, OpfsWritable } from '../../../../renderer/platform/opfs-journal';

export function fakeOpfs() {
  const files = new Map<string, Uint8Array>();
  const events: string[] = [];
  let failNextWrite = false;

  const fileHandle = (name: string): OpfsFileHandle => ({
    // Node's Blob: jsdom's has no arrayBuffer().
    getFile: () =>
      Promise.resolve(
        new NodeBlob([new Uint8Array(files.get(name) ?? new Uint8Array(0))]) as unknown as Blob,
      ),
    createWritable: ({ keepExistingData }) => {
      // Like Chromium: a swap copy, moved into place only by close().
      let swap = keepExistingData ? new Uint8Array(files.get(name) ?? new Uint8Array(0)) : new Uint8Array(0);
      const writable: OpfsWritable = {
        write: ({ position, data }) => {
          if (failNextWrite) {
            failNextWrite = false;
            return Promise.reject(new DOMException('disk full', 'QuotaExceededError'));
          }
          const next = new Uint8Array(Math.max(swap.length, position + data.length));
          next.set(swap);
          next.set(data, position);
          swap = next;
          events.push('write');
          return Promise.resolve();
        },
        truncate: (size) => {
          swap = swap.slice(0, size);
          events.push('truncate');
          return Promise.resolve();
        },
        close: () => {
          files.set(name, swap);
          events.push('close');
          return Promise.resolve();
        },
        abort: () => {
          events.push('abort');
          return Promise.resolve();
        },
      };
      return Promise.resolve(writable);
    },
  });

  const dir: OpfsDirectory = {
    getFileHandle: (name, { create }) => {
      if (!files.has(name)) {
        if (!create) return Promise.reject(new DOMException('not found', 'NotFoundError'));
        files.set(name, new Uint8Array(0));
      }
      return Promise.resolve(fileHandle(name));
    },
  };
  return {
    dir,
    files,
    events,
    text: (name: string) => new TextDecoder().decode(files.get(name)),
    failNextWrite: () => {
      failNextWrite = true;
    },
  };
}
