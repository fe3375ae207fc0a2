/* The lock placeholder: lock and unlock flip one flag; nothing else is kept. */
import { describe, expect, it } from 'vitest';
import { createLockStore, lockScreen, lockStore, unlockScreen } from '../../../../renderer/stores/lock';

describe('lock store', () => {
  it('starts unlocked unless told otherwise', () => {
    expect(createLockStore().getState().locked).toBe(false);
    expect(createLockStore(true).getState().locked).toBe(true);
  });

  it('locks and unlocks', () => {
    const store = createLockStore();
    store.getState().lock();
    expect(store.getState().locked).toBe(true);
    store.getState().unlock();
    expect(store.getState().locked).toBe(false);
  });

  it('lockScreen / unlockScreen drive the app-wide instance', () => {
    lockScreen();
    expect(lockStore.getState().locked).toBe(true);
    unlockScreen();
    expect(lockStore.getState().locked).toBe(false);
  });
});
