/*
 * Lock on suspend (#8 part 2, reliability.md R7): when the laptop goes to sleep or its screen locks,
 * the app window is told to lock over the one main → renderer event of the IPC contract (`power:lock`).
 * The renderer then drops its key and reloads, so a laptop taken from a bag asleep opens at the unlock
 * screen. powerMonitor may only be used after `ready`.
 */
import type { WebContents } from 'electron';
import { ipcEvents } from '#shared/ipc/channels';

/** The powerMonitor events that lock: sleep and the OS screen lock. */
export const LOCK_EVENTS = ['suspend', 'lock-screen'] as const;

const LOCK_EVENT = ipcEvents[0]; // 'power:lock'

/** Sends `power:lock` to the current app window on every lock event; answers an unsubscribe. */
/** The part of Electron's powerMonitor used here (an EventEmitter in tests). */
export type PowerEvents = {
  on(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
  removeListener(event: (typeof LOCK_EVENTS)[number], listener: () => void): unknown;
};

export function watchPowerLock(
  powerMonitor: PowerEvents,
  target: () => Pick<WebContents, 'send' | 'isDestroyed'> | undefined,
): () => void {
  const lock = () => {
    const wc = target();
    if (wc && !wc.isDestroyed()) wc.send(LOCK_EVENT);
  };
  for (const name of LOCK_EVENTS) powerMonitor.on(name, lock);
  return () => {
    for (const name of LOCK_EVENTS) powerMonitor.removeListener(name, lock);
  };
}
