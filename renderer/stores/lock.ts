/*
 * Whether the screen is locked. Once the unlock gate (renderer/features/unlock) holds the data key it
 * registers a lock handler, and locking means dropping the key and reloading the renderer. Without a
 * handler (no gate mounted) locking only hides the app behind the overlay. Nothing is persisted.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

type LockStore = {
  locked: boolean;
  lock: () => void;
  unlock: () => void;
};

export function createLockStore(initiallyLocked = false) {
  return createStore<LockStore>()((set) => ({
    locked: initiallyLocked,
    lock: () => {
      set({ locked: true });
    },
    unlock: () => {
      set({ locked: false });
    },
  }));
}

export const lockStore = createLockStore();

export function useLocked(): boolean {
  return useStore(lockStore, (s) => s.locked);
}

let lockHandler: (() => void) | null = null;

/** The unlock gate registers how to really lock (drop the key, reload); null when it unmounts. */
export function setLockHandler(handler: (() => void) | null): void {
  lockHandler = handler;
}

export const lockScreen = (): void => {
  if (lockHandler) lockHandler();
  else lockStore.getState().lock();
};
export const unlockScreen = (): void => {
  lockStore.getState().unlock();
};
