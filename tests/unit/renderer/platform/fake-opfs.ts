/*
 * An in-memory stand-in for the Origin Private File System (jsdom has none): writables commit on close
 * (Chromium's swap file), sync access handles write in place and hold an exclusive lock on their file
 * (a second handle or a writable is refused with NoModificationAllowedError until close).
 */
import { Blob as NodeBlob } from 'node:buffer';
import type { OpfsWritable } from '../../../../renderer/platform/opfs-journal';
import type {
  OpfsSyncDirectory,
  OpfsSyncFileHandle,
  OpfsSyncHandle,
} from '../../../../renderer/platform/opfs-sync-journal';

export function fakeOpfs() {
  const files = new Map<string, Uint8Array>();
  const events: string[] = [];
  let failNextWrite = false;
  let shortNextWrite = false;
  const locked = new Set<string>();
  const lockedError = () =>
    new DOMException(
      'Access Handles cannot be created if there is another open Access Handle',
      'NoModificationAllowedError',
    );
  const bytes = (name: string) => files.get(name) ?? new Uint8Array(0);

  const syncHandle = (name: string): OpfsSyncHandle => {
    let closed = false;
    const live = () => {
      if (closed) throw new DOMException('handle closed', 'InvalidStateError');
    };
    return {
      read: (buffer, { at }) => {
        live();
        const src = bytes(name).subarray(at, at + buffer.length);
        buffer.set(src);
        return src.length;
      },
      write: (data, { at }) => {
        live();
        if (failNextWrite) {
          failNextWrite = false;
          throw new DOMException('disk full', 'QuotaExceededError');
        }
        // A short write: only half the bytes land (what a crash or full disk can leave).
        const part = shortNextWrite ? data.subarray(0, Math.floor(data.length / 2)) : data;
        shortNextWrite = false;
        const cur = bytes(name);
        const next = new Uint8Array(Math.max(cur.length, at + part.length));
        next.set(cur);
        next.set(part, at);
        files.set(name, next);
        events.push('write');
        return part.length;
      },
      truncate: (size) => {
        live();
        const cur = bytes(name);
        const next = new Uint8Array(size);
        next.set(cur.subarray(0, size));
        files.set(name, next);
        events.push('truncate');
      },
      flush: () => {
        live();
        events.push('flush');
      },
      getSize: () => {
        live();
        return bytes(name).length;
      },
      close: () => {
        if (!closed) locked.delete(name);
        closed = true;
        events.push('release');
      },
    };
  };

  const fileHandle = (name: string): OpfsSyncFileHandle => ({
    // Node's Blob: jsdom's has no arrayBuffer().
    getFile: () =>
      Promise.resolve(
        new NodeBlob([new Uint8Array(files.get(name) ?? new Uint8Array(0))]) as unknown as Blob,
      ),
    createSyncAccessHandle: () => {
      if (locked.has(name)) return Promise.reject(lockedError());
      locked.add(name);
      return Promise.resolve(syncHandle(name));
    },
    createWritable: ({ keepExistingData }) => {
      if (locked.has(name)) return Promise.reject(lockedError());
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

  const dir: OpfsSyncDirectory = {
    getFileHandle: (name, { create }) => {
      if (!files.has(name)) {
        if (!create) return Promise.reject(new DOMException('not found', 'NotFoundError'));
        files.set(name, new Uint8Array(0));
      }
      return Promise.resolve(fileHandle(name));
    },
    removeEntry: (name) => {
      if (locked.has(name)) return Promise.reject(lockedError());
      files.delete(name);
      return Promise.resolve();
    },
  };
  return {
    dir,
    files,
    events,
    locked,
    /** Takes the file's lock as another holder would (a page closing, another tab); returns its release. */
    holdLock: (name: string) => {
      locked.add(name);
      return () => {
        locked.delete(name);
      };
    },
    shortNextWrite: () => {
      shortNextWrite = true;
    },
    text: (name: string) => new TextDecoder().decode(files.get(name)),
    failNextWrite: () => {
      failNextWrite = true;
    },
  };
}
