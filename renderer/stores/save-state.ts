/*
 * The save state of what is on screen (已保存到本机 · 已同步 · 同步失败 · 有冲突), shown in the top bar.
 * UI state only: features report what happened to the record they show; the record itself lives in
 * Dexie. Kept in a vanilla zustand store so it can be driven and tested without React.
 */
import { createStore } from 'zustand/vanilla';
import { useStore } from 'zustand';

/** Every save state the top bar can show, in the order a record usually goes through them. */
export const saveStates = [
  'saving',
  'saved-local',
  'synced',
  'sync-failed',
  'conflict',
  'save-failed',
] as const;

/**
 * - `saving`: the local transaction is running.
 * - `saved-local`: committed to IndexedDB and the journal on this device; not yet on the hub.
 * - `synced`: the hub has accepted it.
 * - `sync-failed`: the last upload failed; the local copy is safe.
 * - `conflict`: the hub holds a conflicting legally meaningful event that needs a decision.
 * - `save-failed`: the last write did not reach the disk (journal or IndexedDB failed): NOT saved.
 */
export type SaveState = (typeof saveStates)[number];

type SaveStateStore = {
  current: SaveState;
  set: (next: SaveState) => void;
};

/** Until a feature reports otherwise, nothing on screen is unsaved. */
export const initialSaveState: SaveState = 'saved-local';

export function createSaveStateStore(initial: SaveState = initialSaveState) {
  return createStore<SaveStateStore>()((set) => ({
    current: initial,
    set: (next) => {
      set({ current: next });
    },
  }));
}

/** The app's single instance. */
export const saveStateStore = createSaveStateStore();

export function useSaveState(): SaveState {
  return useStore(saveStateStore, (s) => s.current);
}

/** For features (and non-React code such as the sync loop) to report what happened. */
export function reportSaveState(next: SaveState): void {
  saveStateStore.getState().set(next);
}
