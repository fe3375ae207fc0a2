/*
 * Whether the screen is locked. A placeholder until the passphrase and idle lock exist: locking hides
 * the app behind an overlay and unlocking needs no secret yet. UI state only; nothing is persisted.
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

export const lockScreen = (): void => {
  lockStore.getState().lock();
};
export const unlockScreen = (): void => {
  lockStore.getState().unlock();
};
