/*
 * Builds the object the preload exposes as `window.tribunal`: one frozen namespace per domain, one
 * function per channel, each calling `invoke(channel, input)`. Nothing else crosses the bridge — never
 * ipcRenderer itself or a generic send (reliability.md R4). A rejected invoke (no handler, a crash in
 * main) becomes an error result, so the renderer's promise never rejects.
 */
import { channelParts, ipcChannels, ipcError, type IpcEvent, type IpcResult } from '#shared/ipc/channels';
import type { TribunalApi } from '#shared/ipc/contract';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
/** Listens to one main → renderer event (no payload reaches the page); answers an unsubscribe. */
export type Subscribe = (event: IpcEvent, listener: () => void) => () => void;

const noSubscribe: Subscribe = () => () => undefined;

/** The frozen, namespaced API for the given invoke (calls) and subscribe (main → renderer events). */
export function buildBridge(invoke: Invoke, subscribe: Subscribe = noSubscribe): TribunalApi {
  const namespaces: Record<string, Record<string, (arg?: unknown) => unknown>> = {};
  for (const channel of ipcChannels) {
    const { namespace, method } = channelParts(channel);
    const ns = (namespaces[namespace] ??= {});
    ns[method] = (input?: unknown) =>
      invoke(channel, input).then(
        (result) => result as IpcResult<unknown>,
        () => ipcError('internal', `主进程没有应答 (main process did not answer ${channel})`),
      );
  }
  // The one event: the listener gets no argument, so the IPC event object never reaches the page.
  namespaces['power'] = {
    onLock: (listener?: unknown) => {
      if (typeof listener !== 'function') return () => undefined;
      const call = listener as () => void;
      return subscribe('power:lock', () => {
        call();
      });
    },
  };
  for (const ns of Object.values(namespaces)) Object.freeze(ns);
  return Object.freeze(namespaces) as unknown as TribunalApi;
}
