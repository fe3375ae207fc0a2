/*
 * 在线 / 离线 from navigator.onLine and the window's online/offline events. Only a hint: "online" means
 * a network interface is up, not that the hub answers — the sync loop finds that out for itself.
 * The window is injectable so tests can drive the events.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type NetworkStatus = 'online' | 'offline';

type NetworkWindow = Pick<Window, 'addEventListener' | 'removeEventListener'> & {
  navigator: Pick<Navigator, 'onLine'>;
};

export function readNetworkStatus(win: NetworkWindow): NetworkStatus {
  return win.navigator.onLine ? 'online' : 'offline';
}

/** Calls `onChange` on every online/offline event; returns the unsubscribe function. */
export function subscribeNetworkStatus(win: NetworkWindow, onChange: () => void): () => void {
  win.addEventListener('online', onChange);
  win.addEventListener('offline', onChange);
  return () => {
    win.removeEventListener('online', onChange);
    win.removeEventListener('offline', onChange);
  };
}

export function useNetworkStatus(win: NetworkWindow = window): NetworkStatus {
  const subscribe = useCallback((onChange: () => void) => subscribeNetworkStatus(win, onChange), [win]);
  return useSyncExternalStore(subscribe, () => readNetworkStatus(win));
}
